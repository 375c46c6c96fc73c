package org.botoxeligibility.rules;

import static org.botoxeligibility.intake.ConditionCode.AXILLARY_HYPERHIDROSIS;
import static org.botoxeligibility.intake.ConditionCode.CERVICAL_DYSTONIA;
import static org.botoxeligibility.intake.ConditionCode.EXCESSIVE_SWEATING;
import static org.botoxeligibility.intake.ConditionCode.NEUROGENIC_DETRUSOR_OVERACTIVITY;
import static org.botoxeligibility.intake.ConditionCode.OVERACTIVE_BLADDER;
import static org.botoxeligibility.intake.ConditionCode.PALMAR_HYPERHIDROSIS;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.assessment.Insurance.CRITERIA_NOT_MET;
import static org.botoxeligibility.assessment.Insurance.LIKELY_COVERED;
import static org.botoxeligibility.assessment.Insurance.UNLIKELY;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/prior-therapy.drl: for each rule, a case where it applies and a near miss. */
final class PriorTherapyCases {
  private PriorTherapyCases() {}

  /** A concern with the given number of failed prior therapies (null: not given); a secondary cause excluded. */
  private static Intakes tried(ConditionCode condition, Integer priorTherapiesFailed) {
    // bladder facts that leave the retention and infection rules nothing to say
    return Intakes.patient().concern(Concern.of("c1", condition)
        .withPriorTherapiesFailed(priorTherapiesFailed).withSecondaryCauseExcluded(true)
        .withBladder(50.0, true).toBuilder().utiExcludedOn(Intakes.TODAY).build());
  }

  private static Intakes migraineTried(Integer priorTherapiesFailed) {
    return Intakes.patient().concern(Intakes.chronicMigraine("c1").withPriorTherapiesFailed(priorTherapiesFailed));
  }

