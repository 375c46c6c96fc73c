package org.botoxeligibility.knowledge;

import java.util.List;
import java.util.Set;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Site;

/**
 * One paediatric maximum dose of an indication (rules/paediatric-dose-limits.tsv,
 * docs/clinical-policy.md §4 PAEDIATRIC_DOSE_LIMIT): the lower of {@code unitsPerKg} times the
 * weight and {@code maxUnits}, for a concern whose sites include every site of {@code sites} and
 * none of {@code withoutSites}. Applies to patients under 18 who give a weight.
 *
 * @param id the row's key
 * @param condition the catalog condition
 * @param sites sites the concern must include (empty: any)
 * @param withoutSites sites the concern must not include
 * @param unitsPerKg onabotulinumtoxinA units per kg of body weight
 * @param maxUnits the ceiling in units, whatever the weight
 * @param description the indication in words, for messages ("upper limb spasticity")
 * @param source the source
 * @param local true for a clinic's row (a --tables override): its reasons say the numbers are
 *     local (since 1.2)
 */
public record PaediatricDoseLimit(String id, ConditionCode condition, List<Site> sites,
    List<Site> withoutSites, int unitsPerKg, int maxUnits, String description, String source,
    boolean local) {

  /**
   * Copies the lists.
   *
   * @param id the row's key
   * @param condition the condition
   * @param sites the sites the concern must include; not null
   * @param withoutSites the sites the concern must not include; not null
   * @param unitsPerKg units per kg
   * @param maxUnits the ceiling in units
   * @param description the indication in words
   * @param source the source
   * @param local whether the row is a clinic's
   */
  public PaediatricDoseLimit {
    sites = List.copyOf(sites);
    withoutSites = List.copyOf(withoutSites);
  }

  /**
   * True when the limit applies to a concern with these sites.
   *
   * @param concernSites the concern's sites
   * @return whether it applies
   */
  public boolean appliesTo(Set<Site> concernSites) {
    return concernSites.containsAll(sites)
        && withoutSites.stream().noneMatch(concernSites::contains);
  }

  /**
   * The maximum for a weight, unrounded (a planned dose is compared with it as it is).
   *
   * @param weightKg the weight in kg
   * @return the lower of {@code unitsPerKg} times the weight and {@code maxUnits}, in units
   */
  public double limitFor(double weightKg) {
    return Math.min(unitsPerKg * weightKg, maxUnits);
  }

  /**
   * The sentence a reason's message ends with when the row is a clinic's: empty for the label's.
   *
   * @return the sentence, with a leading space, or ""
   */
  public String localNote() {
    return local ? " The paediatric maximum is a local number of this clinic (" + source
        + "), not the label's." : "";
  }
}
