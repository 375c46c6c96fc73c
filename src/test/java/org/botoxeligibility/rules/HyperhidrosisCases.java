package org.botoxeligibility.rules;

import static org.botoxeligibility.intake.ConditionCode.AXILLARY_HYPERHIDROSIS;
import static org.botoxeligibility.intake.ConditionCode.EXCESSIVE_SWEATING;
import static org.botoxeligibility.intake.ConditionCode.PALMAR_HYPERHIDROSIS;
import static org.botoxeligibility.intake.ConditionCode.PLANTAR_HYPERHIDROSIS;
import static org.botoxeligibility.intake.ConditionCode.SIALORRHEA;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.assessment.Effect.NEEDS_MEDICAL_EVALUATION;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;

import java.util.List;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/hyperhidrosis.drl: for each rule, a case where it applies and a near miss. */
final class HyperhidrosisCases {
  private HyperhidrosisCases() {}

  /** A sweating concern whose first-line and payer criteria are met; secondary cause as given. */
  private static Intakes sweating(ConditionCode condition, Boolean secondaryCauseExcluded) {
    return Intakes.patient().concern(Concern.of("c1", condition).withPriorTherapiesFailed(1)
        .withSecondaryCauseExcluded(secondaryCauseExcluded));
  }

  static List<RuleCase> cases() {
    return List.of(
        RuleCase.of("given axillary hyperhidrosis with secondaryCauseExcluded not given, then the hyperhidrosis secondary cause must be excluded first",
            sweating(AXILLARY_HYPERHIDROSIS, null),
            a -> {
              reason(a, "c1", "SECONDARY_CAUSE_NOT_EXCLUDED", NEEDS_MEDICAL_EVALUATION, "secondaryCauseExcluded is not given", "primary");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given axillary hyperhidrosis with secondaryCauseExcluded false, then the hyperhidrosis secondary cause is not excluded",
            sweating(AXILLARY_HYPERHIDROSIS, false),
            a -> {
              reason(a, "c1", "SECONDARY_CAUSE_NOT_EXCLUDED", NEEDS_MEDICAL_EVALUATION, "secondaryCauseExcluded is false");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given axillary hyperhidrosis with a secondary cause excluded and one failed topical therapy, then no hyperhidrosis secondary-cause reason and it is eligible",
            sweating(AXILLARY_HYPERHIDROSIS, true),
            a -> {
              noReason(a, "c1", "SECONDARY_CAUSE_NOT_EXCLUDED");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given palmar hyperhidrosis with secondaryCauseExcluded not given, then the hyperhidrosis secondary cause must be excluded first",
            sweating(PALMAR_HYPERHIDROSIS, null),
            a -> {
              reason(a, "c1", "SECONDARY_CAUSE_NOT_EXCLUDED", NEEDS_MEDICAL_EVALUATION, "not given");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given palmar hyperhidrosis with a secondary cause excluded, then only the off-label precaution remains",
            sweating(PALMAR_HYPERHIDROSIS, true),
            a -> {
              noReason(a, "c1", "SECONDARY_CAUSE_NOT_EXCLUDED");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given plantar hyperhidrosis with secondaryCauseExcluded false, then the hyperhidrosis secondary cause is not excluded",
            sweating(PLANTAR_HYPERHIDROSIS, false),
            a -> reason(a, "c1", "SECONDARY_CAUSE_NOT_EXCLUDED", NEEDS_MEDICAL_EVALUATION, "false")),
        RuleCase.of("given excessive sweating of the palms (alias), then it is classified and the hyperhidrosis secondary cause must be excluded",
            Intakes.patient().concern(Concern.of("c1", EXCESSIVE_SWEATING).withSites(List.of(Site.PALM))),
            a -> reason(a, "c1", "SECONDARY_CAUSE_NOT_EXCLUDED", NEEDS_MEDICAL_EVALUATION, "not given")),
        RuleCase.of("given excessive sweating without an area (alias unresolved), then no hyperhidrosis secondary-cause reason (no condition-specific criteria)",
            Intakes.with(EXCESSIVE_SWEATING),
            a -> noReason(a, "c1", "SECONDARY_CAUSE_NOT_EXCLUDED")),
        RuleCase.of("given drooling (another gland condition) with secondaryCauseExcluded not given, then no hyperhidrosis secondary-cause reason",
            Intakes.with(SIALORRHEA),
            a -> {
              noReason(a, "c1", "SECONDARY_CAUSE_NOT_EXCLUDED");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }));
  }
}
