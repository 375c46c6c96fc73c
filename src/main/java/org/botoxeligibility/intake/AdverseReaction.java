package org.botoxeligibility.intake;

/** Adverse reactions after a past treatment (formats.md §1). */
public enum AdverseReaction implements Coded {
  ALLERGIC_REACTION,
  EYELID_PTOSIS,
  DYSPHAGIA,
  BREATHING_DIFFICULTY,
  MUSCLE_WEAKNESS,
  OTHER;
}
