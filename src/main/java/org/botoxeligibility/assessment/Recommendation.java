package org.botoxeligibility.assessment;

import java.time.LocalDate;
import java.util.List;
import org.botoxeligibility.intake.ConditionCode;

/**
 * The answer for one concern (docs/contract.md §2). Fields the catalog has no value for (the timing
 * of a not-recommended use) and a treatment date that does not exist are null, and absent in JSON.
 *
 * @param concernId the concern's id (given, or {@code c1}, {@code c2}, ... by position)
 * @param condition the condition assessed: the given code, the one an ICD-10-CM code or an alias
 *     was classified as, or an alias that could not be classified
 * @param conditionName the condition's display name from the catalog
 * @param category cosmetic or therapeutic
 * @param mechanisms how the toxin acts, the primary first; at least one
 * @param labelStatus the label status of this use (off label when injected outside the label)
 * @param decision the most restrictive effect among the reasons
 * @param readyToBook true exactly when the decision is {@code ELIGIBLE} or {@code
 *     ELIGIBLE_WITH_PRECAUTIONS} and no requirement is outstanding
 * @param outstandingRequirements the workflow steps not yet done (therapeutic only), in the order
 *     examination, diagnosis, prescription; empty when none
 * @param insurance the likely coverage
 * @param plannedUnits onabotulinumtoxinA units planned: the concern's, else the catalog's default
 *     (for a child capped by weight); null when there is none (a not-recommended use, a child
 *     without a weight)
 * @param earliestTreatmentDate the assessment date when the decision allows treatment; for {@code
 *     DEFERRED}, the latest deferral date when every deferring reason has one; else null
 * @param expectedOnsetDays days until the effect begins; null when the catalog gives none
 * @param fullEffectDays days until the full effect; null when the catalog gives none
 * @param expectedDurationMonths months the effect lasts; null when the catalog gives none
 * @param maintenanceIntervalWeeks weeks between maintenance treatments; null when the catalog
 *     gives none
 * @param sideEffects common side effects, in words, from the catalog
 * @param reasons every reason, the most restrictive first (then by code, message and rule)
 */
public record Recommendation(
    String concernId,
    ConditionCode condition,
    String conditionName,
    Category category,
    List<Mechanism> mechanisms,
    LabelStatus labelStatus,
    Effect decision,
    boolean readyToBook,
    List<Requirement> outstandingRequirements,
    Insurance insurance,
    Integer plannedUnits,
    LocalDate earliestTreatmentDate,
    Range expectedOnsetDays,
    Integer fullEffectDays,
    Range expectedDurationMonths,
    Integer maintenanceIntervalWeeks,
    List<String> sideEffects,
    List<Reason> reasons) {

  /**
   * Copies the lists.
   *
   * @param concernId the concern's id
   * @param condition the condition assessed
   * @param conditionName the condition's name
   * @param category the category
   * @param mechanisms the mechanisms; not null
   * @param labelStatus the label status
   * @param decision the decision
   * @param readyToBook whether it can be booked
   * @param outstandingRequirements the steps not yet done; not null
   * @param insurance the coverage outlook
   * @param plannedUnits the planned units, or null
   * @param earliestTreatmentDate the earliest treatment date, or null
   * @param expectedOnsetDays the onset, or null
   * @param fullEffectDays the days to full effect, or null
   * @param expectedDurationMonths the duration, or null
   * @param maintenanceIntervalWeeks the maintenance interval, or null
   * @param sideEffects the side effects; not null
   * @param reasons the reasons; not null
   */
  public Recommendation {
    mechanisms = List.copyOf(mechanisms);
    outstandingRequirements = List.copyOf(outstandingRequirements);
    sideEffects = List.copyOf(sideEffects);
    reasons = List.copyOf(reasons);
  }

  /**
   * The same recommendation with other reasons. Nothing is recomputed: the caller keeps the
   * decision consistent with the reasons' effects.
   *
   * @param value the reasons; not null
   * @return the changed recommendation
   */
  public Recommendation withReasons(List<Reason> value) {
    return new Recommendation(concernId, condition, conditionName, category, mechanisms,
        labelStatus, decision, readyToBook, outstandingRequirements, insurance, plannedUnits,
        earliestTreatmentDate, expectedOnsetDays, fullEffectDays, expectedDurationMonths,
        maintenanceIntervalWeeks, sideEffects, value);
  }

  /**
   * Whether a reason with this code is among the reasons.
   *
   * @param code a reason code, such as {@code OFF_LABEL_USE}
   * @return true when at least one reason has it
   */
  public boolean hasReason(String code) {
    return reasons.stream().anyMatch(r -> r.code().equals(code));
  }
}
