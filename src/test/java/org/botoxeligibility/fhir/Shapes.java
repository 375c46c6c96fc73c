package org.botoxeligibility.fhir;

import static org.botoxeligibility.fhir.Bundles.*;

/**
 * Resources written in the shapes real systems publish (docs/fhir-mapping.md §8), for the tests of
 * records as real systems write them. Each builder names the shape it follows; the ids and dates
 * are the test's own.
 */
final class Shapes {
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String NDC = "http://hl7.org/fhir/sid/ndc";
  static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
  static final String INTERPRETATION =
      "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

  private Shapes() {}

  /**
   * A Condition as Synthea's FHIR R4 exporter writes it: SNOMED CT only (code, display and text),
   * clinical and verification status, category encounter-diagnosis, onset and recorded dates; an
   * ended one has clinicalStatus resolved and an abatementDateTime.
   */
  static String synthea(String id, String code, String display, String onset, String... extra) {
    StringBuilder sb = new StringBuilder("""
        {"resourceType":"Condition","id":"%s",
         "clinicalStatus":{"coding":[{"system":"%s","code":"active"}]},
         "verificationStatus":{"coding":[{"system":"%s","code":"confirmed"}]},
         "category":[{"coding":[{"system":"%s","code":"encounter-diagnosis","display":"Encounter Diagnosis"}]}],
         "code":{"coding":[{"system":"http://snomed.info/sct","code":"%s","display":"%s"}],"text":"%s"},
         "subject":{"reference":"Patient/p1"},"encounter":{"reference":"Encounter/enc-%s"},
         "onsetDateTime":"%sT03:17:39-05:00","recordedDate":"%sT03:17:39-05:00\""""
        .formatted(id, CLINICAL, VERIFICATION, CATEGORY, code, display, display, id, onset, onset));
    for (String e : extra) {
      sb.append(',').append(e);
    }
    return sb.append('}').toString();
  }

  /**
   * A problem-list Condition as Oracle Health's (Cerner's) published R4 examples write it: a
   * SNOMED CT coding marked userSelected beside an ICD-10-CM one, a clinicalStatus and
   * verificationStatus with text, category problem-list-item, recordedDate.
   */
  static String oracleProblem(String id, String snomed, String display, String icd10,
      String recorded, String... extra) {
    String icd = icd10 == null ? "" : ",{\"system\":\"" + ICD + "\",\"code\":\"" + icd10 + "\"}";
    StringBuilder sb = new StringBuilder("""
        {"resourceType":"Condition","id":"%s",
         "clinicalStatus":{"coding":[{"system":"%s","code":"active","display":"Active"}],"text":"Active"},
         "verificationStatus":{"coding":[{"system":"%s","code":"confirmed","display":"Confirmed"}],"text":"Confirmed"},
         "category":[{"coding":[{"system":"%s","code":"problem-list-item","display":"Problem List Item"}],"text":"Problem List Item"}],
         "code":{"coding":[{"system":"http://snomed.info/sct","code":"%s","display":"%s","userSelected":true}%s],"text":"%s"},
         "subject":{"reference":"Patient/p1","display":"SMART, NANCY"},
         "recordedDate":"%sT15:21:37.000Z\""""
        .formatted(id, CLINICAL, VERIFICATION, CATEGORY, snomed, display, icd, display, recorded));
    for (String e : extra) {
      sb.append(',').append(e);
    }
    return sb.append('}').toString();
  }

