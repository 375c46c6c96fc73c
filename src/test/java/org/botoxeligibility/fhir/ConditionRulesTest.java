package org.botoxeligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.botoxeligibility.fhir.Bundles.*;
import static org.botoxeligibility.fhir.FieldMappingTest.intake;
import static org.botoxeligibility.fhir.Shapes.*;

import java.util.List;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.Sex;
import org.junit.jupiter.api.Test;

/**
 * Facts that live elsewhere in real records (docs/fhir-mapping.md §8): chronic disorders whatever
 * their status, abatement, encounter diagnoses, the US Core individual-sex extension, entries
 * without an id.
 */
class ConditionRulesTest {

  @Test
  void a_chronic_neuromuscular_disorder_counts_when_inactive_or_in_remission() {
    for (String status : new String[] {"inactive", "remission"}) {
      Intake i = intake(patient(), order(), condition("mg", coding(ICD, "G70.00"),
          clinical(status)));
      assertThat(i.medicalHistory().conditions()).as(status)
          .containsExactly(Comorbidity.MYASTHENIA_GRAVIS);
    }
    // near misses: refuted never counts, resolved does not, and dysphagia is not chronic
    assertThat(intake(patient(), order(), condition("mg", coding(ICD, "G70.00"),
        clinical("inactive"), verification("refuted"))).medicalHistory().conditions()).isEmpty();
    assertThat(intake(patient(), order(), condition("mg", coding(ICD, "G70.00"),
        clinical("resolved"))).medicalHistory().conditions()).isEmpty();
    assertThat(intake(patient(), order(), condition("dys", coding(ICD, "R13.10"),
        clinical("inactive"))).medicalHistory().conditions()).isEmpty();
  }

  @Test
  void a_condition_abated_without_a_clinical_status_no_longer_counts() {
    // a urinary infection that abated in 2019, no clinicalStatus (US Core allows it absent)
    String abated = condition("uti", coding(SCT, "68566005"),
        "\"abatementDateTime\":\"2019-04-02\"");
    assertThat(intake(patient(), bladderOrder(), abated).medicalHistory().conditions())
        .isEmpty();
    // near miss: abated, but the clinicalStatus says active: the status decides
    assertThat(intake(patient(), bladderOrder(), condition("uti", coding(SCT, "68566005"),
        "\"abatementDateTime\":\"2019-04-02\"", clinical("active"))).medicalHistory()
        .conditions()).containsExactly(Comorbidity.URINARY_TRACT_INFECTION);
    // abatement after the assessment date has not happened yet; an age cannot be dated
    assertThat(intake(patient(), bladderOrder(), condition("uti", coding(SCT, "68566005"),
        "\"abatementDateTime\":\"" + days(-3) + "\"")).medicalHistory().conditions())
        .containsExactly(Comorbidity.URINARY_TRACT_INFECTION);
    assertThat(intake(patient(), bladderOrder(), condition("uti", coding(SCT, "68566005"),
        "\"abatementAge\":{\"value\":30,\"unit\":\"a\",\"system\":\"http://unitsofmeasure.org\","
            + "\"code\":\"a\"}")).medicalHistory().conditions())
        .containsExactly(Comorbidity.URINARY_TRACT_INFECTION);
  }

  @Test
  void an_abated_diagnosis_is_not_screened() {
    assertThat(screen(patient(), condition("c1", coding(ICD, "G43.709"),
        "\"abatementDateTime\":\"2020-01-01\"")).outcome())
        .isEqualTo(Mapping.Outcome.NOTHING_TO_SCREEN);
    assertThat(screen(patient(), condition("c1", coding(ICD, "G43.709"),
        "\"abatementDateTime\":\"2020-01-01\"", clinical("relapse"))).outcome())
        .isEqualTo(Mapping.Outcome.MAPPED);
  }

  @Test
  void an_encounter_diagnosis_without_a_verification_status_is_confirmed_by_its_encounter() {
    String ref = order("o1", "active", "\"reasonReference\":[{\"reference\":\"Condition/dx\"}]");
    Mapping m = map(patient(), ref, usCoreEncounterDiagnosis("dx", "G43.709", "e1"),
        encounter("e1", days(20)));
    assertThat(m.problems()).isEmpty();
    assertThat(m.intake().workflow().diagnosisConfirmed()).isTrue();
    // Condition.encounter also makes that Encounter the examination
    assertThat(m.intake().workflow().medicalExaminationCompleted()).isTrue();
    assertThat(m.provenance()).containsEntry("/workflow/medicalExaminationCompleted",
        List.of("Encounter/e1"));
    // named in the Encounter's diagnosis instead
    String named = usCoreEncounterDiagnosis("dx", "G43.709", "elsewhere")
        .replace(",\"encounter\":{\"reference\":\"Encounter/elsewhere\"}", "");
    assertThat(intake(patient(), ref, named, encounter("e1", days(20),
        "\"diagnosis\":[{\"condition\":{\"reference\":\"Condition/dx\"}}]")).workflow()
        .diagnosisConfirmed()).isTrue();
  }

