package org.botoxeligibility.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.intake.ConditionCode.SPASTICITY;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.restsOn;

import java.util.List;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/spasticity.drl (knowledge base 1.2): the airways precaution. */
final class SpasticityCases {
  private SpasticityCases() {}

  static List<RuleCase> cases() {
    return List.of(
        RuleCase.of("given an adult treated for spasticity, then bronchitis and upper respiratory infections call for care of the airways",
            Intakes.patient().concern(Concern.of("c1", SPASTICITY).withPlannedUnits(200)),
            a -> {
              var r = reason(a, "c1", "SPASTICITY_RESPIRATORY_RISK", ELIGIBLE_WITH_PRECAUTIONS, "bronchitis", "upper respiratory tract infections", "breathing");
              assertThat(r.source()).isEqualTo("BOTOX PI §5");
              assertThat(r.message()).doesNotContain("has respiratory compromise");
              restsOn(r, "/concerns/0/condition");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given respiratory compromise, when spasticity is assessed, then the precaution names it and the pulmonary effects reported",
            Intakes.patient().concern(Concern.of("c1", SPASTICITY).withPlannedUnits(200)).comorbidity(Comorbidity.RESPIRATORY_COMPROMISE),
            a -> {
              var r = reason(a, "c1", "SPASTICITY_RESPIRATORY_RISK", ELIGIBLE_WITH_PRECAUTIONS, "respiratory compromise", "pulmonary effects");
              restsOn(r, "/medicalHistory/conditions/0", "/concerns/0/condition");
            }),
        RuleCase.of("given respiratory compromise, when cervical dystonia is assessed, then no spasticity airways precaution (spasticity only)",
            Intakes.patient().concern(Intakes.dystonia("c1")).comorbidity(Comorbidity.RESPIRATORY_COMPROMISE),
            a -> noReason(a, "c1", "SPASTICITY_RESPIRATORY_RISK")));
  }
}
