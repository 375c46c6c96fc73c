package org.botoxeligibility.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.botoxeligibility.fhir.Codes.Dated;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.intake.Sex;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * The patient and the pregnancy status (docs/fhir-mapping.md §3): the one Patient of the record,
 * its birth date and sex, and the pregnancy, breastfeeding and weight Observations.
 */
final class PatientFacts {
  private static final BigDecimal POUND_KG = new BigDecimal("0.45359237");
  private static final BigDecimal THOUSAND = new BigDecimal(1000);

  private final MappingContext ctx;
  private final ObservationIndex observations;
  private Entry patient;

  PatientFacts(MappingContext ctx, ObservationIndex observations) {
    this.ctx = ctx;
    this.observations = observations;
  }

  /** The record's Patient entry, or null when there is none. */
  Entry entry() {
    return patient;
  }

  /** Finds the one Patient: none, or more than one, is a problem. */
  void find() {
    List<Entry> patients = ctx.ofType("Patient");
    if (patients.isEmpty()) {
      ctx.problem("Bundle", "holds no Patient: the mapping needs exactly one (the record of one "
          + "patient)");
      ctx.suppressed.add("$.patient.ageYears");
      return;
    }
    patient = patients.get(0);
    ctx.use(patient);
    if (patients.size() > 1) {
      ctx.problem("Bundle", "holds " + patients.size() + " Patients ("
          + MappingContext.names(patients) + "): the mapping reads the record of exactly one "
          + "patient");
    }
  }

  /**
   * Whether the patient is deceased: {@code deceasedBoolean} true, or a {@code deceasedDateTime}
   * on or before the assessment date (a partial date counts from its first day).
   */
  boolean deceased() {
    if (patient == null || !(patient.resource instanceof org.hl7.fhir.r4.model.Patient p)
        || !p.hasDeceased()) {
      return false;
    }
    if (p.hasDeceasedBooleanType()) {
      return Boolean.TRUE.equals(p.getDeceasedBooleanType().getValue());
    }
    if (p.hasDeceasedDateTimeType()) {
      Dated d = Codes.date(p.getDeceasedDateTimeType());
      return d != null && !d.first().isAfter(ctx.date);
    }
    return false;
  }

  /** Checks the birth date: a partial or absent one is a problem. */
  void readBirthDate() {
    if (patient == null) {
      return;
    }
    org.hl7.fhir.r4.model.Patient p = (org.hl7.fhir.r4.model.Patient) patient.resource;
    if (p == null) {
      ctx.suppressed.add("$.patient.ageYears");
      return;
    }
    Dated birth = p.hasBirthDateElement() ? Codes.date(p.getBirthDateElement()) : null;
    if (birth == null) {
      ctx.problem(patient, "birthDate", "a full birth date is needed (age decides too much to "
          + "guess), was " + (p.hasBirthDateElement() && p.getBirthDateElement().hasValue()
          ? FhirRecord.quote(p.getBirthDateElement().getValueAsString()) : "absent"));
      ctx.suppressed.add("$.patient.ageYears");
    } else if (!birth.full()) {
      ctx.problem(patient, "birthDate", "a full birth date is needed (age decides too much to "
          + "guess), was the partial date " + FhirRecord.quote(
              p.getBirthDateElement().getValueAsString()));
      ctx.suppressed.add("$.patient.ageYears");
    } else {
      ctx.prov("/patient/birthDate", patient);
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

  /** The intake's patient: birth date, sex, pregnancy, breastfeeding and weight. */
  Patient patient() {
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
      }
      if (sex == null) {
        sex = individualSex(p);
      }
      if (sex != null) {
        ctx.prov("/patient/sex", patient);
      }
    }
    Integer age = null;
    if (birth != null && !birth.isAfter(ctx.date)) {
      age = Period.between(birth, ctx.date).getYears();
    }
    Boolean pregnant = pregnancy();
    Boolean breastfeeding = status(ObservationIndex.LOINC_BREASTFEEDING, "BREASTFEEDING",
        ctx.policy.fhirBreastfeedingWindowDays(), "/patient/breastfeeding");
    Double weight = weight(age);
    return new Patient(null, birth, sex, pregnant, breastfeeding, weight);
  }

  /** US Core's individual-sex extension: the sex when the Patient gives no gender. */
  private static final String INDIVIDUAL_SEX =
      "http://hl7.org/fhir/us/core/StructureDefinition/us-core-individual-sex";

  /**
   * The sex of US Core's {@code us-core-individual-sex} extension (SNOMED CT 248152002 female,
   * 248153007 male); null for any other value or none.
   */
  private static Sex individualSex(org.hl7.fhir.r4.model.Patient p) {
    org.hl7.fhir.r4.model.Extension ext = p.getExtensionByUrl(INDIVIDUAL_SEX);
    if (ext == null || !(ext.getValue() instanceof Coding c)
        || !Codes.system(c).equals(FhirTables.SNOMED)) {
      return null;
    }
    return switch (Codes.code(c)) {
      case "248152002" -> Sex.FEMALE;
      case "248153007" -> Sex.MALE;
      default -> null;
    };
  }

