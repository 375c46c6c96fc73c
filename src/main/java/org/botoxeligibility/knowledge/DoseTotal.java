package org.botoxeligibility.knowledge;

/**
 * The onabotulinumtoxinA units that count against the cumulative dose limit: those planned in this
 * intake and those given within the retreatment interval (dosing.drl).
 */
public record DoseTotal(int planned, int givenWithinInterval) {
  public int total() {
    return planned + givenWithinInterval;
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "DoseTotal[redacted]";
  }
}
