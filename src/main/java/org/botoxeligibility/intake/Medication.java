package org.botoxeligibility.intake;

/** A current medication: a generic name, a drug class, or both (formats.md §1). */
public record Medication(String name, DrugClass drugClass) {

  public static Medication named(String name) {
    return new Medication(name, null);
  }
}
