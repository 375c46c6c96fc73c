package org.botoxeligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.botoxeligibility.fhir.Bundles.*;
import static org.botoxeligibility.fhir.FieldMappingTest.problems;

import java.util.List;
import org.botoxeligibility.fhir.Mapping.Note;
import org.botoxeligibility.fhir.Mapping.UnmappedCoding;
import org.junit.jupiter.api.Test;

/**
 * What the mapping reports beside the intake (docs/fhir-mapping.md §8): the codings no table
 * maps, the Conditions with no mapped coding, the notes of an incomplete record, and a deceased
 * patient. Each record in the shape a real system publishes, named in the test.
 */
class MappingReportsTest {

  /** A Condition as Synthea's FHIR R4 exporter writes it: SNOMED CT only, with its display. */
  static String syntheaCondition(String id, String code, String display, String... extra) {
    StringBuilder sb = new StringBuilder("""
        {"resourceType":"Condition","id":"%s",
         "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
         "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed"}]},
         "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis","display":"Encounter Diagnosis"}]}],
         "code":{"coding":[{"system":"http://snomed.info/sct","code":"%s","display":"%s"}],"text":"%s"},
         "subject":{"reference":"Patient/p1"},"onsetDateTime":"2019-02-01T03:17:39-05:00",
         "recordedDate":"2019-02-01T03:17:39-05:00\"""".formatted(id, code, display, display));
    for (String e : extra) {
      sb.append(',').append(e);
    }
    return sb.append('}').toString();
  }

  // unmapped codings

  @Test
  void a_snomed_only_condition_no_table_maps_is_listed_with_its_display_and_resource() {
    Mapping m = map(patient(), order(),
        syntheaCondition("sinusitis", "444814009", "Viral sinusitis (disorder)"),
        syntheaCondition("sinusitis2", "444814009", "Viral sinusitis (disorder)"));
    assertThat(m.problems()).isEmpty();
    assertThat(m.unmapped()).containsExactly(new UnmappedCoding(SCT, "444814009",
        "Viral sinusitis (disorder)", List.of("Condition/sinusitis", "Condition/sinusitis2")));
    assertThat(m.unmappedConditions()).containsExactly("Condition/sinusitis",
        "Condition/sinusitis2");
  }

  @Test
  void an_icd10_coded_condition_is_listed_but_is_not_a_condition_without_a_mapped_coding() {
    // Epic's shape: ICD-10-CM under its OID name is the same system (see CodeSystemsTest);
    // here the plain URI: hypertension maps to nothing, but carries an ICD-10-CM code
    Mapping m = map(patient(), order(), condition("htn",
        "{\"system\":\"" + ICD + "\",\"code\":\"I10\",\"display\":\"Essential hypertension\"},"
            + coding(SCT, "59621000")));
    assertThat(m.unmapped()).extracting(UnmappedCoding::code).containsExactly("I10",
        "59621000");
    assertThat(m.unmappedConditions()).isEmpty();
  }

  @Test
  void a_condition_with_one_mapped_coding_a_resolved_one_and_a_refuted_one_are_not_listed() {
    Mapping m = map(patient(), order(),
        condition("mg", coding(ICD, "G70.01") + "," + coding(SCT, "123456")),
        syntheaCondition("old", "444814009", "Viral sinusitis (disorder)").replace(
            "\"code\":\"active\"", "\"code\":\"resolved\""),
        condition("ref", coding(SCT, "444814009"), verification("refuted")));
    assertThat(m.unmapped()).isEmpty();
    assertThat(m.unmappedConditions()).isEmpty();
  }

