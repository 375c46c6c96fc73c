package org.botoxeligibility.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.botoxeligibility.assessment.InvalidIntakeException;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.TestEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Knowledge base 1.2: ICD-10-CM codes that name another disorder than the catalog condition their
 * prefix covers (rules/icd10-exclusions.tsv) map to no condition, and an intake that gives one is
 * refused with a problem that names why; the codes beside them still map.
 */
class Icd10ExclusionsTest {

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(delimiter = '|', value = {
      "N31.2  | flaccid neuropathic bladder",
      "n312   | flaccid neuropathic bladder",
      "G80.3  | athetoid cerebral palsy",
      "G80.4  | ataxic cerebral palsy",
      "G83.4  | cauda equina syndrome",
      "G83.5  | locked-in state",
      "K11.7  | also covers dry mouth"})
  void given_a_code_that_no_longer_maps_when_an_intake_gives_it_then_it_is_an_input_problem_naming_why(
      String code, String why) {
    assertThatThrownBy(() -> TestEngine.get().evaluate(withCode(code)))
        .isInstanceOf(InvalidIntakeException.class)
        .satisfies(e -> {
          List<Problem> problems = ((InvalidIntakeException) e).problems();
          assertThat(problems).hasSize(1);
          assertThat(problems.get(0).path()).isEqualTo("$.concerns[0].icd10");
          assertThat(problems.get(0).message()).contains(why).contains(code);
        });
    assertThat(TestEngine.get().catalog().icd10(code).found()).isFalse();
  }

  @ParameterizedTest(name = "{0} maps to {1}")
  @CsvSource(delimiter = '|', value = {
      "N31.0  | NEUROGENIC_DETRUSOR_OVERACTIVITY",
      "N31.1  | NEUROGENIC_DETRUSOR_OVERACTIVITY",
      "N31.8  | NEUROGENIC_DETRUSOR_OVERACTIVITY",
      "N31.9  | NEUROGENIC_DETRUSOR_OVERACTIVITY",
      "G80.1  | SPASTICITY",
      "G80.2  | SPASTICITY",
      "G83.2  | SPASTICITY",
      "G83.89 | SPASTICITY"})
  void given_a_code_beside_an_excluded_one_then_it_still_maps(String code, ConditionCode expected) {
    assertThat(TestEngine.get().catalog().icd10(code).condition()).isEqualTo(expected);
    assertThat(TestEngine.get().evaluate(withCode(code)).recommendations().get(0).condition())
        .isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void given_the_bare_category_n31_then_it_is_not_specific_enough_since_n31_2_is_excluded() {
    assertThat(TestEngine.get().catalog().icd10("N31").problem())
        .contains("not specific enough");
  }

  private static org.botoxeligibility.intake.Intake withCode(String code) {
    return Intakes.patient().concern(Concern.builder().id("c1").icd10(code).build()).build();
  }
}
