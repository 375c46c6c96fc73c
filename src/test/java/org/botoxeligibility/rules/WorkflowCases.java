package org.botoxeligibility.rules;

import static org.botoxeligibility.intake.ConditionCode.CERVICAL_DYSTONIA;
import static org.botoxeligibility.intake.ConditionCode.GLABELLAR_LINES;
import static org.botoxeligibility.assessment.Effect.DEFERRED;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.assessment.Effect.NEEDS_MEDICAL_EVALUATION;
import static org.botoxeligibility.assessment.Requirement.CONFIRMED_DIAGNOSIS;
import static org.botoxeligibility.assessment.Requirement.MEDICAL_EXAMINATION;
import static org.botoxeligibility.assessment.Requirement.PRESCRIPTION;
import static org.botoxeligibility.testing.Intakes.TODAY;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.reasons;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.assessment.Effect;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/workflow.drl: for each rule, a case where it applies and a near miss. */
final class WorkflowCases {
  private WorkflowCases() {}

  static List<RuleCase> cases() {
    return List.of(
        RuleCase.of("given a therapeutic concern whose medical examination is not completed, then the workflow needs the examination before booking",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).workflow(false, true, true),
            a -> {
              reason(a, "c1", "MEDICAL_EVALUATION_REQUIRED", NEEDS_MEDICAL_EVALUATION, "medicalExaminationCompleted");
              noReason(a, "c1", "PRESCRIPTION_REQUIRED");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
              assertThat(recommendation(a, "c1").outstandingRequirements()).containsExactly(MEDICAL_EXAMINATION);
              assertThat(recommendation(a, "c1").readyToBook()).isFalse();
            }),
        RuleCase.of("given a therapeutic concern whose diagnosis is not confirmed, then the workflow needs the confirmed diagnosis before booking",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).workflow(true, false, true),
            a -> {
              reason(a, "c1", "MEDICAL_EVALUATION_REQUIRED", NEEDS_MEDICAL_EVALUATION, "diagnosisConfirmed");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
              assertThat(recommendation(a, "c1").outstandingRequirements()).containsExactly(CONFIRMED_DIAGNOSIS);
              assertThat(recommendation(a, "c1").readyToBook()).isFalse();
            }),
        RuleCase.of("given a therapeutic concern without a prescription, then the workflow lists the prescription as outstanding but the decision stays eligible and it is not ready to book",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).workflow(true, true, false),
            a -> {
              reason(a, "c1", "PRESCRIPTION_REQUIRED", ELIGIBLE, "prescriptionIssued");
              noReason(a, "c1", "MEDICAL_EVALUATION_REQUIRED");
              decision(a, "c1", ELIGIBLE);
              assertThat(recommendation(a, "c1").outstandingRequirements()).containsExactly(PRESCRIPTION);
              assertThat(recommendation(a, "c1").readyToBook()).isFalse();
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isEqualTo(TODAY);
            }),
        RuleCase.of("given a therapeutic concern with no workflow step done, then the workflow lists all three requirements and two evaluation reasons",
            Intakes.patient().concern(Intakes.dystonia("c1")).workflow(false, false, false),
            a -> {
              assertThat(reasons(a, "c1", "MEDICAL_EVALUATION_REQUIRED")).hasSize(2)
                  .allSatisfy(r -> assertThat(r.effect()).isEqualTo(Effect.NEEDS_MEDICAL_EVALUATION));
              reason(a, "c1", "PRESCRIPTION_REQUIRED", ELIGIBLE, "prescriptionIssued");
              assertThat(recommendation(a, "c1").outstandingRequirements())
                  .containsExactly(MEDICAL_EXAMINATION, CONFIRMED_DIAGNOSIS, PRESCRIPTION);
              assertThat(recommendation(a, "c1").readyToBook()).isFalse();
            }),
        RuleCase.of("given a therapeutic concern with every workflow step done and nothing restricting, then the workflow has nothing outstanding and it is ready to book",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")),
            a -> {
              noReason(a, "c1", "MEDICAL_EVALUATION_REQUIRED");
              noReason(a, "c1", "PRESCRIPTION_REQUIRED");
              decision(a, "c1", ELIGIBLE);
              assertThat(recommendation(a, "c1").outstandingRequirements()).isEmpty();
              assertThat(recommendation(a, "c1").readyToBook()).isTrue();
            }),
        RuleCase.of("given a cosmetic concern with no workflow step done, then the workflow has no requirements for it and it is ready to book",
            Intakes.with(GLABELLAR_LINES).workflow(false, false, false),
            a -> {
              noReason(a, "c1", "MEDICAL_EVALUATION_REQUIRED");
              noReason(a, "c1", "PRESCRIPTION_REQUIRED");
              decision(a, "c1", ELIGIBLE);
              assertThat(recommendation(a, "c1").outstandingRequirements()).isEmpty();
              assertThat(recommendation(a, "c1").readyToBook()).isTrue();
            }),
        RuleCase.of("given a cosmetic and a therapeutic concern with no prescription, then the workflow requirement applies only to the therapeutic one",
            Intakes.with(GLABELLAR_LINES).concern(Intakes.dystonia("c2")).workflow(true, true, false),
            a -> {
              noReason(a, "c1", "PRESCRIPTION_REQUIRED");
              assertThat(recommendation(a, "c1").readyToBook()).isTrue();
              reason(a, "c2", "PRESCRIPTION_REQUIRED", ELIGIBLE, "prescriptionIssued");
              assertThat(recommendation(a, "c2").outstandingRequirements()).containsExactly(PRESCRIPTION);
              assertThat(recommendation(a, "c2").readyToBook()).isFalse();
            }),
        RuleCase.of("given a therapeutic concern with every workflow step done and a precaution, then it is ready to book with precautions",
            Intakes.patient().concern(Intakes.dystonia("c1")).medication("baclofen"),
            a -> {
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
              assertThat(recommendation(a, "c1").outstandingRequirements()).isEmpty();
              assertThat(recommendation(a, "c1").readyToBook()).isTrue();
            }),
        RuleCase.of("given a therapeutic concern with every workflow step done that needs evaluation, then nothing is outstanding in the workflow but it is not ready to book",
            Intakes.patient().concern(Intakes.chronicMigraine("c1").withHeadache(18, 10, null, 14)),
            a -> {
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
              assertThat(recommendation(a, "c1").outstandingRequirements()).isEmpty();
              assertThat(recommendation(a, "c1").readyToBook()).isFalse();
            }),
        RuleCase.of("given a cosmetic concern deferred by a recent treatment, then the workflow has nothing outstanding but it is not ready to book",
            Intakes.with(GLABELLAR_LINES).treated(40, GLABELLAR_LINES, 20, Response.GOOD),
            a -> {
              decision(a, "c1", DEFERRED);
              assertThat(recommendation(a, "c1").outstandingRequirements()).isEmpty();
              assertThat(recommendation(a, "c1").readyToBook()).isFalse();
            }));
  }
}
