package org.botoxeligibility.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
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
        if (sex != null) {
          ctx.prov("/patient/sex", patient);
        }
      }
    }
    Integer age = null;
    if (birth != null && !birth.isAfter(ctx.date)) {
      age = Period.between(birth, ctx.date).getYears();
    }
    Boolean pregnant = status(ObservationIndex.LOINC_PREGNANCY, "PREGNANT",
        ctx.policy.fhirPregnancyWindowDays(), "/patient/pregnant");
    Boolean breastfeeding = status(ObservationIndex.LOINC_BREASTFEEDING, "BREASTFEEDING",
        ctx.policy.fhirBreastfeedingWindowDays(), "/patient/breastfeeding");
    Double weight = weight(age);
    return new Patient(null, birth, sex, pregnant, breastfeeding, weight);
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
