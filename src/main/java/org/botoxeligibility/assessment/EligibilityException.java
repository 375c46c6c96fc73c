package org.botoxeligibility.assessment;

/**
 * The one supertype of every exception the library throws on purpose: an invalid intake ({@link
 * InvalidIntakeException}), an evaluation that could not be completed ({@link
 * EvaluationException}), a knowledge base that failed to build ({@link RulesBuildException}),
 * assessment JSON that cannot be read ({@link InvalidAssessmentException}). Unchecked. Catching it
 * never turns a failure into an answer: no assessment exists when it is thrown. Messages name
 * paths, rule names and intake ids only, never patient data, so they are safe to log. A null
 * argument is not among these: it fails with a {@link NullPointerException} naming the argument.
 */
public abstract class EligibilityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message what went wrong, without patient data
   */
  protected EligibilityException(String message) {
    super(message);
  }

  /**
   * An exception with a message and its cause.
   *
   * @param message what went wrong, without patient data
   * @param cause the underlying failure
   */
  protected EligibilityException(String message, Throwable cause) {
    super(message, cause);
  }
}
