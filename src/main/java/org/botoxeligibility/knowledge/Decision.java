package org.botoxeligibility.knowledge;

import org.botoxeligibility.assessment.Effect;

/** The decision for a concern, folded by decision.drl from the concern's findings. */
public record Decision(String concernId, Effect decision, String rule) {

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Decision[redacted]";
  }
}
