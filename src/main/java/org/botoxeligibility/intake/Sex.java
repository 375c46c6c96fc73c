package org.botoxeligibility.intake;

/** Patient sex as reported in the intake ({@code patient.sex}, docs/contract.md §1). */
public enum Sex implements Coded {
  /** Female. */
  FEMALE,
  /** Male: an unknown pregnancy status raises no question. */
  MALE,
  /** Another sex. */
  OTHER,
  /** Not known: the default. */
  UNKNOWN;
}
