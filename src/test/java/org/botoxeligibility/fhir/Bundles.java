package org.botoxeligibility.fhir;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small FHIR R4 bundles written as JSON, for the mapper's tests. */
final class Bundles {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  static final FhirIntakeMapper MAPPER = FhirIntakeMapper.create();

  static final String SCT = "http://snomed.info/sct";
  static final String LOINC = "http://loinc.org";
  static final String ICD = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
  static final String CPT = "http://www.ama-assn.org/go/cpt";
  static final String LOCAL_OBS = "urn:botox-eligibility:observation";

  private Bundles() {}

  /** A bundle with id b1 holding the resources, each in an entry without fullUrl. */
  static String bundle(String... resources) {
    List<String> entries = new ArrayList<>();
    for (String r : resources) {
      entries.add("{\"resource\":" + r + "}");
    }
    return "{\"resourceType\":\"Bundle\",\"id\":\"b1\",\"type\":\"collection\",\"entry\":["
        + String.join(",", entries) + "]}";
  }

  static Mapping map(String... resources) {
    return map(FhirIntakeMapper.Options.orders(), resources);
  }

  static Mapping screen(String... resources) {
    return map(FhirIntakeMapper.Options.screening(), resources);
  }

  static Mapping map(FhirIntakeMapper.Options options, String... resources) {
    return mapJson(bundle(resources), options);
  }

  static Mapping mapJson(String json, FhirIntakeMapper.Options options) {
    return MAPPER.map(json.getBytes(StandardCharsets.UTF_8), TODAY, options);
  }

  static String days(int ago) {
    return TODAY.minusDays(ago).toString();
  }

  static String patient() {
    return patient("1985-03-14");
  }

  static String patient(String birthDate) {
    return """
        {"resourceType":"Patient","id":"p1","gender":"female","birthDate":"%s",
         "name":[{"family":"Doe","given":["Jane"]}],
         "identifier":[{"system":"urn:oid:2.16.840.1.113883.4.1","value":"999-99-9999"}]}"""
        .formatted(birthDate);
  }

  static String coding(String system, String code) {
    return "{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}";
  }

  static String concept(String system, String code) {
    return "{\"coding\":[" + coding(system, code) + "]}";
  }

  /** An active onabotulinumtoxinA order for chronic migraine (G43.709), 155 U. */
  static String order() {
    return order("o1", "active", "\"reasonCode\":[" + concept(ICD, "G43.709") + "]",
        "\"dosageInstruction\":[{\"doseAndRate\":[{\"doseQuantity\":{\"value\":155,"
            + "\"unit\":\"U\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"U\"}}]}]");
  }

  /** A glabellar lines order (local condition code), no dose. */
  static String cosmeticOrder(String id) {
    return order(id, "active", "\"reasonCode\":[" + concept("urn:botox-eligibility:condition",
        "GLABELLAR_LINES") + "]");
  }

  /** A MedicationRequest of onabotulinumtoxinA (HCPCS J0585) with the given extra elements. */
  static String order(String id, String status, String... extra) {
    StringBuilder sb = new StringBuilder("{\"resourceType\":\"MedicationRequest\",\"id\":\"" + id
        + "\",\"status\":\"" + status + "\",\"intent\":\"order\",\"subject\":{\"reference\":"
        + "\"Patient/p1\"},\"medicationCodeableConcept\":{\"coding\":[" + coding(HCPCS, "J0585")
        + "],\"text\":\"onabotulinumtoxinA 100 UNT Injection\"}");
    for (String e : extra) {
      sb.append(',').append(e);
    }
    return sb.append('}').toString();
  }

  /** An Observation, final, of the patient, with the value written as JSON (e.g. "valueInteger":18). */
  static String obs(String id, String system, String code, String date, String value,
      String... extra) {
    StringBuilder sb = new StringBuilder("{\"resourceType\":\"Observation\",\"id\":\"" + id
        + "\",\"status\":\"final\",\"code\":" + concept(system, code)
        + ",\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"" + date + "\"");
    if (value != null) {
      sb.append(',').append(value);
    }
    for (String e : extra) {
      sb.append(',').append(e);
    }
    return sb.append('}').toString();
  }

  static String weight(String id, String date, String value, String code) {
    return obs(id, LOINC, "29463-7", date, "\"valueQuantity\":{\"value\":" + value
        + ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + code + "\"}");
  }

  static String local(String id, String code, String date, String value, String... extra) {
    return obs(id, LOCAL_OBS, code, date, value, extra);
  }

  /** A Condition of the patient with the given codings (JSON) and extra elements. */
  static String condition(String id, String codings, String... extra) {
    StringBuilder sb = new StringBuilder("{\"resourceType\":\"Condition\",\"id\":\"" + id
        + "\",\"subject\":{\"reference\":\"Patient/p1\"},\"code\":{\"coding\":[" + codings
        + "]}");
    for (String e : extra) {
      sb.append(',').append(e);
    }
    return sb.append('}').toString();
  }

  static String verification(String code) {
    return "\"verificationStatus\":" + concept(
        "http://terminology.hl7.org/CodeSystem/condition-ver-status", code);
  }

  static String clinical(String code) {
    return "\"clinicalStatus\":" + concept(
        "http://terminology.hl7.org/CodeSystem/condition-clinical", code);
  }
}
