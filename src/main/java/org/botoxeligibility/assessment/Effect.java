package org.botoxeligibility.assessment;

/**
 * The effect of a reason on the decision, and the decision itself, from least to most restrictive
 * (docs/contract.md §2). The declaration order is the order of restriction: a recommendation's
 * decision is the most restrictive effect among its reasons, and {@link #ELIGIBLE} only when no
 * reason restricts.
 */
public enum Effect {
  /** May be treated; as a reason's effect, the reason only informs. */
  ELIGIBLE,
  /** May be treated, with the precautions the reasons name. */
  ELIGIBLE_WITH_PRECAUTIONS,
  /** A clinician must evaluate first (a risk to weigh, or a fact the intake does not give). */
  NEEDS_MEDICAL_EVALUATION,
  /** Not now: until a date ({@link Reason#deferredUntil()}) or until the cause has passed. */
  DEFERRED,
  /** Not to be treated for this concern. */
  NOT_ELIGIBLE;

  /**
   * Position in the order of restriction.
   *
   * @return 0 for {@link #ELIGIBLE} up to 4 for {@link #NOT_ELIGIBLE}
   */
  public int rank() {
    return ordinal();
  }

  /**
   * Whether this effect restricts treatment at all.
   *
   * @return true for every effect but {@link #ELIGIBLE}
   */
  public boolean restricts() {
    return this != ELIGIBLE;
  }

  /**
   * Whether this effect is strictly more restrictive than another.
   *
   * @param other the effect to compare with; not null
   * @return true when this one ranks higher
   */
  public boolean isMoreRestrictiveThan(Effect other) {
    return rank() > other.rank();
  }

  /**
   * The more restrictive of the two.
   *
   * @param other the other effect; not null
   * @return this or {@code other}, whichever ranks higher
   */
  public Effect max(Effect other) {
    return isMoreRestrictiveThan(other) ? this : other;
  }
}