  @Test
  void completed_procedures_no_table_maps_are_listed_a_toxin_procedure_is_not() {
    String reconciliation = """
        {"resourceType":"Procedure","id":"rec","status":"completed",
         "code":{"coding":[{"system":"http://snomed.info/sct","code":"430193006","display":"Medication reconciliation (procedure)"}],"text":"Medication reconciliation (procedure)"},
         "subject":{"reference":"Patient/p1"},"performedPeriod":{"start":"2026-01-10T10:00:00-05:00","end":"2026-01-10T10:15:00-05:00"}}""";
    String planned = reconciliation.replace("\"rec\"", "\"rec2\"").replace("completed",
        "preparation").replace("430193006", "430193007");
    String chemodenervation = RecordMappingTest.procedure("p9", days(200));
    Mapping m = map(patient(), order(), reconciliation, planned, chemodenervation);
    assertThat(m.unmapped()).containsExactly(new UnmappedCoding(SCT, "430193006",
        "Medication reconciliation (procedure)", List.of("Procedure/rec")));
  }

  @Test
  void a_toxin_order_named_only_by_its_text_lists_the_codings_no_table_maps() {
    // Oracle Health's shape: an RxNorm coding the table does not know, the product in the text
    String rx = "http://www.nlm.nih.gov/research/umls/rxnorm";
    String named = cosmeticOrder("o1").replace(coding(HCPCS, "J0585"),
        "{\"system\":\"" + rx + "\",\"code\":\"9999999\",\"display\":\"Botox 100 UNT Injection\"}");
    Mapping m = map(patient(), named);
    assertThat(m.valid()).isTrue();
    assertThat(m.unmapped()).containsExactly(new UnmappedCoding(rx, "9999999",
        "Botox 100 UNT Injection", List.of("MedicationRequest/o1")));
    // coded by HCPCS: nothing to add to the tables
    assertThat(map(patient(), cosmeticOrder("o1")).unmapped()).isEmpty();
  }

  @Test
  void unmapped_codings_are_reported_whatever_the_outcome() {
    Mapping m = screen(patient(), syntheaCondition("mig", "37796008", "Unknown migraine code"));
    assertThat(m.outcome()).isEqualTo(Mapping.Outcome.NOTHING_TO_SCREEN);
    assertThat(m.unmappedConditions()).containsExactly("Condition/mig");
  }

  // notes: incomplete records

  static String searchset(String... entries) {
    return "{\"resourceType\":\"Bundle\",\"id\":\"s1\",\"type\":\"searchset\",\"entry\":["
        + String.join(",", entries) + "]}";
  }

  static String match(String resource) {
    return "{\"resource\":" + resource + ",\"search\":{\"mode\":\"match\"}}";
  }

  @Test
  void an_operation_outcome_entry_of_a_searchset_with_a_warning_says_the_record_is_incomplete() {
    // the shape of an R4 server that leaves out resources the client may not see
    String warning = """
        {"resource":{"resourceType":"OperationOutcome","id":"oo1","issue":[{"severity":"warning",
          "code":"suppressed","diagnostics":"Some Conditions were not returned"}]},
         "search":{"mode":"outcome"}}""";
    Mapping m = mapJson(searchset(match(patient()), match(order()), warning),
        FhirIntakeMapper.Options.orders());
    assertThat(m.valid()).isTrue();
    assertThat(m.incomplete()).isTrue();
    assertThat(m.notes()).containsExactly(new Note(Note.Kind.INCOMPLETE_RECORD,
        "Bundle.entry[2]", "the server says warning \"Some Conditions were not returned\": the "
            + "record may be incomplete"));
    String information = warning.replace("warning", "information");
    Mapping info = mapJson(searchset(match(patient()), match(order()), information),
        FhirIntakeMapper.Options.orders());
    assertThat(info.notes()).isEmpty();
    assertThat(info.incomplete()).isFalse();
  }

  @Test
  void a_batch_response_entry_403_says_the_record_is_incomplete_a_200_does_not() {
    String json = """
        {"resourceType":"Bundle","id":"b2","type":"batch-response","entry":[
         {"resource":%s,"response":{"status":"200 OK"}},
         {"resource":%s,"response":{"status":"200 OK"}},
         {"response":{"status":"403 Forbidden","outcome":{"resourceType":"OperationOutcome",
           "issue":[{"severity":"error","code":"forbidden","diagnostics":"Access to MedicationStatement is not permitted"}]}}}]}"""
        .formatted(patient(), order());
    Mapping m = mapJson(json, FhirIntakeMapper.Options.orders());
    assertThat(m.valid()).isTrue();
    assertThat(m.notes()).extracting(Note::toString).containsExactly(
        "Bundle.entry[2].response: the server answered \"403 Forbidden\" for this entry (error "
            + "\"Access to MedicationStatement is not permitted\"): the record may be "
            + "incomplete");
  }

