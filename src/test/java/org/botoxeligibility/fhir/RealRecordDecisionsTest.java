package org.botoxeligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.botoxeligibility.fhir.Bundles.*;
import static org.botoxeligibility.fhir.Shapes.*;

import java.util.List;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Effect;
import org.botoxeligibility.assessment.Evidence;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.testing.TestEngine;
import org.junit.jupiter.api.Test;

/**
 * The misreadings that issue 15 found, each record in the shape a real system writes, through the
 * mapping and the engine: the decision, the reason and the resource it rests on (and, for each,
 * the near miss that keeps the decision as it was).
 */
class RealRecordDecisionsTest {

  static Recommendation evaluate(String... resources) {
    Mapping m = map(resources);
    assertThat(m.problems()).isEmpty();
    Assessment a = TestEngine.get().evaluate(m.intake()).withProvenance(m.provenance());
    return a.recommendations().get(0);
  }

  static Reason reason(Recommendation r, String code) {
    return r.reasons().stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
  }

  static List<String> resources(Reason r) {
    return r.evidence().stream().map(Evidence::resource).filter(x -> x != null).toList();
  }

  @Test
  void a_snomed_only_e_coli_urinary_infection_defers_a_bladder_order() {
    Recommendation r = evaluate(patient(), bladderOrder(), synthea("uti", "301011002",
        "Escherichia coli urinary tract infection (disorder)", days(3)));
    assertThat(r.decision()).isEqualTo(Effect.DEFERRED);
    Reason uti = reason(r, "URINARY_TRACT_INFECTION");
    assertThat(uti.effect()).isEqualTo(Effect.DEFERRED);
    assertThat(resources(uti)).contains("Condition/uti");
    // near miss: the infection resolved
    Recommendation resolved = evaluate(patient(), bladderOrder(), synthea("uti", "301011002",
        "Escherichia coli urinary tract infection (disorder)", "2019-03-01",
        "\"abatementDateTime\":\"2019-03-09\"").replace("\"code\":\"active\"",
        "\"code\":\"resolved\""));
    assertThat(reason(resolved, "URINARY_TRACT_INFECTION")).isNull();
  }

  @Test
  void a_snomed_coded_toxin_injection_47_days_before_defers_the_next() {
    String injection = """
        {"resourceType":"Procedure","id":"inj","status":"completed",
         "code":{"coding":[{"system":"http://snomed.info/sct","code":"404909007","display":"Injection of botulinum toxin (procedure)"}]},
         "subject":{"reference":"Patient/p1"},"performedDateTime":"%sT10:00:00-05:00"}"""
        .formatted(days(47));
    Recommendation r = evaluate(patient(), order(), injection);
    Reason interval = reason(r, "RETREATMENT_INTERVAL");
    assertThat(interval.effect()).isEqualTo(Effect.DEFERRED);
    assertThat(interval.deferredUntil()).isEqualTo(TODAY.minusDays(47).plusDays(84));
    assertThat(resources(interval)).contains("Procedure/inj");
    // near miss: 84 days before, the interval has passed
    assertThat(reason(evaluate(patient(), order(), injection.replace(days(47), days(84))),
        "RETREATMENT_INTERVAL")).isNull();
  }

  @Test
  void a_pregnancy_on_the_problem_list_is_a_pregnancy_not_an_unknown_status() {
    Recommendation r = evaluate(patient(), cosmeticOrder("o1"),
        oracleProblem("preg", "77386006", "Pregnant", "Z33.1", days(60)));
    Reason pregnancy = reason(r, "PREGNANCY");
    assertThat(pregnancy.effect()).isEqualTo(Effect.DEFERRED);
    assertThat(resources(pregnancy)).contains("Condition/preg");
    assertThat(reason(r, "PREGNANCY_STATUS_UNKNOWN")).isNull();
    // near miss: without it the status is not known
    assertThat(reason(evaluate(patient(), cosmeticOrder("o1")), "PREGNANCY_STATUS_UNKNOWN"))
        .isNotNull();
  }

