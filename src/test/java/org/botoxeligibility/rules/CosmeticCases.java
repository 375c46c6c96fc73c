package org.botoxeligibility.rules;

import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.Concern;
import static org.botoxeligibility.intake.ConditionCode.FOREHEAD_LINES;
import static org.botoxeligibility.intake.ConditionCode.GLABELLAR_LINES;
import static org.botoxeligibility.intake.ConditionCode.LATERAL_CANTHAL_LINES;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.assessment.Effect.NEEDS_MEDICAL_EVALUATION;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/cosmetic.drl: for each rule, a case where it applies and a near miss. */
final class CosmeticCases {
  private CosmeticCases() {}

  static List<RuleCase> cases() {
    return List.of(
        // Body dysmorphic disorder needs evaluation before cosmetic treatment
        RuleCase.of("given body dysmorphic disorder, when a cosmetic concern is assessed, then a mental-health evaluation is needed",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.BODY_DYSMORPHIC_DISORDER),
            a -> {
              reason(a, "c1", "BODY_DYSMORPHIC_DISORDER", NEEDS_MEDICAL_EVALUATION,
                  "body dysmorphic disorder", "mental-health evaluation");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
              assertThat(recommendation(a, "c1").readyToBook()).isFalse();
            }),
        RuleCase.of("given body dysmorphic disorder, when a therapeutic concern is assessed, then no body dysmorphic reason (cosmetic only)",
            Intakes.patient().concern(Intakes.chronicMigraine("c1"))
                .comorbidity(Comorbidity.BODY_DYSMORPHIC_DISORDER),
            a -> {
              noReason(a, "c1", "BODY_DYSMORPHIC_DISORDER");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given body dysmorphic disorder and a cosmetic and a therapeutic concern, when both are assessed, then only the cosmetic one needs evaluation",
            Intakes.with(GLABELLAR_LINES).concern(Intakes.chronicMigraine("c2"))
                .comorbidity(Comorbidity.BODY_DYSMORPHIC_DISORDER),
            a -> {
              reason(a, "c1", "BODY_DYSMORPHIC_DISORDER", NEEDS_MEDICAL_EVALUATION,
                  "body dysmorphic disorder");
              noReason(a, "c2", "BODY_DYSMORPHIC_DISORDER");
              decision(a, "c2", ELIGIBLE);
            }),

        // Forehead lines are treated together with glabellar lines
        RuleCase.of("given forehead lines without glabellar lines, when they are assessed, then treating them together is advised as a precaution",
            Intakes.with(FOREHEAD_LINES),
            a -> {
              reason(a, "c1", "FOREHEAD_WITHOUT_GLABELLAR", ELIGIBLE_WITH_PRECAUTIONS,
                  "Forehead lines", "without glabellar lines", "brow ptosis");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given forehead lines with crow's feet but no glabellar lines, when they are assessed, then treating them together is still advised",
            Intakes.with(FOREHEAD_LINES).concern("c2", LATERAL_CANTHAL_LINES),
            a -> {
              reason(a, "c1", "FOREHEAD_WITHOUT_GLABELLAR", ELIGIBLE_WITH_PRECAUTIONS,
                  "without glabellar lines");
              noReason(a, "c2", "FOREHEAD_WITHOUT_GLABELLAR");
            }),
        RuleCase.of("given forehead lines together with glabellar lines, when they are assessed, then no forehead-alone precaution",
            Intakes.with(FOREHEAD_LINES).concern("c2", GLABELLAR_LINES),
            a -> {
              noReason(a, "c1", "FOREHEAD_WITHOUT_GLABELLAR");
              noReason(a, "c2", "FOREHEAD_WITHOUT_GLABELLAR");
              decision(a, "c1", ELIGIBLE);
              decision(a, "c2", ELIGIBLE);
            }),
        RuleCase.of("given glabellar lines alone, when they are assessed, then no forehead-alone precaution",
            Intakes.with(GLABELLAR_LINES),
            a -> noReason(a, "c1", "FOREHEAD_WITHOUT_GLABELLAR")),
        RuleCase.of("given forehead lines whose given sites include the glabella, without a glabellar lines concern, then no forehead-without-glabellar precaution",
            Intakes.patient().concern(Concern.of("c1", FOREHEAD_LINES).withSites(List.of(Site.FOREHEAD, Site.GLABELLA))),
            a -> {
              noReason(a, "c1", "FOREHEAD_WITHOUT_GLABELLAR");
              decision(a, "c1", ELIGIBLE);
            }));
  }
}
