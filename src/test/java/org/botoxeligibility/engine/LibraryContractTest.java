package org.botoxeligibility.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.EligibilityException;
import org.botoxeligibility.assessment.InvalidIntakeException;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.MedicalHistory;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Sex;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.intake.Workflow;
import org.botoxeligibility.json.AssessmentReader;
import org.botoxeligibility.json.AssessmentWriter;
import org.botoxeligibility.json.IntakeReader;
import org.botoxeligibility.testing.TestEngine;
import org.junit.jupiter.api.Test;

/**
 * The library's contract for an application that builds intakes in code (issue: the library
 * keeps the same contract as JSON): missing is never read as "no", limits and dates hold, null
 * arguments fail at the entry with their name, and the builders give the intake the JSON gives.
 */
class LibraryContractTest {
  private static final LocalDate DATE = LocalDate.of(2026, 11, 27);
  private final EligibilityEngine engine = TestEngine.get();

  private static Intake.Builder glabella() {
    return Intake.builder().intakeId("LIB-1").assessmentDate(DATE)
        .patient(Patient.builder().ageYears(41).sex(Sex.MALE).build())
        .concern(Concern.builder().condition(ConditionCode.GLABELLAR_LINES).build())
        .medicalHistory(MedicalHistory.none());
  }

  @Test
  void given_a_medical_history_of_nulls_then_it_is_refused_never_read_as_nothing_reported() {
    Intake intake = glabella().medicalHistory(new MedicalHistory(null, null, null, null)).build();

    assertThatThrownBy(() -> engine.evaluate(intake))
        .isInstanceOfSatisfying(InvalidIntakeException.class, e -> assertThat(e.problems())
            .extracting(Problem::toString).containsExactly(
                "$.medicalHistory.conditions: is required (an empty list means none reported)",
                "$.medicalHistory.allergies: is required (an empty list means none reported)",
                "$.medicalHistory.medications: is required (an empty list means none reported)"));
  }

  @Test
  void given_a_history_built_without_asking_then_it_is_refused_and_noneReported_is_accepted() {
    assertThatThrownBy(() -> engine.evaluate(glabella()
        .medicalHistory(MedicalHistory.builder().allergies().medications().build()).build()))
        .isInstanceOf(InvalidIntakeException.class)
        .hasMessageContaining("$.medicalHistory.conditions");
    assertThat(engine.evaluate(glabella().medicalHistory(MedicalHistory.builder()
        .conditions().allergies().medications().build()).build()).recommendations()).hasSize(1);
  }

  @Test
  void given_8000_medications_built_in_code_then_they_are_refused_at_once_not_evaluated() {
    Intake intake = glabella().medicalHistory(MedicalHistory.builder().conditions().allergies()
        .medications(Collections.nCopies(8000, Medication.named("aspirin"))).build()).build();

    long start = System.nanoTime();
    assertThatThrownBy(() -> engine.evaluate(intake))
        .isInstanceOf(InvalidIntakeException.class)
        .hasMessageContaining("$.medicalHistory.medications");
    // not a timing test: a refusal, not a slow evaluation, is what is checked; the bound is loose
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Test
  void given_implausible_assessment_dates_then_they_are_refused() {
    for (LocalDate date : new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.MAX,
        LocalDate.of(1899, 12, 31), LocalDate.of(2200, 1, 1)}) {
      assertThatThrownBy(() -> engine.evaluate(glabella().assessmentDate(date).build()))
          .as(date.toString())
          .isInstanceOfSatisfying(InvalidIntakeException.class, e -> assertThat(e.problems())
              .anySatisfy(p -> assertThat(p.path()).isEqualTo("$.assessmentDate")));
    }
    assertThat(engine.evaluate(glabella().assessmentDate(LocalDate.of(1900, 1, 1)).build()))
        .isNotNull();
  }

