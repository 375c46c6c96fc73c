package org.botoxeligibility.intake;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient intake (formats.md §1, version 1). Optional fields may be null; list fields are never
 * null (null becomes an empty list). An intake built in code is validated by the engine before it
 * is evaluated, exactly as one read from JSON.
 *
 * @param assessmentDate null means "the caller's default date" (the command's --date, else today)
 */
public record Intake(
    String intakeId,
    LocalDate assessmentDate,
    Patient patient,
    List<Concern> concerns,
    MedicalHistory medicalHistory,
    List<TreatmentRecord> treatmentHistory,
    Workflow workflow) {

  public Intake {
    concerns = Lists.copy(concerns);
    treatmentHistory = Lists.copy(treatmentHistory);
  }

  /** The same intake on another assessment date. */
  public Intake withAssessmentDate(LocalDate date) {
    return new Intake(intakeId, date, patient, concerns, medicalHistory, treatmentHistory, workflow);
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Intake[" + intakeId + "]";
  }
}
