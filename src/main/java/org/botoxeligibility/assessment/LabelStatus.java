package org.botoxeligibility.assessment;

/** Whether the use is approved, used off-label, or not recommended. */
public enum LabelStatus {
  ON_LABEL,
  OFF_LABEL,
  NOT_RECOMMENDED
}
