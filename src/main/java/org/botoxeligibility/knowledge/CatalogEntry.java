package org.botoxeligibility.knowledge;

import org.botoxeligibility.assessment.Category;
import org.botoxeligibility.assessment.Mechanism;
import org.botoxeligibility.assessment.LabelStatus;
import org.botoxeligibility.assessment.Range;

import java.util.List;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Site;

/**
 * One row of the condition catalog (rules/conditions.tsv, docs/clinical-policy.md §2). An alias
 * row (MIGRAINE, EXCESSIVE_SWEATING) carries its own code, name and ICD-10-CM prefixes and the
 * facts of its default row; it has no condition-specific criteria. Immutable.
 *
 * @param code the condition or alias
 * @param name the display name, such as "Chronic migraine"
 * @param category cosmetic or therapeutic
 * @param labelStatus the row's label status
 * @param mechanisms how the toxin acts, the primary first; at least one
 * @param minimumAge the minimum age in whole years
 * @param usualSites the sites assessed when a concern gives none; empty for a row without any
 * @param typicalUnits the typical onabotulinumtoxinA dose in units; null for a row with no dose (a
 *     not-recommended use)
 * @param onsetDays days until the effect begins; null when not given
 * @param fullEffectDays days until the full effect; null when not given
 * @param durationMonths months the effect lasts; null when not given
 * @param maintenanceIntervalWeeks weeks between maintenance treatments; null when not given
 * @param icd10 the ICD-10-CM prefixes that map to the row, as written in the table
 * @param sideEffects common side effects, in words
 * @param firstLineTherapy what the label places before the toxin; null when it places nothing
 * @param payerMinPriorTherapies failed first-line therapies a payer asks for; null when none
 * @param offeredInstead what is offered instead of a not-recommended use; null when not known
 * @param notRecommendedSource for a not-recommended use: the source that says so
 * @param notRecommendedBecause for a not-recommended use: why, in words
 * @param aliasOf for an alias, the code of its default row; null for a catalog condition
 * @param classifiesAs for an alias, the conditions the rules can classify it as; else empty
 * @param verify numbers a clinician should confirm, in words; null when none
 * @param labelledSites the labelled injection areas of an ON_LABEL row (the usual sites, and for
 *     forehead lines also the glabella); empty for other rows
 * @param intervalSource the label that fixes the 12-week retreatment interval for the row; null
 *     when none does (Clinic policy)
 * @param paediatricLimits the indication's paediatric maximum doses (by sites)
 * @param doseLimits the label's maximum doses of the indication (rules/dose-limits.tsv, by sites;
 *     since 1.2), in the table's order
 */
