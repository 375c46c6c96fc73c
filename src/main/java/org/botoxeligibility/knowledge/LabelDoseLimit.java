package org.botoxeligibility.knowledge;

import java.util.List;
import java.util.Set;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Site;

/**
 * One row of rules/dose-limits.tsv (docs/clinical-policy.md §8, DOSE_ABOVE_LABEL): the label's
 * maximum dose for an indication, for a concern of {@code condition} whose sites include every
 * site of {@code sites} and none of {@code withoutSites}. Rules read the rows through the catalog
 * ({@link CatalogEntry#doseLimits()}, {@link ConcernProfile#labelDoseLimits()}) and conclude a
 * {@link DoseLimit} per concern; Java only matches a row to a concern's sites.
 *
 * @param id the row's key
 * @param condition the catalog condition
 * @param sites sites the concern must include (empty: any)
 * @param withoutSites sites the concern must not include
 * @param togetherWith a condition whose concerns in the same intake share the maximum (their
 *     planned units count too), or null for a maximum of the concern alone
 * @param maxUnits the maximum in onabotulinumtoxinA units
 * @param per how the label counts it, in words ("per treatment", "per muscle"); empty for a row
 *     with a window
 * @param windowDays onabotulinumtoxinA units given for the condition less than this many days
 *     before the assessment date count too; null when past units do not count
 * @param typicalUnits the dose planned by default for a concern the row applies to, or null for
 *     the catalog's typical dose
 * @param description the indication in words, for messages ("glabellar lines")
 * @param source the source, such as "BOTOX PI §2"
 * @param verify what a clinician should confirm, or null
 * @param local true for a clinic's row (a --tables override): its reasons say the number is local
 * @param order the row's position in the table, for a stable order
 */
public record LabelDoseLimit(String id, ConditionCode condition, List<Site> sites,
    List<Site> withoutSites, ConditionCode togetherWith, int maxUnits, String per,
    Integer windowDays, Integer typicalUnits, String description, String source, String verify,
    boolean local, int order) {

  /**
   * Copies the lists.
   *
   * @param id the row's key
   * @param condition the condition
   * @param sites the sites the concern must include; not null
   * @param withoutSites the sites the concern must not include; not null
   * @param togetherWith the condition that shares the maximum, or null
   * @param maxUnits the maximum
   * @param per how the label counts it, in words
   * @param windowDays the window of past units, or null
   * @param typicalUnits the default dose, or null
   * @param description the indication in words
   * @param source the source
   * @param verify what to confirm, or null
   * @param local whether the row is a clinic's
   * @param order the row's position
   */
  public LabelDoseLimit {
    sites = List.copyOf(sites);
    withoutSites = List.copyOf(withoutSites);
  }

  /**
   * True when the row applies to a concern with these sites.
   *
   * @param concernSites the concern's sites
   * @return whether the row's sites and exclusions match
   */
  public boolean appliesTo(Set<Site> concernSites) {
    return concernSites.containsAll(sites)
        && withoutSites.stream().noneMatch(concernSites::contains);
  }

  /**
   * True for a maximum shared with the concerns of another condition.
   *
   * @return whether {@link #togetherWith()} is set
   */
  public boolean shared() {
    return togetherWith != null;
  }

  /**
   * The maximum and how the label counts it, in words: "20 units per treatment", "200 units in 30
   * days".
   *
   * @return the words
   */
  public String maximumText() {
    return maxUnits + " units" + (windowDays != null ? " in " + windowDays + " days"
        : per.isEmpty() ? "" : " " + per);
  }

  /** Names the row only. */
  @Override
  public String toString() {
    return "LabelDoseLimit[" + id + "]";
  }
}
