package org.botoxeligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.botoxeligibility.fhir.Bundles.*;
import static org.botoxeligibility.fhir.FieldMappingTest.problems;
import static org.botoxeligibility.fhir.Shapes.*;

import java.util.List;
import org.botoxeligibility.fhir.Mapping.Note;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Product;
import org.junit.jupiter.api.Test;

/**
 * Medication history as real systems record it (docs/fhir-mapping.md §8): treatments inferred from
 * completed orders and dispenses, medications named by a reference's display, and failed
 * preventive treatments counted by class.
 */
class MedicationHistoryTest {

  /** A completed toxin order, as a US Core system that records no administration keeps it. */
  static String completedOrder(String id, int daysAgo) {
    return order(id, "completed", "\"reasonCode\":[" + concept(ICD, "G43.709") + "]",
        "\"authoredOn\":\"" + days(daysAgo) + "T10:00:00Z\"",
        "\"dosageInstruction\":[{\"doseAndRate\":[{\"doseQuantity\":{\"value\":155,"
            + "\"unit\":\"Units\"}}]}]");
  }

  /** US Core's medicationdispense-example, dispensing BOTOX 100 U by its NDC. */
  static String dispense(String id, int daysAgo, String... extra) {
    StringBuilder sb = new StringBuilder("""
        {"resourceType":"MedicationDispense","id":"%s","status":"completed",
         "medicationCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/sid/ndc","code":"0023-1145-01","display":"BOTOX 100 UNIT Injection"}]},
         "subject":{"reference":"Patient/p1","display":"Amy Shaw"},
         "type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"FFC","display":"First Fill - Complete"}]},
         "quantity":{"value":100,"unit":"Units"},
         "whenHandedOver":"%sT06:38:52Z\"""".formatted(id, days(daysAgo)));
    for (String e : extra) {
      sb.append(',').append(e);
    }
    return sb.append('}').toString();
  }

  // treatments inferred from orders and dispenses

  @Test
  void a_completed_toxin_order_without_an_administration_is_a_past_treatment_with_a_note() {
    Mapping m = map(patient(), order(), completedOrder("old", 50));
    assertThat(m.problems()).isEmpty();
    var t = m.intake().treatmentHistory().get(0);
    assertThat(t.date()).isEqualTo(TODAY.minusDays(50));
    assertThat(t.product()).isEqualTo(Product.ONABOTULINUMTOXINA);
    assertThat(t.units()).isEqualTo(155);
    assertThat(m.provenance()).containsEntry("/treatmentHistory/0",
        List.of("MedicationRequest/old"));
    assertThat(m.notes()).containsExactly(new Note(Note.Kind.TREATMENT_INFERRED,
        "MedicationRequest/old", "a past treatment on " + days(50) + " is inferred from this "
            + "completed order: no administration or procedure of the same cycle is recorded"));
  }

  @Test
  void an_administration_of_the_same_cycle_is_the_treatment_and_the_order_is_not_counted_again() {
    String admin = """
        {"resourceType":"MedicationAdministration","id":"ma1","status":"completed",
         "medicationCodeableConcept":{"coding":[{"system":"%s","code":"J0585"}]},
         "subject":{"reference":"Patient/p1"},"request":{"reference":"MedicationRequest/old"},
         "effectiveDateTime":"%s","dosage":{"dose":{"value":155,"code":"U"}}}"""
        .formatted(HCPCS, days(80));
    Mapping linked = map(patient(), order(), completedOrder("old", 50), admin);
    assertThat(linked.intake().treatmentHistory()).hasSize(1);
    assertThat(linked.notes()).isEmpty();
    // no link, but within the 30 days of a cycle
    Mapping near = map(patient(), order(), completedOrder("old", 50),
        admin.replace(",\"request\":{\"reference\":\"MedicationRequest/old\"}", "")
            .replace(days(80), days(48)));
    assertThat(near.intake().treatmentHistory()).hasSize(1);
    // near miss: an administration of another cycle (31 days apart) leaves both
    Mapping two = map(patient(), order(), completedOrder("old", 50),
        admin.replace(",\"request\":{\"reference\":\"MedicationRequest/old\"}", "")
            .replace(days(80), days(81)));
    assertThat(two.intake().treatmentHistory()).hasSize(2);
  }

