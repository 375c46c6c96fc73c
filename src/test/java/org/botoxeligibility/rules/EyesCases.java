package org.botoxeligibility.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.intake.ConditionCode.BLEPHAROSPASM;
import static org.botoxeligibility.intake.ConditionCode.LATERAL_CANTHAL_LINES;
import static org.botoxeligibility.intake.ConditionCode.STRABISMUS;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.restsOn;

import java.util.List;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/eyes.drl: for each rule, a case where it applies and a near miss. */
final class EyesCases {
  private EyesCases() {}

  static List<RuleCase> cases() {
    return List.of(
        RuleCase.of("given blepharospasm, when it is assessed, then reduced blinking can expose the cornea: protective drops, ointment or shields",
            Intakes.with(BLEPHAROSPASM),
            a -> {
              var r = reason(a, "c1", "CORNEAL_EXPOSURE_RISK", ELIGIBLE_WITH_PRECAUTIONS, "blinking", "cornea", "ointment", "surgery");
              assertThat(r.source()).isEqualTo("BOTOX PI §5");
              restsOn(r, "/concerns/0/condition");
              noReason(a, "c1", "RETROBULBAR_HAEMORRHAGE_RISK");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given crow's feet around the eyes, when they are assessed, then no corneal exposure precaution (blepharospasm only)",
            Intakes.with(LATERAL_CANTHAL_LINES),
            a -> noReason(a, "c1", "CORNEAL_EXPOSURE_RISK")),
        RuleCase.of("given strabismus, when it is assessed, then a retrobulbar haemorrhage can compromise the retina: the means to decompress the orbit at hand",
            Intakes.with(STRABISMUS),
            a -> {
              var r = reason(a, "c1", "RETROBULBAR_HAEMORRHAGE_RISK", ELIGIBLE_WITH_PRECAUTIONS, "retrobulbar haemorrhage", "retinal", "decompress the orbit");
              assertThat(r.source()).isEqualTo("BOTOX PI §5");
              restsOn(r, "/concerns/0/condition");
              noReason(a, "c1", "CORNEAL_EXPOSURE_RISK");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given strabismus coded as ICD-10-CM H50.0, then the precaution points to the code as given",
            Intakes.patient().concern(org.botoxeligibility.intake.Concern.builder().id("c1").icd10("H50.0").build()),
            a -> restsOn(reason(a, "c1", "RETROBULBAR_HAEMORRHAGE_RISK", ELIGIBLE_WITH_PRECAUTIONS, "Strabismus"), "/concerns/0/icd10")),
        RuleCase.of("given blepharospasm, when it is assessed, then no retrobulbar haemorrhage precaution (strabismus only)",
            Intakes.with(BLEPHAROSPASM),
            a -> noReason(a, "c1", "RETROBULBAR_HAEMORRHAGE_RISK")),

        RuleCase.of("given strabismus, then the retrobulbar haemorrhage precaution asks for a re-examination 7 to 14 days after each injection (1.2)",
            Intakes.with(STRABISMUS),
            a -> reason(a, "c1", "RETROBULBAR_HAEMORRHAGE_RISK", ELIGIBLE_WITH_PRECAUTIONS, "re-examine", "7 to 14 days after each injection")));
  }
}
