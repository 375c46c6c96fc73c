package org.botoxeligibility.engine;

import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.intake.Intake;

/**
 * Receives every completed evaluation, for the audit trail. Called on the evaluating thread, so
 * an implementation must be thread-safe. If it throws, the evaluation fails: no assessment is
 * returned that the audit trail does not hold.
 */
public interface AuditSink {
  /**
   * Records one evaluation.
   *
   * @param intake the valid intake as evaluated (defaults resolved)
   * @param assessment its assessment
   */
  void record(Intake intake, Assessment assessment);
}