  @Test
  void a_dispense_is_a_past_treatment_dated_when_handed_over_and_fills_its_order() {
    Mapping m = map(patient(), order(), completedOrder("rx", 60),
        dispense("md1", 45, "\"authorizingPrescription\":[{\"reference\":\"MedicationRequest/rx\"}]"));
    assertThat(m.problems()).isEmpty();
    assertThat(m.intake().treatmentHistory()).hasSize(1);
    var t = m.intake().treatmentHistory().get(0);
    assertThat(t.date()).isEqualTo(TODAY.minusDays(45));
    assertThat(t.units()).isEqualTo(100);
    assertThat(m.notes()).extracting(Note::resource).containsExactly("MedicationDispense/md1");
    // near miss: a dispense that is not completed
    assertThat(map(patient(), order(), dispense("md1", 45).replace("\"completed\"",
        "\"in-progress\"")).intake().treatmentHistory()).isEmpty();
  }

  // medications named by a reference's display

  @Test
  void a_medication_reference_that_resolves_to_nothing_is_named_by_its_display() {
    String byDisplay = """
        {"resourceType":"MedicationRequest","id":"m1","status":"active","intent":"order",
         "subject":{"reference":"Patient/p1"},
         "medicationReference":{"reference":"Medication/12345","display":"Gentamicin 40 MG/ML Injectable Solution"}}""";
    Mapping m = map(patient(), order(), byDisplay);
    assertThat(m.problems()).isEmpty();
    assertThat(m.intake().medicalHistory().medications()).containsExactly(
        Medication.named("Gentamicin 40 MG/ML Injectable Solution"));
    assertThat(m.notes()).extracting(Note::kind).containsExactly(
        Note.Kind.MEDICATION_NAMED_BY_DISPLAY);
    // near miss: without a display it stays a problem
    assertThat(problems(map(patient(), order(), byDisplay.replace(",\"display\":\"Gentamicin 40 "
        + "MG/ML Injectable Solution\"", "")))).containsExactly("MedicationRequest/m1"
        + ".medicationReference: refers to \"Medication/12345\", which is not a Medication in "
        + "the bundle: the medication cannot be named");
  }

  // failed preventive treatments

  static final String MIGRAINE = "Condition/mig";

  static String migraineRecord(String... more) {
    String[] all = new String[more.length + 3];
    all[0] = patient();
    all[1] = order("o1", "active", "\"reasonReference\":[{\"reference\":\"" + MIGRAINE + "\"}]");
    all[2] = synthea("mig", "124171000119105", "Chronic intractable migraine without aura "
        + "(disorder)", "2021-06-01");
    System.arraycopy(more, 0, all, 3, more.length);
    return bundle(all);
  }

  static Mapping mapRecord(String... more) {
    Mapping m = mapJson(migraineRecord(more), FhirIntakeMapper.Options.orders());
    assertThat(m.problems()).isEmpty();
    return m;
  }

  @Test
  void stopped_preventives_linked_to_the_migraine_count_by_class() {
    // Synthea's shape: stopped MedicationRequests whose reasonReference is the migraine
    Mapping m = mapRecord(
        syntheaRequest("topi", "stopped", "199888", "topiramate 25 MG Oral Tablet", "2022-01-10",
            MIGRAINE),
        syntheaRequest("prop", "stopped", "856422", "Propranolol Hydrochloride 40 MG Oral "
            + "Tablet", "2022-07-10", MIGRAINE),
        syntheaRequest("meto", "completed", "866924", "Metoprolol Tartrate 25 MG Oral Tablet",
            "2023-02-10", MIGRAINE));
    assertThat(m.intake().concerns().get(0).priorTherapiesFailed()).isEqualTo(2);
    assertThat(m.provenance().get("/concerns/0/priorTherapiesFailed")).containsExactly(
        "MedicationRequest/topi", "MedicationRequest/prop", "MedicationRequest/meto");
  }