  @Test
  void a_newer_preliminary_pregnant_answer_is_never_dropped_for_an_older_final_no() {
    Recommendation r = evaluate(patient(), cosmeticOrder("o1"),
        obs("no", LOINC, "82810-3", days(20), PregnancyAndUrineTest.NOT_PREGNANT),
        obs("yes", LOINC, "82810-3", days(2), PregnancyAndUrineTest.PREGNANT)
            .replace("\"final\"", "\"preliminary\""));
    assertThat(r.decision()).isNotEqualTo(Effect.ELIGIBLE);
    assertThat(resources(reason(r, "PREGNANCY_STATUS_UNKNOWN"))).contains("Observation/yes");
  }

  @Test
  void epic_oid_coded_migraine_and_synthea_snomed_migraine_screen_to_candidates() {
    Mapping epic = screen(patient(), condition("mig", epic("2.16.840.1.113883.6.90", "G43.709",
        "Chronic migraine")));
    assertThat(epic.outcome()).isEqualTo(Mapping.Outcome.MAPPED);
    Mapping synthea = screen(patient(), synthea("mig", "124171000119105",
        "Chronic intractable migraine without aura (disorder)", "2021-06-01"));
    assertThat(synthea.outcome()).isEqualTo(Mapping.Outcome.MAPPED);
    assertThat(TestEngine.get().evaluate(synthea.intake()).recommendations().get(0).condition()
        .name()).isEqualTo("CHRONIC_MIGRAINE");
  }

  @Test
  void an_ndc_coded_order_with_a_dose_in_units_is_an_order_not_a_refused_record() {
    String ndc = CodeSystemsAndProductsTest.ndcOrder("0023-1145-01").replace(
        "\"intent\":\"order\"", "\"intent\":\"order\",\"dosageInstruction\":[{\"doseAndRate\":"
            + "[{\"doseQuantity\":{\"value\":155,\"unit\":\"Units\"}}]}]");
    Recommendation r = evaluate(patient(), ndc);
    assertThat(r.plannedUnits()).isEqualTo(155);
    assertThat(r.condition().name()).isEqualTo("CHRONIC_MIGRAINE");
  }

  @Test
  void failed_preventives_recorded_as_stopped_orders_meet_the_payer_criteria() {
    Mapping m = mapJson(MedicationHistoryTest.migraineRecord(
        syntheaRequest("topi", "stopped", "199888", "topiramate 25 MG Oral Tablet", "2022-01-10",
            MedicationHistoryTest.MIGRAINE),
        syntheaRequest("prop", "stopped", "856422", "Propranolol Hydrochloride 40 MG Oral Tablet",
            "2022-07-10", MedicationHistoryTest.MIGRAINE)), FhirIntakeMapper.Options.orders());
    Recommendation r = TestEngine.get().evaluate(m.intake()).recommendations().get(0);
    assertThat(reason(r, "PAYER_CRITERIA_NOT_MET")).isNull();
    // near miss: one class only falls short of the payer's two
    Mapping one = mapJson(MedicationHistoryTest.migraineRecord(
        syntheaRequest("topi", "stopped", "199888", "topiramate 25 MG Oral Tablet", "2022-01-10",
            MedicationHistoryTest.MIGRAINE)), FhirIntakeMapper.Options.orders());
    assertThat(reason(TestEngine.get().evaluate(one.intake()).recommendations().get(0),
        "PAYER_CRITERIA_NOT_MET")).isNotNull();
  }

  @Test
  void a_patient_who_died_in_1994_is_never_screened_as_a_candidate() {
    Mapping m = screen(MappingReportsTest.deceased("\"deceasedDateTime\":\"1994-08-12\""),
        condition("mig", coding(ICD, "G43.709")));
    assertThat(m.outcome()).isEqualTo(Mapping.Outcome.DECEASED);
    assertThat(m.intake()).isNull();
  }
}
