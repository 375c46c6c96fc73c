package org.botoxeligibility.assessment;

/**
 * The engine could not produce a trustworthy assessment (a rule failed, or the rules' conclusions
 * were inconsistent). Never swallowed: an evaluation either gives a complete, consistent
 * assessment or throws this.
 */
public final class EvaluationException extends EligibilityException {
  private static final long serialVersionUID = 1L;

  public EvaluationException(String message) {
    super(message);
  }

  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
  }
}
