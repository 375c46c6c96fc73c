package org.botoxeligibility.knowledge;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.botoxeligibility.intake.DrugClass;
import org.botoxeligibility.intake.Product;

/**
 * A current medication with the class the intake gave and the classes the drug list gives the
 * generic names found in its name (docs/clinical-policy.md §6). When they differ, every class
 * counts: a medication is never less than either says. One per medication listed.
 *
 * @param name the name as given; null when only a class was given
 * @param givenClass the class the intake gave; null when only a name was given
 * @param listed what the drug list found in the name
 * @param pointer where the intake gives it ({@code /medicalHistory/medications/N})
 */
public record TakenMedication(String name, DrugClass givenClass, DrugList.Match listed,
    String pointer) {

  /**
   * True when the given class or a listed class is this class.
   *
   * @param drugClass the class
   * @return whether the medication has it
   */
  public boolean hasClass(DrugClass drugClass) {
    return givenClass == drugClass || listed.classes().contains(drugClass);
  }

  /**
   * True when the medication has any of the three classes.
   *
   * @param a a class
   * @param b a class
   * @param c a class
   * @return whether the medication has one of them
   */
  public boolean hasAnyClass(DrugClass a, DrugClass b, DrugClass c) {
    return hasClass(a) || hasClass(b) || hasClass(c);
  }

  /**
   * The toxin products the medication's name names (another toxin product written as a
   * medication, knowledge base 1.2).
   *
   * @return the products, empty when the name names none (or only a class was given)
   */
  public Set<Product> products() {
    return listed.products();
  }

  /**
   * Whether a past treatment records the injection of this toxin medication: one of the products
   * its name names, or any product when the name names none.
   *
   * @param treatment a past treatment
   * @return true when the treatment is of the medication's product
   */
  public boolean recordedBy(PastTreatment treatment) {
    return listed.products().isEmpty() || listed.products().contains(treatment.product());
  }

  /**
   * Given by name alone, and the drug list finds no generic name it knows in it.
   *
   * @return whether the medication is unrecognized
   */
  public boolean unrecognized() {
    return givenClass == null && listed.names().isEmpty();
  }

  /**
   * The classes that count, in code order.
   *
   * @return the classes
   */
  public Set<DrugClass> classes() {
    Set<DrugClass> all = EnumSet.noneOf(DrugClass.class);
    all.addAll(listed.classes());
    if (givenClass != null) {
      all.add(givenClass);
    }
    return all;
  }

  /**
   * The medication and how its classes are known, in words: "gentamicin (aminoglycoside, from the
   * drug list)", "Tobramycin 0.3% Ophthalmic Solution (tobramycin in a local form, which does not
   * reach the neuromuscular junction: other, from the drug list)", "a medication given as class
   * anticoagulant".
   *
   * @return the description
   */
  public String describe() {
    if (name == null) {
      return "a medication given as class " + givenClass.label();
    }
    if (givenClass == null && listed.names().isEmpty()) {
      return name + " (not on the drug list)";
    }
    StringBuilder sb = new StringBuilder(name).append(" (");
    if (!listed.names().isEmpty()) {
      List<String> found = listed.names();
      boolean same = found.size() == 1 && found.get(0).equalsIgnoreCase(name.trim());
      if (!same) {
        sb.append(String.join(" and ", found));
        sb.append(!listed.localForm() ? ""
            : listed.keptDespiteLocalForm()
                ? " in a local form, which does not hide an anticholinergic or a toxin product"
                : " in a local form, which does not reach the neuromuscular junction");
        sb.append(": ");
      } else if (listed.localForm()) {
        sb.append("a local form: ");
      }
      sb.append(listed.classes().stream().map(DrugClass::label)
          .collect(Collectors.joining(", "))).append(", from the drug list");
      if (givenClass != null && !listed.classes().contains(givenClass)) {
        sb.append("; given as ").append(givenClass.label());
      }
    } else {
      sb.append(givenClass.label()).append(", as given");
    }
    return sb.append(')').toString();
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "TakenMedication[redacted]";
  }
}
