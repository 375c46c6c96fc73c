package org.botoxeligibility.rules;

import static org.botoxeligibility.intake.ConditionCode.CHRONIC_MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.GLABELLAR_LINES;
import static org.botoxeligibility.assessment.Effect.DEFERRED;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.NEEDS_MEDICAL_EVALUATION;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.botoxeligibility.intake.Sex;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/pregnancy.drl: for each rule, a case where it applies and a near miss. */
final class PregnancyCases {
  private PregnancyCases() {}

  static List<RuleCase> cases() {
    return List.of(
        RuleCase.of("given a pregnant patient, when a cosmetic concern is assessed, then it is deferred without a date",
            Intakes.with(GLABELLAR_LINES).sex(Sex.FEMALE).age(30).pregnant(true),
            a -> {
              reason(a, "c1", "PREGNANCY", DEFERRED, "pregnant", "no date");
              decision(a, "c1", DEFERRED);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given a pregnant patient, when a therapeutic concern is assessed, then it needs medical evaluation",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).sex(Sex.FEMALE).age(30).pregnant(true),
            a -> {
              reason(a, "c1", "PREGNANCY", NEEDS_MEDICAL_EVALUATION, "pregnant");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given a patient who is not pregnant, then no pregnancy reason",
            Intakes.with(GLABELLAR_LINES).sex(Sex.FEMALE).age(30).pregnant(false),
            a -> {
              noReason(a, "c1", "PREGNANCY");
              noReason(a, "c1", "PREGNANCY_STATUS_UNKNOWN");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a breastfeeding patient, when a cosmetic concern is assessed, then it is deferred without a date",
            Intakes.with(GLABELLAR_LINES).sex(Sex.FEMALE).age(30).pregnant(false).breastfeeding(true),
            a -> {
              reason(a, "c1", "BREASTFEEDING", DEFERRED, "breastfeeding");
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given a breastfeeding patient, when a therapeutic concern is assessed, then it needs medical evaluation",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).sex(Sex.FEMALE).age(30)
                .pregnant(false).breastfeeding(true),
            a -> reason(a, "c1", "BREASTFEEDING", NEEDS_MEDICAL_EVALUATION, "breastfeeding")),
        RuleCase.of("given breastfeeding is not known, then no rule applies (it is asked at the visit)",
            Intakes.with(GLABELLAR_LINES).sex(Sex.FEMALE).age(30).pregnant(false),
            a -> {
              noReason(a, "c1", "BREASTFEEDING");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a woman of 30 whose pregnancy status is not known, then it needs medical evaluation",
            Intakes.with(GLABELLAR_LINES).sex(Sex.FEMALE).age(30),
            a -> {
              reason(a, "c1", "PREGNANCY_STATUS_UNKNOWN", NEEDS_MEDICAL_EVALUATION, "30", "FEMALE", "12 to 55");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given a patient of unknown sex aged 12 with pregnancy not known, then status unknown applies (lower bound included)",
            Intakes.with(CHRONIC_MIGRAINE).sex(Sex.UNKNOWN).age(12),
            a -> reason(a, "c1", "PREGNANCY_STATUS_UNKNOWN", NEEDS_MEDICAL_EVALUATION, "aged 12")),
        RuleCase.of("given a girl of 11 with pregnancy not known, then no status-unknown reason (below the range)",
            Intakes.with(CHRONIC_MIGRAINE).sex(Sex.FEMALE).age(11),
            a -> noReason(a, "c1", "PREGNANCY_STATUS_UNKNOWN")),
        RuleCase.of("given a woman of 55 with pregnancy not known, then status unknown applies (upper bound included)",
            Intakes.with(GLABELLAR_LINES).sex(Sex.FEMALE).age(55),
            a -> reason(a, "c1", "PREGNANCY_STATUS_UNKNOWN", NEEDS_MEDICAL_EVALUATION, "aged 55")),
        RuleCase.of("given a woman of 56 with pregnancy not known, then no status-unknown reason (above the range)",
            Intakes.with(GLABELLAR_LINES).sex(Sex.FEMALE).age(56),
            a -> {
              noReason(a, "c1", "PREGNANCY_STATUS_UNKNOWN");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a man of 30 with pregnancy not known, then no status-unknown reason",
            Intakes.with(GLABELLAR_LINES).sex(Sex.MALE).age(30),
            a -> noReason(a, "c1", "PREGNANCY_STATUS_UNKNOWN")),

        // Knowledge base 1.2: cosmetic deferrals are this clinic's choice on the cosmetic label.
        RuleCase.of("given a pregnant patient, when a cosmetic and a therapeutic concern are assessed, then the cosmetic deferral cites clinic policy on the BOTOX Cosmetic PI and the therapeutic evaluation the BOTOX PI",
            Intakes.with(GLABELLAR_LINES).concern(Intakes.chronicMigraine("c2")).sex(Sex.FEMALE).age(30).pregnant(true).breastfeeding(false),
            a -> {
              assertThat(reason(a, "c1", "PREGNANCY", DEFERRED, "pregnant", "this clinic defers").source())
                  .isEqualTo("Clinic policy on BOTOX Cosmetic PI §8.1");
              assertThat(reason(a, "c2", "PREGNANCY", NEEDS_MEDICAL_EVALUATION, "pregnant").source())
                  .isEqualTo("BOTOX PI §8.1");
            }),
        RuleCase.of("given a breastfeeding patient, when a cosmetic concern is assessed, then the deferral cites clinic policy on the BOTOX Cosmetic PI",
            Intakes.with(GLABELLAR_LINES).sex(Sex.FEMALE).age(30).pregnant(false).breastfeeding(true),
            a -> assertThat(reason(a, "c1", "BREASTFEEDING", DEFERRED, "breastfeeding", "this clinic defers").source())
                .isEqualTo("Clinic policy on BOTOX Cosmetic PI §8.2")),
        // Knowledge base 1.2: an unknown breastfeeding status is said on cosmetic concerns.
        RuleCase.of("given a woman of 30 not pregnant whose breastfeeding is not known, when a cosmetic concern is assessed, then it informs: ask at the visit",
            Intakes.with(GLABELLAR_LINES).sex(Sex.FEMALE).age(30).pregnant(false),
            a -> {
              var r = reason(a, "c1", "BREASTFEEDING_STATUS_UNKNOWN", ELIGIBLE, "Breastfeeding is not given", "aged 30", "FEMALE", "ask at the visit", "deferred");
              assertThat(r.source()).isEqualTo("Clinic policy");
              org.botoxeligibility.testing.Reasons.restsOn(r, "/patient/breastfeeding", "/patient/sex", "/patient/ageYears");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a woman of 30 known not to breastfeed, then no breastfeeding status reason",
            Intakes.with(GLABELLAR_LINES).sex(Sex.FEMALE).age(30).pregnant(false).breastfeeding(false),
            a -> noReason(a, "c1", "BREASTFEEDING_STATUS_UNKNOWN")),
        RuleCase.of("given a woman of 30 whose breastfeeding is not known, when a therapeutic concern is assessed, then nothing is said of it (asked at the visit)",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).sex(Sex.FEMALE).age(30).pregnant(false),
            a -> noReason(a, "c1", "BREASTFEEDING_STATUS_UNKNOWN")),
        RuleCase.of("given a patient of unknown sex aged 12 whose breastfeeding is not known, then the status is asked for at the lower end of the range",
            Intakes.with(GLABELLAR_LINES).sex(Sex.UNKNOWN).age(12).pregnant(false),
            a -> reason(a, "c1", "BREASTFEEDING_STATUS_UNKNOWN", ELIGIBLE, "aged 12")),
        RuleCase.of("given a woman of 56 whose breastfeeding is not known, then no breastfeeding status reason (above the range)",
            Intakes.with(GLABELLAR_LINES).sex(Sex.FEMALE).age(56),
            a -> noReason(a, "c1", "BREASTFEEDING_STATUS_UNKNOWN")),
        RuleCase.of("given a man of 30 whose breastfeeding is not known, then no breastfeeding status reason",
            Intakes.with(GLABELLAR_LINES).sex(Sex.MALE).age(30),
            a -> noReason(a, "c1", "BREASTFEEDING_STATUS_UNKNOWN")));
  }
}
