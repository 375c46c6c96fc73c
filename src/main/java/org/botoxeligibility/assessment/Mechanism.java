package org.botoxeligibility.assessment;

/**
 * Which target the toxin acts through (docs/clinical-policy.md §1); a recommendation lists one or
 * more, the primary first.
 */
public enum Mechanism {
  /** Relaxes striated or smooth muscle. */
  MUSCLE,
  /** Reduces release of pain neuropeptides from sensory nerve endings. */
  NERVE,
  /** Stops cholinergic stimulation of sweat or salivary glands. */
  GLAND
}
