package org.botoxeligibility.intake;

/** Patient sex as reported in the intake (formats.md §1). */
public enum Sex implements Coded {
  FEMALE,
  MALE,
  OTHER,
  UNKNOWN;
}
