package org.botoxeligibility.assessment;

/**
 * The engine could not produce a trustworthy assessment (a rule failed, or the rules' conclusions
 * were inconsistent). Never swallowed: an evaluation either gives a complete, consistent
 * assessment or throws this.
 */
public final class EvaluationException extends EligibilityException {
  private static final long serialVersionUID = 1L;

  /**
   * An evaluation that failed.
   *
   * @param message what failed: the intake id and the rule or check, never patient data
   */
  public EvaluationException(String message) {
    super(message);
  }

  /**
   * An evaluation that failed because of another exception.
   *
   * @param message what failed: the intake id and the rule or check, never patient data
   * @param cause the exception a rule or the audit trail threw
   */
  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
  }
}
