package org.botoxeligibility.knowledge;

import java.time.LocalDate;
import java.util.Set;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Response;

/**
 * A past treatment as the rules see it.
 *
 * @param recency 0 for the most recent treatment, 1 for the one before, ... (by date; on the same
 *     date, the later entry in the intake counts as more recent)
 * @param daysAgo whole days between the treatment and the assessment date
 * @param condition null when the history does not say
 * @param date the treatment date
 * @param product the product
 * @param units units given; null when not recorded
 * @param response the response
 * @param reactions adverse reactions after it
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

  public PastTreatment {
    reactions = Set.copyOf(reactions);
  }

  public boolean hadReaction(AdverseReaction reaction) {
    return reactions.contains(reaction);
  }

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

  /** Units of onabotulinumtoxinA given, 0 for other products or when not recorded. */
  public int onabotulinumtoxinaUnits() {
    return product == Product.ONABOTULINUMTOXINA && units != null ? units : 0;
  }

  /** "the treatment on 2026-03-01 (chronic migraine)". */
  public String describe() {
    return "the treatment on " + date + (condition == null ? "" : " (" + condition.label() + ")");
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "PastTreatment[redacted]";
  }
}