  static List<RuleCase> cases() {
    return List.of(
        // First-line therapy before toxin: axillary hyperhidrosis and overactive bladder.
        RuleCase.of("given axillary hyperhidrosis with priorTherapiesFailed not given, then first-line topical therapy comes before toxin",
            tried(AXILLARY_HYPERHIDROSIS, null),
            a -> {
              reason(a, "c1", "FIRST_LINE_THERAPY_NOT_TRIED", ELIGIBLE_WITH_PRECAUTIONS, "priorTherapiesFailed is not given", "topical agents");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given axillary hyperhidrosis with 0 prior therapies failed, then first-line topical therapy comes before toxin",
            tried(AXILLARY_HYPERHIDROSIS, 0),
            a -> {
              reason(a, "c1", "FIRST_LINE_THERAPY_NOT_TRIED", ELIGIBLE_WITH_PRECAUTIONS, "priorTherapiesFailed is 0", "topical agents");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given axillary hyperhidrosis with 1 prior therapy failed, then first-line therapy has been tried and payer criteria are met",
            tried(AXILLARY_HYPERHIDROSIS, 1),
            a -> {
              noReason(a, "c1", "FIRST_LINE_THERAPY_NOT_TRIED");
              noReason(a, "c1", "PAYER_CRITERIA_NOT_MET");
              decision(a, "c1", ELIGIBLE);
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(LIKELY_COVERED);
            }),
        RuleCase.of("given overactive bladder with priorTherapiesFailed not given, then first-line oral drugs come before toxin",
            tried(OVERACTIVE_BLADDER, null),
            a -> {
              reason(a, "c1", "FIRST_LINE_THERAPY_NOT_TRIED", ELIGIBLE_WITH_PRECAUTIONS, "not given", "overactive bladder", "an anticholinergic medication");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given overactive bladder with 0 prior therapies failed, then first-line oral drugs come before toxin",
            tried(OVERACTIVE_BLADDER, 0),
            a -> reason(a, "c1", "FIRST_LINE_THERAPY_NOT_TRIED", ELIGIBLE_WITH_PRECAUTIONS, "is 0", "an anticholinergic medication")),
        RuleCase.of("given overactive bladder with 1 prior therapy failed, then first-line therapy has been tried and payer criteria are met",
            tried(OVERACTIVE_BLADDER, 1),
            a -> {
              noReason(a, "c1", "FIRST_LINE_THERAPY_NOT_TRIED");
              noReason(a, "c1", "PAYER_CRITERIA_NOT_MET");
              decision(a, "c1", ELIGIBLE);
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(LIKELY_COVERED);
            }),
        RuleCase.of("given palmar hyperhidrosis with priorTherapiesFailed not given, then no first-line therapy reason (only axillary hyperhidrosis and overactive bladder)",
            tried(PALMAR_HYPERHIDROSIS, null),
            a -> {
              noReason(a, "c1", "FIRST_LINE_THERAPY_NOT_TRIED");
              noReason(a, "c1", "PAYER_CRITERIA_NOT_MET");
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(UNLIKELY);
            }),
        // Since 1.1 neurogenic detrusor overactivity has first-line therapy and payer criteria too.
        RuleCase.of("given neurogenic bladder overactivity with priorTherapiesFailed not given, then an anticholinergic comes first and the payer's criteria are not met",
            tried(NEUROGENIC_DETRUSOR_OVERACTIVITY, null),
            a -> {
              reason(a, "c1", "FIRST_LINE_THERAPY_NOT_TRIED", ELIGIBLE_WITH_PRECAUTIONS, "not given", "neurogenic bladder overactivity", "an anticholinergic medication");
              reason(a, "c1", "PAYER_CRITERIA_NOT_MET", ELIGIBLE, "1 or more", "none is documented");
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(CRITERIA_NOT_MET);
            }),
        RuleCase.of("given neurogenic bladder overactivity with 1 prior therapy failed, then first-line therapy has been tried and payer criteria are met",
            tried(NEUROGENIC_DETRUSOR_OVERACTIVITY, 1),
            a -> {
              noReason(a, "c1", "FIRST_LINE_THERAPY_NOT_TRIED");
              noReason(a, "c1", "PAYER_CRITERIA_NOT_MET");
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(LIKELY_COVERED);
            }),
        RuleCase.of("given chronic migraine with 0 prior therapies failed, then no first-line therapy reason (the label does not place one first) but payer criteria are not met",
            migraineTried(0),
            a -> {
              noReason(a, "c1", "FIRST_LINE_THERAPY_NOT_TRIED");
              reason(a, "c1", "PAYER_CRITERIA_NOT_MET", ELIGIBLE, "2 or more", "chronic migraine", "0 are documented");
            }),
        // Payer criteria: chronic migraine 2, axillary hyperhidrosis and overactive bladder 1.
        RuleCase.of("given chronic migraine with 1 prior therapy failed, then payer criteria for 2 prior therapies are not met and insurance is criteria not met",
            migraineTried(1),
            a -> {
              reason(a, "c1", "PAYER_CRITERIA_NOT_MET", ELIGIBLE, "2 or more", "chronic migraine", "1 is documented");
              decision(a, "c1", ELIGIBLE);
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(CRITERIA_NOT_MET);
            }),
        RuleCase.of("given chronic migraine with 2 prior therapies failed, then payer criteria are met and insurance is likely covered",
            migraineTried(2),
            a -> {
              noReason(a, "c1", "PAYER_CRITERIA_NOT_MET");
              decision(a, "c1", ELIGIBLE);
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(LIKELY_COVERED);
            }),
        RuleCase.of("given chronic migraine with priorTherapiesFailed not given, then payer criteria count as not met",
            migraineTried(null),
            a -> {
              reason(a, "c1", "PAYER_CRITERIA_NOT_MET", ELIGIBLE, "2 or more", "none is documented");
              decision(a, "c1", ELIGIBLE);
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(CRITERIA_NOT_MET);
            }),
        RuleCase.of("given axillary hyperhidrosis with 0 prior therapies failed, then payer criteria for 1 prior therapy are not met",
            tried(AXILLARY_HYPERHIDROSIS, 0),
            a -> {
              reason(a, "c1", "PAYER_CRITERIA_NOT_MET", ELIGIBLE, "1 or more", "axillary hyperhidrosis", "0 are documented");
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(CRITERIA_NOT_MET);
            }),
        RuleCase.of("given axillary hyperhidrosis with priorTherapiesFailed not given, then payer criteria count as not met",
            tried(AXILLARY_HYPERHIDROSIS, null),
            a -> {
              reason(a, "c1", "PAYER_CRITERIA_NOT_MET", ELIGIBLE, "1 or more", "none is documented");
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(CRITERIA_NOT_MET);
            }),
        RuleCase.of("given overactive bladder with 0 prior therapies failed, then payer criteria for 1 prior therapy are not met",
            tried(OVERACTIVE_BLADDER, 0),
            a -> {
              reason(a, "c1", "PAYER_CRITERIA_NOT_MET", ELIGIBLE, "1 or more", "overactive bladder", "0 are documented");
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(CRITERIA_NOT_MET);
            }),
        RuleCase.of("given overactive bladder with priorTherapiesFailed not given, then payer criteria count as not met",
            tried(OVERACTIVE_BLADDER, null),
            a -> {
              reason(a, "c1", "PAYER_CRITERIA_NOT_MET", ELIGIBLE, "1 or more", "none is documented");
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(CRITERIA_NOT_MET);
            }),
        RuleCase.of("given cervical dystonia (on-label, no payer prior-therapy criteria) with priorTherapiesFailed not given, then no payer criteria reason and insurance is likely covered",
            tried(CERVICAL_DYSTONIA, null),
            a -> {
              noReason(a, "c1", "PAYER_CRITERIA_NOT_MET");
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(LIKELY_COVERED);
            }),
        RuleCase.of("given excessive sweating without an area (alias unresolved), then no first-line or payer criteria reason but insurance is criteria not met",
            Intakes.with(EXCESSIVE_SWEATING),
            a -> {
              noReason(a, "c1", "FIRST_LINE_THERAPY_NOT_TRIED");
              noReason(a, "c1", "PAYER_CRITERIA_NOT_MET");
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(CRITERIA_NOT_MET);
            }));
  }
}
