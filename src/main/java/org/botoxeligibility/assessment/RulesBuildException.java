package org.botoxeligibility.assessment;

import java.util.List;

/**
 * The knowledge base failed to build: an overlay rule does not compile or breaks a restriction
 * (it declares the built-in package, or takes a built-in rule's name), a clinic's table cannot be
 * used, or the compiled built-in rules are missing from the class path. Every error is listed.
 * Thrown while an engine or a FHIR mapper is built (a tables folder is read when it is named to
 * the builder), never during an evaluation; the command line exits with code 4.
 */
public final class RulesBuildException extends EligibilityException {
  private static final long serialVersionUID = 1L;

  private final transient List<RuleError> errors;

  /**
   * An exception listing the errors.
   *
   * @param message what failed to build, such as the overlay folder; never patient data
   * @param errors every error; may be empty when the failure has no file and line
   */
  public RulesBuildException(String message, List<RuleError> errors) {
    super(message + (errors.isEmpty() ? "" : ": " + errors.size() + " error(s)"));
    this.errors = List.copyOf(errors);
  }

  /**
   * The errors, each with its file, line and message.
   *
   * @return the errors, unmodifiable
   */
  public List<RuleError> errors() {
    return errors;
  }
}
