package org.botoxeligibility.assessment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An intake that breaks the contract of docs/contract.md §1: every problem is listed, and nothing
 * was evaluated. Thrown by {@code EligibilityEngine.evaluate} for an intake built in code or read
 * from JSON alike. The message names the paths only (values may be patient data); {@link
 * #problems()} gives the sentences.
 */
public final class InvalidIntakeException extends EligibilityException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * An exception listing problems.
   *
   * @param problems the problems; at least one
   * @throws IllegalArgumentException when the list is empty
   */
  public InvalidIntakeException(List<Problem> problems) {
    // The message names the paths only: values may be patient data, and messages get logged.
    super("invalid intake, " + problems.size() + " problem(s) at "
        + problems.stream().map(Problem::path).collect(Collectors.joining(", ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid intake has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /**
   * The problems, in the order they were found, each with its JSON path and sentence.
   *
   * @return the problems, unmodifiable; never empty
   */
  public List<Problem> problems() {
    return problems;
  }
}
