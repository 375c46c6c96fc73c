package org.botoxeligibility.rules;

import static org.botoxeligibility.intake.ConditionCode.CERVICAL_DYSTONIA;
import static org.botoxeligibility.intake.ConditionCode.NEUROGENIC_DETRUSOR_OVERACTIVITY;
import static org.botoxeligibility.intake.ConditionCode.OVERACTIVE_BLADDER;
import static org.botoxeligibility.assessment.Effect.DEFERRED;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.NOT_ELIGIBLE;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/bladder.drl: for each rule, a case where it applies and a near miss. */
final class BladderCases {
  private BladderCases() {}

  static List<RuleCase> cases() {
    return List.of(
        RuleCase.of("given a urinary tract infection, when a neurogenic bladder injection is assessed, then it is deferred without a date until the infection is treated",
            Intakes.with(NEUROGENIC_DETRUSOR_OVERACTIVITY).comorbidity(Comorbidity.URINARY_TRACT_INFECTION),
            a -> {
              reason(a, "c1", "URINARY_TRACT_INFECTION", DEFERRED, "urinary tract infection", "no date");
              decision(a, "c1", DEFERRED);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given a urinary tract infection, when an overactive bladder injection is assessed, then it is deferred for the infection",
            Intakes.patient().concern(Concern.of("c1", OVERACTIVE_BLADDER).withPriorTherapiesFailed(1))
                .comorbidity(Comorbidity.URINARY_TRACT_INFECTION),
            a -> {
              reason(a, "c1", "URINARY_TRACT_INFECTION", DEFERRED, "urinary tract infection");
              decision(a, "c1", DEFERRED);
            }),
        RuleCase.of("given a urinary tract infection, when a concern outside the bladder is assessed, then the infection does not defer it",
            Intakes.with(CERVICAL_DYSTONIA).comorbidity(Comorbidity.URINARY_TRACT_INFECTION),
            a -> {
              noReason(a, "c1", "URINARY_TRACT_INFECTION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given no urinary tract infection, when a neurogenic bladder injection is assessed, then no urinary tract infection reason",
            Intakes.with(NEUROGENIC_DETRUSOR_OVERACTIVITY),
            a -> {
              noReason(a, "c1", "URINARY_TRACT_INFECTION");
              noReason(a, "c1", "URINARY_RETENTION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given urinary retention, when a neurogenic bladder injection is assessed, then urinary retention rules it out",
            Intakes.with(NEUROGENIC_DETRUSOR_OVERACTIVITY).comorbidity(Comorbidity.URINARY_RETENTION),
            a -> {
              reason(a, "c1", "URINARY_RETENTION", NOT_ELIGIBLE, "urinary retention");
              noReason(a, "c1", "URINARY_TRACT_INFECTION");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given urinary retention, when an overactive bladder injection is assessed, then urinary retention rules it out",
            Intakes.patient().concern(Concern.of("c1", OVERACTIVE_BLADDER).withPriorTherapiesFailed(1))
                .comorbidity(Comorbidity.URINARY_RETENTION),
            a -> {
              reason(a, "c1", "URINARY_RETENTION", NOT_ELIGIBLE, "urinary retention");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given urinary retention, when a concern outside the bladder is assessed, then urinary retention does not rule it out",
            Intakes.with(CERVICAL_DYSTONIA).comorbidity(Comorbidity.URINARY_RETENTION),
            a -> {
              noReason(a, "c1", "URINARY_RETENTION");
              decision(a, "c1", ELIGIBLE);
            }));
  }
}
