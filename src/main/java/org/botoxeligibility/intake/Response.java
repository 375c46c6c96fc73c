package org.botoxeligibility.intake;

/** Response to a past treatment (formats.md §1). */
public enum Response implements Coded {
  GOOD,
  PARTIAL,
  NONE,
  UNKNOWN;
}
