package org.botoxeligibility.knowledge;

import org.botoxeligibility.assessment.Insurance;

/**
 * Likely insurance coverage of a concern (docs/clinical-policy.md §5), concluded by decision.drl:
 * one per concern.
 *
 * @param concernId the concern
 * @param insurance the coverage outlook
 * @param rule the rule that concluded it
 */
public record Coverage(String concernId, Insurance insurance, String rule) {

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Coverage[redacted]";
  }
}
