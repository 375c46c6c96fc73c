package org.botoxeligibility.knowledge;

import org.botoxeligibility.assessment.Effect;

/**
 * The decision for a concern, folded by decision.drl from the concern's findings: the most
 * restrictive effect among them. One per concern; the engine checks it against the findings.
 *
 * @param concernId the concern
 * @param decision the decision
 * @param rule the rule that concluded it
 */
public record Decision(String concernId, Effect decision, String rule) {

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Decision[redacted]";
  }
}
