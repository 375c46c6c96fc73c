package org.botoxeligibility.knowledge;

import java.time.LocalDate;
import java.util.Set;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Response;

/**
 * A past treatment as the rules see it, one per {@code treatmentHistory} entry, dated relative to
 * the assessment date.
 *
 * @param recency 0 for the most recent treatment, 1 for the one before, ... (by date; on the same
 *     date, the later entry in the intake counts as more recent)
 * @param daysAgo whole days between the treatment and the assessment date
 * @param condition what was treated; null when the history does not say
 * @param date the treatment date
 * @param product the product (onabotulinumtoxinA when the intake does not say)
 * @param units units given; null when not recorded
 * @param response the response ({@code UNKNOWN} when the intake does not say)
 * @param reactions adverse reactions after it, each once
 * @param pointer where the intake gives it ({@code /treatmentHistory/N})
 */
public record PastTreatment(
    int recency,
    LocalDate date,
    long daysAgo,
    ConditionCode condition,
    Product product,
    Integer units,
    Response response,
    Set<AdverseReaction> reactions,
    String pointer) {

  /**
   * Copies the reactions.
   *
   * @param recency the rank by recency, 0 for the most recent
   * @param date the date
   * @param daysAgo whole days before the assessment date
   * @param condition the condition, or null
   * @param product the product
   * @param units the units, or null
   * @param response the response
   * @param reactions the reactions; not null
   * @param pointer the JSON Pointer of the entry
   */
  public PastTreatment {
    reactions = Set.copyOf(reactions);
  }

  /**
   * Whether the treatment was followed by a reaction.
   *
   * @param reaction the reaction
   * @return true when it was
   */
  public boolean hadReaction(AdverseReaction reaction) {
    return reactions.contains(reaction);
  }

  /**
   * Whether the treatment was followed by either of two reactions.
   *
   * @param a a reaction
   * @param b another reaction
   * @return true when it was followed by one of them
   */
  public boolean hadAnyReaction(AdverseReaction a, AdverseReaction b) {
    return reactions.contains(a) || reactions.contains(b);
  }

  /**
   * The treatment's pointer, for a finding's evidence.
   *
   * @return {@code /treatmentHistory/N}
   */
  public String pointer() {
    return pointer;
  }

  /**
   * The units that count against the cumulative dose: onabotulinumtoxinA units only, since units
   * of other products are not interchangeable.
   *
   * @return the units, 0 for another product or when not recorded
   */
  public int onabotulinumtoxinaUnits() {
    return product == Product.ONABOTULINUMTOXINA && units != null ? units : 0;
  }

  /**
   * The treatment in words, for messages.
   *
   * @return such as "the treatment on 2026-03-01 (chronic migraine)"
   */
  public String describe() {
    return "the treatment on " + date + (condition == null ? "" : " (" + condition.label() + ")");
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "PastTreatment[redacted]";
  }
}
