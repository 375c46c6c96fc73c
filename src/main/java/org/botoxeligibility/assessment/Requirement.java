package org.botoxeligibility.assessment;

/**
 * Steps a therapeutic treatment needs before it is booked (docs/contract.md §2): a recommendation
 * lists those the intake's workflow has not met. A cosmetic treatment needs none.
 */
public enum Requirement {
  /** A medical examination ({@code workflow.medicalExaminationCompleted}). */
  MEDICAL_EXAMINATION,
  /** A confirmed diagnosis ({@code workflow.diagnosisConfirmed}). */
  CONFIRMED_DIAGNOSIS,
  /** A prescription ({@code workflow.prescriptionIssued}). */
  PRESCRIPTION
}
