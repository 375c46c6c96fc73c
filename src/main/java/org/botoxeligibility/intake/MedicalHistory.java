package org.botoxeligibility.intake;

import java.util.List;

/**
 * What the patient reported when asked (formats.md §1). An empty list means "asked, none reported";
 * the JSON reader refuses an intake that does not carry the three required lists.
 */
public record MedicalHistory(
    List<Comorbidity> conditions,
    List<Allergy> allergies,
    List<Medication> medications,
    List<Site> infectionSites) {

  public MedicalHistory {
    conditions = Lists.copy(conditions);
    allergies = Lists.copy(allergies);
    medications = Lists.copy(medications);
    infectionSites = Lists.copy(infectionSites);
  }

  /** Asked, and nothing reported. */
  public static MedicalHistory none() {
    return new MedicalHistory(List.of(), List.of(), List.of(), List.of());
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "MedicalHistory[redacted]";
  }
}
