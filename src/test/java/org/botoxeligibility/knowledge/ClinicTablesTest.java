package org.botoxeligibility.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Effect;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.RulesBuildException;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Knowledge base 1.2, clinic tables stay safe: a clinic's override row (--tables) is held to the
 * plausible range its table declares, so that an implausible number fails the build of the
 * knowledge base (naming file, line and column) instead of silently switching a rule off; and a
 * reason that rests on a clinic's number cites the clinic's source and says the number is local.
 */
class ClinicTablesTest {
  @TempDir
  Path dir;

  // ---- implausible overrides fail the build -----------------------------------------------------

  @ParameterizedTest(name = "{0} = {1} fails")
  @CsvSource({
      "retreatment_interval_days, -5, '84 to 365'",
      "retreatment_interval_days, 83, '84 to 365'",
      "cosmetic_retreatment_interval_days, 60, '90 to 365'",
      "chronic_migraine_min_headache_days, 99, '15 to 31'",
      "chronic_migraine_min_headache_days, 14, '15 to 31'",
      "adult_max_cumulative_units, 0, '1 to 400'",
      "adult_max_cumulative_units, 401, '1 to 400'",
      "uti_exclusion_max_age_days, 30, '1 to 7'",
      "cumulative_dose_window_days, 84, '90 to 365'"})
  void given_a_parameter_outside_its_plausible_range_then_the_knowledge_base_does_not_build(
      String name, int value, String range) throws IOException {
    Path file = override("parameters.tsv", name + "\t" + value + "\tdays\tNorth Clinic\t\t"
        + builtInRange("parameters.tsv", name));

    assertBuildFails(file, "line 2, column value", "plausible range, " + range + ", was " + value);
  }

  @Test
  void given_a_parameter_row_that_widens_its_plausible_range_then_the_knowledge_base_does_not_build()
      throws IOException {
    Path file = override("parameters.tsv",
        "retreatment_interval_days\t60\tdays\tNorth Clinic\t\t30\t365");

    assertBuildFails(file, "line 2, column plausible_min", "never widen it; was 30");
  }

  @Test
  void given_a_parameter_row_without_a_source_then_the_knowledge_base_does_not_build()
      throws IOException {
    Path file = override("parameters.tsv", "retreatment_interval_days\t90\tdays\t\t\t84\t365");

    assertBuildFails(file, "line 2, column source", "must not be empty");
  }

  @Test
  void given_a_label_dose_limit_of_zero_then_the_knowledge_base_does_not_build() throws IOException {
    Path file = override("dose-limits.tsv", "glabellar-lines\tGLABELLAR_LINES\t\t\t\t0\tper treatment"
        + "\t\t\t1\t20\tglabellar lines\tNorth Clinic\t");

    assertBuildFails(file, "line 2, column max_units", "plausible range, 1 to 20, was 0");
  }

  @Test
  void given_a_label_dose_limit_raised_above_the_label_then_the_knowledge_base_does_not_build()
      throws IOException {
    Path file = override("dose-limits.tsv", "glabellar-lines\tGLABELLAR_LINES\t\t\t\t30\tper treatment"
        + "\t\t\t1\t40\tglabellar lines\tNorth Clinic\t");

    assertBuildFails(file, "line 2, column plausible_max", "never widen it; was 40");
  }

  @Test
  void given_blepharospasm_window_shortened_then_the_knowledge_base_does_not_build() throws IOException {
    Path file = override("dose-limits.tsv", "blepharospasm\tBLEPHAROSPASM\t\t\t\t200\t\t7\t\t1\t200"
        + "\tblepharospasm\tNorth Clinic\t");

    assertBuildFails(file, "line 2, column window_days", "shorter than the built-in row's 30 days");
  }

  @Test
  void given_a_paediatric_maximum_raised_above_the_label_then_the_knowledge_base_does_not_build()
      throws IOException {
    Path file = override("paediatric-dose-limits.tsv", "spasticity-upper-limb\tSPASTICITY\tUPPER_LIMB"
        + "\tLOWER_LIMB\t6\t250\tupper limb spasticity\tNorth Clinic\tyes");

    assertBuildFails(file, "line 2, column max_units", "never raise it above the built-in 200");
  }

  @Test
  void given_a_minimum_age_lowered_then_the_knowledge_base_does_not_build() throws IOException {
    String row = builtInRow("conditions.tsv", "GLABELLAR_LINES").replace("\tC\tON_LABEL\tMUSCLE\t18\t",
        "\tC\tON_LABEL\tMUSCLE\t16\t");
    Path file = override("conditions.tsv", row);

    assertBuildFails(file, "line 2, column minimum_age", "never lower it below the built-in 18");
  }

  // ---- a reason resting on a clinic's number says so ---------------------------------------------

  @Test
  void given_a_local_retreatment_interval_then_the_reason_cites_the_clinic_and_says_the_number_is_local()
      throws IOException {
    override("parameters.tsv", "retreatment_interval_days\t90\tdays\tNorth Clinic protocol 4.2\t\t84\t365");
    EligibilityEngine local = EligibilityEngine.builder().tables(dir).build();
    var intake = Intakes.patient().concern(Intakes.chronicMigraine("c1"))
        .treated(85, ConditionCode.CHRONIC_MIGRAINE, 155, Response.GOOD).build();

    Reason r = reason(local.evaluate(intake), "c1", "RETREATMENT_INTERVAL", Effect.DEFERRED,
        "at least 90 days apart", "A local number of this clinic, not the label's: "
            + "retreatment_interval_days = 90 (North Clinic protocol 4.2)");
    assertThat(r.source()).isEqualTo("North Clinic protocol 4.2 (local)");
    assertThat(local.knowledgeBaseVersion()).startsWith(KnowledgeBaseResources.version() + "+local.");

    Assessment builtIn = TestEngine.get().evaluate(intake);
    noReason(builtIn, "c1", "RETREATMENT_INTERVAL");
  }

