package org.botoxeligibility.assessment;

/** Likely coverage of a treatment (clinical-policy.md §5). */
public enum Insurance {
  LIKELY_COVERED,
  CRITERIA_NOT_MET,
  UNLIKELY,
  NOT_COVERED
}
