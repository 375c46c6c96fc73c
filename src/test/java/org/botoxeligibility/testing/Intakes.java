package org.botoxeligibility.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.DrugClass;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.MedicalHistory;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Sex;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.intake.Workflow;

/**
 * Builds intakes for rule tests. The baseline is a patient for whom no rule restricts anything:
 * a 40-year-old man, nothing in the history, every workflow step done, assessed on {@link
 * #TODAY}. A test adds exactly the fact its rule reads, so that the reason it expects can only
 * come from that rule.
 */
public final class Intakes {
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  private Integer age = 40;
  private LocalDate birthDate;
  private Sex sex = Sex.MALE;
  private Boolean pregnant;
  private Boolean breastfeeding;
  private Double weightKg;
  private final List<Concern> concerns = new ArrayList<>();
  private final List<Comorbidity> comorbidities = new ArrayList<>();
  private final List<Allergy> allergies = new ArrayList<>();
  private final List<Medication> medications = new ArrayList<>();
  private final List<Site> infectionSites = new ArrayList<>();
  private final List<TreatmentRecord> treatments = new ArrayList<>();
  private Workflow workflow = new Workflow(true, true, true);

  private Intakes() {}

  /** The baseline patient with no concern yet. */
  public static Intakes patient() {
    return new Intakes();
  }

  /** The baseline patient with one concern "c1" of the given condition. */
  public static Intakes with(ConditionCode condition) {
    return new Intakes().concern(Concern.of("c1", condition));
  }

  /** A chronic migraine concern that meets every criterion, payer's included. */
  public static Concern chronicMigraine(String id) {
    return Concern.of(id, ConditionCode.CHRONIC_MIGRAINE).withHeadache(18, 10, 6.0, 14)
        .withPriorTherapiesFailed(2);
  }

  /**
   * A bladder concern with nothing of the bladder rules left to say but the prophylaxis it always
   * informs of: one anticholinergic tried, a post-void residual of 50 mL, routine
   * self-catheterisation (so no retention monitoring), and a urinary tract infection excluded
   * today.
   */
  public static Concern bladder(String id, ConditionCode condition) {
    return Concern.of(id, condition).withPriorTherapiesFailed(1).withBladder(50.0, true)
        .toBuilder().utiExcludedOn(TODAY).build();
  }

  /**
   * A cervical dystonia concern of a patient new to onabotulinumtoxinA for it, with the starting
   * dose the clinician planned (120 units): since knowledge base 1.2 such a concern has no default
   * dose.
   */
  public static Concern dystonia(String id) {
    return Concern.of(id, ConditionCode.CERVICAL_DYSTONIA).withPlannedUnits(120);
  }

  public Intakes concern(Concern concern) {
    concerns.add(concern);
    return this;
  }

  public Intakes concern(String id, ConditionCode condition) {
    return concern(Concern.of(id, condition));
  }

  public Intakes age(int years) {
    age = years;
    return this;
  }

  /** The age given as a birth date instead of ageYears. */
  public Intakes birthDate(LocalDate value) {
    birthDate = value;
    age = null;
    return this;
  }

  public Intakes sex(Sex value) {
    sex = value;
    return this;
  }

  public Intakes pregnant(Boolean value) {
    pregnant = value;
    return this;
  }

  public Intakes breastfeeding(Boolean value) {
    breastfeeding = value;
    return this;
  }

  public Intakes weightKg(Double value) {
    weightKg = value;
    return this;
  }

  public Intakes comorbidity(Comorbidity... values) {
    comorbidities.addAll(Arrays.asList(values));
    return this;
  }

  public Intakes allergy(Allergy... values) {
    allergies.addAll(Arrays.asList(values));
    return this;
  }

  /** A medication given by name alone. */
  public Intakes medication(String name) {
    medications.add(Medication.named(name));
    return this;
  }

  /** A medication given by class alone. */
  public Intakes medication(DrugClass drugClass) {
    medications.add(new Medication(null, drugClass));
    return this;
  }

  public Intakes medication(String name, DrugClass drugClass) {
    medications.add(new Medication(name, drugClass));
    return this;
  }

  public Intakes infection(Site... sites) {
    infectionSites.addAll(Arrays.asList(sites));
    return this;
  }

  /** A past onabotulinumtoxinA treatment {@code daysAgo} days before {@link #TODAY}. */
  public Intakes treated(int daysAgo, ConditionCode condition, Integer units, Response response,
      AdverseReaction... reactions) {
    return treated(daysAgo, condition, Product.ONABOTULINUMTOXINA, units, response, reactions);
  }

  public Intakes treated(int daysAgo, ConditionCode condition, Product product, Integer units,
      Response response, AdverseReaction... reactions) {
    treatments.add(new TreatmentRecord(TODAY.minusDays(daysAgo), condition, product, units,
        response, Arrays.asList(reactions)));
    return this;
  }

  public Intakes workflow(boolean examined, boolean diagnosed, boolean prescribed) {
    workflow = new Workflow(examined, diagnosed, prescribed);
    return this;
  }

  public Intake build() {
    return new Intake("TEST-1", TODAY,
        new Patient(age, birthDate, sex, pregnant, breastfeeding, weightKg),
        concerns,
        new MedicalHistory(comorbidities, allergies, medications, infectionSites),
        treatments,
        workflow);
  }
}
