package org.botoxeligibility.assessment;

import java.time.LocalDate;
import java.util.List;
import org.botoxeligibility.intake.ConditionCode;

/**
 * The answer for one concern (formats.md §2). Fields the catalog has no value for (the timing of
 * a not-recommended use) and a treatment date that does not exist are null, and absent in JSON.
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

  public Recommendation {
    mechanisms = List.copyOf(mechanisms);
    outstandingRequirements = List.copyOf(outstandingRequirements);
    sideEffects = List.copyOf(sideEffects);
    reasons = List.copyOf(reasons);
  }

  /**
   * The same recommendation with other reasons (their effects must give the same decision).
   *
   * @param value the reasons
   * @return the changed recommendation
   */
  public Recommendation withReasons(List<Reason> value) {
    return new Recommendation(concernId, condition, conditionName, category, mechanisms,
        labelStatus, decision, readyToBook, outstandingRequirements, insurance, plannedUnits,
        earliestTreatmentDate, expectedOnsetDays, fullEffectDays, expectedDurationMonths,
        maintenanceIntervalWeeks, sideEffects, value);
  }

  /** True when a reason with this code is among the reasons. */
  public boolean hasReason(String code) {
    return reasons.stream().anyMatch(r -> r.code().equals(code));
  }
}
