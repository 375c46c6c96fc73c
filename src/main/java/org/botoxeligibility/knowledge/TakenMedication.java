package org.botoxeligibility.knowledge;

import org.botoxeligibility.intake.DrugClass;

/**
 * A current medication with the class the intake gave and the class the drug list gives its name.
 * When both are known and differ, both count: a medication is never less than either says.
 *
 * @param name the generic name as given; null when only a class was given
 * @param givenClass the class the intake gave; null when only a name was given
 * @param listedClass the drug list's class for the name; null when the list does not know it
 */
public record TakenMedication(String name, DrugClass givenClass, DrugClass listedClass) {

  public boolean hasClass(DrugClass drugClass) {
    return givenClass == drugClass || listedClass == drugClass;
  }

  public boolean hasAnyClass(DrugClass a, DrugClass b, DrugClass c) {
    return hasClass(a) || hasClass(b) || hasClass(c);
  }

  /** Given by name alone, and the drug list does not know the name. */
  public boolean unrecognized() {
    return givenClass == null && listedClass == null;
  }

  /**
   * The medication and how its classes are known, in words: "gentamicin (aminoglycoside, from the
   * drug list)", "a medication given as class anticoagulant".
   */
  public String describe() {
    if (name == null) {
      return "a medication given as class " + givenClass.label();
    }
    if (givenClass == null && listedClass == null) {
      return name + " (not on the drug list)";
    }
    if (givenClass == null) {
      return name + " (" + listedClass.label() + ", from the drug list)";
    }
    if (listedClass == null || listedClass == givenClass) {
      return name + " (" + givenClass.label() + ", as given)";
    }
    return name + " (given as " + givenClass.label() + "; the drug list has "
        + listedClass.label() + ")";
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "TakenMedication[redacted]";
  }
}
