package org.botoxeligibility.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.Site;

/**
 * Where the facts of one intake were given: RFC 6901 JSON Pointers into the intake as the caller
 * gave it, for the evidence of each reason (docs/contract.md §2). A missing fact points where it
 * belongs ({@code /patient/weightKg}). Available to every rule as the global {@code given}; one
 * per evaluation, immutable.
 *
 * <pre>
 * global org.botoxeligibility.knowledge.IntakePointers given;
 * ... insert(Finding.of(...).restingOn(given.age(), $p.pointer("plannedUnits")));
 * </pre>
 */
public final class IntakePointers {
  private final Map<String, Integer> concernIndex = new HashMap<>();
  private final Map<String, Boolean> conditionGiven = new HashMap<>();
  private final boolean ageGiven;
  private final List<Comorbidity> comorbidities;
  private final List<Allergy> allergies;
  private final List<Site> infectionSites;

  /**
   * The pointers of a validated intake. Validation keeps every list in its order and every field
   * that was given, and only adds defaults, so the pointers are those of the intake as given: a
   * concern that gives an ICD-10-CM code points to it (the condition was resolved from it, or
   * given as well and agreeing), and a patient with a birth date points to it (the age was
   * computed from it, or given as well and agreeing).
   *
   * @param valid the validated intake
   */
  public IntakePointers(Intake valid) {
    for (int i = 0; i < valid.concerns().size(); i++) {
      Concern c = valid.concerns().get(i);
      concernIndex.put(c.id(), i);
      conditionGiven.put(c.id(), c.icd10() == null);
    }
    this.ageGiven = valid.patient().birthDate() == null;
    this.comorbidities = valid.medicalHistory().conditions();
    this.allergies = valid.medicalHistory().allergies();
    this.infectionSites = valid.medicalHistory().infectionSites();
  }

  /**
   * The age as given: {@code /patient/ageYears}, or {@code /patient/birthDate} when only the
   * birth date was given.
   *
   * @return the pointer
   */
  public String age() {
    return ageGiven ? "/patient/ageYears" : "/patient/birthDate";
  }

  /**
   * A field of the patient, such as {@code pregnant}.
   *
   * @param field the field's name in the intake
   * @return the pointer
   */
  public String patient(String field) {
    return "/patient/" + field;
  }

  /**
   * A step of the workflow, such as {@code diagnosisConfirmed} (given or not).
   *
   * @param field the field's name in the intake
   * @return the pointer
   */
  public String workflow(String field) {
    return "/workflow/" + field;
  }

  /**
   * The treatment history as a whole (where a missing treatment belongs).
   *
   * @return the pointer
   */
  public String treatmentHistory() {
    return "/treatmentHistory";
  }

  /**
   * Every entry of {@code medicalHistory.conditions} with this code.
   *
   * @param code the comorbidity
   * @return the pointers (none when not reported)
   */
  public List<String> comorbidity(Comorbidity code) {
    return indices("/medicalHistory/conditions/", comorbidities, code);
  }

  /**
   * Every entry of {@code medicalHistory.allergies} with this code.
   *
   * @param code the allergy
   * @return the pointers
   */
  public List<String> allergy(Allergy code) {
    return indices("/medicalHistory/allergies/", allergies, code);
  }

  /**
   * Every entry of {@code medicalHistory.infectionSites} with this site.
   *
   * @param site the site
   * @return the pointers
   */
  public List<String> infection(Site site) {
    return indices("/medicalHistory/infectionSites/", infectionSites, site);
  }

  /**
   * The number of concerns in the intake.
   *
   * @return the count
   */
  public int concerns() {
    return concernIndex.size();
  }

  /**
   * A concern's position in the intake's list of concerns, for a stable order.
   *
   * @param concernId the concern's id
   * @return its index, from 0
   * @throws IllegalArgumentException when the intake has no concern with that id
   */
  public int concernPosition(String concernId) {
    return concernIndex(concernId);
  }

  int concernIndex(String concernId) {
    Integer i = concernIndex.get(concernId);
    if (i == null) {
      throw new IllegalArgumentException("no concern with that id in this intake");
    }
    return i;
  }

  boolean conditionGiven(String concernId) {
    return conditionGiven.getOrDefault(concernId, true);
  }

  private static <T> List<String> indices(String prefix, List<T> list, T value) {
    List<String> found = new ArrayList<>(1);
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == value) {
        found.add(prefix + i);
      }
    }
    return found;
  }

  /** Names no patient data. */
  @Override
  public String toString() {
    return "IntakePointers[redacted]";
  }
}
