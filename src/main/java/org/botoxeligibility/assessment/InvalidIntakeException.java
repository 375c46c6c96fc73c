package org.botoxeligibility.assessment;

import java.util.List;
import java.util.stream.Collectors;

/** An intake that breaks the contract: every problem is listed, and nothing was evaluated. */
public final class InvalidIntakeException extends EligibilityException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidIntakeException(List<Problem> problems) {
    // The message names the paths only: values may be patient data, and messages get logged.
    super("invalid intake, " + problems.size() + " problem(s) at "
        + problems.stream().map(Problem::path).collect(Collectors.joining(", ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid intake has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
