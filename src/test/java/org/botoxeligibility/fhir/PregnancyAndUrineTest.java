package org.botoxeligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.botoxeligibility.fhir.Bundles.*;
import static org.botoxeligibility.fhir.FieldMappingTest.intake;
import static org.botoxeligibility.fhir.Shapes.*;

import java.util.List;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Intake;
import org.junit.jupiter.api.Test;

/**
 * Pregnancy on the problem list, urine hCG, unconfirmed answers, and urine cultures
 * (docs/fhir-mapping.md §8 and its settled readings).
 */
class PregnancyAndUrineTest {
  static final String PREGNANT = "\"valueCodeableConcept\":" + concept(SCT, "77386006");
  static final String NOT_PREGNANT = "\"valueCodeableConcept\":" + concept(SCT, "60001007");
  static final String UNKNOWN = "\"valueCodeableConcept\":" + concept(LOINC, "LA4489-6");

  static String status(String id, int daysAgo, String value) {
    return obs(id, LOINC, "82810-3", days(daysAgo), value);
  }

  static Mapping mapped(String... resources) {
    Mapping m = map(resources);
    assertThat(m.problems()).isEmpty();
    return m;
  }

  // pregnancy on the problem list

  @Test
  void a_pregnancy_kept_on_the_problem_list_is_pregnant_within_300_days() {
    // Oracle Health keeps "Pregnant" (SNOMED CT 77386006) on the problem list
    Mapping m = mapped(patient(), order(),
        oracleProblem("preg", "77386006", "Pregnant", null, days(300)));
    assertThat(m.intake().patient().pregnant()).isTrue();
    assertThat(m.provenance()).containsEntry("/patient/pregnant", List.of("Condition/preg"));
    // near miss: 301 days old
    Mapping stale = mapped(patient(), order(),
        oracleProblem("preg", "77386006", "Pregnant", null, days(301)));
    assertThat(stale.intake().patient().pregnant()).isNull();
    assertThat(stale.provenance()).doesNotContainKey("/patient/pregnant");
  }

  @Test
  void synthea_normal_pregnancy_and_icd10cm_supervision_codes_are_pregnancies() {
    assertThat(mapped(patient(), order(), synthea("preg", "72892002",
        "Normal pregnancy (finding)", days(120))).intake().patient().pregnant()).isTrue();
    assertThat(mapped(patient(), order(), condition("preg", coding(ICD, "Z34.01"),
        "\"recordedDate\":\"" + days(10) + "\"")).intake().patient().pregnant()).isTrue();
    assertThat(mapped(patient(), order(), condition("preg", coding(ICD, "O09.891")))
        .intake().patient().pregnant()).isTrue();
  }

  @Test
  void a_postpartum_code_an_ended_pregnancy_or_a_refuted_one_is_not_a_pregnancy() {
    // ICD-10-CM Z39.2 routine postpartum follow-up; SNOMED CT 86569001 postpartum state
    assertThat(mapped(patient(), order(), condition("pp", coding(ICD, "Z39.2"),
        "\"recordedDate\":\"" + days(10) + "\"")).intake().patient().pregnant()).isNull();
    assertThat(mapped(patient(), order(), synthea("pp", "86569001", "Postpartum state",
        days(10))).intake().patient().pregnant()).isNull();
    // Synthea ends a pregnancy with clinicalStatus resolved and an abatement date
    assertThat(mapped(patient(), order(), synthea("preg", "72892002",
        "Normal pregnancy (finding)", days(200), "\"abatementDateTime\":\"" + days(20) + "\"")
        .replace("\"code\":\"active\"", "\"code\":\"resolved\"")).intake().patient().pregnant())
        .isNull();
    assertThat(mapped(patient(), order(), oracleProblem("preg", "77386006", "Pregnant", null,
        days(10)).replace("\"code\":\"confirmed\",\"display\":\"Confirmed\"",
        "\"code\":\"refuted\",\"display\":\"Refuted\"")).intake().patient().pregnant()).isNull();
  }

  @Test
  void only_a_newer_final_not_pregnant_answer_replaces_pregnant_and_on_the_same_day_pregnant_wins() {
    String problem = oracleProblem("preg", "77386006", "Pregnant", null, days(40));
    Mapping replaced = mapped(patient(), order(), problem, status("no", 5, NOT_PREGNANT));
    assertThat(replaced.intake().patient().pregnant()).isFalse();
    assertThat(replaced.provenance()).containsEntry("/patient/pregnant",
        List.of("Observation/no"));
    // the same day: pregnant wins
    assertThat(mapped(patient(), order(),
        oracleProblem("preg", "77386006", "Pregnant", null, days(5)), status("no", 5,
            NOT_PREGNANT)).intake().patient().pregnant()).isTrue();
    // a newer unknown answer never replaces pregnant
    assertThat(mapped(patient(), order(), problem, status("unk", 2, UNKNOWN)).intake()
        .patient().pregnant()).isTrue();
    // an older not-pregnant answer does not either
    assertThat(mapped(patient(), order(),
        oracleProblem("preg", "77386006", "Pregnant", null, days(3)), status("no", 10,
            NOT_PREGNANT)).intake().patient().pregnant()).isTrue();
  }

