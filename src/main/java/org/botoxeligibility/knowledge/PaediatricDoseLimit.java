package org.botoxeligibility.knowledge;

import java.util.List;
import java.util.Set;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Site;

/**
 * One paediatric maximum dose of an indication (rules/paediatric-dose-limits.tsv,
 * clinical-policy.md §4 PAEDIATRIC_DOSE_LIMIT): the lower of {@code unitsPerKg} times the weight
 * and {@code maxUnits}, for a concern whose sites include every site of {@code sites} and none of
 * {@code withoutSites}.
 *
 * @param id the row's key
 * @param condition the catalog condition
 * @param sites sites the concern must include (empty: any)
 * @param withoutSites sites the concern must not include
 * @param unitsPerKg units per kg of body weight
 * @param maxUnits the ceiling whatever the weight
 * @param description the indication in words, for messages ("upper limb spasticity")
 * @param source the source
 */
public record PaediatricDoseLimit(String id, ConditionCode condition, List<Site> sites,
    List<Site> withoutSites, int unitsPerKg, int maxUnits, String description, String source) {

  /** Copies the lists. */
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
   * The maximum for a weight, unrounded.
   *
   * @param weightKg the weight
   * @return the lower of the two limits
   */
  public double maxUnits(double weightKg) {
    return Math.min(unitsPerKg * weightKg, maxUnits);
  }
}
