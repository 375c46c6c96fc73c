package org.botoxeligibility.knowledge;

import java.util.List;

/**
 * The onabotulinumtoxinA units that count against the cumulative dose limit: those planned in this
 * intake and those given within the retreatment interval (dosing.drl).
 *
 * @param planned units planned across the intake's concerns
 * @param givenWithinInterval onabotulinumtoxinA units given within the interval
 * @param pointers where the intake gives them (the concerns' doses, the treatments)
 */
public record DoseTotal(int planned, int givenWithinInterval, List<String> pointers) {

  /**
   * Copies the pointers.
   *
   * @param planned units planned
   * @param givenWithinInterval onabotulinumtoxinA units given within the interval
   * @param pointers where the intake gives them; not null
   */
  public DoseTotal {
    pointers = List.copyOf(pointers);
  }

  /**
   * The total of the planned doses and of the onabotulinumtoxinA units given within the interval.
   *
   * @param doses the concerns' planned doses
   * @param treatments the treatments within the interval
   * @return the total, resting on the doses and on the treatments that add units
   */
  public static DoseTotal of(List<PlannedDose> doses, List<PastTreatment> treatments) {
    int planned = 0;
    int given = 0;
    List<String> pointers = new java.util.ArrayList<>();
    for (PlannedDose d : doses) {
      planned += d.units();
      pointers.add(d.pointer());
    }
    for (PastTreatment t : treatments) {
      if (t.onabotulinumtoxinaUnits() > 0) {
        given += t.onabotulinumtoxinaUnits();
        pointers.add(t.pointer());
      }
    }
    return new DoseTotal(planned, given, pointers);
  }

  /**
   * Planned plus given.
   *
   * @return the total
   */
  public int total() {
    return planned + givenWithinInterval;
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "DoseTotal[redacted]";
  }
}
