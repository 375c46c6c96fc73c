package org.botoxeligibility.knowledge;

import org.botoxeligibility.assessment.LabelStatus;

/**
 * A concern's label status as label.drl concluded it: the catalog row's, or {@code OFF_LABEL} for
 * a labelled condition injected outside its labelled areas.
 *
 * @param concernId the concern
 * @param status the status
 * @param rule the rule that concluded it
 */
public record Label(String concernId, LabelStatus status, String rule) {

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Label[redacted]";
  }
}
