package org.botoxeligibility.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.engine.IntakeValidator;
import org.botoxeligibility.fhir.Codes.Dated;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
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
import org.botoxeligibility.knowledge.Catalog;
import org.botoxeligibility.knowledge.CatalogEntry;
import org.botoxeligibility.knowledge.Policy;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;

/**
 * One mapping of one record (docs/fhir-mapping.md): not thread-safe, made for one call of {@link
 * FhirIntakeMapper#map}. Every problem found is collected; the intake is built from what could be
 * read.
 */
final class MappingRun {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern JSON_PATH_INDEX = Pattern.compile("\\[(\\d+)]");
  private static final BigDecimal POUND_KG = new BigDecimal("0.45359237");
  private static final BigDecimal THOUSAND = new BigDecimal(1000);

  static final String LOINC_PREGNANCY = "82810-3";
  static final String LOINC_BREASTFEEDING = "63895-7";
  static final String LOINC_WEIGHT = "29463-7";

  private static final Set<String> ACTIVE_CLINICAL = Set.of("active", "recurrence", "relapse");
  private static final Set<String> NOT_COUNTING = Set.of("refuted", "entered-in-error");
  private static final Set<MedicationRequest.MedicationRequestIntent> ORDER_FAMILY = EnumSet.of(
      MedicationRequest.MedicationRequestIntent.ORDER,
      MedicationRequest.MedicationRequestIntent.ORIGINALORDER,
      MedicationRequest.MedicationRequestIntent.REFLEXORDER,
      MedicationRequest.MedicationRequestIntent.FILLERORDER,
      MedicationRequest.MedicationRequestIntent.INSTANCEORDER);

  private final FhirTables tables;
  private final Catalog catalog;
  private final Policy policy;
  private final IntakeValidator validator;
  private final FhirRecord record;
  private final LocalDate date;
  private final FhirIntakeMapper.Options options;

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, LinkedHashSet<String>> provenance = new LinkedHashMap<>();
  private final Set<Entry> used = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Validator paths not to report again, because the mapping already said why. */
  private final Set<String> suppressed = new HashSet<>();
  private final Map<Entry, ProductInfo> products = new IdentityHashMap<>();
  private final Map<String, List<Entry>> observations = new LinkedHashMap<>();

  private Entry patient;
  private Integer age;
  private final List<ConcernDraft> concerns = new ArrayList<>();
  private final List<TreatmentDraft> treatments = new ArrayList<>();

  MappingRun(FhirTables tables, Catalog catalog, Policy policy, IntakeValidator validator,
      FhirRecord record, LocalDate date, FhirIntakeMapper.Options options) {
    this.tables = tables;
    this.catalog = catalog;
    this.policy = policy;
    this.validator = validator;
    this.record = record;
    this.date = date;
    this.options = options;
  }

  /** A concern under construction. */
  private static final class ConcernDraft {
    final int index;
    final Entry source;
    final List<Entry> conditions = new ArrayList<>();
    String id;
    ConditionCode condition;
    String icd10;
    final List<Site> sites = new ArrayList<>();
    Integer plannedUnits;
    Integer headacheDays;
    Integer migraineDays;
    Double headacheHours;
    Integer months;
    Integer priorTherapies;
    Boolean secondaryCause;
    Double residual;
    Boolean catheterization;
    boolean issued;

    ConcernDraft(int index, Entry source) {
      this.index = index;
      this.source = source;
    }

    String at() {
      return "/concerns/" + index;
    }
  }

  /** A past treatment under construction. */
  private static final class TreatmentDraft {
    final Entry source;
    LocalDate date;
    ConditionCode condition;
    Product product;
    Integer units;
    Response response;
    final Map<AdverseReaction, List<String>> reactions = new LinkedHashMap<>();

    TreatmentDraft(Entry source) {
      this.source = source;
    }
  }

  /** The products a resource names, and whether it is a chemodenervation procedure. */
  private record ProductInfo(Set<Product> products, boolean procedure, String element) {
    boolean toxin() {
      return !products.isEmpty() || procedure;
    }

    Product product() {
      return products.isEmpty() ? Product.ONABOTULINUMTOXINA : products.iterator().next();
    }
  }

  // ---------------------------------------------------------------- the run

  Mapping run() {
    if (!record.fatal.isEmpty()) {
      return new Mapping(null, record.fatal, Map.of(), Mapping.Outcome.PROBLEMS);
    }
    findPatient();
    indexObservations();
    if (options.screen()) {
      screen();
    } else {
      orders();
    }
    if (patient != null) {
      readPatient();
    }
    for (ConcernDraft c : concerns) {
      concernObservations(c);
    }
    List<Comorbidity> comorbidities = new ArrayList<>();
    List<Site> infectionSites = new ArrayList<>();
    conditions(comorbidities, infectionSites);
    List<Allergy> allergies = allergies();
    List<Medication> medications = medications();
    treatments();
    adverseEvents();
    Workflow workflow = workflow();
    checkSubjects();
    reportReadErrors();

    Mapping.Outcome outcome;
    if (concerns.isEmpty()) {
      if (options.screen()) {
        if (problems.isEmpty()) {
          problems.add(new Problem("Bundle", "nothing to screen: no active Condition maps to a "
              + "therapeutic catalog condition"));
          return new Mapping(null, problems, Map.of(), Mapping.Outcome.NOTHING_TO_SCREEN);
        }
        return new Mapping(null, problems, Map.of(), Mapping.Outcome.PROBLEMS);
      }
      problems.add(0, new Problem("Bundle", "no botulinum toxin order; use --screen to assess "
          + "the patient's diagnoses"));
      return new Mapping(null, problems, Map.of(), Mapping.Outcome.NO_TOXIN_ORDER);
    }
    Intake intake = Intake.builder()
        .intakeId(intakeId())
        .assessmentDate(date)
        .patient(patient())
        .concerns(concerns.stream().map(this::concern).toList())
        .medicalHistory(new MedicalHistory(comorbidities, allergies, medications, infectionSites))
        .treatmentHistory(treatments.stream().map(this::treatment).toList())
        .workflow(workflow)
        .build();
    Map<String, List<String>> prov = new LinkedHashMap<>();
    provenance.forEach((k, v) -> prov.put(k, List.copyOf(v)));
    for (Problem p : validator.validate(intake, date).problems()) {
      if (suppressed.contains(p.path())) {
        continue;
      }
      List<String> resources = resourcesOf(pointer(p.path()), prov);
      problems.add(resources.isEmpty() ? p : new Problem(p.path(), p.message() + " ("
          + String.join(", ", resources) + ")"));
    }
    outcome = problems.isEmpty() ? Mapping.Outcome.MAPPED : Mapping.Outcome.PROBLEMS;
    return new Mapping(intake, problems, prov, outcome);
  }

  private String intakeId() {
    if (options.intakeId() != null) {
      return options.intakeId();
    }
    if (record.bundleId != null && ID.matcher(record.bundleId).matches()) {
      return record.bundleId;
    }
    return "fhir-" + record.hash().substring(0, 16);
  }

  // ---------------------------------------------------------------- patient

  private void findPatient() {
    List<Entry> patients = ofType("Patient");
    if (patients.isEmpty()) {
      problem("Bundle", "holds no Patient: the mapping needs exactly one (the record of one "
          + "patient)");
      suppressed.add("$.patient.ageYears");
      return;
    }
    patient = patients.get(0);
    use(patient);
    if (patients.size() > 1) {
      problem("Bundle", "holds " + patients.size() + " Patients (" + names(patients)
          + "): the mapping reads the record of exactly one patient");
    }
  }

