package org.botoxeligibility.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.intake.Workflow;

/**
 * Writes an intake as an equivalent FHIR R4 Bundle (JSON) by the contract of fhir-mapping.md, so
 * that mapping the bundle gives the intake back (ids and defaults aside). Every fact is dated on
 * the assessment date, so every window holds it. What FHIR cannot carry through the mapping:
 * a medication given by drug class alone (the mapping reads names; it is left out, and a name
 * with a class keeps only the name); an age without a birth date (the bundle gets the birth date
 * that gives the age on the assessment date); workflow flags of an intake without a therapeutic
 * concern (the mapping reads them from therapeutic concerns only).
 */
public final class IntakeToBundle {
  private static final String LOCAL = "urn:botox-eligibility:";

  private IntakeToBundle() {}

  /**
   * The bundle of an intake.
   *
   * @param intake an intake with its assessment date set
   * @return the bundle's JSON
   */
  public static String toJson(Intake intake) {
    LocalDate date = intake.assessmentDate();
    String today = date.toString();
    List<String> r = new ArrayList<>();
    Patient p = intake.patient();
    LocalDate birth = p.birthDate() != null ? p.birthDate() : date.minusYears(p.ageYears());
    r.add("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"" + birth + "\""
        + (p.sex() == null ? "" : ",\"gender\":\"" + p.sex().name().toLowerCase() + "\"") + "}");
    if (p.pregnant() != null) {
      r.add(obs("preg", "http://loinc.org", "82810-3", today, "\"valueCodeableConcept\":"
          + concept("http://snomed.info/sct", p.pregnant() ? "77386006" : "60001007"), null));
    }
    if (p.breastfeeding() != null) {
      r.add(obs("bf", "http://loinc.org", "63895-7", today, "\"valueCodeableConcept\":"
          + concept("http://loinc.org", p.breastfeeding() ? "LA29252-6" : "LA29253-4"), null));
    }
    if (p.weightKg() != null) {
      r.add(obs("wt", "http://loinc.org", "29463-7", today, "\"valueQuantity\":{\"value\":"
          + p.weightKg() + ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"kg\"}", null));
    }
    Workflow w = intake.workflow() == null ? Workflow.NOTHING_DONE : intake.workflow();
    for (int i = 0; i < intake.concerns().size(); i++) {
      Concern c = intake.concerns().get(i);
      String id = c.id() != null ? c.id() : "c" + (i + 1);
      List<String> reason = new ArrayList<>();
      if (c.icd10() != null) {
        reason.add(coding("http://hl7.org/fhir/sid/icd-10-cm", c.icd10()));
      }
      if (c.condition() != null) {
        reason.add(coding(LOCAL + "condition", c.condition().name()));
      }
      String reasonJson;
      if (w.diagnosisConfirmed()) {
        r.add("{\"resourceType\":\"Condition\",\"id\":\"dx-" + id + "\",\"subject\":"
            + "{\"reference\":\"Patient/p1\"},\"verificationStatus\":{\"coding\":[{\"system\":"
            + "\"http://terminology.hl7.org/CodeSystem/condition-ver-status\",\"code\":"
            + "\"confirmed\"}]},\"code\":{\"coding\":[" + String.join(",", reason) + "]}}");
        reasonJson = "\"reasonReference\":[{\"reference\":\"Condition/dx-" + id + "\"}]";
        if (w.medicalExaminationCompleted()) {
          r.add("{\"resourceType\":\"Encounter\",\"id\":\"enc-" + id + "\",\"status\":"
              + "\"finished\",\"class\":{\"code\":\"AMB\"},\"subject\":{\"reference\":"
              + "\"Patient/p1\"},\"period\":{\"start\":\"" + today + "\"},\"diagnosis\":"
              + "[{\"condition\":{\"reference\":\"Condition/dx-" + id + "\"}}]}");
        }
      } else {
        reasonJson = "\"reasonCode\":[{\"coding\":[" + String.join(",", reason) + "]}]";
      }
      List<String> dosage = new ArrayList<>();
      for (Site s : c.sites()) {
        dosage.add("{\"site\":" + concept(LOCAL + "site", s.name()) + "}");
      }
      if (c.plannedUnits() != null) {
        dosage.add("{\"doseAndRate\":[{\"doseQuantity\":{\"value\":" + c.plannedUnits()
            + ",\"code\":\"U\",\"system\":\"http://unitsofmeasure.org\"}}]}");
      }
      r.add("{\"resourceType\":\"MedicationRequest\",\"id\":\"" + id + "\",\"status\":\""
          + (w.prescriptionIssued() ? "active" : "draft") + "\",\"intent\":\"order\","
          + "\"subject\":{\"reference\":\"Patient/p1\"},\"medicationCodeableConcept\":"
          + concept(LOCAL + "product", "ONABOTULINUMTOXINA") + "," + reasonJson
          + (dosage.isEmpty() ? "" : ",\"dosageInstruction\":[" + String.join(",", dosage) + "]")
          + "}");
      String focus = "\"focus\":[{\"reference\":\"MedicationRequest/" + id + "\"}]";
      fact(r, id, "headache-days-per-month", c.headacheDaysPerMonth(), today, focus);
      fact(r, id, "migraine-days-per-month", c.migraineDaysPerMonth(), today, focus);
      fact(r, id, "headache-hours-per-day", c.headacheHoursPerDay(), today, focus);
      fact(r, id, "months-with-symptoms", c.monthsWithSymptoms(), today, focus);
      fact(r, id, "prior-therapies-failed", c.priorTherapiesFailed(), today, focus);
      fact(r, id, "secondary-cause-excluded", c.secondaryCauseExcluded(), today, focus);
      fact(r, id, "clean-intermittent-catheterization", c.cleanIntermittentCatheterization(),
          today, focus);
      if (c.utiExcludedOn() != null) {
        fact(r, id, "uti-excluded", Boolean.TRUE, c.utiExcludedOn().toString(), focus);
      }
      if (c.postVoidResidualMl() != null) {
        r.add(obs("pvr-" + id, LOCAL + "observation", "post-void-residual", today,
            "\"valueQuantity\":{\"value\":" + c.postVoidResidualMl()
                + ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mL\"}", focus));
      }
    }
    if (w.medicalExaminationCompleted() && !w.diagnosisConfirmed()) {
      r.add(obs("exam", LOCAL + "observation", "medical-examination-completed", today,
          "\"valueBoolean\":true", null));
    }
    var h = intake.medicalHistory();
    int n = 0;
    for (Comorbidity c : h.conditions()) {
      r.add("{\"resourceType\":\"Condition\",\"id\":\"co" + n++ + "\",\"subject\":{\"reference\":"
          + "\"Patient/p1\"},\"code\":" + concept(LOCAL + "comorbidity", c.name()) + "}");
    }
    for (Site s : h.infectionSites()) {
      r.add("{\"resourceType\":\"Condition\",\"id\":\"inf" + n++ + "\",\"subject\":{\"reference\":"
          + "\"Patient/p1\"},\"code\":" + concept("http://hl7.org/fhir/sid/icd-10-cm", "L08.9")
          + ",\"bodySite\":[" + concept(LOCAL + "site", s.name()) + "]}");
    }
    for (Allergy a : h.allergies()) {
      r.add("{\"resourceType\":\"AllergyIntolerance\",\"id\":\"al" + n++ + "\",\"patient\":"
          + "{\"reference\":\"Patient/p1\"},\"code\":" + concept(LOCAL + "allergy", a.name())
          + "}");
    }
    for (Medication m : h.medications()) {
      if (m.name() == null) {
        continue;
      }
      r.add("{\"resourceType\":\"MedicationStatement\",\"id\":\"med" + n++ + "\",\"status\":"
          + "\"active\",\"subject\":{\"reference\":\"Patient/p1\"},"
          + "\"medicationCodeableConcept\":{\"text\":" + quote(m.name()) + "}}");
    }
    for (int i = 0; i < intake.treatmentHistory().size(); i++) {
      TreatmentRecord t = intake.treatmentHistory().get(i);
      String id = "tx" + i;
      r.add("{\"resourceType\":\"MedicationAdministration\",\"id\":\"" + id + "\",\"status\":"
          + "\"completed\",\"subject\":{\"reference\":\"Patient/p1\"},"
          + "\"medicationCodeableConcept\":" + concept(LOCAL + "product", t.product().name())
          + ",\"effectiveDateTime\":\"" + t.date() + "\""
          + (t.condition() == null ? "" : ",\"reasonCode\":[" + concept(LOCAL + "condition",
              t.condition().name()) + "]")
          + (t.units() == null ? "" : ",\"dosage\":{\"dose\":{\"value\":" + t.units()
              + ",\"code\":\"U\"}}") + "}");
      if (t.response() != Response.UNKNOWN) {
        r.add(obs("resp" + i, LOCAL + "observation", "treatment-response", t.date().toString(),
            "\"valueCodeableConcept\":" + concept(LOCAL + "response", t.response().name()),
            "\"focus\":[{\"reference\":\"MedicationAdministration/" + id + "\"}]"));
      }
      int k = 0;
      for (AdverseReaction a : t.adverseReactions()) {
        r.add("{\"resourceType\":\"AdverseEvent\",\"id\":\"ae" + i + "-" + k++ + "\","
            + "\"actuality\":\"actual\",\"subject\":{\"reference\":\"Patient/p1\"},\"event\":"
            + concept(LOCAL + "adverse-reaction", a.name()) + ",\"suspectEntity\":[{\"instance\":"
            + "{\"reference\":\"MedicationAdministration/" + id + "\"}}]}");
      }
    }
    List<String> entries = new ArrayList<>();
    for (String resource : r) {
      entries.add("{\"resource\":" + resource + "}");
    }
    return "{\"resourceType\":\"Bundle\",\"id\":" + quote(intake.intakeId())
        + ",\"type\":\"collection\",\"entry\":[" + String.join(",", entries) + "]}";
  }

  private static void fact(List<String> r, String concern, String code, Object value,
      String today, String focus) {
    if (value == null) {
      return;
    }
    String v = value instanceof Boolean b ? "\"valueBoolean\":" + b
        : value instanceof Integer i ? "\"valueInteger\":" + i
        : "\"valueQuantity\":{\"value\":" + value + "}";
    r.add(obs(code + "-" + concern, LOCAL + "observation", code, today, v, focus));
  }

  private static String obs(String id, String system, String code, String date, String value,
      String extra) {
    return "{\"resourceType\":\"Observation\",\"id\":" + quote(id) + ",\"status\":\"final\","
        + "\"code\":" + concept(system, code) + ",\"subject\":{\"reference\":\"Patient/p1\"},"
        + "\"effectiveDateTime\":\"" + date + "\"," + value + (extra == null ? "" : "," + extra)
        + "}";
  }

  private static String concept(String system, String code) {
    return "{\"coding\":[" + coding(system, code) + "]}";
  }

  private static String coding(String system, String code) {
    return "{\"system\":" + quote(system) + ",\"code\":" + quote(code) + "}";
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20) {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.append('"').toString();
  }
}
