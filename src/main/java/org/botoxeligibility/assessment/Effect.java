package org.botoxeligibility.assessment;

/**
 * The effect of a reason on the decision, and the decision itself, from least to most restrictive
 * (formats.md §2). The declaration order is the order of restriction.
 */
public enum Effect {
  ELIGIBLE,
  ELIGIBLE_WITH_PRECAUTIONS,
  NEEDS_MEDICAL_EVALUATION,
  DEFERRED,
  NOT_ELIGIBLE;

  /** Position in the order of restriction: 0 for ELIGIBLE, 4 for NOT_ELIGIBLE. */
  public int rank() {
    return ordinal();
  }

  public boolean restricts() {
    return this != ELIGIBLE;
  }

  public boolean isMoreRestrictiveThan(Effect other) {
    return rank() > other.rank();
  }

  /** The more restrictive of the two. */
  public Effect max(Effect other) {
    return isMoreRestrictiveThan(other) ? this : other;
  }
}
