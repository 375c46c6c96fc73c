package org.botoxeligibility.intake;

import java.util.List;

/**
 * One concern the patient raises (formats.md §1). Numeric fields are null when not given: missing
 * is never read as zero or "no".
 *
 * @param id null means "c1", "c2", ... by position
 * @param condition a catalog code or alias; null when only {@code icd10} is given
 * @param sites empty means "the condition's usual sites"
 */
public record Concern(
    String id,
    ConditionCode condition,
    String icd10,
    List<Site> sites,
    Integer headacheDaysPerMonth,
    Integer migraineDaysPerMonth,
    Double headacheHoursPerDay,
    Integer monthsWithSymptoms,
    Integer priorTherapiesFailed,
    Boolean secondaryCauseExcluded,
    Integer plannedUnits) {

  public Concern {
    sites = Lists.copy(sites);
  }

  /** A concern named by its condition code only. */
  public static Concern of(String id, ConditionCode condition) {
    return new Concern(id, condition, null, List.of(), null, null, null, null, null, null, null);
  }

  public Concern withId(String value) {
    return new Concern(value, condition, icd10, sites, headacheDaysPerMonth, migraineDaysPerMonth,
        headacheHoursPerDay, monthsWithSymptoms, priorTherapiesFailed, secondaryCauseExcluded,
        plannedUnits);
  }

  public Concern withCondition(ConditionCode value) {
    return new Concern(id, value, icd10, sites, headacheDaysPerMonth, migraineDaysPerMonth,
        headacheHoursPerDay, monthsWithSymptoms, priorTherapiesFailed, secondaryCauseExcluded,
        plannedUnits);
  }

  public Concern withSites(List<Site> value) {
    return new Concern(id, condition, icd10, value, headacheDaysPerMonth, migraineDaysPerMonth,
        headacheHoursPerDay, monthsWithSymptoms, priorTherapiesFailed, secondaryCauseExcluded,
        plannedUnits);
  }

  public Concern withHeadache(Integer headacheDays, Integer migraineDays, Double hoursPerDay,
      Integer months) {
    return new Concern(id, condition, icd10, sites, headacheDays, migraineDays, hoursPerDay, months,
        priorTherapiesFailed, secondaryCauseExcluded, plannedUnits);
  }

  public Concern withPriorTherapiesFailed(Integer value) {
    return new Concern(id, condition, icd10, sites, headacheDaysPerMonth, migraineDaysPerMonth,
        headacheHoursPerDay, monthsWithSymptoms, value, secondaryCauseExcluded, plannedUnits);
  }

  public Concern withSecondaryCauseExcluded(Boolean value) {
    return new Concern(id, condition, icd10, sites, headacheDaysPerMonth, migraineDaysPerMonth,
        headacheHoursPerDay, monthsWithSymptoms, priorTherapiesFailed, value, plannedUnits);
  }

  public Concern withPlannedUnits(Integer value) {
    return new Concern(id, condition, icd10, sites, headacheDaysPerMonth, migraineDaysPerMonth,
        headacheHoursPerDay, monthsWithSymptoms, priorTherapiesFailed, secondaryCauseExcluded,
        value);
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Concern[redacted]";
  }
}
