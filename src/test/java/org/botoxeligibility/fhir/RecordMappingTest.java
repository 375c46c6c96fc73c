package org.botoxeligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.botoxeligibility.fhir.Bundles.*;
import static org.botoxeligibility.fhir.FieldMappingTest.intake;
import static org.botoxeligibility.fhir.FieldMappingTest.problems;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Response;
import org.junit.jupiter.api.Test;

/**
 * Past treatments, the workflow, screening, references and the problems of fhir-mapping.md §5.
 */
class RecordMappingTest {

  static String procedure(String id, String performed, String... extra) {
    StringBuilder sb = new StringBuilder("""
        {"resourceType":"Procedure","id":"%s","status":"completed",
         "subject":{"reference":"Patient/p1"},
         "code":{"coding":[{"system":"%s","code":"64615"}]},"performedDateTime":"%s\""""
        .formatted(id, CPT, performed));
    for (String e : extra) {
      sb.append(',').append(e);
    }
    return sb.append('}').toString();
  }

  // treatment history

  @Test
  void a_completed_toxin_procedure_is_a_past_treatment() {
    Mapping m = map(patient(), order(), procedure("p9", days(100),
        "\"reasonCode\":[" + concept(ICD, "G43.709") + "]"));
    assertThat(m.problems()).isEmpty();
    var t = m.intake().treatmentHistory().get(0);
    assertThat(t.date()).isEqualTo(TODAY.minusDays(100));
    assertThat(t.product()).isEqualTo(Product.ONABOTULINUMTOXINA);
    assertThat(t.condition()).isEqualTo(ConditionCode.CHRONIC_MIGRAINE);
    assertThat(t.response()).isEqualTo(Response.UNKNOWN);
    assertThat(t.units()).isNull();
    assertThat(m.provenance()).containsEntry("/treatmentHistory/0", List.of("Procedure/p9"))
        .containsEntry("/treatmentHistory/0/date", List.of("Procedure/p9"));
    // not completed, not a toxin, or dated after the assessment date: not a past treatment
    assertThat(intake(patient(), order(), procedure("p9", days(100)).replace("completed",
        "in-progress")).treatmentHistory()).isEmpty();
    assertThat(intake(patient(), order(), procedure("p9", days(100)).replace("64615", "99213"))
        .treatmentHistory()).isEmpty();
    assertThat(intake(patient(), order(), procedure("p9", days(-1))).treatmentHistory())
        .isEmpty();
  }

  @Test
  void an_alias_condition_of_a_past_treatment_is_left_out() {
    assertThat(intake(patient(), order(), procedure("p9", days(100),
        "\"reasonCode\":[" + concept(ICD, "G43.909") + "]")).treatmentHistory().get(0)
        .condition()).isNull();
  }

  @Test
  void the_start_of_a_performed_period_is_the_treatment_date() {
    String period = procedure("p9", days(1)).replace("\"performedDateTime\":\"" + days(1) + "\"",
        "\"performedPeriod\":{\"start\":\"" + days(20) + "T10:00:00-05:00\",\"end\":\""
            + days(19) + "\"}");
    assertThat(intake(patient(), order(), period).treatmentHistory().get(0).date())
        .isEqualTo(TODAY.minusDays(20));
    String undated = procedure("p9", days(1)).replace(",\"performedDateTime\":\"" + days(1) + "\"",
        "");
    assertThat(problems(map(patient(), order(), undated))).containsExactly(
        "Procedure/p9.performed[x]: a past botulinum toxin treatment needs the date it was given");
  }

  @Test
  void a_medication_administration_gives_product_and_units_and_its_response() {
    String admin = """
        {"resourceType":"MedicationAdministration","id":"ma1","status":"completed",
         "subject":{"reference":"Patient/p1"},
         "medicationCodeableConcept":{"coding":[{"system":"%s","code":"J0588"}]},
         "effectiveDateTime":"%s","dosage":{"dose":{"value":20,"code":"U"}}}"""
        .formatted(HCPCS, days(200));
    String response = local("r1", "treatment-response", days(150),
        "\"valueCodeableConcept\":" + concept("urn:botox-eligibility:response", "PARTIAL"),
        "\"focus\":[{\"reference\":\"MedicationAdministration/ma1\"}]");
    Mapping m = map(patient(), order(), admin, response);
    assertThat(m.problems()).isEmpty();
    var t = m.intake().treatmentHistory().get(0);
    assertThat(t.product()).isEqualTo(Product.INCOBOTULINUMTOXINA);
    assertThat(t.units()).isEqualTo(20);
    assertThat(t.response()).isEqualTo(Response.PARTIAL);
    assertThat(m.provenance()).containsEntry("/treatmentHistory/0/response",
        List.of("Observation/r1"));
    String wrong = response.replace("\"valueCodeableConcept\":" + concept(
        "urn:botox-eligibility:response", "PARTIAL"), "\"valueString\":\"good\"");
    assertThat(problems(map(patient(), order(), admin, wrong))).containsExactly(
        "Observation/r1.value[x]: treatment-response is a valueCodeableConcept of "
            + "urn:botox-eligibility:response (GOOD, PARTIAL, NONE, UNKNOWN), was valueString");
  }