  private void readPatient() {
    org.hl7.fhir.r4.model.Patient p = (org.hl7.fhir.r4.model.Patient) patient.resource;
    if (p == null) {
      suppressed.add("$.patient.ageYears");
      return;
    }
    Dated birth = p.hasBirthDateElement() ? Codes.date(p.getBirthDateElement()) : null;
    if (birth == null) {
      problem(patient, "birthDate", "a full birth date is needed (age decides too much to "
          + "guess), was " + (p.hasBirthDateElement() && p.getBirthDateElement().hasValue()
          ? FhirRecord.quote(p.getBirthDateElement().getValueAsString()) : "absent"));
      suppressed.add("$.patient.ageYears");
    } else if (!birth.full()) {
      problem(patient, "birthDate", "a full birth date is needed (age decides too much to "
          + "guess), was the partial date " + FhirRecord.quote(
              p.getBirthDateElement().getValueAsString()));
      suppressed.add("$.patient.ageYears");
    } else {
      prov("/patient/birthDate", patient);
    }
  }

  private LocalDate birthDate() {
    if (patient == null || patient.resource == null) {
      return null;
    }
    org.hl7.fhir.r4.model.Patient p = (org.hl7.fhir.r4.model.Patient) patient.resource;
    Dated birth = p.hasBirthDateElement() ? Codes.date(p.getBirthDateElement()) : null;
    return birth != null && birth.full() ? birth.first() : null;
  }

  private Patient patient() {
    LocalDate birth = birthDate();
    Sex sex = null;
    if (patient != null && patient.resource != null) {
      org.hl7.fhir.r4.model.Patient p = (org.hl7.fhir.r4.model.Patient) patient.resource;
      if (p.hasGender() && p.getGender() != null) {
        sex = switch (p.getGender()) {
          case MALE -> Sex.MALE;
          case FEMALE -> Sex.FEMALE;
          case OTHER -> Sex.OTHER;
          case UNKNOWN -> Sex.UNKNOWN;
          default -> null;
        };
        if (sex != null) {
          prov("/patient/sex", patient);
        }
      }
    }
    if (birth != null && !birth.isAfter(date)) {
      age = Period.between(birth, date).getYears();
    }
    Boolean pregnant = status(LOINC_PREGNANCY, "PREGNANT", policy.fhirPregnancyWindowDays(),
        "/patient/pregnant");
    Boolean breastfeeding = status(LOINC_BREASTFEEDING, "BREASTFEEDING",
        policy.fhirBreastfeedingWindowDays(), "/patient/breastfeeding");
    Double weight = weight();
    return new Patient(null, birth, sex, pregnant, breastfeeding, weight);
  }

  /** Pregnancy or breastfeeding status: the most recent Observation within its window. */
  private Boolean status(String loinc, String status, int window, String pointer) {
    Entry e = latest(observations.getOrDefault(FhirTables.LOINC + "|" + loinc, List.of()),
        null, window);
    if (e == null) {
      return null;
    }
    prov(pointer, e);
    Observation o = (Observation) e.resource;
    if (!o.hasValueCodeableConcept()) {
      return null;
    }
    Set<Boolean> values = new HashSet<>();
    boolean unknown = false;
    for (Coding c : o.getValueCodeableConcept().getCoding()) {
      FhirTables.StatusValue v = tables.statusValues.get(
          new FhirTables.Key(Codes.system(c), Codes.code(c)));
      if (v != null && v.status().equals(status)) {
        if (v.value() == null) {
          unknown = true;
        } else {
          values.add(v.value());
        }
      }
    }
    return !unknown && values.size() == 1 ? values.iterator().next() : null;
  }

  private Double weight() {
    int window = age != null && age >= policy.adultAge() ? policy.fhirWeightWindowDays()
        : policy.fhirChildWeightWindowDays();
    Entry e = latest(observations.getOrDefault(FhirTables.LOINC + "|" + LOINC_WEIGHT, List.of()),
        null, window);
    if (e == null) {
      return null;
    }
    Observation o = (Observation) e.resource;
    if (!o.hasValue()) {
      return null;
    }
    if (!o.hasValueQuantity()) {
      problem(e, "value[x]", "a body weight is a valueQuantity in kg, g or [lb_av], was "
          + valueType(o.getValue()));
      return null;
    }
    Quantity q = o.getValueQuantity();
    BigDecimal v = q.getValue();
    if (v == null) {
      return null;
    }
    if (q.hasSystem() && !q.getSystem().trim().equals(Codes.UCUM)) {
      problem(e, "valueQuantity.system", "a body weight needs a UCUM unit (" + Codes.UCUM
          + "), was " + FhirRecord.quote(q.getSystem()));
      return null;
    }
    String code = q.hasCode() ? q.getCode().trim() : null;
    if (code == null) {
      problem(e, "valueQuantity.code", "a body weight needs a UCUM unit code (kg, g, [lb_av]), "
          + "was absent" + (q.hasUnit() ? " (unit " + FhirRecord.quote(q.getUnit()) + ")" : ""));
      return null;
    }
    BigDecimal kg;
    switch (code) {
      case "kg" -> kg = v;
      case "g" -> kg = v.divide(THOUSAND);
      case "[lb_av]" -> kg = v.multiply(POUND_KG);
      default -> {
        problem(e, "valueQuantity.code", "unit " + FhirRecord.quote(code) + " is not a unit of "
            + "mass this mapping knows (kg, g, [lb_av])");
        return null;
      }
    }
    prov("/patient/weightKg", e);
    return kg.doubleValue();
  }

  // ---------------------------------------------------------------- observations

  private void indexObservations() {
    for (Entry e : ofType("Observation")) {
      Observation o = (Observation) e.resource;
      if (o == null) {
        continue;
      }
      Set<String> keys = new LinkedHashSet<>();
      for (Coding c : o.getCode().getCoding()) {
        String system = Codes.system(c);
        String code = Codes.code(c);
        if (system.equals(FhirTables.LOINC) && (code.equals(LOINC_PREGNANCY)
            || code.equals(LOINC_BREASTFEEDING) || code.equals(LOINC_WEIGHT))) {
          keys.add(system + "|" + code);
        } else if (system.equals(Codes.OBSERVATION)) {
          keys.add(system + "|" + code);
        }
      }
      if (keys.isEmpty()) {
        continue;
      }
      use(e);
      if (o.getStatus() != Observation.ObservationStatus.FINAL
          && o.getStatus() != Observation.ObservationStatus.AMENDED
          && o.getStatus() != Observation.ObservationStatus.CORRECTED) {
        continue;
      }
      Dated d = observationDate(o);
      if (d == null || d.first().isAfter(date)) {
        continue;
      }
      for (String k : keys) {
        observations.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
      }
    }
  }

  /** An Observation's date: effective[x] (a Period's end, else its start); the earliest day. */
  private static Dated observationDate(Observation o) {
    return o.hasEffective() ? Codes.date(o.getEffective(), false) : null;
  }

  /**
   * The most recent of the observations (by date, then issued; then the first) that applies to
   * the concern (null: any) and is within the window; null when none.
   */
  private Entry latest(List<Entry> candidates, ConcernDraft concern, int window) {
    Entry best = null;
    for (Entry e : candidates) {
      if (concern != null && !appliesTo(e, concern)) {
        continue;
      }
      if (best == null || newer(e, best)) {
        best = e;
      }
    }
    if (best == null) {
      return null;
    }
    LocalDate d = observationDate((Observation) best.resource).first();
    return ChronoUnit.DAYS.between(d, date) <= window ? best : null;
  }

