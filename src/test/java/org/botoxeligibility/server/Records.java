package org.botoxeligibility.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FHIR R4 records and CDS Hooks calls for the tests, as an EHR would send them: a patient, the
 * observations fhir-mapping.md reads, and botulinum toxin orders. Assessed on 2026-11-27.
 */
final class Records {
  private Records() {}

  static final String PATIENT = """
      {"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1988-04-02"}""";

  static final String NOT_PREGNANT = """
      {"resourceType":"Observation","id":"preg-1","status":"final",
       "code":{"coding":[{"system":"http://loinc.org","code":"82810-3","display":"Pregnancy status"}]},
       "subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-20",
       "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"60001007","display":"Not pregnant"}]}}""";

  static final String PREGNANT = """
      {"resourceType":"Observation","id":"preg-2","status":"final",
       "code":{"coding":[{"system":"http://loinc.org","code":"82810-3","display":"Pregnancy status"}]},
       "subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-20",
       "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"77386006","display":"Pregnant"}]}}""";

  static final String NOT_BREASTFEEDING = """
      {"resourceType":"Observation","id":"bf-1","status":"final",
       "code":{"coding":[{"system":"http://loinc.org","code":"63895-7","display":"Breastfeeding status"}]},
       "subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-20",
       "valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA29253-4","display":"Not currently breastfeeding"}]}}""";

  static final String TOXIN_ALLERGY = """
      {"resourceType":"AllergyIntolerance","id":"alg-1",
       "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},
       "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"confirmed"}]},
       "code":{"coding":[{"system":"http://snomed.info/sct","code":"11894001","display":"Botulinum toxin"}]},
       "patient":{"reference":"Patient/p1"}}""";

  /** A draft order of onabotulinumtoxinA (HCPCS J0585) for glabellar lines. */
  static String glabellarOrder(String id) {
    return """
        {"resourceType":"MedicationRequest","id":"%s","status":"draft","intent":"order",
         "medicationCodeableConcept":{"coding":[{"system":"http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets","code":"J0585","display":"Injection, onabotulinumtoxinA, 1 unit"}],"text":"Botox Cosmetic"},
         "subject":{"reference":"Patient/p1"},
         "reasonCode":[{"coding":[{"system":"urn:botox-eligibility:condition","code":"GLABELLAR_LINES","display":"Glabellar lines"}]}],
         "dosageInstruction":[{"doseAndRate":[{"doseQuantity":{"value":20,"unit":"U","system":"http://unitsofmeasure.org","code":"U"}}]}]}"""
        .formatted(id);
  }

  /** A draft order that is not a toxin: it counts as a current medication. */
  static final String IBUPROFEN_ORDER = """
      {"resourceType":"MedicationRequest","id":"mr-ibuprofen","status":"draft","intent":"order",
       "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"197806","display":"Ibuprofen 400 MG Oral Tablet"}],"text":"Ibuprofen 400 MG Oral Tablet"},
       "subject":{"reference":"Patient/p1"}}""";

  // the chronic migraine record: a confirmed diagnosis, a diary, an examination, a past treatment

  static final String MIGRAINE_CONDITION = """
      {"resourceType":"Condition","id":"cm-1",
       "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
       "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed"}]},
       "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"G43.709","display":"Chronic migraine without aura, not intractable, without status migrainosus"}]},
       "subject":{"reference":"Patient/p1"},"onsetDateTime":"2025-08-01"}""";

  static String diary(String id, String code, String value) {
    return """
        {"resourceType":"Observation","id":"%s","status":"final",
         "code":{"coding":[{"system":"urn:botox-eligibility:observation","code":"%s"}]},
         "subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-10",%s}"""
        .formatted(id, code, value);
  }

  static final String WEIGHT = """
      {"resourceType":"Observation","id":"wt-1","status":"final",
       "code":{"coding":[{"system":"http://loinc.org","code":"29463-7","display":"Body weight"}]},
       "subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-10",
       "valueQuantity":{"value":63.5,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}""";

  static final String EXAMINATION = """
      {"resourceType":"Encounter","id":"enc-1","status":"finished",
       "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
       "subject":{"reference":"Patient/p1"},"period":{"start":"2026-11-10T09:00:00Z","end":"2026-11-10T09:40:00Z"},
       "diagnosis":[{"condition":{"reference":"Condition/cm-1"}}]}""";

  static final String SUMATRIPTAN = """
      {"resourceType":"MedicationStatement","id":"ms-1","status":"active",
       "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"313143","display":"Sumatriptan 50 MG Oral Tablet"}],"text":"Sumatriptan 50 MG Oral Tablet"},
       "subject":{"reference":"Patient/p1"}}""";

  static final String PAST_TREATMENT = """
      {"resourceType":"Procedure","id":"proc-1","status":"completed",
       "code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"64615","display":"Chemodenervation of muscle(s); muscle(s) innervated by facial, trigeminal, cervical spinal and accessory nerves, bilateral (eg, for chronic migraine)"}]},
       "subject":{"reference":"Patient/p1"},"performedDateTime":"2026-06-02",
       "reasonReference":[{"reference":"Condition/cm-1"}]}""";

  static String migraineOrder(String id) {
    return """
        {"resourceType":"MedicationRequest","id":"%s","status":"draft","intent":"order",
         "medicationCodeableConcept":{"coding":[{"system":"http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets","code":"J0585","display":"Injection, onabotulinumtoxinA, 1 unit"}],"text":"Botox 200 units"},
         "subject":{"reference":"Patient/p1"},
         "reasonReference":[{"reference":"Condition/cm-1"}],
         "dosageInstruction":[{"doseAndRate":[{"doseQuantity":{"value":155,"unit":"U","system":"http://unitsofmeasure.org","code":"U"}}]}]}"""
        .formatted(id);
  }