  @Test
  void adverse_reactions_from_adverse_events_and_toxin_allergies() {
    String event = """
        {"resourceType":"AdverseEvent","id":"ae1","actuality":"actual",
         "subject":{"reference":"Patient/p1"},
         "event":{"coding":[{"system":"%s","code":"11934000"}]},
         "suspectEntity":[{"instance":{"reference":"Procedure/p9"}}]}""".formatted(SCT);
    String allergy = """
        {"resourceType":"AllergyIntolerance","id":"a1","patient":{"reference":"Patient/p1"},
         "code":{"coding":[{"system":"%s","code":"11894001"}]},
         "reaction":[{"manifestation":[{"coding":[{"system":"%s","code":"40739000"}]}]}]}"""
        .formatted(SCT, SCT);
    Mapping m = map(patient(), order(), procedure("p9", days(100)), event, allergy);
    assertThat(m.problems()).isEmpty();
    assertThat(m.intake().treatmentHistory().get(0).adverseReactions()).containsExactly(
        AdverseReaction.EYELID_PTOSIS, AdverseReaction.ALLERGIC_REACTION,
        AdverseReaction.DYSPHAGIA);
    assertThat(m.provenance()).containsEntry("/treatmentHistory/0/adverseReactions/0",
        List.of("AdverseEvent/ae1")).containsEntry("/treatmentHistory/0/adverseReactions/1",
        List.of("AllergyIntolerance/a1"));
    String potential = event.replace("\"actual\"", "\"potential\"");
    assertThat(intake(patient(), order(), procedure("p9", days(100)), potential)
        .treatmentHistory().get(0).adverseReactions()).isEmpty();
  }

  // workflow

  @Test
  void diagnosis_confirmed_needs_a_confirmed_condition_not_a_bare_reason_code() {
    assertThat(intake(patient(), order()).workflow().diagnosisConfirmed()).isFalse();
    String ref = order("o1", "active", "\"reasonReference\":[{\"reference\":\"Condition/cm\"}]");
    assertThat(intake(patient(), ref, condition("cm", coding(ICD, "G43.709"),
        verification("provisional"))).workflow().diagnosisConfirmed()).isFalse();
    // cosmetic concerns have no diagnosis: with only those, false
    assertThat(intake(patient(), cosmeticOrder("o1")).workflow().diagnosisConfirmed()).isFalse();
  }

  @Test
  void examination_by_an_encounter_naming_the_condition_within_90_days_or_an_observation() {
    String ref = order("o1", "active", "\"reasonReference\":[{\"reference\":\"Condition/cm\"}]");
    String cond = condition("cm", coding(ICD, "G43.709"), verification("confirmed"));
    String enc = """
        {"resourceType":"Encounter","id":"e1","status":"finished","class":{"code":"AMB"},
         "subject":{"reference":"Patient/p1"},"period":{"start":"%sT09:00:00Z","end":"%sT09:30:00Z"},
         "diagnosis":[{"condition":{"reference":"Condition/cm"}}]}""";
    Mapping m = map(patient(), ref, cond, enc.formatted(days(90), days(90)));
    assertThat(m.intake().workflow().medicalExaminationCompleted()).isTrue();
    assertThat(m.provenance()).containsEntry("/workflow/medicalExaminationCompleted",
        List.of("Encounter/e1"));
    assertThat(intake(patient(), ref, cond, enc.formatted(days(91), days(91))).workflow()
        .medicalExaminationCompleted()).isFalse();
    assertThat(intake(patient(), ref, cond, enc.formatted(days(5), days(5)).replace("finished",
        "cancelled")).workflow().medicalExaminationCompleted()).isFalse();
    assertThat(intake(patient(), order(), local("x", "medical-examination-completed", days(90),
        "\"valueBoolean\":true")).workflow().medicalExaminationCompleted()).isTrue();
    assertThat(intake(patient(), order(), local("x", "medical-examination-completed", days(91),
        "\"valueBoolean\":true")).workflow().medicalExaminationCompleted()).isFalse();
  }