  @Test
  void given_null_arguments_then_each_fails_at_the_entry_with_its_name() {
    assertThatThrownBy(() -> engine.evaluate(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("intake must not be null");
    assertThatThrownBy(() -> new IntakeReader(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("validator must not be null");
    IntakeReader reader = new IntakeReader(engine.validator());
    assertThatThrownBy(() -> reader.read(new byte[0], null))
        .isInstanceOf(NullPointerException.class).hasMessage("defaultDate must not be null");
    assertThatThrownBy(() -> reader.read((byte[]) null, DATE))
        .isInstanceOf(NullPointerException.class).hasMessage("json must not be null");
    assertThatThrownBy(() -> EligibilityEngine.builder().audit(null))
        .isInstanceOf(NullPointerException.class).hasMessage("sink must not be null");
    assertThatThrownBy(() -> EligibilityEngine.builder().addRules(null))
        .isInstanceOf(NullPointerException.class).hasMessage("folder must not be null");
    assertThatThrownBy(() -> EligibilityEngine.builder().tables((Path) null))
        .isInstanceOf(NullPointerException.class).hasMessage("folder must not be null");
  }

  @Test
  void given_an_intake_built_with_builders_then_it_is_assessed_as_its_json_is() throws Exception {
    Intake built = Intake.builder()
        .intakeId("INT-2026-0042")
        .patient(Patient.builder().ageYears(41).sex(Sex.FEMALE).pregnant(false)
            .breastfeeding(false).weightKg(63.5).build())
        .concern(Concern.builder().id("c1").condition(ConditionCode.CHRONIC_MIGRAINE)
            .headacheDaysPerMonth(18).migraineDaysPerMonth(10).headacheHoursPerDay(6)
            .monthsWithSymptoms(14).priorTherapiesFailed(2).build())
        .concern(Concern.builder().id("c2").condition(ConditionCode.GLABELLAR_LINES).build())
        .medicalHistory(MedicalHistory.builder().conditions().allergies()
            .medications(Medication.named("sumatriptan")).build())
        .treatment(TreatmentRecord.builder().date(LocalDate.of(2026, 6, 2))
            .condition(ConditionCode.CHRONIC_MIGRAINE).units(155).response(Response.GOOD).build())
        .workflow(Workflow.builder().medicalExaminationCompleted().diagnosisConfirmed().build())
        .assessmentDate(DATE)
        .build();
    String json = """
        {"intakeId":"INT-2026-0042","assessmentDate":"2026-11-27",
         "patient":{"ageYears":41,"sex":"FEMALE","pregnant":false,"breastfeeding":false,"weightKg":63.5},
         "concerns":[{"id":"c1","condition":"CHRONIC_MIGRAINE","headacheDaysPerMonth":18,
           "migraineDaysPerMonth":10,"headacheHoursPerDay":6,"monthsWithSymptoms":14,"priorTherapiesFailed":2},
           {"id":"c2","condition":"GLABELLAR_LINES"}],
         "medicalHistory":{"conditions":[],"allergies":[],"medications":[{"name":"sumatriptan"}]},
         "treatmentHistory":[{"date":"2026-06-02","condition":"CHRONIC_MIGRAINE","product":"ONABOTULINUMTOXINA",
           "units":155,"response":"GOOD","adverseReactions":[]}],
         "workflow":{"medicalExaminationCompleted":true,"diagnosisConfirmed":true,"prescriptionIssued":false}}
        """;
    IntakeReader.Result read = new IntakeReader(engine.validator()).read(json, DATE);
    AssessmentWriter writer = new AssessmentWriter();

    assertThat(writer.pretty(engine.evaluate(built)))
        .isEqualTo(writer.pretty(engine.evaluate(read.intake())));
  }

  @Test
  void given_an_assessment_written_then_the_reader_gives_it_back_equal() throws Exception {
    for (Path example : org.botoxeligibility.testing.Examples.files()) {
      byte[] json = Files.readAllBytes(org.botoxeligibility.testing.Examples.expected(example));
      Assessment a = new AssessmentReader().read(json);
      assertThat(new AssessmentWriter().pretty(a)).as(example.toString())
          .isEqualTo(new String(json, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> new AssessmentReader().read("{\"intakeId\":1}"))
        .isInstanceOf(EligibilityException.class).hasMessageContaining("$.intakeId");
  }

  @Test
  void given_control_characters_in_an_echoed_value_then_the_problem_escapes_them() {
    Intake intake = glabella().intakeId("bad\nINFO forged line\u202e").build();

    assertThatThrownBy(() -> engine.evaluate(intake))
        .isInstanceOfSatisfying(InvalidIntakeException.class, e -> {
          String printed = e.problems().get(0).toString();
          assertThat(printed).doesNotContain("\n").doesNotContain("\u202e")
              .contains("bad\\nINFO forged line\\u202E");
        });
  }

  @Test
  void every_exception_the_library_throws_on_purpose_shares_one_supertype() {
    assertThat(EligibilityException.class)
        .isAssignableFrom(InvalidIntakeException.class)
        .isAssignableFrom(org.botoxeligibility.assessment.EvaluationException.class)
        .isAssignableFrom(org.botoxeligibility.assessment.RulesBuildException.class)
        .isAssignableFrom(org.botoxeligibility.assessment.InvalidAssessmentException.class);
  }
}
