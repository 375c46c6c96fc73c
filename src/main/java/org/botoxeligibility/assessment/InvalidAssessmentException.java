package org.botoxeligibility.assessment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Assessment JSON that does not follow docs/contract.md §2, thrown by {@link
 * org.botoxeligibility.json.AssessmentReader}: every problem is listed, each with its JSON path.
 */
public final class InvalidAssessmentException extends EligibilityException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * An exception listing problems.
   *
   * @param problems the problems; not null
   */
  public InvalidAssessmentException(List<Problem> problems) {
    super("invalid assessment, " + problems.size() + " problem(s) at "
        + problems.stream().map(Problem::path).collect(Collectors.joining(", ")));
    this.problems = List.copyOf(problems);
  }

  /**
   * The problems, each with its JSON path.
   *
   * @return the problems, unmodifiable
   */
  public List<Problem> problems() {
    return problems;
  }
}