  /** One dated answer to "is the patient pregnant?". */
  private record Fact(Boolean pregnant, LocalDate date, boolean fin, Entry source) {
    /** True when this fact is strictly newer than the other (an undated fact is the oldest). */
    boolean newerThan(Fact other) {
      if (date == null) {
        return false;
      }
      return other.date == null || date.isAfter(other.date);
    }
  }

  /**
   * The pregnancy status (docs/fhir-mapping.md §8 and its settled readings). Facts: final
   * Observations 82810-3 and urine hCG 2106-3 within their window (30 days), unconfirmed
   * (preliminary, registered) ones, and pregnancy Conditions of the problem list (300 days; an
   * undated one counts). "Pregnant" is replaced only by a newer final "not pregnant" (on the same
   * date, pregnant wins); a newer unconfirmed "pregnant" or "unknown", or a newer final "unknown",
   * makes a final "not pregnant" unknown. The deciding resource is the provenance.
   */
  private Boolean pregnancy() {
    int window = ctx.policy.fhirPregnancyWindowDays();
    List<Fact> facts = new ArrayList<>();
    for (Entry e : observations.of(FhirTables.LOINC, ObservationIndex.LOINC_PREGNANCY)) {
      if (observations.within(e, window)) {
        facts.add(new Fact(answer(e, "PREGNANT"), observationDay(e), true, e));
      }
    }
    for (Entry e : observations.of(FhirTables.LOINC, ObservationIndex.LOINC_HCG)) {
      if (observations.within(e, window)) {
        facts.add(new Fact(observations.result(e, true), observationDay(e), true, e));
      }
    }
    List<Fact> unconfirmed = new ArrayList<>();
    for (Entry e : observations.unconfirmed(ObservationIndex.LOINC_PREGNANCY)) {
      if (observations.within(e, window)) {
        unconfirmed.add(new Fact(answer(e, "PREGNANT"), observationDay(e), false, e));
      }
    }
    for (Entry e : observations.unconfirmed(ObservationIndex.LOINC_HCG)) {
      if (observations.within(e, window)) {
        unconfirmed.add(new Fact(observations.result(e, true), observationDay(e), false, e));
      }
    }
    facts.addAll(pregnancyConditions());
    Fact pregnant = newest(facts, Boolean.TRUE);
    Fact notPregnant = newest(facts, Boolean.FALSE);
    if (pregnant != null && (notPregnant == null || !notPregnant.newerThan(pregnant))) {
      ctx.prov("/patient/pregnant", pregnant.source());
      return true;
    }
    if (notPregnant != null) {
      for (Fact f : unconfirmed) {
        if (!Boolean.FALSE.equals(f.pregnant()) && f.newerThan(notPregnant)) {
          ctx.prov("/patient/pregnant", f.source());
          return null;
        }
      }
      Fact unknown = newest(facts, null);
      if (unknown != null && unknown.newerThan(notPregnant)) {
        ctx.prov("/patient/pregnant", unknown.source());
        return null;
      }
      ctx.prov("/patient/pregnant", notPregnant.source());
      return false;
    }
    Fact unknown = newest(facts, null);
    if (unknown != null) {
      ctx.prov("/patient/pregnant", unknown.source());
    }
    return null;
  }

  /** The newest fact with the value (null: unknown); ties go to the one first met. */
  private static Fact newest(List<Fact> facts, Boolean value) {
    Fact best = null;
    for (Fact f : facts) {
      if (java.util.Objects.equals(f.pregnant(), value)
          && (best == null || f.newerThan(best) || sameDayLaterIssued(f, best))) {
        best = f;
      }
    }
    return best;
  }

  private static boolean sameDayLaterIssued(Fact a, Fact b) {
    if (a.date() == null || b.date() == null || !a.date().equals(b.date())
        || !(a.source().resource instanceof Observation)
        || !(b.source().resource instanceof Observation)) {
      return false;
    }
    return ObservationIndex.newer(a.source(), b.source());
  }

  private static LocalDate observationDay(Entry e) {
    return ObservationIndex.date((Observation) e.resource).first();
  }

