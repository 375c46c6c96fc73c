package org.botoxeligibility.assessment;

import java.util.List;

/** The knowledge base failed to build; every compiler error is listed. */
public final class RulesBuildException extends EligibilityException {
  private static final long serialVersionUID = 1L;

  private final transient List<RuleError> errors;

  public RulesBuildException(String message, List<RuleError> errors) {
    super(message + (errors.isEmpty() ? "" : ": " + errors.size() + " error(s)"));
    this.errors = List.copyOf(errors);
  }

  public List<RuleError> errors() {
    return errors;
  }
}