  @Test
  void given_a_local_criterion_among_label_ones_then_the_reason_cites_both_sources() throws IOException {
    override("parameters.tsv", "chronic_migraine_min_headache_days\t16\theadache days a month"
        + "\tNorth Clinic\t\t15\t31");
    EligibilityEngine local = EligibilityEngine.builder().tables(dir).build();

    Reason r = reason(local.evaluate(Intakes.patient().concern(Intakes.chronicMigraine("c1")).build()),
        "c1", "CHRONIC_MIGRAINE_CRITERIA_MET", Effect.ELIGIBLE, "16 or more headache days",
        "chronic_migraine_min_headache_days = 16 (North Clinic)");
    assertThat(r.source()).startsWith("North Clinic (local); BOTOX PI §1");
  }

  @Test
  void given_a_local_label_dose_limit_then_dose_above_label_cites_the_clinic_and_says_the_number_is_local()
      throws IOException {
    override("dose-limits.tsv", "glabellar-lines\tGLABELLAR_LINES\t\t\t\t16\tper treatment"
        + "\t\t\t1\t20\tglabellar lines\tNorth Clinic aesthetics standard\t");
    EligibilityEngine local = EligibilityEngine.builder().tables(dir).build();
    var intake = Intakes.patient().concern(Concern.of("c1", ConditionCode.GLABELLAR_LINES)
        .withPlannedUnits(18)).build();

    Reason r = reason(local.evaluate(intake), "c1", "DOSE_ABOVE_LABEL", Effect.NOT_ELIGIBLE,
        "18 units", "16 units per treatment", "a local number of this clinic");
    assertThat(r.source()).isEqualTo("North Clinic aesthetics standard (local)");
    noReason(TestEngine.get().evaluate(intake), "c1", "DOSE_ABOVE_LABEL");
  }

  @Test
  void given_a_local_paediatric_maximum_then_the_paediatric_reason_says_it_is_local() throws IOException {
    override("paediatric-dose-limits.tsv", "spasticity-upper-limb\tSPASTICITY\tUPPER_LIMB"
        + "\tLOWER_LIMB\t5\t150\tupper limb spasticity\tNorth Clinic paediatrics\tyes");
    EligibilityEngine local = EligibilityEngine.builder().tables(dir).build();
    var intake = Intakes.patient().concern(Concern.of("c1", ConditionCode.SPASTICITY)
        .withSites(List.of(Site.UPPER_LIMB)).withPlannedUnits(110)).age(8).weightKg(20.0).build();

    Reason r = reason(local.evaluate(intake), "c1", "PAEDIATRIC_DOSE_LIMIT",
        Effect.NEEDS_MEDICAL_EVALUATION, "110 units", "5 units/kg (100 units)",
        "local number of this clinic (North Clinic paediatrics)");
    assertThat(r.source()).isEqualTo("North Clinic paediatrics (local)");
    noReason(TestEngine.get().evaluate(intake), "c1", "PAEDIATRIC_DOSE_LIMIT");
  }

  @Test
  void given_a_stricter_local_infection_check_then_the_missing_information_says_the_number_is_local()
      throws IOException {
    override("parameters.tsv", "uti_exclusion_max_age_days\t3\tdays\tNorth Clinic urology\tyes\t1\t7");
    EligibilityEngine local = EligibilityEngine.builder().tables(dir).build();
    var intake = Intakes.patient().concern(Intakes.bladder("c1", ConditionCode.OVERACTIVE_BLADDER)
        .toBuilder().utiExcludedOn(Intakes.TODAY.minusDays(5)).build()).build();

    Reason r = reason(local.evaluate(intake), "c1", "MISSING_INFORMATION",
        Effect.NEEDS_MEDICAL_EVALUATION, "5 days", "at most 3 days",
        "uti_exclusion_max_age_days = 3 (North Clinic urology)");
    assertThat(r.source()).isEqualTo("North Clinic urology (local)");
    noReason(TestEngine.get().evaluate(intake), "c1", "MISSING_INFORMATION");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private Path override(String table, String row) throws IOException {
    return Files.writeString(dir.resolve(table), header(table) + "\n" + row + "\n");
  }

  private void assertBuildFails(Path file, String... words) {
    assertThatThrownBy(() -> EligibilityEngine.builder().tables(dir).build())
        .isInstanceOf(RulesBuildException.class)
        .satisfies(e -> assertThat(((RulesBuildException) e).errors().toString())
            .contains(file.toString()).contains(words));
  }

  private static String header(String table) throws IOException {
    return Files.readAllLines(Path.of("rules", table)).stream()
        .filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
  }

  private static String builtInRow(String table, String key) throws IOException {
    return Files.readAllLines(Path.of("rules", table)).stream()
        .filter(l -> l.startsWith(key + "\t")).findFirst().orElseThrow();
  }

  private static String builtInRange(String table, String key) throws IOException {
    String[] cells = builtInRow(table, key).split("\t", -1);
    return cells[cells.length - 2] + "\t" + cells[cells.length - 1];
  }
}