  @Test
  void a_problem_list_item_without_a_verification_status_or_a_provisional_diagnosis_is_not() {
    String ref = order("o1", "active", "\"reasonReference\":[{\"reference\":\"Condition/dx\"}]");
    String problemList = usCoreEncounterDiagnosis("dx", "G43.709", "e1")
        .replace("encounter-diagnosis", "problem-list-item");
    assertThat(intake(patient(), ref, problemList, encounter("e1", days(20))).workflow()
        .diagnosisConfirmed()).isFalse();
    String provisional = usCoreEncounterDiagnosis("dx", "G43.709", "e1").replace(
        "\"category\"", verification("provisional") + ",\"category\"");
    assertThat(intake(patient(), ref, provisional, encounter("e1", days(20))).workflow()
        .diagnosisConfirmed()).isFalse();
    // an encounter outside the 90-day window does not count
    assertThat(intake(patient(), ref, usCoreEncounterDiagnosis("dx", "G43.709", "e1"),
        encounter("e1", days(91))).workflow().diagnosisConfirmed()).isFalse();
  }

  @Test
  void without_gender_the_us_core_individual_sex_extension_gives_the_sex() {
    // US Core 9's patient-example: no gender, sex in us-core-individual-sex
    String usCore9 = """
        {"resourceType":"Patient","id":"p1","birthDate":"1987-02-20",
         "extension":[{"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-individual-sex",
           "valueCoding":{"system":"http://snomed.info/sct","version":"http://snomed.info/sct/731000124108",
           "code":"248152002","display":"Female (finding)"}}],
         "name":[{"family":"Shaw","given":["Amy","V."]}]}""";
    Mapping m = map(usCore9, order());
    assertThat(m.intake().patient().sex()).isEqualTo(Sex.FEMALE);
    assertThat(m.provenance()).containsEntry("/patient/sex", List.of("Patient/p1"));
    assertThat(map(usCore9.replace("248152002", "248153007"), order()).intake().patient().sex())
        .isEqualTo(Sex.MALE);
    // near misses: gender wins when given; another code gives nothing
    assertThat(map(usCore9.replace("\"birthDate\"", "\"gender\":\"male\",\"birthDate\""),
        order()).intake().patient().sex()).isEqualTo(Sex.MALE);
    Mapping other = map(usCore9.replace("248152002", "32570681000036106"), order());
    assertThat(other.intake().patient().sex()).isEqualTo(Sex.UNKNOWN);
    assertThat(other.provenance()).doesNotContainKey("/patient/sex");
  }

  @Test
  void entries_without_an_id_are_named_by_type_and_urn_and_concerns_get_the_default_id() {
    // a transaction bundle as Synthea's exporter writes one (urn:uuid full URLs, no ids)
    String json = """
        {"resourceType":"Bundle","type":"transaction","entry":[
         {"fullUrl":"urn:uuid:a6b1c1de-0001","resource":%s,"request":{"method":"POST","url":"Patient"}},
         {"fullUrl":"urn:uuid:a6b1c1de-0002","resource":%s,"request":{"method":"POST","url":"MedicationRequest"}}]}"""
        .formatted(patient().replace("\"id\":\"p1\",", ""),
            order().replace("\"id\":\"o1\",", "").replace("Patient/p1", "urn:uuid:a6b1c1de-0001"));
    Mapping m = mapJson(json, FhirIntakeMapper.Options.orders());
    assertThat(m.problems()).isEmpty();
    assertThat(m.intake().concerns().get(0).id()).isEqualTo("c1");
    assertThat(m.provenance()).containsEntry("/patient/birthDate",
        List.of("Patient/urn:uuid:a6b1c1de-0001"))
        .containsEntry("/concerns/0/plannedUnits",
            List.of("MedicationRequest/urn:uuid:a6b1c1de-0002"));
    assertThat(m.provenance()).doesNotContainKey("/concerns/0/id");
  }
}