  @Test
  void a_searchset_with_a_next_page_is_incomplete() {
    String json = searchset(match(patient()), match(order())).replace("\"entry\"",
        "\"link\":[{\"relation\":\"self\",\"url\":\"https://ehr.example.org/fhir/Condition\"},"
            + "{\"relation\":\"next\",\"url\":\"https://ehr.example.org/fhir?page=2\"}],\"entry\"");
    Mapping m = mapJson(json, FhirIntakeMapper.Options.orders());
    assertThat(m.notes()).extracting(Note::resource).containsExactly("Bundle.link");
    assertThat(mapJson(json.replace("\"next\"", "\"previous\""),
        FhirIntakeMapper.Options.orders()).notes()).isEmpty();
  }

  @Test
  void a_parsed_bundle_gives_the_same_notes_as_its_json() {
    String json = searchset(match(patient()), match(order()), """
        {"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"error",
          "code":"too-costly","diagnostics":"Result truncated"}]},"search":{"mode":"outcome"}}""");
    org.hl7.fhir.r4.model.Bundle parsed = FhirRecord.context().newJsonParser()
        .parseResource(org.hl7.fhir.r4.model.Bundle.class, json);
    assertThat(MAPPER.map(parsed, TODAY, FhirIntakeMapper.Options.orders()).notes())
        .isEqualTo(mapJson(json, FhirIntakeMapper.Options.orders()).notes())
        .hasSize(1);
  }

  // deceased patients

  /** US Core's patient-deceased-example, with the record's own ids. */
  static String deceased(String element) {
    return """
        {"resourceType":"Patient","id":"p1","birthDate":"1937-10-21",%s,
         "extension":[{"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-individual-sex",
           "valueCoding":{"system":"http://snomed.info/sct","version":"http://snomed.info/sct/731000124108",
           "code":"248152002","display":"Female (finding)"}}],
         "name":[{"family":"Shaw","given":["Mary","A."]}]}""".formatted(element);
  }

  @Test
  void a_patient_who_died_before_the_assessment_date_is_deceased_and_nothing_is_assessed() {
    Mapping m = map(deceased("\"deceasedDateTime\":\"2022-07-22\""), order());
    assertThat(m.outcome()).isEqualTo(Mapping.Outcome.DECEASED);
    assertThat(m.intake()).isNull();
    assertThat(m.valid()).isFalse();
    assertThat(problems(m)).containsExactly("Patient/p1.deceased[x]: the patient is deceased");
    // in screening too, and before any other problem
    Mapping screened = screen(deceased("\"deceasedBoolean\":true").replace("1937-10-21", "1937"),
        condition("c1", coding(ICD, "G43.709")));
    assertThat(screened.outcome()).isEqualTo(Mapping.Outcome.DECEASED);
    assertThat(problems(screened).get(0)).isEqualTo(
        "Patient/p1.deceased[x]: the patient is deceased");
  }

  @Test
  void a_death_dated_after_the_assessment_date_or_deceased_false_is_not_deceased() {
    assertThat(map(deceased("\"deceasedDateTime\":\"" + days(-1) + "\""), order()).outcome())
        .isEqualTo(Mapping.Outcome.MAPPED);
    assertThat(map(deceased("\"deceasedBoolean\":false"), order()).outcome())
        .isEqualTo(Mapping.Outcome.MAPPED);
    // the day itself counts
    assertThat(map(deceased("\"deceasedDateTime\":\"" + days(0) + "T08:00:00Z\""), order())
        .outcome()).isEqualTo(Mapping.Outcome.DECEASED);
  }
}
