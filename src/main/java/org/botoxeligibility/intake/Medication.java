package org.botoxeligibility.intake;

/**
 * A current medication: a generic name, a drug class, or both (docs/contract.md §1). A name alone
 * is classed from the knowledge base's drug list (docs/clinical-policy.md §6); a name it does not
 * know is reported ({@code UNRECOGNIZED_MEDICATION}). When the given class and the listed class
 * differ, both count.
 *
 * @param name the name as written (1–200 characters); null when only a class is given
 * @param drugClass the class; null when only a name is given
 */
public record Medication(String name, DrugClass drugClass) {

  /**
   * A medication given by name alone.
   *
   * @param name the name, such as "gentamicin" or "Warfarin Sodium 5 MG Oral Tablet"
   * @return the medication
   */
  public static Medication named(String name) {
    return new Medication(name, null);
  }

  /**
   * A medication given by class alone.
   *
   * @param drugClass the class
   * @return the medication, without a name
   */
  public static Medication ofClass(DrugClass drugClass) {
    return new Medication(null, drugClass);
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Medication[redacted]";
  }
}
