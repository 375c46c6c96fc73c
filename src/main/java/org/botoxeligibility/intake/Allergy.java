package org.botoxeligibility.intake;

/** Reported allergies ({@code medicalHistory.allergies}, docs/contract.md §1). */
public enum Allergy implements Coded {
  /** Allergy to botulinum toxin: refused for every concern. */
  BOTULINUM_TOXIN,
  /** Allergy to human albumin, an excipient of onabotulinumtoxinA: refused. */
  HUMAN_ALBUMIN,
  /** Allergy to cow's milk protein: informs (avoid abobotulinumtoxinA). */
  COW_MILK_PROTEIN,
  /** Any other allergy: recorded, no rule of its own. */
  OTHER;
}