  @Test
  void a_newer_unconfirmed_pregnant_or_unknown_answer_makes_the_status_unknown() {
    String finalNo = status("no", 10, NOT_PREGNANT);
    Mapping m = mapped(patient(), order(), finalNo,
        status("pre", 2, PREGNANT).replace("\"final\"", "\"preliminary\""));
    assertThat(m.intake().patient().pregnant()).isNull();
    assertThat(m.provenance()).containsEntry("/patient/pregnant", List.of("Observation/pre"));
    assertThat(mapped(patient(), order(), finalNo,
        status("pre", 2, UNKNOWN).replace("\"final\"", "\"registered\"")).intake().patient()
        .pregnant()).isNull();
    // near misses: an older unconfirmed answer, or a newer unconfirmed "not pregnant"
    assertThat(mapped(patient(), order(), finalNo,
        status("pre", 12, PREGNANT).replace("\"final\"", "\"preliminary\"")).intake()
        .patient().pregnant()).isFalse();
    assertThat(mapped(patient(), order(), finalNo,
        status("pre", 2, NOT_PREGNANT).replace("\"final\"", "\"preliminary\"")).intake()
        .patient().pregnant()).isFalse();
  }

  @Test
  void a_urine_hcg_test_answers_within_30_days() {
    String positive = lab("hcg", "2106-3", "Choriogonadotropin (pregnancy test) [Presence] in "
        + "Urine", days(4), "POS");
    assertThat(mapped(patient(), order(), positive).intake().patient().pregnant()).isTrue();
    String negative = positive.replace("\"POS\"", "\"NEG\"");
    assertThat(mapped(patient(), order(), negative).intake().patient().pregnant()).isFalse();
    // a negative test newer than the problem-list pregnancy replaces it
    assertThat(mapped(patient(), order(), oracleProblem("preg", "77386006", "Pregnant", null,
        days(60)), negative).intake().patient().pregnant()).isFalse();
    // near miss: 31 days old
    assertThat(mapped(patient(), order(), positive.replace(days(4), days(31))).intake()
        .patient().pregnant()).isNull();
  }

  // urine cultures

  static String culture(String id, int daysAgo, String interpretation) {
    return lab(id, "630-4", "Bacteria identified in Urine by Culture", days(daysAgo),
        interpretation);
  }

  @Test
  void a_negative_urine_culture_within_the_window_excludes_a_urinary_infection_on_its_date() {
    Mapping m = mapped(patient(), bladderOrder(), culture("cx", 3, "NEG"));
    assertThat(m.intake().concerns().get(0).utiExcludedOn()).isEqualTo(TODAY.minusDays(3));
    assertThat(m.provenance()).containsEntry("/concerns/0/utiExcludedOn",
        List.of("Observation/cx"));
    assertThat(m.intake().medicalHistory().conditions()).isEmpty();
    assertThat(mapped(patient(), bladderOrder(), culture("cx", 3, "N")).intake().concerns()
        .get(0).utiExcludedOn()).isEqualTo(TODAY.minusDays(3));
    // near misses: outside the 90-day window; no interpretation (Synthea writes none)
    assertThat(mapped(patient(), bladderOrder(), culture("cx", 91, "NEG")).intake().concerns()
        .get(0).utiExcludedOn()).isNull();
    assertThat(mapped(patient(), bladderOrder(), culture("cx", 3, null)).intake().concerns()
        .get(0).utiExcludedOn()).isNull();
  }

  @Test
  void a_positive_urine_culture_is_an_active_infection_and_the_newest_culture_decides() {
    Mapping m = mapped(patient(), bladderOrder(), culture("neg", 20, "NEG"),
        culture("pos", 5, "POS"));
    Intake i = m.intake();
    assertThat(i.medicalHistory().conditions()).containsExactly(
        Comorbidity.URINARY_TRACT_INFECTION);
    assertThat(m.provenance()).containsEntry("/medicalHistory/conditions/0",
        List.of("Observation/pos"));
    assertThat(i.concerns().get(0).utiExcludedOn()).isNull();
    // near miss: the negative culture is the newer one
    Intake cleared = mapped(patient(), bladderOrder(), culture("pos", 20, "POS"),
        culture("neg", 5, "NEG")).intake();
    assertThat(cleared.medicalHistory().conditions()).isEmpty();
    assertThat(cleared.concerns().get(0).utiExcludedOn()).isEqualTo(TODAY.minusDays(5));
  }

  @Test
  void a_local_uti_excluded_observation_gives_its_date() {
    Intake i = intake(patient(), bladderOrder(), local("x", "uti-excluded", days(2),
        "\"valueBoolean\":true"));
    assertThat(i.concerns().get(0).utiExcludedOn()).isEqualTo(TODAY.minusDays(2));
    assertThat(intake(patient(), bladderOrder(), local("x", "uti-excluded", days(2),
        "\"valueBoolean\":false")).concerns().get(0).utiExcludedOn()).isNull();
    // the newer of a negative culture and the local observation
    assertThat(intake(patient(), bladderOrder(), local("x", "uti-excluded", days(8),
        "\"valueBoolean\":true"), culture("cx", 3, "NEG")).concerns().get(0).utiExcludedOn())
        .isEqualTo(TODAY.minusDays(3));
  }
}