  @Test
  void prescription_issued_for_an_active_order_or_a_draft_being_signed() {
    assertThat(intake(patient(), order()).workflow().prescriptionIssued()).isTrue();
    String draft = order().replace("\"active\"", "\"draft\"");
    assertThat(intake(patient(), draft).workflow().prescriptionIssued()).isFalse();
    assertThat(map(FhirIntakeMapper.Options.orders().signing(), patient(), draft).intake()
        .workflow().prescriptionIssued()).isTrue();
    assertThat(intake(patient(), order().replace("\"order\"", "\"proposal\"")).workflow()
        .prescriptionIssued()).isFalse();
    assertThat(intake(patient(), order(), draft.replace("o1", "o2")).workflow()
        .prescriptionIssued()).isFalse();
  }

  // screening

  @Test
  void screening_makes_a_concern_of_each_therapeutic_condition_once_and_ignores_orders() {
    Mapping m = screen(patient(), order(),
        condition("c-mig", coding(ICD, "G43.709") + "," + coding(SCT, "4473006"),
            verification("confirmed")),
        condition("c-mig2", coding(ICD, "G43.719")),
        condition("c-ref", coding(ICD, "G24.3"), verification("refuted")),
        condition("c-alias", coding(ICD, "G43.909")),
        condition("c-tth", coding(ICD, "G44.209")),
        condition("c-mg", coding(ICD, "G70.00")));
    assertThat(m.problems()).isEmpty();
    Intake i = m.intake();
    assertThat(i.concerns()).extracting(c -> c.id()).containsExactly("c-mig", "c-alias", "c-tth");
    assertThat(i.concerns()).extracting(c -> c.icd10()).containsExactly("G43.709", "G43.909",
        "G44.209");
    assertThat(i.workflow().prescriptionIssued()).isFalse();
    assertThat(i.workflow().diagnosisConfirmed()).isFalse();
    assertThat(i.medicalHistory().conditions()).hasSize(1);
    assertThat(m.provenance()).containsEntry("/concerns/0/icd10", List.of("Condition/c-mig"));
  }

  @Test
  void nothing_to_screen_and_no_toxin_order() {
    Mapping none = screen(patient(), condition("c1", coding(ICD, "J10.1")));
    assertThat(none.outcome()).isEqualTo(Mapping.Outcome.NOTHING_TO_SCREEN);
    assertThat(none.intake()).isNull();
    assertThat(problems(none)).containsExactly("Bundle: nothing to screen: no active Condition "
        + "maps to a therapeutic catalog condition");
    assertThat(screen(patient("1980"), condition("c1", coding(ICD, "J10.1"))).outcome())
        .isEqualTo(Mapping.Outcome.PROBLEMS);
    Mapping noOrder = map(patient(), condition("c1", coding(ICD, "G43.709")));
    assertThat(noOrder.outcome()).isEqualTo(Mapping.Outcome.NO_TOXIN_ORDER);
    assertThat(noOrder.valid()).isFalse();
    assertThat(problems(noOrder)).containsExactly("Bundle: no botulinum toxin order; use "
        + "--screen to assess the patient's diagnoses");
  }

  // references and identity

  @Test
  void references_resolve_by_full_url_or_type_and_id_and_duplicates_count_once() {
    String json = """
        {"resourceType":"Bundle","type":"searchset","entry":[
         {"fullUrl":"urn:uuid:0b5b2c54","resource":%s},
         {"fullUrl":"https://ehr.example.org/fhir/Condition/cm","resource":%s},
         {"resource":%s},
         {"resource":%s}]}""".formatted(patient().replace("\"id\":\"p1\",", ""),
        condition("cm", coding(ICD, "G43.709"), verification("confirmed"))
            .replace("Patient/p1", "urn:uuid:0b5b2c54"),
        order("o1", "active", "\"reasonReference\":[{\"reference\":"
            + "\"https://ehr.example.org/fhir/Condition/cm/_history/3\"}]")
            .replace("Patient/p1", "urn:uuid:0b5b2c54"),
        cosmeticOrder("o1").replace("Patient/p1", "urn:uuid:0b5b2c54"));
    Mapping m = mapJson(json, FhirIntakeMapper.Options.orders());
    assertThat(m.problems()).isEmpty();
    assertThat(m.intake().concerns()).hasSize(1);
    assertThat(m.intake().concerns().get(0).icd10()).isEqualTo("G43.709");
    assertThat(m.intake().workflow().diagnosisConfirmed()).isTrue();
    // an entry without an id is named Type/urn:uuid:… (docs/fhir-mapping.md §8)
    assertThat(m.provenance()).containsEntry("/patient/birthDate",
        List.of("Patient/urn:uuid:0b5b2c54"));
  }