  /**
   * An encounter diagnosis as US Core's condition-encounter-diagnosis examples write it: no
   * clinicalStatus, no verificationStatus, SNOMED CT (with its edition in version) and ICD-10-CM,
   * category encounter-diagnosis, Condition.encounter.
   */
  static String usCoreEncounterDiagnosis(String id, String icd10, String encounter) {
    return """
        {"resourceType":"Condition","id":"%s",
         "meta":{"profile":["http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-encounter-diagnosis"]},
         "category":[{"coding":[{"system":"%s","code":"encounter-diagnosis","display":"Encounter Diagnosis"}]}],
         "code":{"coding":[{"system":"http://snomed.info/sct","code":"124171000119105","display":"Chronic intractable migraine without aura","version":"http://snomed.info/sct/731000124108"},
           {"system":"%s","code":"%s"}],"text":"Chronic migraine"},
         "subject":{"reference":"Patient/p1","display":"Amy Shaw"},
         "encounter":{"reference":"Encounter/%s"},"recordedDate":"%s"}"""
        .formatted(id, CATEGORY, ICD, icd10, encounter, days(20));
  }

  /** A finished ambulatory Encounter, as US Core's encounter examples write it. */
  static String encounter(String id, String date, String... extra) {
    StringBuilder sb = new StringBuilder("""
        {"resourceType":"Encounter","id":"%s","status":"finished",
         "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB","display":"ambulatory"},
         "subject":{"reference":"Patient/p1"},"period":{"start":"%sT09:00:00-05:00","end":"%sT09:30:00-05:00"}"""
        .formatted(id, date, date));
    for (String e : extra) {
      sb.append(',').append(e);
    }
    return sb.append('}').toString();
  }

  /** A coding written as Epic writes it: the system under its HL7 OID. */
  static String epic(String oid, String code, String display) {
    return "{\"system\":\"urn:oid:" + oid + "\",\"code\":\"" + code + "\",\"display\":\""
        + display + "\"}";
  }

  /**
   * A MedicationRequest as Synthea writes it: RxNorm coding with display and text, intent order,
   * authoredOn, reasonReference to the Condition it treats; a dose without a unit.
   */
  static String syntheaRequest(String id, String status, String rxnorm, String display,
      String authored, String reason, String... extra) {
    StringBuilder sb = new StringBuilder("""
        {"resourceType":"MedicationRequest","id":"%s","status":"%s","intent":"order",
         "medicationCodeableConcept":{"coding":[{"system":"%s","code":"%s","display":"%s"}],"text":"%s"},
         "subject":{"reference":"Patient/p1"},"encounter":{"reference":"Encounter/e-%s"},
         "authoredOn":"%sT10:00:00-05:00",
         "dosageInstruction":[{"sequence":1,"asNeededBoolean":false,"doseAndRate":[{"doseQuantity":{"value":1.0}}]}]"""
        .formatted(id, status, RXNORM, rxnorm, display, display, id, authored));
    if (reason != null) {
      sb.append(",\"reasonReference\":[{\"reference\":\"").append(reason).append("\"}]");
    }
    for (String e : extra) {
      sb.append(',').append(e);
    }
    return sb.append('}').toString();
  }

  /** A final laboratory Observation with an interpretation, as US Core lab results write it. */
  static String lab(String id, String loinc, String display, String date, String interpretation,
      String... extra) {
    StringBuilder sb = new StringBuilder("""
        {"resourceType":"Observation","id":"%s","status":"final",
         "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
         "code":{"coding":[{"system":"%s","code":"%s","display":"%s"}],"text":"%s"},
         "subject":{"reference":"Patient/p1"},"effectiveDateTime":"%sT08:00:00-05:00\""""
        .formatted(id, LOINC, loinc, display, display, date));
    if (interpretation != null) {
      sb.append(",\"interpretation\":[{\"coding\":[{\"system\":\"").append(INTERPRETATION)
          .append("\",\"code\":\"").append(interpretation).append("\"}]}]");
    }
    for (String e : extra) {
      sb.append(',').append(e);
    }
    return sb.append('}').toString();
  }

  /** A bladder order (overactive bladder, N32.81), active, 100 U, as the other tests write it. */
  static String bladderOrder() {
    return order("o1", "active", "\"reasonCode\":[" + concept(ICD, "N32.81") + "]",
        "\"dosageInstruction\":[{\"doseAndRate\":[{\"doseQuantity\":{\"value\":100,"
            + "\"unit\":\"U\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"U\"}}]}]");
  }
}