public record CatalogEntry(
    ConditionCode code,
    String name,
    Category category,
    LabelStatus labelStatus,
    List<Mechanism> mechanisms,
    int minimumAge,
    List<Site> usualSites,
    Integer typicalUnits,
    Range onsetDays,
    Integer fullEffectDays,
    Range durationMonths,
    Integer maintenanceIntervalWeeks,
    List<String> icd10,
    List<String> sideEffects,
    String firstLineTherapy,
    Integer payerMinPriorTherapies,
    String offeredInstead,
    String notRecommendedSource,
    String notRecommendedBecause,
    ConditionCode aliasOf,
    List<ConditionCode> classifiesAs,
    String verify,
    List<Site> labelledSites,
    String intervalSource,
    List<PaediatricDoseLimit> paediatricLimits,
    List<LabelDoseLimit> doseLimits) {

  /**
   * Copies the lists.
   *
   * @param code the code
   * @param name the name
   * @param category the category
   * @param labelStatus the label status
   * @param mechanisms the mechanisms; not null
   * @param minimumAge the minimum age
   * @param usualSites the usual sites; not null
   * @param typicalUnits the typical units, or null
   * @param onsetDays the onset, or null
   * @param fullEffectDays the days to full effect, or null
   * @param durationMonths the duration, or null
   * @param maintenanceIntervalWeeks the maintenance interval, or null
   * @param icd10 the ICD-10-CM prefixes; not null
   * @param sideEffects the side effects; not null
   * @param firstLineTherapy the first-line therapy, or null
   * @param payerMinPriorTherapies the payer's minimum, or null
   * @param offeredInstead what is offered instead, or null
   * @param notRecommendedSource the source of a not-recommended use, or null
   * @param notRecommendedBecause why a use is not recommended, or null
   * @param aliasOf the default row of an alias, or null
   * @param classifiesAs what an alias classifies as; not null
   * @param verify what a clinician should confirm, or null
   * @param labelledSites the labelled sites; not null
   * @param intervalSource the label that fixes the interval, or null
   * @param paediatricLimits the paediatric maximum doses; not null
   * @param doseLimits the label's maximum doses; not null
   */
  public CatalogEntry {
    mechanisms = List.copyOf(mechanisms);
    usualSites = List.copyOf(usualSites);
    icd10 = List.copyOf(icd10);
    sideEffects = List.copyOf(sideEffects);
    classifiesAs = List.copyOf(classifiesAs);
    labelledSites = List.copyOf(labelledSites);
    paediatricLimits = List.copyOf(paediatricLimits);
    doseLimits = List.copyOf(doseLimits);
  }

  /**
   * Whether this is the condition, or an alias the rules can classify as it.
   *
   * @param condition a catalog condition
   * @return true when the row is it or may become it
   */
  public boolean isOrClassifiesAs(ConditionCode condition) {
    return code == condition || classifiesAs.contains(condition);
  }

  /**
   * Whether this is an alias row (MIGRAINE, EXCESSIVE_SWEATING).
   *
   * @return true when {@link #aliasOf()} is not null
   */
  public boolean isAlias() {
    return aliasOf != null;
  }

  /**
   * Whether the row is cosmetic.
   *
   * @return true for {@link Category#COSMETIC}
   */
  public boolean cosmetic() {
    return category == Category.COSMETIC;
  }

  /**
   * Whether the row is therapeutic.
   *
   * @return true for {@link Category#THERAPEUTIC}
   */
  public boolean therapeutic() {
    return category == Category.THERAPEUTIC;
  }

  /** The alias row: its own code, name and ICD-10-CM prefixes over the facts of this row. */
  CatalogEntry asAlias(ConditionCode alias, String aliasName, List<String> aliasIcd10,
      List<ConditionCode> aliasClassifiesAs) {
    return new CatalogEntry(alias, aliasName, category, labelStatus, mechanisms, minimumAge,
        usualSites, typicalUnits, onsetDays, fullEffectDays, durationMonths,
        maintenanceIntervalWeeks, aliasIcd10, sideEffects, null, null, null, null, null, code,
        aliasClassifiesAs, null, List.of(), null, List.of(), List.of());
  }

  /** The same row with its paediatric maximum doses. */
  CatalogEntry withPaediatricLimits(List<PaediatricDoseLimit> limits) {
    return new CatalogEntry(code, name, category, labelStatus, mechanisms, minimumAge, usualSites,
        typicalUnits, onsetDays, fullEffectDays, durationMonths, maintenanceIntervalWeeks, icd10,
        sideEffects, firstLineTherapy, payerMinPriorTherapies, offeredInstead,
        notRecommendedSource, notRecommendedBecause, aliasOf, classifiesAs, verify, labelledSites,
        intervalSource, limits, doseLimits);
  }

  /** The same row with the label's maximum doses. */
  CatalogEntry withDoseLimits(List<LabelDoseLimit> limits) {
    return new CatalogEntry(code, name, category, labelStatus, mechanisms, minimumAge, usualSites,
        typicalUnits, onsetDays, fullEffectDays, durationMonths, maintenanceIntervalWeeks, icd10,
        sideEffects, firstLineTherapy, payerMinPriorTherapies, offeredInstead,
        notRecommendedSource, notRecommendedBecause, aliasOf, classifiesAs, verify, labelledSites,
        intervalSource, paediatricLimits, limits);
  }
}
