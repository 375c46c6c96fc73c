package org.botoxeligibility.assessment;

/**
 * The likely insurance coverage of a treatment (docs/clinical-policy.md §5). An outlook, not a
 * promise: covered treatment still usually needs prior authorization.
 */
public enum Insurance {
  /** A therapeutic, on-label use whose payer criteria are met. */
  LIKELY_COVERED,
  /** A therapeutic, on-label use whose payer criteria are not met or not documented. */
  CRITERIA_NOT_MET,
  /** A therapeutic use off label (by the condition or by the sites injected). */
  UNLIKELY,
  /** A cosmetic use, or a use that is not recommended. */
  NOT_COVERED
}