  private static boolean newer(Entry a, Entry b) {
    Observation oa = (Observation) a.resource;
    Observation ob = (Observation) b.resource;
    int byDate = observationDate(oa).first().compareTo(observationDate(ob).first());
    if (byDate != 0) {
      return byDate > 0;
    }
    if (oa.hasIssued() && ob.hasIssued()) {
      return oa.getIssued().after(ob.getIssued());
    }
    return oa.hasIssued() && !ob.hasIssued();
  }

  /**
   * True when an Observation applies to the concern: it has no focus that resolves, or its focus
   * names the concern's order or Condition.
   */
  private boolean appliesTo(Entry obs, ConcernDraft concern) {
    List<Entry> focus = focus(obs);
    if (focus.isEmpty()) {
      return true;
    }
    for (Entry f : focus) {
      if (f == concern.source || concern.conditions.contains(f)) {
        return true;
      }
    }
    return false;
  }

  private List<Entry> focus(Entry obs) {
    List<Entry> focus = new ArrayList<>();
    for (Reference r : ((Observation) obs.resource).getFocus()) {
      Entry f = record.resolve(r, obs);
      if (f != null) {
        focus.add(f);
      }
    }
    return focus;
  }

  private void concernObservations(ConcernDraft c) {
    int window = policy.fhirObservationWindowDays();
    c.headacheDays = wholeFact(c, "headache-days-per-month", "headacheDaysPerMonth", window);
    c.migraineDays = wholeFact(c, "migraine-days-per-month", "migraineDaysPerMonth", window);
    c.headacheHours = numberFact(c, "headache-hours-per-day", "headacheHoursPerDay", window);
    c.months = wholeFact(c, "months-with-symptoms", "monthsWithSymptoms", window);
    c.priorTherapies = wholeFact(c, "prior-therapies-failed", "priorTherapiesFailed", window);
    c.secondaryCause = flagFact(c, "secondary-cause-excluded", "secondaryCauseExcluded", window);
    c.residual = residual(c, window);
    c.catheterization = flagFact(c, "clean-intermittent-catheterization",
        "cleanIntermittentCatheterization", window);
  }

  private Entry localObservation(ConcernDraft c, String code, int window) {
    return latest(observations.getOrDefault(Codes.OBSERVATION + "|" + code, List.of()), c,
        window);
  }

  private Integer wholeFact(ConcernDraft c, String code, String field, int window) {
    Entry e = localObservation(c, code, window);
    if (e == null) {
      return null;
    }
    Observation o = (Observation) e.resource;
    Integer v = null;
    if (o.hasValueIntegerType()) {
      v = o.getValueIntegerType().getValue();
    } else if (o.hasValueQuantity()) {
      BigDecimal d = o.getValueQuantity().getValue();
      v = Codes.whole(d);
      if (v == null && d != null) {
        problem(e, "valueQuantity.value", code + " is a whole number, was " + Codes.show(d));
        return null;
      }
    } else if (o.hasValue()) {
      problem(e, "value[x]", code + " is a valueInteger or valueQuantity, was "
          + valueType(o.getValue()));
      return null;
    }
    if (v != null) {
      prov(c.at() + "/" + field, e);
    }
    return v;
  }

  private Double numberFact(ConcernDraft c, String code, String field, int window) {
    Entry e = localObservation(c, code, window);
    if (e == null) {
      return null;
    }
    Observation o = (Observation) e.resource;
    Double v = null;
    if (o.hasValueIntegerType() && o.getValueIntegerType().getValue() != null) {
      v = o.getValueIntegerType().getValue().doubleValue();
    } else if (o.hasValueQuantity() && o.getValueQuantity().getValue() != null) {
      v = o.getValueQuantity().getValue().doubleValue();
    } else if (o.hasValue() && !o.hasValueQuantity() && !o.hasValueIntegerType()) {
      problem(e, "value[x]", code + " is a valueQuantity or valueInteger, was "
          + valueType(o.getValue()));
      return null;
    }
    if (v != null) {
      prov(c.at() + "/" + field, e);
    }
    return v;
  }

  private Boolean flagFact(ConcernDraft c, String code, String field, int window) {
    Entry e = localObservation(c, code, window);
    if (e == null) {
      return null;
    }
    Boolean v = flag(e, code);
    if (v != null) {
      prov(c.at() + "/" + field, e);
    }
    return v;
  }

  private Boolean flag(Entry e, String code) {
    Observation o = (Observation) e.resource;
    if (o.hasValueBooleanType()) {
      return o.getValueBooleanType().getValue();
    }
    if (o.hasValue()) {
      problem(e, "value[x]", code + " is a valueBoolean, was " + valueType(o.getValue()));
    }
    return null;
  }

  private Double residual(ConcernDraft c, int window) {
    String code = "post-void-residual";
    Entry e = localObservation(c, code, window);
    if (e == null) {
      return null;
    }
    Observation o = (Observation) e.resource;
    Double v = null;
    if (o.hasValueQuantity()) {
      Quantity q = o.getValueQuantity();
      if (q.getValue() == null) {
        return null;
      }
      String unit = q.hasCode() ? q.getCode().trim() : null;
      if (unit == null) {
        problem(e, "valueQuantity.code", code + " needs the UCUM unit code mL, was absent");
        return null;
      }
      if (!unit.equals("mL") || (q.hasSystem() && !q.getSystem().trim().equals(Codes.UCUM))) {
        problem(e, "valueQuantity.code", code + " takes mL (UCUM), was "
            + FhirRecord.quote(unit));
        return null;
      }
      v = q.getValue().doubleValue();
    } else if (o.hasValueIntegerType() && o.getValueIntegerType().getValue() != null) {
      v = o.getValueIntegerType().getValue().doubleValue();
    } else if (o.hasValue()) {
      problem(e, "value[x]", code + " is a valueQuantity in mL, was " + valueType(o.getValue()));
      return null;
    }
    if (v != null) {
      prov(c.at() + "/postVoidResidualMl", e);
    }
    return v;
  }

  // ---------------------------------------------------------------- concerns

  private void orders() {
    for (Entry e : record.entries) {
      if (!e.type.equals("MedicationRequest") && !e.type.equals("ServiceRequest")) {
        continue;
      }
      if (e.resource == null) {
        use(e);
        continue;
      }
      ProductInfo info = product(e);
      if (!info.toxin()) {
        continue;
      }
      use(e);
      if (!isOrder(e)) {
        continue;
      }
      if (options.selectedOrders() != null && (e.id == null
          || !options.selectedOrders().contains(e.id))) {
        continue;
      }
      ConcernDraft c = new ConcernDraft(concerns.size(), e);
      concerns.add(c);
      c.id = e.id != null && ID.matcher(e.id).matches() ? e.id : null;
      if (c.id != null) {
        prov(c.at() + "/id", e);
      }
      if (info.products().size() == 1 && info.product() != Product.ONABOTULINUMTOXINA) {
        problem(e, info.element(), "orders " + info.product() + ": the knowledge base's doses "
            + "are onabotulinumtoxinA's, and units of botulinum toxin products are not "
            + "interchangeable");
      }
      if (e.resource instanceof MedicationRequest mr) {
        orderReason(c, mr.getReasonCode(), mr.getReasonReference());
        for (int i = 0; i < mr.getDosageInstruction().size(); i++) {
          Dosage d = mr.getDosageInstruction().get(i);
          if (d.hasSite()) {
            site(c, d.getSite(), "dosageInstruction[" + i + "].site");
          }
        }
        dose(c, mr);
        c.issued = mr.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE
            && ORDER_FAMILY.contains(mr.getIntent())
            || options.ordersBeingSigned()
            && mr.getStatus() == MedicationRequest.MedicationRequestStatus.DRAFT
            && ORDER_FAMILY.contains(mr.getIntent());
      } else if (e.resource instanceof ServiceRequest sr) {
        orderReason(c, sr.getReasonCode(), sr.getReasonReference());
        for (int i = 0; i < sr.getBodySite().size(); i++) {
          site(c, sr.getBodySite().get(i), "bodySite[" + i + "]");
        }
        if (sr.hasQuantityQuantity()) {
          BigDecimal units = units(e, sr.getQuantityQuantity(), "quantityQuantity");
          if (units != null) {
            setUnits(c, e, units, "quantityQuantity");
          }
        } else if (sr.hasQuantity()) {
          problem(e, "quantity[x]", "planned units are a quantityQuantity, was "
              + valueType(sr.getQuantity()));
        }
      }
      if (!c.sites.isEmpty()) {
        prov(c.at() + "/sites", e);
      }
    }
  }