  @Test
  void a_preventive_stopped_for_another_condition_or_because_it_worked_does_not_count() {
    // topiramate stopped, its reason epilepsy (Synthea's SNOMED CT 84757009)
    Mapping other = mapRecord(synthea("epi", "84757009", "Epilepsy (disorder)", "2010-01-01"),
        syntheaRequest("topi", "stopped", "199888", "topiramate 25 MG Oral Tablet",
            "2022-01-10", "Condition/epi"));
    assertThat(other.intake().concerns().get(0).priorTherapiesFailed()).isNull();
    assertThat(other.provenance()).doesNotContainKey("/concerns/0/priorTherapiesFailed");
    Mapping worked = mapRecord(syntheaRequest("topi", "stopped", "199888",
        "topiramate 25 MG Oral Tablet", "2022-01-10", MIGRAINE,
        "\"statusReason\":{\"text\":\"Worked; headaches controlled\"}"));
    assertThat(worked.intake().concerns().get(0).priorTherapiesFailed()).isNull();
    // an active preventive has not failed
    assertThat(mapRecord(syntheaRequest("topi", "active", "199888",
        "topiramate 25 MG Oral Tablet", "2022-01-10", MIGRAINE)).intake().concerns().get(0)
        .priorTherapiesFailed()).isNull();
    // stopped for intolerance: it counts
    assertThat(mapRecord(syntheaRequest("topi", "stopped", "199888",
        "topiramate 25 MG Oral Tablet", "2022-01-10", MIGRAINE,
        "\"statusReason\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/"
            + "medicationrequest-status-reason\",\"code\":\"sintol\",\"display\":\"Suspected "
            + "intolerance\"}]}")).intake().concerns().get(0).priorTherapiesFailed())
        .isEqualTo(1);
  }

  @Test
  void a_local_prior_therapies_observation_wins() {
    Mapping m = mapRecord(syntheaRequest("topi", "stopped", "199888",
        "topiramate 25 MG Oral Tablet", "2022-01-10", MIGRAINE),
        local("ptf", "prior-therapies-failed", days(5), "\"valueInteger\":3"));
    assertThat(m.intake().concerns().get(0).priorTherapiesFailed()).isEqualTo(3);
    assertThat(m.provenance()).containsEntry("/concerns/0/priorTherapiesFailed",
        List.of("Observation/ptf"));
  }

  @Test
  void bladder_preventives_count_antimuscarinics_only() {
    String bladder = condition("oab", coding(ICD, "N32.81"), verification("confirmed"));
    String ref = order("o1", "active", "\"reasonReference\":[{\"reference\":\"Condition/oab\"}]");
    String oxy = syntheaRequest("oxy", "stopped", "863619", "Oxybutynin chloride 5 MG Oral "
        + "Tablet", "2024-01-01", "Condition/oab");
    String mira = syntheaRequest("mira", "stopped", "1300786", "mirabegron 25 MG Extended "
        + "Release Oral Tablet", "2024-05-01", "Condition/oab");
    Mapping m = map(patient(), ref, bladder, oxy, mira);
    assertThat(m.intake().concerns().get(0).priorTherapiesFailed()).isEqualTo(1);
    assertThat(m.provenance().get("/concerns/0/priorTherapiesFailed"))
        .containsExactly("MedicationRequest/oxy");
    assertThat(map(patient(), ref, bladder, mira).intake().concerns().get(0)
        .priorTherapiesFailed()).isNull();
  }
}