  @Test
  void a_parsed_bundle_maps_like_its_json() {
    String json = bundle(patient(), order(), weight("w1", days(3), "70", "kg"));
    org.hl7.fhir.r4.model.Bundle parsed = FhirRecord.context().newJsonParser()
        .parseResource(org.hl7.fhir.r4.model.Bundle.class, json);
    Mapping fromBundle = MAPPER.map(parsed, TODAY, FhirIntakeMapper.Options.orders());
    Mapping fromJson = mapJson(json, FhirIntakeMapper.Options.orders());
    assertThat(fromBundle.intake()).isEqualTo(fromJson.intake());
    assertThat(fromBundle.provenance()).isEqualTo(fromJson.provenance());
  }

  // problems of §5

  @Test
  void not_json_not_a_bundle_or_nothing() {
    assertThat(problems(MAPPER.map("{".getBytes(StandardCharsets.UTF_8), TODAY, FhirIntakeMapper.Options.orders())))
        .singleElement().asString().startsWith("Bundle: is not JSON that can be read");
    assertThat(problems(mapJson(patient(), FhirIntakeMapper.Options.orders()))).containsExactly(
        "Bundle: is not a FHIR Bundle: \"resourceType\" must be \"Bundle\", was \"Patient\"");
    assertThat(problems(MAPPER.map(new byte[0], TODAY, FhirIntakeMapper.Options.orders()))).containsExactly(
        "Bundle: there is nothing to read: a FHIR R4 Bundle (JSON) was expected");
    assertThat(MAPPER.map("[]".getBytes(StandardCharsets.UTF_8), TODAY, FhirIntakeMapper.Options.orders()).outcome())
        .isEqualTo(Mapping.Outcome.PROBLEMS);
  }

  @Test
  void no_patient_or_two_patients() {
    assertThat(problems(map(order()))).contains("Bundle: holds no Patient: the mapping needs "
        + "exactly one (the record of one patient)");
    assertThat(problems(map(patient(), patient().replace("p1", "p2"), order()))).contains(
        "Bundle: holds 2 Patients (Patient/p1, Patient/p2): the mapping reads the record of "
            + "exactly one patient");
    // the same Patient twice counts once
    assertThat(map(patient(), patient(), order()).problems()).isEmpty();
  }

  @Test
  void a_resource_of_another_patient_is_a_problem() {
    assertThat(problems(map(patient(), order(), weight("w1", days(1), "70", "kg")
        .replace("Patient/p1", "Patient/p2")))).containsExactly("Observation/w1.subject: "
        + "refers to \"Patient/p2\", another patient than the record's Patient/p1: a record "
        + "holds one patient's resources");
    assertThat(map(patient(), order(), weight("w1", days(1), "70", "kg")
        .replace("Patient/p1", "https://ehr.example.org/fhir/Patient/p1")).problems()).isEmpty();
  }

  @Test
  void a_resource_the_mapping_reads_must_be_readable_others_are_ignored() {
    String misspelt = weight("w1", days(1), "70", "kg").replace("\"status\"", "\"statuss\":\"x\","
        + "\"status\"");
    assertThat(problems(map(patient(), order(), misspelt))).containsExactly(
        "Observation/w1.statuss: is not an element of this resource in FHIR R4 (a misspelt "
            + "element could hide a fact, so a resource the mapping reads must be read whole)");
    String badValue = weight("w1", days(1), "\"heavy\"", "kg");
    assertThat(problems(map(patient(), order(), badValue))).singleElement().asString()
        .startsWith("Observation/w1.valueQuantity.value: cannot be read: \"heavy\"");
    String lab = obs("lab", LOINC, "2345-7", days(1), "\"valueQuantity\":{\"value\":\"high\"}",
        "\"unknownThing\":1");
    String r5 = "{\"resourceType\":\"DeviceUsage\",\"id\":\"d1\",\"status\":\"active\"}";
    String imm = "{\"resourceType\":\"Immunization\",\"id\":\"i1\",\"bogus\":true}";
    assertThat(map(patient(), order(), lab, r5, imm).problems()).isEmpty();
  }

  @Test
  void windows_count_back_from_the_assessment_date() {
    Mapping m = MAPPER.map(bundle(patient(), order(), weight("w1", "2026-01-01", "70", "kg"))
        .getBytes(StandardCharsets.UTF_8), LocalDate.of(2027, 1, 1), FhirIntakeMapper.Options.orders());
    assertThat(m.intake().patient().weightKg()).isEqualTo(70.0);
    assertThat(m.intake().assessmentDate()).isEqualTo(LocalDate.of(2027, 1, 1));
  }
}
