package org.botoxeligibility.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.intake.TreatmentRecord;

/**
 * The canonical form of a validated intake: compact JSON, fields in the order of docs/contract.md
 * §1, absent values left out, defaults resolved. Two intakes that mean the same thing have the
 * same canonical form, whatever their spacing or field order; its SHA-256 identifies an intake in
 * the audit trail without copying its content. Stateless and thread-safe.
 */
public final class CanonicalIntake {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private CanonicalIntake() {}

  /**
   * The SHA-256 of the canonical form, as {@link JsonAuditLog} records it.
   *
   * @param intake a validated intake, such as an {@code AuditSink} receives
   * @return 64 lower-case hex digits
   */
  public static String sha256(Intake intake) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(bytes(intake)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * The canonical form.
   *
   * @param i a validated intake (a patient is required)
   * @return compact JSON, as UTF-8 bytes, without a newline
   */
  public static byte[] bytes(Intake i) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      write(g, i);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes an intake as one JSON object, fields in the order of docs/contract.md §1, absent
   * values left out: the intake exactly as the reader takes it.
   *
   * @param g the generator
   * @param i the intake
   * @throws IOException when the generator fails
   */
  public static void write(JsonGenerator g, Intake i) throws IOException {
    {
      g.writeStartObject();
      string(g, "intakeId", i.intakeId());
      string(g, "assessmentDate", i.assessmentDate());
      Patient p = i.patient();
      g.writeObjectFieldStart("patient");
      number(g, "ageYears", p.ageYears());
      string(g, "birthDate", p.birthDate());
      string(g, "sex", p.sex());
      bool(g, "pregnant", p.pregnant());
      bool(g, "breastfeeding", p.breastfeeding());
      if (p.weightKg() != null) {
        g.writeNumberField("weightKg", p.weightKg());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("concerns");
      for (Concern c : i.concerns()) {
        g.writeStartObject();
        string(g, "id", c.id());
        string(g, "condition", c.condition());
        string(g, "icd10", c.icd10());
        codes(g, "sites", c.sites());
        number(g, "headacheDaysPerMonth", c.headacheDaysPerMonth());
        number(g, "migraineDaysPerMonth", c.migraineDaysPerMonth());
        if (c.headacheHoursPerDay() != null) {
          g.writeNumberField("headacheHoursPerDay", c.headacheHoursPerDay());
        }
        number(g, "monthsWithSymptoms", c.monthsWithSymptoms());
        number(g, "priorTherapiesFailed", c.priorTherapiesFailed());
        bool(g, "secondaryCauseExcluded", c.secondaryCauseExcluded());
        number(g, "plannedUnits", c.plannedUnits());
        if (c.postVoidResidualMl() != null) {
          g.writeNumberField("postVoidResidualMl", c.postVoidResidualMl());
        }
        bool(g, "cleanIntermittentCatheterization", c.cleanIntermittentCatheterization());
        string(g, "utiExcludedOn", c.utiExcludedOn());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("medicalHistory");
      codes(g, "conditions", i.medicalHistory().conditions());
      codes(g, "allergies", i.medicalHistory().allergies());
      g.writeArrayFieldStart("medications");
      for (Medication m : i.medicalHistory().medications()) {
        g.writeStartObject();
        string(g, "name", m.name());
        string(g, "drugClass", m.drugClass());
        g.writeEndObject();
      }
      g.writeEndArray();
      codes(g, "infectionSites", i.medicalHistory().infectionSites());
      g.writeEndObject();
      g.writeArrayFieldStart("treatmentHistory");
      for (TreatmentRecord t : i.treatmentHistory()) {
        g.writeStartObject();
        string(g, "date", t.date());
        string(g, "condition", t.condition());
        string(g, "product", t.product());
        number(g, "units", t.units());
        string(g, "response", t.response());
        codes(g, "adverseReactions", t.adverseReactions());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (i.workflow() != null) {
        g.writeObjectFieldStart("workflow");
        g.writeBooleanField("medicalExaminationCompleted", i.workflow().medicalExaminationCompleted());
        g.writeBooleanField("diagnosisConfirmed", i.workflow().diagnosisConfirmed());
        g.writeBooleanField("prescriptionIssued", i.workflow().prescriptionIssued());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
  }

  private static void string(JsonGenerator g, String name, Object value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value.toString());
    }
  }

  private static void number(JsonGenerator g, String name, Integer value) throws IOException {
    if (value != null) {
      g.writeNumberField(name, value);
    }
  }

  private static void bool(JsonGenerator g, String name, Boolean value) throws IOException {
    if (value != null) {
      g.writeBooleanField(name, value);
    }
  }

  private static void codes(JsonGenerator g, String name, List<? extends Enum<?>> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (Enum<?> v : values) {
      g.writeString(v.name());
    }
    g.writeEndArray();
  }
}
