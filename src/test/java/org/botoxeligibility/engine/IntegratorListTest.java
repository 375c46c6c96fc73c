package org.botoxeligibility.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.EvaluationException;
import org.botoxeligibility.assessment.InvalidIntakeException;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.MedicalHistory;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.json.AssessmentWriter;
import org.botoxeligibility.json.IntakeReader;
import org.botoxeligibility.json.JsonAuditLog;
import org.botoxeligibility.knowledge.Catalog;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rest of an integrator's list, each as the misuse it is: null arguments are named where they
 * enter, a concern id cannot carry control or bidirectional characters and a weight cannot be
 * implausibly small (both ways in, with the same problem), and an audit sink that throws a checked
 * exception fails the evaluation as an {@link EvaluationException}.
 */
class IntegratorListTest {
  private final EligibilityEngine engine = TestEngine.get();
  private final IntakeReader reader = new IntakeReader(engine.validator());

  @TempDir
  Path dir;

  private static void named(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessage(message);
  }

  @Test
  void given_null_for_a_varargs_list_of_a_builder_then_the_list_is_named() {
    named(() -> MedicalHistory.builder().conditions((Comorbidity[]) null),
        "conditions must not be null");
    named(() -> MedicalHistory.builder().allergies((Allergy[]) null),
        "allergies must not be null");
    named(() -> MedicalHistory.builder().medications((Medication[]) null),
        "medications must not be null");
    named(() -> MedicalHistory.builder().infectionSites((Site[]) null),
        "infectionSites must not be null");
    named(() -> Concern.builder().sites((Site[]) null), "sites must not be null");
    named(() -> Intake.builder().treatments((TreatmentRecord[]) null),
        "treatments must not be null");
    named(() -> TreatmentRecord.builder().adverseReactions((AdverseReaction[]) null),
        "adverseReactions must not be null");
  }

  @Test
  void given_null_to_the_writer_the_catalog_or_the_audit_log_then_each_is_named() {
    AssessmentWriter writer = new AssessmentWriter();
    named(() -> writer.pretty(null), "assessment must not be null");
    named(() -> writer.compact((Assessment) null), "assessment must not be null");
    named(() -> writer.compactLine(null), "assessment must not be null");
    named(() -> writer.compact((org.botoxeligibility.assessment.Recommendation) null),
        "recommendation must not be null");
    Catalog catalog = engine.catalog();
    named(() -> catalog.icd10(null), "code must not be null");
    named(() -> catalog.entry(null), "code must not be null");
    named(() -> JsonAuditLog.appendingTo(null), "file must not be null");
    named(() -> JsonAuditLog.appendingTo(dir.resolve("a.ndjson"), null),
        "clock must not be null");
  }

  @Test
  void given_an_audit_sink_that_throws_a_checked_exception_then_the_evaluation_fails_as_its_own()
      throws Exception {
    AuditSink sneaky = (intake, assessment) -> IntegratorListTest.<RuntimeException>sneak(
        new IOException("disk full"));
    EligibilityEngine audited = EligibilityEngine.builder().audit(sneaky).build();

    assertThatThrownBy(() -> audited.evaluate(Intakes.with(ConditionCode.GLABELLAR_LINES)
        .build()))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("the audit trail could not record intake TEST-1")
        .hasCauseInstanceOf(IOException.class);
  }

  /** Throws a checked exception from code that declares none, as some libraries do. */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneak(Throwable t) throws T {
    throw (T) t;
  }

  private List<String> bothWaysIn(Intake intake, String json) {
    List<String> fromCode;
    try {
      engine.evaluate(intake);
      fromCode = List.of();
    } catch (InvalidIntakeException e) {
      fromCode = e.problems().stream().map(Problem::toString).toList();
    }
    List<String> fromJson = reader.read(json, Intakes.TODAY).problems().stream()
        .map(Problem::toString).toList();
    assertThat(fromJson).as("the JSON way in").isEqualTo(fromCode);
    return fromCode;
  }

  private static String withConcernId(String escapedId) {
    return "{\"intakeId\":\"ID-1\",\"assessmentDate\":\"2026-11-27\",\"patient\":{\"ageYears\":40},"
        + "\"concerns\":[{\"id\":\"" + escapedId + "\",\"condition\":\"GLABELLAR_LINES\"}],"
        + "\"medicalHistory\":{\"conditions\":[],\"allergies\":[],\"medications\":[]}}";
  }

  private static Intake withConcernIdInCode(String id) {
    return Intake.builder().intakeId("ID-1").assessmentDate(Intakes.TODAY)
        .patient(Patient.builder().ageYears(40).build())
        .concern(Concern.builder().id(id).condition(ConditionCode.GLABELLAR_LINES).build())
        .medicalHistory(MedicalHistory.none()).build();
  }

  @Test
  void given_a_concern_id_with_control_or_bidirectional_characters_then_both_ways_in_refuse_it() {
    String[][] ids = {{"c1\nINFO forged", "c1\\nINFO forged"}, {"c1\u202Eevil", "c1\\u202Eevil"},
        {"c\u0000", "c\\u0000"}, {"c\u2066x", "c\\u2066x"}, {"tab\tid", "tab\\tid"},
        {"c\u061C", "c\\u061C"}};
    for (String[] id : ids) {
      assertThat(bothWaysIn(withConcernIdInCode(id[0]), withConcernId(id[1]))).as(id[1])
          .containsExactly("$.concerns[0].id: must not hold control or bidirectional "
              + "characters");
    }
    assertThat(bothWaysIn(withConcernIdInCode("forehead-lines_2 (left)"),
        withConcernId("forehead-lines_2 (left)"))).isEmpty();
  }

  private static Intake weighing(double kg) {
    return Intake.builder().intakeId("ID-1").assessmentDate(Intakes.TODAY)
        .patient(Patient.builder().ageYears(8).weightKg(kg).build())
        .concern(Concern.builder().condition(ConditionCode.SPASTICITY).build())
        .medicalHistory(MedicalHistory.none()).build();
  }

  private static String weighingJson(String kg) {
    return "{\"intakeId\":\"ID-1\",\"assessmentDate\":\"2026-11-27\",\"patient\":{\"ageYears\":8,"
        + "\"weightKg\":" + kg + "},\"concerns\":[{\"condition\":\"SPASTICITY\"}],"
        + "\"medicalHistory\":{\"conditions\":[],\"allergies\":[],\"medications\":[]}}";
  }

  @Test
  void given_a_weight_below_the_lightest_plausible_patient_then_both_ways_in_refuse_it() {
    assertThat(bothWaysIn(weighing(0.19), weighingJson("0.19")))
        .containsExactly("$.patient.weightKg: must be at least 0.2 and at most 400, was 0.19");
    assertThat(bothWaysIn(weighing(1e-300), weighingJson("1e-300")))
        .containsExactly("$.patient.weightKg: must be at least 0.2 and at most 400, was 1.0E-300");
    assertThat(bothWaysIn(weighing(0.2), weighingJson("0.2"))).isEmpty();
    assertThat(bothWaysIn(weighing(400), weighingJson("400"))).isEmpty();
    assertThat(IntakeValidator.MIN_WEIGHT_KG).isEqualTo(0.2);
  }
}
