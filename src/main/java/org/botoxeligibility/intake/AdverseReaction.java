package org.botoxeligibility.intake;

/**
 * Adverse reactions after a past treatment ({@code treatmentHistory[].adverseReactions},
 * docs/contract.md §1).
 */
public enum AdverseReaction implements Coded {
  /** An allergic reaction: hypersensitivity to the toxin, refused for every concern. */
  ALLERGIC_REACTION,
  /** A drooping eyelid: a ptosis risk for concerns near the eyes. */
  EYELID_PTOSIS,
  /** Difficulty swallowing: a swallowing or breathing risk. */
  DYSPHAGIA,
  /** Difficulty breathing: a swallowing or breathing risk. */
  BREATHING_DIFFICULTY,
  /** Muscle weakness: a precaution when the same condition is treated again. */
  MUSCLE_WEAKNESS,
  /** Any other reaction: a precaution when the same condition is treated again. */
  OTHER;
}
