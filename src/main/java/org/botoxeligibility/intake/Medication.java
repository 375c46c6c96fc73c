package org.botoxeligibility.intake;

/** A current medication: a generic name, a drug class, or both (formats.md §1). */
public record Medication(String name, DrugClass drugClass) {

  public static Medication named(String name) {
    return new Medication(name, null);
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Medication[redacted]";
  }
}
