package org.botoxeligibility.knowledge;

import org.botoxeligibility.assessment.Category;
import org.botoxeligibility.assessment.Mechanism;
import org.botoxeligibility.assessment.LabelStatus;
import org.botoxeligibility.assessment.Range;

import java.util.List;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Site;

/**
 * One row of the condition catalog (rules/conditions.tsv, clinical-policy.md §2). An alias row
 * (MIGRAINE, EXCESSIVE_SWEATING) carries its own code, name and ICD-10-CM prefixes and the facts of
 * its default row; it has no condition-specific criteria.
 *
 * @param typicalUnits null for a row with no dose (a not-recommended use)
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
    List<PaediatricDoseLimit> paediatricLimits) {

  public CatalogEntry {
    mechanisms = List.copyOf(mechanisms);
    usualSites = List.copyOf(usualSites);
    icd10 = List.copyOf(icd10);
    sideEffects = List.copyOf(sideEffects);
    classifiesAs = List.copyOf(classifiesAs);
    labelledSites = List.copyOf(labelledSites);
    paediatricLimits = List.copyOf(paediatricLimits);
  }

  /** True when this is the condition, or an alias the rules can classify as it. */
  public boolean isOrClassifiesAs(ConditionCode condition) {
    return code == condition || classifiesAs.contains(condition);
  }

  public boolean isAlias() {
    return aliasOf != null;
  }

  public boolean cosmetic() {
    return category == Category.COSMETIC;
  }

  public boolean therapeutic() {
    return category == Category.THERAPEUTIC;
  }

  /** The alias row: its own code, name and ICD-10-CM prefixes over the facts of this row. */
  CatalogEntry asAlias(ConditionCode alias, String aliasName, List<String> aliasIcd10,
      List<ConditionCode> aliasClassifiesAs) {
    return new CatalogEntry(alias, aliasName, category, labelStatus, mechanisms, minimumAge,
        usualSites, typicalUnits, onsetDays, fullEffectDays, durationMonths,
        maintenanceIntervalWeeks, aliasIcd10, sideEffects, null, null, null, null, null, code,
        aliasClassifiesAs, null, List.of(), null, List.of());
  }

  /** The same row with its paediatric maximum doses. */
  CatalogEntry withPaediatricLimits(List<PaediatricDoseLimit> limits) {
    return new CatalogEntry(code, name, category, labelStatus, mechanisms, minimumAge, usualSites,
        typicalUnits, onsetDays, fullEffectDays, durationMonths, maintenanceIntervalWeeks, icd10,
        sideEffects, firstLineTherapy, payerMinPriorTherapies, offeredInstead,
        notRecommendedSource, notRecommendedBecause, aliasOf, classifiesAs, verify, labelledSites,
        intervalSource, limits);
  }
}
