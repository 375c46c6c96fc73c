package org.botoxeligibility.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two CDS services of cds-hooks.md §2 and their discovery document. The prefetch templates
 * ask for what fhir-mapping.md reads: the patient, conditions, the observations by the codes the
 * mapping knows, allergies, medications (statements, orders of every status, dispenses), past toxin
 * treatments and encounters. The discovery document names the running knowledge base's version.
 */
final class Services {
  private Services() {}

  /** The service that advises when a toxin order is picked (the order is a draft). */
  static final String ORDER_SELECT = "botox-eligibility-order-select";
  /** The service that decides when the order is signed (signing issues the prescription). */
  static final String ORDER_SIGN = "botox-eligibility-order-sign";

  /** One service: its id, hook, title and description. */
  record Service(String id, String hook, String title, String description) {}

  static final List<Service> ALL = List.of(
      new Service(ORDER_SELECT, "order-select",
          "Botulinum toxin eligibility: order selected",
          "Advice as soon as a botulinum toxin order is picked: for each selected toxin order, "
              + "whether the patient is eligible, eligible with precautions, needs a medical "
              + "evaluation, is deferred or is not eligible, with every reason and its source. "
              + "The order is a draft, so the prescription counts as not yet issued."),
      new Service(ORDER_SIGN, "order-sign",
          "Botulinum toxin eligibility: order signed",
          "The eligibility decision when a botulinum toxin order is signed: for each toxin "
              + "order, the decision with every reason and its source, outstanding "
              + "requirements, the earliest treatment date and the insurance outlook. Signing "
              + "issues the prescription."));

  /** The local code system of the observations the mapping reads (fhir-mapping.md §1). */
  private static final String LOCAL_OBSERVATION = "urn:botox-eligibility:observation";

  /** The observation codes of fhir-mapping.md §3: LOINC, then the local ones. */
  static final List<String> OBSERVATION_CODES = List.of(
      "http://loinc.org|82810-3", "http://loinc.org|63895-7", "http://loinc.org|29463-7",
      LOCAL_OBSERVATION + "|headache-days-per-month",
      LOCAL_OBSERVATION + "|migraine-days-per-month",
      LOCAL_OBSERVATION + "|headache-hours-per-day",
      LOCAL_OBSERVATION + "|months-with-symptoms",
      LOCAL_OBSERVATION + "|prior-therapies-failed",
      LOCAL_OBSERVATION + "|secondary-cause-excluded",
      LOCAL_OBSERVATION + "|post-void-residual",
      LOCAL_OBSERVATION + "|clean-intermittent-catheterization",
      LOCAL_OBSERVATION + "|medical-examination-completed",
      LOCAL_OBSERVATION + "|treatment-response");

  /** The ten prefetch keys and their templates, in the order the record is assembled. */
  static final Map<String, String> PREFETCH = prefetch();

  private static Map<String, String> prefetch() {
    String patient = "{{context.patientId}}";
    Map<String, String> p = new LinkedHashMap<>();
    p.put("patient", "Patient/" + patient);
    p.put("conditions", "Condition?patient=" + patient);
    p.put("observations", "Observation?patient=" + patient + "&code="
        + String.join(",", OBSERVATION_CODES));
    p.put("allergies", "AllergyIntolerance?patient=" + patient);
    p.put("medicationStatements", "MedicationStatement?patient=" + patient
        + "&status=active,intended,on-hold");
    // every status: a completed toxin order is a past treatment (fhir-mapping.md §8)
    p.put("medicationRequests", "MedicationRequest?patient=" + patient);
    p.put("medicationDispenses", "MedicationDispense?patient=" + patient);
    p.put("procedures", "Procedure?patient=" + patient + "&status=completed");
    p.put("medicationAdministrations", "MedicationAdministration?patient=" + patient
        + "&status=completed");
    p.put("encounters", "Encounter?patient=" + patient + "&status=finished,in-progress");
    return java.util.Collections.unmodifiableMap(p);
  }

  /** What the EHR must send, in the discovery document. */
  static final String USAGE_REQUIREMENTS = "Send context.draftOrders with the botulinum toxin "
      + "MedicationRequest or ServiceRequest (HCPCS J0585-J0589, a product name, or a CPT "
      + "chemodenervation code) and its reasonCode or reasonReference. Prefetch the ten keys, "
      + "or send fhirServer (a FHIR server the trust file lists for your issuer) and "
      + "fhirAuthorization with read access to Patient, Condition, Observation, "
      + "AllergyIntolerance, MedicationStatement, MedicationRequest, MedicationDispense, "
      + "Procedure, MedicationAdministration and Encounter; a key neither prefetched nor "
      + "fetchable is answered 412. Every call carries a JWT signed with ES384 or RS384 by a "
      + "trusted issuer.";

  /** The discovery extension that names the running knowledge base's version. */
  static final String VERSION_EXTENSION = "org.botoxeligibility.knowledgeBaseVersion";

  /**
   * The service with an id.
   *
   * @param id the id from the path
   * @return the service, or null when there is none
   */
  static Service byId(String id) {
    for (Service s : ALL) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }

  /**
   * The discovery document, pretty-printed.
   *
   * @param knowledgeBaseVersion the running knowledge base's version (with its {@code +local} or
   *     {@code +overlay} suffix), named in each description and extension
   */
  static byte[] discovery(String knowledgeBaseVersion) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("services");
      for (Service s : ALL) {
        g.writeStartObject();
        g.writeStringField("hook", s.hook());
        g.writeStringField("title", s.title());
        g.writeStringField("description", s.description() + " Knowledge base "
            + knowledgeBaseVersion + ".");
        g.writeStringField("id", s.id());
        g.writeObjectFieldStart("prefetch");
        for (Map.Entry<String, String> e : PREFETCH.entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("usageRequirements", USAGE_REQUIREMENTS);
        g.writeObjectFieldStart("extension");
        g.writeStringField(VERSION_EXTENSION, knowledgeBaseVersion);
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