  static List<String> migraineObservations() {
    return List.of(NOT_PREGNANT, NOT_BREASTFEEDING, WEIGHT,
        diary("hd-1", "headache-days-per-month", "\"valueInteger\":18"),
        diary("md-1", "migraine-days-per-month", "\"valueInteger\":10"),
        diary("hh-1", "headache-hours-per-day", "\"valueInteger\":6"),
        diary("ms-dur-1", "months-with-symptoms", "\"valueInteger\":14"),
        diary("pt-1", "prior-therapies-failed", "\"valueInteger\":2"),
        diary("sc-1", "secondary-cause-excluded", "\"valueBoolean\":true"));
  }

  /** A call under construction. */
  static final class Call {
    private final ObjectNode root = Http.JSON.createObjectNode();
    private final ArrayNode drafts;
    private final ArrayNode selections;
    private final ObjectNode prefetch;

    Call(String hook, String hookInstance) {
      root.put("hookInstance", hookInstance);
      root.put("hook", hook);
      ObjectNode context = root.putObject("context");
      context.put("userId", "Practitioner/dr-1");
      context.put("patientId", "p1");
      if (hook.equals("order-select")) {
        selections = context.putArray("selections");
      } else {
        selections = null;
      }
      ObjectNode bundle = context.putObject("draftOrders");
      bundle.put("resourceType", "Bundle");
      bundle.put("type", "collection");
      drafts = bundle.putArray("entry");
      prefetch = root.putObject("prefetch");
    }

    Call draft(String resource) {
      drafts.addObject().set("resource", parse(resource));
      return this;
    }

    Call select(String reference) {
      selections.add(reference);
      return this;
    }

    /** A prefetch key answered with a searchset Bundle of these resources (none: empty). */
    Call bundle(String key, String... resources) {
      ObjectNode b = prefetch.putObject(key);
      b.put("resourceType", "Bundle");
      b.put("type", "searchset");
      b.put("total", resources.length);
      ArrayNode entries = b.putArray("entry");
      for (String r : resources) {
        JsonNode node = parse(r);
        ObjectNode e = entries.addObject();
        e.put("fullUrl", "https://ehr.example.org/fhir/" + node.get("resourceType").asText()
            + "/" + node.get("id").asText());
        e.set("resource", node);
        e.putObject("search").put("mode", "match");
      }
      return this;
    }

    /** A prefetch key answered with one resource. */
    Call resource(String key, String resource) {
      prefetch.set(key, parse(resource));
      return this;
    }

    /** A prefetch key answered "no data". */
    Call nothing(String key) {
      prefetch.putNull(key);
      return this;
    }

    /** Every prefetch key not yet answered: no data. */
    Call restEmpty() {
      for (String key : Services.PREFETCH.keySet()) {
        if (!prefetch.has(key)) {
          prefetch.putNull(key);
        }
      }
      return this;
    }

    Call without(String key) {
      prefetch.remove(key);
      return this;
    }

    Call fhirServer(String url, String token) {
      root.put("fhirServer", url);
      ObjectNode auth = root.putObject("fhirAuthorization");
      auth.put("access_token", token);
      auth.put("token_type", "Bearer");
      auth.put("expires_in", 300);
      auth.put("scope", "user/*.read");
      auth.put("subject", "botox-eligibility");
      return this;
    }

    String json() {
      return root.toString();
    }
  }

  /** A cosmetic glabellar-lines order for an adult woman: the base of the indicator cases. */
  static Call glabellar(String hook, String hookInstance) {
    Call c = new Call(hook, hookInstance).draft(glabellarOrder("mr-glabellar"));
    if (hook.equals("order-select")) {
      c.select("MedicationRequest/mr-glabellar");
    }
    return c.resource("patient", PATIENT);
  }

  /** The four cosmetic cases, one per decision group, by name. */
  static Map<String, String> indicatorCases(String hook, String prefix) {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("info", glabellar(hook, prefix + "-eligible")
        .bundle("observations", NOT_PREGNANT, NOT_BREASTFEEDING).restEmpty().json());
    cases.put("warning-evaluation", glabellar(hook, prefix + "-no-pregnancy-status")
        .restEmpty().json());
    cases.put("warning-deferred", glabellar(hook, prefix + "-pregnant")
        .bundle("observations", PREGNANT).restEmpty().json());
    cases.put("critical", glabellar(hook, prefix + "-allergic")
        .bundle("observations", NOT_PREGNANT, NOT_BREASTFEEDING)
        .bundle("allergies", TOXIN_ALLERGY).restEmpty().json());
    return cases;
  }

  /** The realistic chronic migraine order-sign call: every key prefetched. */
  static Call migraine(String hookInstance) {
    return new Call("order-sign", hookInstance).draft(migraineOrder("mr-migraine"))
        .resource("patient", PATIENT)
        .bundle("conditions", MIGRAINE_CONDITION)
        .bundle("observations", migraineObservations().toArray(String[]::new))
        .bundle("allergies")
        .bundle("medicationStatements", SUMATRIPTAN)
        .bundle("medicationRequests")
        .bundle("medicationDispenses")
        .bundle("procedures", PAST_TREATMENT)
        .bundle("medicationAdministrations")
        .bundle("encounters", EXAMINATION);
  }

  static JsonNode parse(String json) {
    try {
      return Http.JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
