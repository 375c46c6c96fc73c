package org.botoxeligibility.intake;

/** Where the clinical workflow stands (formats.md §1); every step defaults to "not done". */
public record Workflow(
    boolean medicalExaminationCompleted, boolean diagnosisConfirmed, boolean prescriptionIssued) {

  public static final Workflow NOTHING_DONE = new Workflow(false, false, false);
}
