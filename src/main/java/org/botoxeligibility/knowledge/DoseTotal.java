package org.botoxeligibility.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The onabotulinumtoxinA units that count against the cumulative dose limit (dosing.drl): those
 * planned in this intake, the catalog's typical dose of each concern that has a dose but no planned
 * dose yet (a patient new to onabotulinumtoxinA for cervical dystonia, a patient below the row's
 * minimum age: knowledge base 1.2, so that the total is never under-counted while the clinician
 * plans the dose), and those given within the cumulative window.
 *
 * @param planned units planned across the intake's concerns
 * @param unplanned the typical doses counted for concerns whose dose is not planned yet, by concern
 *     id, in intake order
 * @param unplannedText those concerns in words, for messages ("236 units for cervical dystonia
 *     (spasmodic neck), concern neck"); empty when there are none
 * @param givenWithinInterval onabotulinumtoxinA units given within the cumulative window
 * @param pointers where the intake gives them (the concerns' doses, or where an unplanned dose
 *     belongs, and the treatments)
 */
public record DoseTotal(int planned, Map<String, Integer> unplanned, String unplannedText,
    int givenWithinInterval, List<String> pointers) {

  /**
   * Copies the collections.
   *
   * @param planned units planned
   * @param unplanned the typical doses counted for unplanned concerns; not null
   * @param unplannedText those concerns in words
   * @param givenWithinInterval onabotulinumtoxinA units given within the window
   * @param pointers where the intake gives them; not null
   */
  public DoseTotal {
    unplanned = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unplanned));
    pointers = List.copyOf(pointers);
  }

  /**
   * The total of the planned doses and of the onabotulinumtoxinA units given within the window.
   *
   * @param doses the concerns' planned doses
   * @param treatments the treatments within the window
   * @return the total, resting on the doses and on the treatments that add units
   */
  public static DoseTotal of(List<PlannedDose> doses, List<PastTreatment> treatments) {
    return of(doses, List.of(), treatments);
  }

  /**
   * The total of the planned doses, the typical doses of concerns not planned yet, and the
   * onabotulinumtoxinA units given within the window.
   *
   * @param doses the concerns' planned doses
   * @param unplannedConcerns the concerns that have a dose but no planned dose, whose typical dose
   *     counts, in intake order
   * @param treatments the treatments within the window
   * @return the total, resting on the doses, on where the unplanned doses belong and on the
   *     treatments that add units
   */
  public static DoseTotal of(List<PlannedDose> doses, List<ConcernProfile> unplannedConcerns,
      List<PastTreatment> treatments) {
    int planned = 0;
    int given = 0;
    List<String> pointers = new ArrayList<>();
    for (PlannedDose d : doses) {
      planned += d.units();
      pointers.add(d.pointer());
    }
    Map<String, Integer> unplanned = new LinkedHashMap<>();
    List<String> words = new ArrayList<>();
    for (ConcernProfile p : unplannedConcerns) {
      if (p.typicalUnits() != null) {
        unplanned.put(p.id(), p.typicalUnits());
        pointers.add(p.pointer("plannedUnits"));
        words.add(p.typicalUnits() + " units for " + p.conditionNameInText() + " (concern "
            + p.id() + ")");
      }
    }
    for (PastTreatment t : treatments) {
      if (t.onabotulinumtoxinaUnits() > 0) {
        given += t.onabotulinumtoxinaUnits();
        pointers.add(t.pointer());
      }
    }
    return new DoseTotal(planned, unplanned, String.join(" and ", words), given, pointers);
  }

  /**
   * The units counted for a concern whose dose is not planned yet.
   *
   * @param concernId the concern
   * @return its typical dose when it is counted so, else 0
   */
  public int unplannedFor(String concernId) {
    return unplanned.getOrDefault(concernId, 0);
  }

  /**
   * The typical doses counted for concerns whose dose is not planned yet.
   *
   * @return their sum
   */
  public int unplannedUnits() {
    return unplanned.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Planned, counted for concerns not planned yet, and given.
   *
   * @return the total
   */
  public int total() {
    return planned + unplannedUnits() + givenWithinInterval;
  }

  /**
   * The words a cumulative reason adds after the planned units when some concern's dose is not
   * planned yet: empty, or " and the typical 236 units for cervical dystonia (spasmodic neck)
   * (concern neck), whose dose is not planned yet,".
   *
   * @return the words, with a leading space, or ""
   */
  public String unplannedClause() {
    return unplanned.isEmpty() ? ""
        : " and the typical " + unplannedText + ", whose dose is not planned yet,";
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "DoseTotal[redacted]";
  }
}