  /**
   * The pregnancy Conditions of the problem list (fhir-pregnancy-conditions.tsv) that count:
   * active (or no status and not abated), not refuted, dated by the later of onset[x] and
   * recordedDate within the window, or undated.
   */
  private List<Fact> pregnancyConditions() {
    List<Fact> out = new ArrayList<>();
    int window = ctx.policy.fhirPregnancyConditionWindowDays();
    for (Entry e : ctx.ofType("Condition")) {
      if (!(e.resource instanceof org.hl7.fhir.r4.model.Condition c) || !pregnancyCode(c)) {
        continue;
      }
      ctx.use(e);
      if (!Statuses.counts(c, ctx.date)) {
        continue;
      }
      LocalDate date = null;
      if (c.hasOnset()) {
        Dated onset = Codes.date(c.getOnset(), false);
        date = onset == null ? null : onset.last();
      }
      if (c.hasRecordedDateElement()) {
        Dated recorded = Codes.date(c.getRecordedDateElement());
        if (recorded != null && (date == null || recorded.last().isAfter(date))) {
          date = recorded.last();
        }
      }
      if (date != null && date.isAfter(ctx.date)) {
        date = ctx.date;
      }
      if (date != null && java.time.temporal.ChronoUnit.DAYS.between(date, ctx.date) > window) {
        continue;
      }
      out.add(new Fact(true, date, true, e));
    }
    return out;
  }

  private boolean pregnancyCode(org.hl7.fhir.r4.model.Condition c) {
    for (Coding coding : c.getCode().getCoding()) {
      String system = Codes.system(coding);
      String code = Codes.code(coding);
      if (code.isEmpty()) {
        continue;
      }
      if (system.equals(FhirTables.ICD10CM)
          ? FhirTables.hasPrefix(ctx.tables.pregnancyIcd10, code)
          : ctx.tables.pregnancyCodes.contains(new FhirTables.Key(system, code))) {
        return true;
      }
    }
    return false;
  }

  /** The answer of a status Observation through fhir-status-values.tsv; null when unknown. */
  private Boolean answer(Entry e, String status) {
    Observation o = (Observation) e.resource;
    if (!o.hasValueCodeableConcept()) {
      return null;
    }
    Set<Boolean> values = new HashSet<>();
    boolean unknown = false;
    for (Coding c : o.getValueCodeableConcept().getCoding()) {
      FhirTables.StatusValue v = ctx.tables.statusValues.get(
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

  /** Pregnancy or breastfeeding status: the most recent Observation within its window. */
  private Boolean status(String loinc, String status, int window, String pointer) {
    Entry e = observations.latest(observations.of(FhirTables.LOINC, loinc), null, window);
    if (e == null) {
      return null;
    }
    ctx.prov(pointer, e);
    Observation o = (Observation) e.resource;
    if (!o.hasValueCodeableConcept()) {
      return null;
    }
    Set<Boolean> values = new HashSet<>();
    boolean unknown = false;
    for (Coding c : o.getValueCodeableConcept().getCoding()) {
      FhirTables.StatusValue v = ctx.tables.statusValues.get(
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

  private Double weight(Integer age) {
    int window = age != null && age >= ctx.policy.adultAge()
        ? ctx.policy.fhirWeightWindowDays() : ctx.policy.fhirChildWeightWindowDays();
    Entry e = observations.latest(observations.of(FhirTables.LOINC,
        ObservationIndex.LOINC_WEIGHT), null, window);
    if (e == null) {
      return null;
    }
    Observation o = (Observation) e.resource;
    if (!o.hasValue()) {
      return null;
    }
    if (!o.hasValueQuantity()) {
      ctx.problem(e, "value[x]", "a body weight is a valueQuantity in kg, g or [lb_av], was "
          + MappingContext.valueType(o.getValue()));
      return null;
    }
    Quantity q = o.getValueQuantity();
    BigDecimal v = q.getValue();
    if (v == null) {
      return null;
    }
    if (q.hasSystem() && !q.getSystem().trim().equals(Codes.UCUM)) {
      ctx.problem(e, "valueQuantity.system", "a body weight needs a UCUM unit (" + Codes.UCUM
          + "), was " + FhirRecord.quote(q.getSystem()));
      return null;
    }
    String code = q.hasCode() ? q.getCode().trim() : null;
    if (code == null) {
      ctx.problem(e, "valueQuantity.code", "a body weight needs a UCUM unit code (kg, g, "
          + "[lb_av]), was absent" + (q.hasUnit() ? " (unit " + FhirRecord.quote(q.getUnit())
          + ")" : ""));
      return null;
    }
    BigDecimal kg;
    switch (code) {
      case "kg" -> kg = v;
      case "g" -> kg = v.divide(THOUSAND);
      case "[lb_av]" -> kg = v.multiply(POUND_KG);
      default -> {
        ctx.problem(e, "valueQuantity.code", "unit " + FhirRecord.quote(code) + " is not a unit "
            + "of mass this mapping knows (kg, g, [lb_av])");
        return null;
      }
    }
    ctx.prov("/patient/weightKg", e);
    return kg.doubleValue();
  }
}