  private boolean isOrder(Entry e) {
    if (e.resource instanceof MedicationRequest mr) {
      return mr.getStatus() == MedicationRequest.MedicationRequestStatus.DRAFT
          || mr.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE
          || mr.getStatus() == MedicationRequest.MedicationRequestStatus.ONHOLD;
    }
    if (e.resource instanceof ServiceRequest sr) {
      return sr.getStatus() == ServiceRequest.ServiceRequestStatus.DRAFT
          || sr.getStatus() == ServiceRequest.ServiceRequestStatus.ACTIVE
          || sr.getStatus() == ServiceRequest.ServiceRequestStatus.ONHOLD;
    }
    return false;
  }

  private void dose(ConcernDraft c, MedicationRequest mr) {
    BigDecimal total = null;
    for (int i = 0; i < mr.getDosageInstruction().size(); i++) {
      Dosage d = mr.getDosageInstruction().get(i);
      for (int j = 0; j < d.getDoseAndRate().size(); j++) {
        Dosage.DosageDoseAndRateComponent dr = d.getDoseAndRate().get(j);
        String element = "dosageInstruction[" + i + "].doseAndRate[" + j + "].doseQuantity";
        if (dr.hasDoseQuantity()) {
          BigDecimal u = units(c.source, dr.getDoseQuantity(), element);
          if (u != null) {
            total = total == null ? u : total.add(u);
          }
        } else if (dr.hasDose()) {
          problem(c.source, "dosageInstruction[" + i + "].doseAndRate[" + j + "].dose[x]",
              "planned units are a doseQuantity, was " + valueType(dr.getDose()));
        }
      }
    }
    if (total != null) {
      setUnits(c, c.source, total, "dosageInstruction.doseAndRate.doseQuantity");
    }
  }

  private void setUnits(ConcernDraft c, Entry e, BigDecimal units, String element) {
    Integer whole = Codes.whole(units);
    if (whole == null) {
      problem(e, element, "planned units must be a whole number, was " + Codes.show(units));
      return;
    }
    c.plannedUnits = whole;
    prov(c.at() + "/plannedUnits", e);
  }

  /** A toxin quantity in units (U, [iU], {units}, unit, units); null with a problem otherwise. */
  private BigDecimal units(Entry e, Quantity q, String element) {
    if (q.getValue() == null) {
      problem(e, element + ".value", "a dose needs a value");
      return null;
    }
    String unit = q.hasCode() ? q.getCode().trim() : q.hasUnit() ? q.getUnit().trim() : null;
    if (unit == null || !Codes.DOSE_UNITS.contains(unit)) {
      problem(e, element + (q.hasCode() ? ".code" : ".unit"), "a botulinum toxin dose is in "
          + "units (U, [iU], {units}, unit, units), was "
          + (unit == null ? "no unit" : FhirRecord.quote(unit)));
      return null;
    }
    return q.getValue();
  }

  private void site(ConcernDraft c, CodeableConcept cc, String element) {
    List<Site> mapped = sites(cc);
    if (mapped.isEmpty()) {
      problem(c.source, element, "no coding maps to a site of this mapping (SNOMED CT body "
          + "structures of rules/fhir-sites.tsv, or " + Codes.LOCAL + "site), was "
          + describe(cc));
      return;
    }
    for (Site s : mapped) {
      if (!c.sites.contains(s)) {
        c.sites.add(s);
      }
    }
  }

  private List<Site> sites(CodeableConcept cc) {
    List<Site> mapped = new ArrayList<>();
    for (Coding coding : Codes.codings(cc)) {
      Site s = tables.sites.get(new FhirTables.Key(Codes.system(coding), Codes.code(coding)));
      if (s != null && !mapped.contains(s)) {
        mapped.add(s);
      }
    }
    return mapped;
  }

  /** The condition of an order: its reasonCode, else the Conditions of its reasonReference. */
  private void orderReason(ConcernDraft c, List<CodeableConcept> reasonCode,
      List<Reference> reasonReference) {
    List<Entry> referenced = reasonConditions(c.source, reasonReference);
    c.conditions.addAll(referenced);
    Reason fromCodes = reason(reasonCode, null);
    Reason reason = fromCodes;
    if (!fromCodes.usable()) {
      reason = reason(List.of(), referenced);
    }
    if (!reason.usable()) {
      if (reasonReference.isEmpty() || !referenced.isEmpty()) {
        problem(c.source, reasonCode.isEmpty() && !reasonReference.isEmpty() ? "reasonReference"
            : "reasonCode", "the order names no condition this mapping can read: an ICD-10-CM "
            + "code the catalog maps, or a code of " + Codes.CONDITION + " (in reasonCode or "
            + "the Condition of reasonReference)");
      }
      suppressed.add("$.concerns[" + c.index + "].condition");
      return;
    }
    if (reason.disagreement() != null) {
      problem(c.source, reason == fromCodes ? "reasonCode" : "reasonReference",
          reason.disagreement());
      suppressed.add("$.concerns[" + c.index + "].condition");
      return;
    }
    c.icd10 = reason.icd10();
    c.condition = reason.condition();
    List<Entry> sources = new ArrayList<>();
    sources.add(c.source);
    if (reason != fromCodes) {
      sources.addAll(reason.from());
    }
    if (c.icd10 != null) {
      prov(c.at() + "/icd10", sources);
    }
    if (c.condition != null) {
      prov(c.at() + "/condition", sources);
    }
  }

