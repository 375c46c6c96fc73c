package org.botoxeligibility.intake;

/** Reported allergies (formats.md §1). */
public enum Allergy implements Coded {
  BOTULINUM_TOXIN,
  HUMAN_ALBUMIN,
  COW_MILK_PROTEIN,
  OTHER;
}
