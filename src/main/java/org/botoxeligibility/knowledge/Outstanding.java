package org.botoxeligibility.knowledge;

import org.botoxeligibility.assessment.Requirement;

/**
 * A workflow step a therapeutic concern still needs before booking (workflow.drl).
 *
 * @param concernId the concern
 * @param requirement the step not yet done
 */
public record Outstanding(String concernId, Requirement requirement) {

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Outstanding[redacted]";
  }
}
