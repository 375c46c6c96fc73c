package org.botoxeligibility.intake;

/** Response to a past treatment ({@code treatmentHistory[].response}, docs/contract.md §1). */
public enum Response implements Coded {
  /** The treatment worked as expected. */
  GOOD,
  /** The treatment helped, but less than expected. */
  PARTIAL,
  /** No response; two in a row for the same condition send the patient for evaluation. */
  NONE,
  /** Not recorded: the default. */
  UNKNOWN;
}