  /** The Conditions of a reasonReference; one that is missing, refuted or in error is a problem. */
  private List<Entry> reasonConditions(Entry from, List<Reference> refs) {
    List<Entry> found = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      Reference r = refs.get(i);
      Entry target = record.resolve(r, from);
      String element = "reasonReference[" + i + "]";
      if (target == null) {
        problem(from, element, "refers to " + FhirRecord.quote(String.valueOf(r.getReference()))
            + ", which is not in the bundle");
        continue;
      }
      if (!target.type.equals("Condition")) {
        continue;
      }
      use(target);
      Condition cond = (Condition) target.resource;
      if (cond == null) {
        continue;
      }
      if (Codes.anyCode(cond.getVerificationStatus(), NOT_COUNTING)) {
        problem(from, element, "refers to " + target.name + ", which is "
            + (Codes.anyCode(cond.getVerificationStatus(), Set.of("refuted")) ? "refuted"
            : "entered in error") + ": the order's reason is not a diagnosis of the patient");
        continue;
      }
      found.add(target);
    }
    return found;
  }

  /** What the codes of a reason say. */
  private record Reason(String icd10, ConditionCode condition, String disagreement,
      List<Entry> from) {
    boolean usable() {
      return icd10 != null || condition != null;
    }
  }

  /** The usable codings of concepts (or of Conditions), which must agree. */
  private Reason reason(List<CodeableConcept> concepts, List<Entry> conditions) {
    List<Coding> codings = new ArrayList<>(Codes.codings(concepts));
    List<Entry> from = new ArrayList<>();
    if (conditions != null) {
      for (Entry e : conditions) {
        Condition cond = (Condition) e.resource;
        int before = codings.size();
        codings.addAll(Codes.codings(cond.getCode()));
        if (codings.size() > before) {
          from.add(e);
        }
      }
    }
    String icd10 = null;
    ConditionCode fromIcd = null;
    ConditionCode local = null;
    Set<String> seen = new TreeSet<>();
    boolean disagree = false;
    for (Coding c : codings) {
      String system = Codes.system(c);
      String code = Codes.code(c);
      if (system.equals(FhirTables.ICD10CM) && !code.isEmpty()) {
        Catalog.Icd10Match m = catalog.icd10(code);
        if (!m.found()) {
          continue;
        }
        seen.add(code + " (" + m.condition() + ")");
        if (icd10 == null) {
          icd10 = code;
          fromIcd = m.condition();
        } else if (m.condition() != fromIcd) {
          disagree = true;
        }
      } else if (system.equals(Codes.CONDITION)) {
        ConditionCode cc = conditionCode(code);
        if (cc == null) {
          continue;
        }
        seen.add(cc.name());
        if (local == null) {
          local = cc;
        } else if (cc != local) {
          disagree = true;
        }
      }
    }
    return new Reason(icd10, local, disagree ? "the codings name different conditions: "
        + String.join(", ", seen) : null, from);
  }

  private static ConditionCode conditionCode(String code) {
    try {
      return ConditionCode.valueOf(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void screen() {
    Set<ConditionCode> met = EnumSet.noneOf(ConditionCode.class);
    for (Entry e : ofType("Condition")) {
      Condition cond = (Condition) e.resource;
      if (cond == null) {
        continue;
      }
      ConditionCode mapped = null;
      String icd10 = null;
      Set<ConditionCode> all = new LinkedHashSet<>();
      for (Coding c : cond.getCode().getCoding()) {
        if (Codes.system(c).equals(FhirTables.ICD10CM) && !Codes.code(c).isEmpty()) {
          Catalog.Icd10Match m = catalog.icd10(Codes.code(c));
          if (m.found() && catalog.entry(m.condition()).therapeutic()) {
            all.add(m.condition());
            if (mapped == null) {
              mapped = m.condition();
              icd10 = Codes.code(c);
            }
          }
        }
      }
      if (mapped == null) {
        continue;
      }
      use(e);
      if (!counts(cond.getClinicalStatus(), cond.getVerificationStatus())) {
        continue;
      }
      if (all.size() > 1) {
        problem(e, "code", "the ICD-10-CM codings name different conditions: " + all);
        continue;
      }
      if (!met.add(mapped)) {
        continue;
      }
      ConcernDraft c = new ConcernDraft(concerns.size(), e);
      c.conditions.add(e);
      concerns.add(c);
      c.id = e.id != null && ID.matcher(e.id).matches() ? e.id : null;
      if (c.id != null) {
        prov(c.at() + "/id", e);
      }
      c.icd10 = icd10;
      prov(c.at() + "/icd10", e);
    }
  }

  private Concern concern(ConcernDraft c) {
    return new Concern(c.id, c.condition, c.icd10, c.sites, c.headacheDays, c.migraineDays,
        c.headacheHours, c.months, c.priorTherapies, c.secondaryCause, c.plannedUnits,
        c.residual, c.catheterization, null);
  }

  /** The catalog row of a concern, or null when its codes do not name one. */
  private CatalogEntry catalogEntry(ConcernDraft c) {
    if (c.condition != null) {
      return catalog.entry(c.condition);
    }
    if (c.icd10 != null) {
      Catalog.Icd10Match m = catalog.icd10(c.icd10);
      return m.found() ? catalog.entry(m.condition()) : null;
    }
    return null;
  }

  // ---------------------------------------------------------------- history

  private static boolean counts(CodeableConcept clinical, CodeableConcept verification) {
    boolean active = clinical == null || !clinical.hasCoding()
        || Codes.anyCode(clinical, ACTIVE_CLINICAL);
    return active && !Codes.anyCode(verification, NOT_COUNTING);
  }

  private static boolean allergyCounts(AllergyIntolerance a) {
    return counts(a.getClinicalStatus(), a.getVerificationStatus());
  }

  private void conditions(List<Comorbidity> comorbidities, List<Site> infectionSites) {
    Map<Comorbidity, List<Entry>> found = new LinkedHashMap<>();
    Map<Site, List<Entry>> infected = new LinkedHashMap<>();
    for (Entry e : ofType("Condition")) {
      Condition cond = (Condition) e.resource;
      if (cond == null) {
        use(e);
        continue;
      }
      Set<Comorbidity> mapped = new LinkedHashSet<>();
      boolean infection = false;
      for (Coding c : cond.getCode().getCoding()) {
        String system = Codes.system(c);
        String code = Codes.code(c);
        if (code.isEmpty()) {
          continue;
        }
        if (system.equals(FhirTables.ICD10CM)) {
          Comorbidity m = FhirTables.longestPrefix(tables.comorbidityIcd10, code);
          if (m != null) {
            mapped.add(m);
          }
          infection |= FhirTables.hasPrefix(tables.infectionIcd10, code);
        } else {
          FhirTables.Key k = new FhirTables.Key(system, code);
          Comorbidity m = tables.comorbidityCodes.get(k);
          if (m != null) {
            mapped.add(m);
          }
          infection |= tables.infectionCodes.contains(k);
        }
      }
      if (mapped.isEmpty() && !infection) {
        continue;
      }
      use(e);
      if (!counts(cond.getClinicalStatus(), cond.getVerificationStatus())) {
        continue;
      }
      for (Comorbidity m : mapped) {
        found.computeIfAbsent(m, x -> new ArrayList<>()).add(e);
      }
      if (infection) {
        List<Site> at = new ArrayList<>();
        for (CodeableConcept site : cond.getBodySite()) {
          for (Site s : sites(site)) {
            if (!at.contains(s)) {
              at.add(s);
            }
          }
        }
        if (at.isEmpty()) {
          for (ConcernDraft c : concerns) {
            List<Site> sites = c.sites;
            if (sites.isEmpty()) {
              CatalogEntry row = catalogEntry(c);
              sites = row == null ? List.of() : row.usualSites();
            }
            for (Site s : sites) {
              if (!at.contains(s)) {
                at.add(s);
              }
            }
          }
        }
        for (Site s : at) {
          infected.computeIfAbsent(s, x -> new ArrayList<>()).add(e);
        }
      }
    }
    found.forEach((m, from) -> {
      prov("/medicalHistory/conditions/" + comorbidities.size(), from);
      comorbidities.add(m);
    });
    infected.forEach((s, from) -> {
      prov("/medicalHistory/infectionSites/" + infectionSites.size(), from);
      infectionSites.add(s);
    });
  }

  /** Toxin allergies with a reaction, for the adverse reactions of past treatments. */
  private final List<Entry> toxinAllergies = new ArrayList<>();

  private List<Allergy> allergies() {
    Map<Allergy, List<Entry>> found = new LinkedHashMap<>();
    for (Entry e : ofType("AllergyIntolerance")) {
      use(e);
      AllergyIntolerance a = (AllergyIntolerance) e.resource;
      if (a == null || !allergyCounts(a)) {
        continue;
      }
      Set<Allergy> mapped = new LinkedHashSet<>();
      boolean none = false;
      for (Coding c : a.getCode().getCoding()) {
        FhirTables.Key k = new FhirTables.Key(Codes.system(c), Codes.code(c));
        if (tables.allergies.containsKey(k)) {
          Allergy al = tables.allergies.get(k);
          if (al == null) {
            none = true;
          } else {
            mapped.add(al);
          }
        }
      }
      ProductInfo info = product(e);
      if (!info.products().isEmpty()) {
        mapped.add(Allergy.BOTULINUM_TOXIN);
      }
      if (mapped.isEmpty()) {
        if (none) {
          continue;
        }
        mapped.add(Allergy.OTHER);
      }
      if (mapped.contains(Allergy.BOTULINUM_TOXIN) && a.getReaction().stream()
          .anyMatch(r -> r.hasManifestation())) {
        toxinAllergies.add(e);
      }
      for (Allergy al : mapped) {
        found.computeIfAbsent(al, x -> new ArrayList<>()).add(e);
      }
    }
    List<Allergy> allergies = new ArrayList<>();
    found.forEach((al, from) -> {
      prov("/medicalHistory/allergies/" + allergies.size(), from);
      allergies.add(al);
    });
    return allergies;
  }

  private boolean cdsContext() {
    return options.selectedOrders() != null || options.ordersBeingSigned();
  }

  private List<Medication> medications() {
    List<Medication> medications = new ArrayList<>();
    for (Entry e : record.entries) {
      boolean current;
      Type medication;
      if (e.type.equals("MedicationStatement")) {
        use(e);
        MedicationStatement ms = (MedicationStatement) e.resource;
        if (ms == null) {
          continue;
        }
        current = ms.getStatus() == MedicationStatement.MedicationStatementStatus.ACTIVE
            || ms.getStatus() == MedicationStatement.MedicationStatementStatus.INTENDED
            || ms.getStatus() == MedicationStatement.MedicationStatementStatus.ONHOLD;
        medication = ms.getMedication();
      } else if (e.type.equals("MedicationRequest")) {
        use(e);
        MedicationRequest mr = (MedicationRequest) e.resource;
        if (mr == null) {
          continue;
        }
        MedicationRequest.MedicationRequestStatus s = mr.getStatus();
        current = (s == MedicationRequest.MedicationRequestStatus.ACTIVE
            || s == MedicationRequest.MedicationRequestStatus.ONHOLD
            || s == MedicationRequest.MedicationRequestStatus.DRAFT && cdsContext())
            && (ORDER_FAMILY.contains(mr.getIntent())
            || mr.getIntent() == MedicationRequest.MedicationRequestIntent.PLAN);
        medication = mr.getMedication();
      } else {
        continue;
      }
      if (!current || product(e).toxin()) {
        continue;
      }
      List<Entry> from = new ArrayList<>();
      from.add(e);
      String name = medicationName(e, medication, from);
      if (name == null) {
        continue;
      }
      prov("/medicalHistory/medications/" + medications.size(), from);
      medications.add(Medication.named(name));
    }
    return medications;
  }

  /** The name of medication[x]: the Medication's or the concept's text, else the first display. */
  private String medicationName(Entry e, Type medication, List<Entry> from) {
    CodeableConcept cc = null;
    String element = "medicationCodeableConcept";
    if (medication instanceof CodeableConcept c) {
      cc = c;
    } else if (medication instanceof Reference r) {
      element = "medicationReference";
      Entry m = record.resolve(r, e);
      if (m == null || !m.type.equals("Medication")) {
        problem(e, element, "refers to " + FhirRecord.quote(String.valueOf(r.getReference()))
            + ", which is not a Medication in the bundle: the medication cannot be named");
        return null;
      }
      use(m);
      if (m.resource != null) {
        cc = ((org.hl7.fhir.r4.model.Medication) m.resource).getCode();
      }
      if (m.fullUrl != null || !m.name.contains("#")) {
        from.add(m);
      }
    }
    if (cc != null) {
      if (cc.hasText() && !cc.getText().isBlank()) {
        return cc.getText().trim();
      }
      for (Coding c : cc.getCoding()) {
        if (c.hasDisplay() && !c.getDisplay().isBlank()) {
          return c.getDisplay().trim();
        }
      }
    }
    problem(e, element, "the medication has no text or coding display to name it (the drug "
        + "list matches names)");
    return null;
  }

  // ---------------------------------------------------------------- past treatments

  private void treatments() {
    for (Entry e : record.entries) {
      boolean completed;
      Type when;
      List<CodeableConcept> reasonCode;
      List<Reference> reasonReference;
      String dateElement;
      if (e.type.equals("Procedure")) {
        if (e.resource == null) {
          use(e);
          continue;
        }
        Procedure p = (Procedure) e.resource;
        completed = p.getStatus() == Procedure.ProcedureStatus.COMPLETED;
        when = p.getPerformed();
        reasonCode = p.getReasonCode();
        reasonReference = p.getReasonReference();
        dateElement = "performed[x]";
      } else if (e.type.equals("MedicationAdministration")) {
        if (e.resource == null) {
          use(e);
          continue;
        }
        MedicationAdministration ma = (MedicationAdministration) e.resource;
        completed = ma.getStatus()
            == MedicationAdministration.MedicationAdministrationStatus.COMPLETED;
        when = ma.getEffective();
        reasonCode = ma.getReasonCode();
        reasonReference = ma.getReasonReference();
        dateElement = "effective[x]";
      } else {
        continue;
      }
      ProductInfo info = product(e);
      if (!info.toxin()) {
        continue;
      }
      use(e);
      if (!completed) {
        continue;
      }
      Dated d = Codes.date(when, true);
      if (d == null) {
        problem(e, dateElement, "a past botulinum toxin treatment needs the date it was given");
        continue;
      }
      if (d.first().isAfter(date)) {
        continue;
      }
      TreatmentDraft t = new TreatmentDraft(e);
      t.date = d.last().isAfter(date) ? date : d.last();
      t.product = info.products().size() > 1 ? null : info.product();
      if (e.resource instanceof MedicationAdministration ma && ma.hasDosage()
          && ma.getDosage().hasDose()) {
        BigDecimal u = units(e, ma.getDosage().getDose(), "dosage.dose");
        if (u != null) {
          Integer whole = Codes.whole(u);
          if (whole == null) {
            problem(e, "dosage.dose", "units given must be a whole number, was " + Codes.show(u));
          } else {
            t.units = whole;
          }
        }
      }
      List<Entry> referenced = reasonConditions(e, reasonReference);
      Reason reason = reason(reasonCode, null);
      if (!reason.usable()) {
        reason = reason(List.of(), referenced);
      }
      ConditionCode condition = null;
      if (reason.usable() && reason.disagreement() == null) {
        if (reason.icd10() != null) {
          condition = catalog.icd10(reason.icd10()).condition();
        }
        if (condition == null || catalog.entry(condition).isAlias()) {
          condition = reason.condition();
        }
        if (condition != null && catalog.entry(condition).isAlias()) {
          condition = null;
        }
        if (reason.icd10() != null && reason.condition() != null
            && catalog.icd10(reason.icd10()).condition() != reason.condition()
            && !catalog.entry(catalog.icd10(reason.icd10()).condition()).isAlias()) {
          condition = null;
        }
      }
      t.condition = condition;
      t.response = response(t);
      treatments.add(t);
    }
    String at;
    for (int i = 0; i < treatments.size(); i++) {
      TreatmentDraft t = treatments.get(i);
      at = "/treatmentHistory/" + i;
      prov(at, t.source);
      prov(at + "/date", t.source);
      prov(at + "/product", t.source);
      if (t.units != null) {
        prov(at + "/units", t.source);
      }
      if (t.condition != null) {
        prov(at + "/condition", t.source);
      }
    }
  }

  private Response response(TreatmentDraft t) {
    String code = "treatment-response";
    Entry best = null;
    for (Entry e : observations.getOrDefault(Codes.OBSERVATION + "|" + code, List.of())) {
      if (focus(e).contains(t.source) && (best == null || newer(e, best))) {
        best = e;
      }
    }
    if (best == null) {
      return null;
    }
    Observation o = (Observation) best.resource;
    if (!o.hasValueCodeableConcept()) {
      problem(best, "value[x]", code + " is a valueCodeableConcept of " + Codes.RESPONSE
          + " (GOOD, PARTIAL, NONE, UNKNOWN), was " + valueType(o.getValue()));
      return null;
    }
    for (Coding c : o.getValueCodeableConcept().getCoding()) {
      if (Codes.system(c).equals(Codes.RESPONSE)) {
        try {
          Response r = Response.valueOf(Codes.code(c));
          responseSource.put(t, best);
          return r;
        } catch (IllegalArgumentException ex) {
          problem(best, "valueCodeableConcept", code + " takes GOOD, PARTIAL, NONE or UNKNOWN "
              + "of " + Codes.RESPONSE + ", was " + FhirRecord.quote(Codes.code(c)));
          return null;
        }
      }
    }
    problem(best, "valueCodeableConcept", code + " needs a coding of " + Codes.RESPONSE
        + " (GOOD, PARTIAL, NONE, UNKNOWN)");
    return null;
  }

  private final Map<TreatmentDraft, Entry> responseSource = new IdentityHashMap<>();

  private void adverseEvents() {
    for (Entry e : ofType("AdverseEvent")) {
      AdverseEvent ae = (AdverseEvent) e.resource;
      if (ae == null) {
        continue;
      }
      if (ae.getActuality() == AdverseEvent.AdverseEventActuality.POTENTIAL) {
        continue;
      }
      for (AdverseEvent.AdverseEventSuspectEntityComponent s : ae.getSuspectEntity()) {
        Entry target = record.resolve(s.getInstance(), e);
        for (TreatmentDraft t : treatments) {
          if (t.source == target) {
            use(e);
            for (AdverseReaction r : reactions(List.of(ae.getEvent()))) {
              t.reactions.computeIfAbsent(r, x -> new ArrayList<>()).add(e.name);
            }
          }
        }
      }
    }
    for (Entry e : toxinAllergies) {
      AllergyIntolerance a = (AllergyIntolerance) e.resource;
      for (AllergyIntolerance.AllergyIntoleranceReactionComponent r : a.getReaction()) {
        if (!r.hasManifestation()) {
          continue;
        }
        Dated onset = r.hasOnsetElement() ? Codes.date(r.getOnsetElement()) : null;
        if (onset == null && a.hasOnsetDateTimeType()) {
          onset = Codes.date(a.getOnsetDateTimeType());
        }
        TreatmentDraft target = null;
        for (TreatmentDraft t : treatments) {
          if (onset != null && t.date.isAfter(onset.last())) {
            continue;
          }
          if (target == null || t.date.isAfter(target.date)) {
            target = t;
          }
        }
        if (target == null) {
          continue;
        }
        target.reactions.computeIfAbsent(AdverseReaction.ALLERGIC_REACTION,
            x -> new ArrayList<>()).add(e.name);
        for (AdverseReaction reaction : reactions(r.getManifestation())) {
          target.reactions.computeIfAbsent(reaction, x -> new ArrayList<>()).add(e.name);
        }
      }
    }
    for (int i = 0; i < treatments.size(); i++) {
      TreatmentDraft t = treatments.get(i);
      int k = 0;
      for (Map.Entry<AdverseReaction, List<String>> r : t.reactions.entrySet()) {
        for (String name : r.getValue()) {
          provenance.computeIfAbsent("/treatmentHistory/" + i + "/adverseReactions/" + k,
              x -> new LinkedHashSet<>()).add(name);
        }
        k++;
      }
      Entry response = responseSource.get(t);
      if (response != null) {
        prov("/treatmentHistory/" + i + "/response", response);
      }
    }
  }

  private List<AdverseReaction> reactions(List<CodeableConcept> concepts) {
    List<AdverseReaction> out = new ArrayList<>();
    for (CodeableConcept cc : concepts) {
      boolean any = false;
      for (Coding c : Codes.codings(cc)) {
        AdverseReaction r = tables.reactions.get(
            new FhirTables.Key(Codes.system(c), Codes.code(c)));
        if (r != null) {
          any = true;
          if (!out.contains(r)) {
            out.add(r);
          }
        }
      }
      if (!any && !out.contains(AdverseReaction.OTHER)) {
        out.add(AdverseReaction.OTHER);
      }
    }
    return out;
  }

  private TreatmentRecord treatment(TreatmentDraft t) {
    return new TreatmentRecord(t.date, t.condition, t.product, t.units, t.response,
        List.copyOf(t.reactions.keySet()));
  }

  // ---------------------------------------------------------------- workflow

  private Workflow workflow() {
    List<ConcernDraft> therapeutic = new ArrayList<>();
    for (ConcernDraft c : concerns) {
      CatalogEntry row = catalogEntry(c);
      if (row != null && row.therapeutic()) {
        therapeutic.add(c);
      }
    }
    boolean confirmed = !therapeutic.isEmpty();
    List<Entry> dx = new ArrayList<>();
    for (ConcernDraft c : therapeutic) {
      if (c.conditions.isEmpty()) {
        confirmed = false;
      }
      for (Entry e : c.conditions) {
        dx.add(e);
        if (!Codes.anyCode(((Condition) e.resource).getVerificationStatus(),
            Set.of("confirmed"))) {
          confirmed = false;
        }
      }
    }
    if (!dx.isEmpty()) {
      prov("/workflow/diagnosisConfirmed", dx);
    }

    boolean examined = !therapeutic.isEmpty();
    List<Entry> exams = new ArrayList<>();
    int window = policy.fhirExaminationWindowDays();
    for (ConcernDraft c : therapeutic) {
      Entry found = null;
      for (Entry e : ofType("Encounter")) {
        Encounter enc = (Encounter) e.resource;
        if (enc == null || !namesAny(e, enc, c.conditions)) {
          continue;
        }
        use(e);
        if (enc.getStatus() != Encounter.EncounterStatus.FINISHED
            && enc.getStatus() != Encounter.EncounterStatus.INPROGRESS) {
          continue;
        }
        Dated d = Codes.date(enc.getPeriod(), false);
        if (d == null || d.first().isAfter(date)
            || ChronoUnit.DAYS.between(d.first(), date) > window) {
          continue;
        }
        found = e;
        break;
      }
      if (found == null) {
        Entry o = localObservation(c, "medical-examination-completed", window);
        if (o != null && Boolean.TRUE.equals(flag(o, "medical-examination-completed"))) {
          found = o;
        }
      }
      if (found == null) {
        examined = false;
      } else if (!exams.contains(found)) {
        exams.add(found);
      }
    }
    if (examined && !exams.isEmpty()) {
      prov("/workflow/medicalExaminationCompleted", exams);
    }

    boolean issued = !options.screen() && !concerns.isEmpty();
    for (ConcernDraft c : concerns) {
      issued &= c.issued;
    }
    if (!options.screen() && !concerns.isEmpty()) {
      List<Entry> orders = new ArrayList<>();
      concerns.forEach(c -> orders.add(c.source));
      prov("/workflow/prescriptionIssued", orders);
    }
    return new Workflow(examined, confirmed, issued);
  }

  private boolean namesAny(Entry from, Encounter enc, List<Entry> conditions) {
    if (conditions.isEmpty()) {
      return false;
    }
    for (Encounter.DiagnosisComponent d : enc.getDiagnosis()) {
      if (conditions.contains(record.resolve(d.getCondition(), from))) {
        return true;
      }
    }
    for (Reference r : enc.getReasonReference()) {
      if (conditions.contains(record.resolve(r, from))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- products

  private ProductInfo product(Entry e) {
    ProductInfo known = products.get(e);
    if (known != null) {
      return known;
    }
    Set<Product> found = new LinkedHashSet<>();
    boolean procedure = false;
    String element = "code";
    List<CodeableConcept> concepts = new ArrayList<>();
    boolean procedureCodes = false;
    if (e.resource instanceof MedicationRequest mr) {
      element = medicationConcepts(e, mr.getMedication(), concepts);
    } else if (e.resource instanceof MedicationStatement ms) {
      element = medicationConcepts(e, ms.getMedication(), concepts);
    } else if (e.resource instanceof MedicationAdministration ma) {
      element = medicationConcepts(e, ma.getMedication(), concepts);
    } else if (e.resource instanceof ServiceRequest sr) {
      concepts.add(sr.getCode());
      procedureCodes = true;
    } else if (e.resource instanceof Procedure p) {
      concepts.add(p.getCode());
      concepts.addAll(p.getUsedCode());
      procedureCodes = true;
    } else if (e.resource instanceof AllergyIntolerance a) {
      concepts.add(a.getCode());
    }
    for (CodeableConcept cc : concepts) {
      if (cc == null) {
        continue;
      }
      for (Coding c : cc.getCoding()) {
        FhirTables.Key k = new FhirTables.Key(Codes.system(c), Codes.code(c));
        Product p = tables.productCodes.get(k);
        if (p != null) {
          found.add(p);
        }
        if (procedureCodes && tables.procedureCodes.contains(k)) {
          procedure = true;
        }
        if (c.hasDisplay()) {
          named(c.getDisplay(), found);
        }
      }
      if (cc.hasText()) {
        named(cc.getText(), found);
      }
    }
    ProductInfo info = new ProductInfo(found, procedure, element);
    products.put(e, info);
    if (found.size() > 1) {
      problem(e, element, "the codings name different botulinum toxin products ("
          + found.stream().map(Enum::name).sorted().reduce((a, b) -> a + ", " + b).orElse("")
          + "): units of one are not units of another");
    }
    return info;
  }

  private String medicationConcepts(Entry e, Type medication, List<CodeableConcept> out) {
    if (medication instanceof CodeableConcept cc) {
      out.add(cc);
      return "medicationCodeableConcept";
    }
    if (medication instanceof Reference r) {
      Entry m = record.resolve(r, e);
      if (m != null && m.resource instanceof org.hl7.fhir.r4.model.Medication med) {
        out.add(med.getCode());
      }
      return "medicationReference";
    }
    return "medication[x]";
  }

  private void named(String text, Set<Product> found) {
    for (FhirTables.ProductName n : tables.productNames) {
      if (n.pattern().matcher(text).find()) {
        found.add(n.product());
      }
    }
  }

  // ---------------------------------------------------------------- checks

  /** A resource the mapping reads whose subject is another patient is a problem. */
  private void checkSubjects() {
    if (patient == null) {
      return;
    }
    for (Entry e : record.entries) {
      if (!used.contains(e) || e == patient || e.resource == null) {
        continue;
      }
      Reference subject;
      String element = "subject";
      if (e.resource instanceof AllergyIntolerance a) {
        subject = a.getPatient();
        element = "patient";
      } else if (e.resource instanceof Condition c) {
        subject = c.getSubject();
      } else if (e.resource instanceof Observation o) {
        subject = o.getSubject();
      } else if (e.resource instanceof MedicationStatement m) {
        subject = m.getSubject();
      } else if (e.resource instanceof MedicationRequest m) {
        subject = m.getSubject();
      } else if (e.resource instanceof ServiceRequest s) {
        subject = s.getSubject();
      } else if (e.resource instanceof Procedure p) {
        subject = p.getSubject();
      } else if (e.resource instanceof MedicationAdministration m) {
        subject = m.getSubject();
      } else if (e.resource instanceof Encounter enc) {
        subject = enc.getSubject();
      } else if (e.resource instanceof AdverseEvent ae) {
        subject = ae.getSubject();
      } else {
        continue;
      }
      if (subject == null || !subject.hasReference()) {
        continue;
      }
      Entry target = record.resolve(subject, e);
      if (target == patient) {
        continue;
      }
      String key = FhirRecord.typeAndId(subject.getReference().trim());
      if (target == null && key != null && key.equals(patient.name)) {
        continue;
      }
      problem(e, element, "refers to " + FhirRecord.quote(subject.getReference())
          + ", another patient than the record's " + patient.name
          + ": a record holds one patient's resources");
    }
  }

  private void reportReadErrors() {
    for (Entry e : record.entries) {
      if (!used.contains(e) && e.resource != null) {
        continue;
      }
      for (FhirRecord.ReadError r : e.errors) {
        problem(e, r.element(), r.message());
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private List<Entry> ofType(String type) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : record.entries) {
      if (e.type.equals(type)) {
        out.add(e);
      }
    }
    return out;
  }

  private void use(Entry e) {
    used.add(e);
  }

  private void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }

  private void problem(Entry e, String element, String message) {
    problems.add(new Problem(element == null || element.isEmpty() ? e.name
        : e.name + "." + element, message));
  }

  private void prov(String pointer, Entry e) {
    provenance.computeIfAbsent(pointer, k -> new LinkedHashSet<>()).add(e.name);
  }

  private void prov(String pointer, List<Entry> entries) {
    for (Entry e : entries) {
      prov(pointer, e);
    }
  }

  private static String names(List<Entry> entries) {
    return String.join(", ", entries.stream().map(e -> e.name).toList());
  }

  private static String valueType(Type value) {
    if (value == null) {
      return "absent";
    }
    String t = value.fhirType();
    return "value" + Character.toUpperCase(t.charAt(0)) + t.substring(1);
  }

  private static String describe(CodeableConcept cc) {
    List<String> parts = new ArrayList<>();
    for (Coding c : Codes.codings(cc)) {
      parts.add(Codes.system(c) + "|" + Codes.code(c));
    }
    if (parts.isEmpty()) {
      return cc.hasText() ? "text only " + FhirRecord.quote(cc.getText()) : "no coding";
    }
    return String.join(", ", parts);
  }

  /** A validator path ($.concerns[1].id) as a JSON Pointer (/concerns/1/id). */
  static String pointer(String jsonPath) {
    if (jsonPath == null || jsonPath.equals("$")) {
      return "";
    }
    String p = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
    Matcher m = JSON_PATH_INDEX.matcher(p);
    p = m.replaceAll(".$1");
    return p.replace('.', '/');
  }

  /** The resources of a pointer, or of its nearest ancestor that has some. */
  private static List<String> resourcesOf(String pointer, Map<String, List<String>> prov) {
    String p = pointer;
    while (!p.isEmpty()) {
      List<String> r = prov.get(p);
      if (r != null) {
        return r;
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
    return List.of();
  }
}
