package org.botoxeligibility.knowledge;

/**
 * The units planned for a concern, as the rules of dosing.drl settled them: the concern's own, or
 * a default (the catalog's typical dose, for a child within the paediatric maximum). A concern
 * with no such fact has no dose (a child without a weight, a not-recommended use).
 *
 * @param concernId the concern
 * @param units the onabotulinumtoxinA units, whole
 * @param given true when the intake gave them, false for a default
 * @param pointer where they rest in the intake ({@code /concerns/N/plannedUnits}, or the concern
 *     for a default)
 * @param rule the rule that settled them
 */
public record PlannedDose(String concernId, int units, boolean given, String pointer,
    String rule) {

  /**
   * The concern's own planned units.
   *
   * @param concern the concern
   * @param rule the rule's name
   * @return the dose
   */
  public static PlannedDose given(ConcernProfile concern, String rule) {
    return new PlannedDose(concern.id(), concern.givenUnits(), true,
        concern.pointer("plannedUnits"), rule);
  }

  /**
   * A default dose, rounded down to whole units.
   *
   * @param concern the concern
   * @param units the units before rounding
   * @param rule the rule's name
   * @return the dose
   */
  public static PlannedDose byDefault(ConcernProfile concern, double units, String rule) {
    return new PlannedDose(concern.id(), (int) Math.floor(units), false, concern.pointer(), rule);
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "PlannedDose[redacted]";
  }
}
