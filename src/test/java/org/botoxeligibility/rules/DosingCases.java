package org.botoxeligibility.rules;

import static org.botoxeligibility.intake.ConditionCode.CHRONIC_MIGRAINE;
import static org.botoxeligibility.testing.Reasons.restsOn;
import org.botoxeligibility.intake.Site;
import static org.botoxeligibility.intake.ConditionCode.CERVICAL_DYSTONIA;
import static org.botoxeligibility.intake.ConditionCode.EPISODIC_MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.GLABELLAR_LINES;
import static org.botoxeligibility.intake.ConditionCode.MASSETER_HYPERTROPHY;
import static org.botoxeligibility.intake.ConditionCode.NECK_PAIN;
import static org.botoxeligibility.intake.ConditionCode.NEUROGENIC_DETRUSOR_OVERACTIVITY;
import static org.botoxeligibility.intake.ConditionCode.SPASTICITY;
import static org.botoxeligibility.assessment.Effect.DEFERRED;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.assessment.Effect.NEEDS_MEDICAL_EVALUATION;
import static org.botoxeligibility.testing.Intakes.TODAY;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/dosing.drl: for each rule, a case where it applies and a near miss. */
final class DosingCases {
  private DosingCases() {}

  private static Concern dystonia(String id, int units) {
    return Concern.of(id, CERVICAL_DYSTONIA).withPlannedUnits(units);
  }

  private static Concern spasticity(String id, int units) {
    return Concern.of(id, SPASTICITY).withPlannedUnits(units);
  }

  static List<RuleCase> cases() {
    return List.of(
        // Retreatment interval of a therapeutic concern: less than 84 days before the assessment date.
        RuleCase.of("given a botulinum toxin treatment 83 days ago, when a therapeutic concern is assessed, then the retreatment interval defers it to the treatment date plus 84 days",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).treated(83, CHRONIC_MIGRAINE, 155, Response.GOOD),
            a -> {
              var r = reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED,
                  TODAY.minusDays(83).toString(), "83 days", "84 days", TODAY.plusDays(1).toString());
              assertThat(r.deferredUntil()).isEqualTo(TODAY.plusDays(1));
              decision(a, "c1", DEFERRED);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isEqualTo(TODAY.plusDays(1));
            }),
        RuleCase.of("given a botulinum toxin treatment exactly 84 days ago, when a therapeutic concern is assessed, then it is outside the retreatment interval and nothing is deferred",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).treated(84, CHRONIC_MIGRAINE, 155, Response.GOOD),
            a -> {
              noReason(a, "c1", "RETREATMENT_INTERVAL");
              decision(a, "c1", ELIGIBLE);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isEqualTo(TODAY);
            }),
        // Knowledge base 1.2: the retreatment interval of a cosmetic concern is 90 days (3 months).
        RuleCase.of("given a botulinum toxin treatment 89 days ago, when glabellar lines are assessed, then the cosmetic retreatment interval defers them to the treatment date plus 90 days, citing the cosmetic label's 3 months",
            Intakes.with(GLABELLAR_LINES).treated(89, GLABELLAR_LINES, 20, Response.GOOD),
            a -> {
              var r = reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED,
                  TODAY.minusDays(89).toString(), "89 days", "90 days", "3 months", TODAY.plusDays(1).toString());
              assertThat(r.source()).isEqualTo("BOTOX Cosmetic PI §2");
              assertThat(r.deferredUntil()).isEqualTo(TODAY.plusDays(1));
              restsOn(r, "/treatmentHistory/0");
              decision(a, "c1", DEFERRED);
            }),
        RuleCase.of("given a botulinum toxin treatment exactly 90 days ago, when glabellar lines are assessed, then it is outside the cosmetic retreatment interval",
            Intakes.with(GLABELLAR_LINES).treated(90, GLABELLAR_LINES, 20, Response.GOOD),
            a -> {
              noReason(a, "c1", "RETREATMENT_INTERVAL");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a treatment 85 days ago, when an off-label cosmetic use (jaw slimming) is assessed, then this clinic applies the cosmetic label's interval",
            Intakes.with(MASSETER_HYPERTROPHY).treated(85, MASSETER_HYPERTROPHY, 50, Response.GOOD),
            a -> {
              var r = reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, "85 days", "90 days", "this clinic applies the cosmetic label's interval");
              assertThat(r.source()).isEqualTo("Clinic policy");
              assertThat(r.deferredUntil()).isEqualTo(TODAY.plusDays(5));
            }),
        RuleCase.of("given an abobotulinumtoxinA treatment 30 days ago for another condition, then the retreatment interval still defers (any product, any condition)",
            Intakes.with(CERVICAL_DYSTONIA).treated(30, GLABELLAR_LINES, Product.ABOBOTULINUMTOXINA, 50, Response.GOOD),
            a -> {
              reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, "ABOBOTULINUMTOXINA", "30 days",
                  TODAY.minusDays(30).plusDays(84).toString());
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isEqualTo(TODAY.minusDays(30).plusDays(84));
            }),
        RuleCase.of("given two treatments 60 and 20 days ago, when glabellar lines are assessed, then the retreatment interval defers to the latest date plus 90 days",
            Intakes.with(GLABELLAR_LINES).treated(60, GLABELLAR_LINES, 20, Response.GOOD)
                .treated(20, null, 10, Response.UNKNOWN),
            a -> {
              reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, TODAY.minusDays(20).toString(), "20 days");
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isEqualTo(TODAY.plusDays(70));
            }),
        RuleCase.of("given a treatment 10 days ago and a urinary tract infection, when a bladder injection is assessed, then the retreatment interval is dated but the undated deferral leaves no earliest date",
            Intakes.with(NEUROGENIC_DETRUSOR_OVERACTIVITY).treated(10, NEUROGENIC_DETRUSOR_OVERACTIVITY, 200, Response.GOOD)
                .comorbidity(Comorbidity.URINARY_TRACT_INFECTION),
            a -> {
              reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, TODAY.minusDays(10).toString());
              reason(a, "c1", "URINARY_TRACT_INFECTION", DEFERRED, "urinary tract infection");
              decision(a, "c1", DEFERRED);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
            }),
        // Cumulative dose, adults: more than 400 units planned plus given within the interval.
        RuleCase.of("given an adult with 245 and 155 units planned in two concerns, then the cumulative dose of 400 is within the adult limit",
            Intakes.patient().concern(dystonia("c1", 245)).concern(Intakes.chronicMigraine("c2"))
                .treated(200, CERVICAL_DYSTONIA, 236, Response.GOOD),
            a -> {
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
              noReason(a, "c2", "CUMULATIVE_DOSE_LIMIT");
              decision(a, "c1", ELIGIBLE);
              decision(a, "c2", ELIGIBLE);
            }),
        RuleCase.of("given an adult with 246 and 155 units planned in two concerns, then the cumulative dose of 401 is above the adult limit for every concern with a dose",
            Intakes.patient().concern(dystonia("c1", 246)).concern(Intakes.chronicMigraine("c2")),
            a -> {
              reason(a, "c1", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "401 units planned", "0 onabotulinumtoxinA", "make 401 units", "400 units");
              reason(a, "c2", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "401 units", "400 units");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
              decision(a, "c2", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given an adult of 18 with 401 units planned, then the adult cumulative dose limit applies at the adult age",
            Intakes.patient().concern(dystonia("c1", 401)).age(18),
            a -> reason(a, "c1", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "401 units", "adult limit of 400")),
        RuleCase.of("given an adult with 301 units planned and 100 onabotulinumtoxinA units given 83 days ago, then the cumulative dose of 401 is above the adult limit",
            Intakes.patient().concern(dystonia("c1", 301)).treated(83, CERVICAL_DYSTONIA, 100, Response.GOOD),
            a -> reason(a, "c1", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "301 units planned", "100 onabotulinumtoxinA units", "401 units")),
        // Knowledge base 1.2: the cumulative window is 90 days, longer than the retreatment interval.
        RuleCase.of("given an adult with 300 units planned and 101 units given 89 days ago, then the old units are within the cumulative window of 90 days and the dose of 401 is above the adult limit",
            Intakes.patient().concern(dystonia("c1", 300)).treated(89, CERVICAL_DYSTONIA, 101, Response.GOOD),
            a -> {
              var r = reason(a, "c1", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "300 units planned", "101 onabotulinumtoxinA units", "last 90 days", "401 units");
              restsOn(r, "/concerns/0/plannedUnits", "/treatmentHistory/0", "/patient/ageYears");
              noReason(a, "c1", "RETREATMENT_INTERVAL");
            }),
        RuleCase.of("given an adult with 300 units planned and 101 units given exactly 90 days ago, then the old units fall outside the cumulative window and the dose is within the limit",
            Intakes.patient().concern(dystonia("c1", 300)).treated(90, CERVICAL_DYSTONIA, 101, Response.GOOD),
            a -> {
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given an adult with 301 units planned and 500 abobotulinumtoxinA units given 30 days ago, then other products do not count toward the cumulative dose",
            Intakes.patient().concern(dystonia("c1", 301)).treated(30, CERVICAL_DYSTONIA, Product.ABOBOTULINUMTOXINA, 500, Response.GOOD),
            a -> {
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
              reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, "ABOBOTULINUMTOXINA", "30 days");
            }),
        RuleCase.of("given an adult with 401 units planned for one concern and an episodic migraine concern without a dose, then the cumulative dose limit applies only to the concern with a dose",
            Intakes.patient().concern(dystonia("c1", 401)).concern("c2", EPISODIC_MIGRAINE),
            a -> {
              reason(a, "c1", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "401 units");
              noReason(a, "c2", "CUMULATIVE_DOSE_LIMIT");
            }),
        RuleCase.of("given an adult with the catalog doses of cervical dystonia (236) and limb spasticity (300), then the typical doses count toward the cumulative dose of 536",
            Intakes.with(CERVICAL_DYSTONIA).concern("c2", SPASTICITY).treated(200, CERVICAL_DYSTONIA, 236, Response.GOOD),
            a -> {
              reason(a, "c1", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "536 units");
              reason(a, "c2", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "536 units");
            }),
        // Cumulative dose, under 18: the lower of 10 U/kg and 340 U.
        RuleCase.of("given an adult of 18 weighing 100 kg with 341 units planned, then the paediatric cumulative dose limit does not apply",
            Intakes.patient().concern(spasticity("c1", 341)).age(18).weightKg(100.0),
            a -> {
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // the airways precaution of every spasticity concern
            }),
        RuleCase.of("given a 17-year-old weighing 100 kg with 341 units planned, then the paediatric cumulative dose limit of 340 units applies",
            Intakes.patient().concern(spasticity("c1", 341)).age(17).weightKg(100.0),
            a -> {
              reason(a, "c1", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION,
                  "341 units", "17-year-old", "100 kg", "10 units/kg", "340 units");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given a 17-year-old weighing 100 kg with 340 units planned, then the paediatric cumulative dose is at the limit and allowed",
            Intakes.patient().concern(spasticity("c1", 340)).age(17).weightKg(100.0),
            a -> {
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
              noReason(a, "c1", "PAEDIATRIC_DOSE_LIMIT");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // a child treated for spasticity
            }),
        RuleCase.of("given a child of 8 weighing 20 kg with 201 units planned, then the paediatric cumulative dose is above 10 U/kg (200 units)",
            Intakes.patient().concern(spasticity("c1", 201)).age(8).weightKg(20.0),
            a -> reason(a, "c1", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION,
                "201 units", "8-year-old", "20 kg", "(200 units)")),
        RuleCase.of("given a child of 8 weighing 20 kg with 200 units planned, then the paediatric cumulative dose is at 10 U/kg and allowed",
            Intakes.patient().concern(spasticity("c1", 200)).age(8).weightKg(20.0),
            a -> {
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // a child treated for spasticity
            }),
        RuleCase.of("given a child of 10 weighing 25.5 kg with 200 units planned and 56 units given 30 days ago, then the paediatric cumulative dose of 256 is above 255 units",
            Intakes.patient().concern(spasticity("c1", 200)).age(10).weightKg(25.5)
                .treated(30, SPASTICITY, 56, Response.GOOD),
            a -> reason(a, "c1", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION,
                "200 units planned", "56 onabotulinumtoxinA", "256 units", "25.5 kg", "(255 units)")),
        // A child without a weight.
        RuleCase.of("given a child of 8 without weightKg, when a dosed concern is assessed, then the paediatric dose limit cannot be checked (missing information)",
            Intakes.with(SPASTICITY).age(8),
            a -> {
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "weightKg", "8-year-old");
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given a child of 10 without weightKg and 341 units planned, then the dose is above the paediatric ceiling whatever the weight",
            Intakes.patient().concern(spasticity("c1", 341)).age(10),
            a -> {
              reason(a, "c1", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION,
                  "341 units planned", "above the 340 units", "10-year-old", "whatever the weight");
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "weightKg");
            }),
        RuleCase.of("given a child of 10 without weightKg and 300 units planned given 40 units 20 days ago, then 340 units is not above the paediatric ceiling",
            Intakes.patient().concern(spasticity("c1", 300)).age(10)
                .treated(20, SPASTICITY, 40, Response.GOOD),
            a -> {
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "weightKg");
            }),
        RuleCase.of("given a 17-year-old without weightKg, then the paediatric weight is missing information",
            Intakes.with(SPASTICITY).age(17),
            a -> reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "weightKg", "17-year-old")),
        RuleCase.of("given an adult of 18 without weightKg, then no missing weight for the dose limit",
            Intakes.with(SPASTICITY).age(18),
            a -> {
              noReason(a, "c1", "MISSING_INFORMATION");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // the airways precaution of every spasticity concern
            }),
        RuleCase.of("given a child of 8 with weightKg 30, then no missing weight for the dose limit",
            Intakes.with(SPASTICITY).age(8).weightKg(30.0),
            a -> {
              noReason(a, "c1", "MISSING_INFORMATION");
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // a child treated for spasticity
            }),
        // Non-response to the last two treatments for the condition.
        RuleCase.of("given the last two cervical dystonia treatments both without response, then treatment non-response needs evaluation",
            Intakes.with(CERVICAL_DYSTONIA).treated(200, CERVICAL_DYSTONIA, 236, Response.NONE)
                .treated(100, CERVICAL_DYSTONIA, 236, Response.NONE),
            a -> {
              reason(a, "c1", "TREATMENT_NON_RESPONSE", NEEDS_MEDICAL_EVALUATION, "cervical dystonia",
                  TODAY.minusDays(200).toString(), TODAY.minusDays(100).toString(), "no response");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given two cervical dystonia treatments without response before a good one, then the most recent response is good and there is no treatment non-response",
            Intakes.with(CERVICAL_DYSTONIA).treated(300, CERVICAL_DYSTONIA, 236, Response.NONE)
                .treated(200, CERVICAL_DYSTONIA, 236, Response.NONE)
                .treated(100, CERVICAL_DYSTONIA, 236, Response.GOOD),
            a -> {
              noReason(a, "c1", "TREATMENT_NON_RESPONSE");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a single cervical dystonia treatment without response, then one treatment is not enough for treatment non-response",
            Intakes.with(CERVICAL_DYSTONIA).treated(100, CERVICAL_DYSTONIA, 236, Response.NONE),
            a -> {
              noReason(a, "c1", "TREATMENT_NON_RESPONSE");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a cervical dystonia and a neck pain treatment both without response, then they are for different conditions and there is no treatment non-response",
            Intakes.with(CERVICAL_DYSTONIA).treated(200, CERVICAL_DYSTONIA, 236, Response.NONE)
                .treated(100, NECK_PAIN, 50, Response.NONE),
            a -> noReason(a, "c1", "TREATMENT_NON_RESPONSE")),
        RuleCase.of("given a partial response before the last cervical dystonia treatment without response, then there is no treatment non-response",
            Intakes.with(CERVICAL_DYSTONIA).treated(200, CERVICAL_DYSTONIA, 236, Response.PARTIAL)
                .treated(100, CERVICAL_DYSTONIA, 236, Response.NONE),
            a -> noReason(a, "c1", "TREATMENT_NON_RESPONSE")),
        RuleCase.of("given two cervical dystonia treatments without response around a treatment of another condition that helped, then treatment non-response still applies to the same condition",
            Intakes.with(CERVICAL_DYSTONIA).treated(300, CERVICAL_DYSTONIA, 236, Response.NONE)
                .treated(200, NECK_PAIN, 50, Response.GOOD)
                .treated(100, CERVICAL_DYSTONIA, 236, Response.NONE),
            a -> reason(a, "c1", "TREATMENT_NON_RESPONSE", NEEDS_MEDICAL_EVALUATION,
                TODAY.minusDays(300).toString(), TODAY.minusDays(100).toString())),
        RuleCase.of("given two neck pain treatments without response, when cervical dystonia is assessed, then no treatment non-response for it but the neck pain concern has it",
            Intakes.with(CERVICAL_DYSTONIA).concern("c2", NECK_PAIN)
                .treated(200, NECK_PAIN, 50, Response.NONE)
                .treated(100, NECK_PAIN, 50, Response.NONE),
            a -> {
              noReason(a, "c1", "TREATMENT_NON_RESPONSE");
              reason(a, "c2", "TREATMENT_NON_RESPONSE", NEEDS_MEDICAL_EVALUATION, "neck pain");
            }),
        // A past adverse reaction for the same condition.
        RuleCase.of("given muscle weakness after a past cervical dystonia treatment, then the prior adverse reaction calls for precautions",
            Intakes.with(CERVICAL_DYSTONIA).treated(200, CERVICAL_DYSTONIA, 236, Response.GOOD, AdverseReaction.MUSCLE_WEAKNESS),
            a -> {
              reason(a, "c1", "PRIOR_ADVERSE_REACTION", ELIGIBLE_WITH_PRECAUTIONS,
                  TODAY.minusDays(200).toString(), "cervical dystonia", "muscle weakness");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given another adverse reaction after a past glabellar lines treatment, then the prior adverse reaction calls for precautions",
            Intakes.with(GLABELLAR_LINES).treated(150, GLABELLAR_LINES, 20, Response.GOOD, AdverseReaction.OTHER),
            a -> {
              reason(a, "c1", "PRIOR_ADVERSE_REACTION", ELIGIBLE_WITH_PRECAUTIONS,
                  TODAY.minusDays(150).toString(), "another adverse reaction");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given muscle weakness after a past neck pain treatment, when cervical dystonia is assessed, then no prior adverse reaction (another condition)",
            Intakes.with(CERVICAL_DYSTONIA).treated(200, NECK_PAIN, 50, Response.GOOD, AdverseReaction.MUSCLE_WEAKNESS)
                .treated(300, CERVICAL_DYSTONIA, 236, Response.GOOD),
            a -> {
              noReason(a, "c1", "PRIOR_ADVERSE_REACTION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given muscle weakness after a past treatment without a condition, then no prior adverse reaction for the concern",
            Intakes.with(CERVICAL_DYSTONIA).treated(200, null, 100, Response.GOOD, AdverseReaction.MUSCLE_WEAKNESS)
                .treated(300, CERVICAL_DYSTONIA, 236, Response.GOOD),
            a -> {
              noReason(a, "c1", "PRIOR_ADVERSE_REACTION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a past cervical dystonia treatment without adverse reactions, then no prior adverse reaction",
            Intakes.with(CERVICAL_DYSTONIA).treated(200, CERVICAL_DYSTONIA, 236, Response.GOOD),
            a -> {
              noReason(a, "c1", "PRIOR_ADVERSE_REACTION");
              noReason(a, "c1", "TREATMENT_NON_RESPONSE");
            }),
        // Knowledge base 1.1: the source of the retreatment interval follows the label.
        RuleCase.of("given chronic migraine treated 30 days ago, then the retreatment interval cites the BOTOX PI, which fixes 12 weeks for it",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).treated(30, CHRONIC_MIGRAINE, 155, Response.GOOD),
            a -> {
              var r = reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, "30 days");
              assertThat(r.source()).isEqualTo("BOTOX PI §2");
              assertThat(r.message()).doesNotContain("this clinic applies");
              restsOn(r, "/treatmentHistory/0");
            }),
        RuleCase.of("given glabellar lines treated 30 days ago, then the retreatment interval cites the BOTOX Cosmetic PI",
            Intakes.with(GLABELLAR_LINES).treated(30, GLABELLAR_LINES, 20, Response.GOOD),
            a -> assertThat(reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, "30 days").source())
                .isEqualTo("BOTOX Cosmetic PI §2")),
        RuleCase.of("given cervical dystonia treated 30 days ago, then the retreatment interval is clinic policy applying the label's 12 weeks",
            Intakes.with(CERVICAL_DYSTONIA).treated(30, CERVICAL_DYSTONIA, 236, Response.GOOD),
            a -> assertThat(reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, "this clinic applies the label's 12 weeks").source())
                .isEqualTo("Clinic policy")),
        // Knowledge base 1.1: a child's default dose never exceeds the paediatric maximum.
        RuleCase.of("given a child of 8 weighing 20 kg with neurogenic detrusor overactivity and no planned units, then the default dose is 6 U/kg (120 units), not the adult 200, and nothing is flagged",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY)).age(8).weightKg(20.0),
            a -> {
              assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(120);
              noReason(a, "c1", "PAEDIATRIC_DOSE_LIMIT");
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
            }),
        RuleCase.of("given a child of 8 weighing 20.3 kg with neurogenic detrusor overactivity, then the default dose is rounded down to 121 units and does not trip its own limit of 121.8",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY)).age(8).weightKg(20.3),
            a -> {
              assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(121);
              noReason(a, "c1", "PAEDIATRIC_DOSE_LIMIT");
            }),
        RuleCase.of("given a heavy child of 15 weighing 60 kg with upper limb spasticity and no planned units, then the default dose is the 200 unit ceiling",
            Intakes.patient().concern(Concern.of("c1", SPASTICITY).withSites(List.of(Site.UPPER_LIMB))).age(15).weightKg(60.0),
            a -> {
              assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(200);
              noReason(a, "c1", "PAEDIATRIC_DOSE_LIMIT");
            }),
        RuleCase.of("given a child of 10 weighing 25 kg with lower limb spasticity and no planned units, then the default dose is 8 U/kg (200 units)",
            Intakes.patient().concern(Concern.of("c1", SPASTICITY).withSites(List.of(Site.LOWER_LIMB))).age(10).weightKg(25.0),
            a -> assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(200)),
        RuleCase.of("given a child of 10 weighing 25 kg with spasticity of both limbs and no planned units, then the default dose is the cumulative 10 U/kg (250 units)",
            Intakes.with(SPASTICITY).age(10).weightKg(25.0),
            a -> {
              assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(250);
              noReason(a, "c1", "PAEDIATRIC_DOSE_LIMIT");
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
            }),
        RuleCase.of("given a child of 10 weighing 40 kg with spasticity of both limbs, then the default dose is the typical 300 units (under 10 U/kg and 340)",
            Intakes.with(SPASTICITY).age(10).weightKg(40.0),
            a -> assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(300)),
        RuleCase.of("given an adult with neurogenic detrusor overactivity and no planned units, then the default dose is the typical 200 units",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY)).weightKg(20.0),
            a -> {
              assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(200);
              noReason(a, "c1", "PAEDIATRIC_DOSE_LIMIT");
            }),
        RuleCase.of("given a child of 8 without a weight, then no default dose is planned and the weight is missing",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY)).age(8),
            a -> {
              assertThat(recommendation(a, "c1").plannedUnits()).isNull();
              var r = reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "weightKg is not given", "8-year-old");
              restsOn(r, "/patient/weightKg", "/patient/ageYears");
              noReason(a, "c1", "PAEDIATRIC_DOSE_LIMIT");
            }),
        // Knowledge base 1.1: the paediatric maximum per indication.
        RuleCase.of("given a child of 8 weighing 20 kg with 121 units planned for upper limb spasticity, then the planned dose is above 6 U/kg (120 units)",
            Intakes.patient().concern(spasticity("c1", 121).withSites(List.of(Site.UPPER_LIMB))).age(8).weightKg(20.0),
            a -> {
              var r = reason(a, "c1", "PAEDIATRIC_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION,
                  "121 units", "upper limb spasticity", "8-year-old", "20 kg", "6 units/kg (120 units)", "200 units");
              assertThat(r.source()).isEqualTo("BOTOX PI §2");
              restsOn(r, "/concerns/0/plannedUnits", "/patient/weightKg", "/patient/ageYears", "/concerns/0/sites");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given a child of 8 weighing 20 kg with exactly 120 units planned for upper limb spasticity, then the planned dose is at 6 U/kg and allowed",
            Intakes.patient().concern(spasticity("c1", 120).withSites(List.of(Site.UPPER_LIMB))).age(8).weightKg(20.0),
            a -> noReason(a, "c1", "PAEDIATRIC_DOSE_LIMIT")),
        RuleCase.of("given a heavy child of 16 weighing 70 kg with 201 units planned for upper limb spasticity, then the planned dose is above the 200 unit ceiling",
            Intakes.patient().concern(spasticity("c1", 201).withSites(List.of(Site.UPPER_LIMB))).age(16).weightKg(70.0),
            a -> reason(a, "c1", "PAEDIATRIC_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "201 units", "200 units")),
        RuleCase.of("given a heavy child of 16 weighing 70 kg with 200 units planned for upper limb spasticity, then the ceiling is met and allowed",
            Intakes.patient().concern(spasticity("c1", 200).withSites(List.of(Site.UPPER_LIMB))).age(16).weightKg(70.0),
            a -> noReason(a, "c1", "PAEDIATRIC_DOSE_LIMIT")),
        RuleCase.of("given a child of 8 weighing 20 kg with 161 units planned for lower limb spasticity, then the planned dose is above 8 U/kg (160 units)",
            Intakes.patient().concern(spasticity("c1", 161).withSites(List.of(Site.LOWER_LIMB))).age(8).weightKg(20.0),
            a -> reason(a, "c1", "PAEDIATRIC_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "161 units", "lower limb spasticity", "(160 units)", "300 units")),
        RuleCase.of("given a child of 8 weighing 20 kg with 160 units planned for lower limb spasticity, then the planned dose is at 8 U/kg and allowed",
            Intakes.patient().concern(spasticity("c1", 160).withSites(List.of(Site.LOWER_LIMB))).age(8).weightKg(20.0),
            a -> noReason(a, "c1", "PAEDIATRIC_DOSE_LIMIT")),
        RuleCase.of("given a child of 8 weighing 20 kg with 180 units planned for spasticity of both limbs, then no per-indication maximum applies (the cumulative 10 U/kg does)",
            Intakes.patient().concern(spasticity("c1", 180)).age(8).weightKg(20.0),
            a -> {
              noReason(a, "c1", "PAEDIATRIC_DOSE_LIMIT");
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
            }),
        RuleCase.of("given a child of 8 weighing 20 kg with 121 units planned for neurogenic detrusor overactivity, then the planned dose is above 6 U/kg",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY).withPlannedUnits(121)).age(8).weightKg(20.0),
            a -> reason(a, "c1", "PAEDIATRIC_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "121 units", "neurogenic detrusor overactivity", "(120 units)")),
        RuleCase.of("given a patient of 18 weighing 20 kg with 200 units planned for neurogenic detrusor overactivity, then no paediatric maximum (an adult)",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY).withPlannedUnits(200)).age(18).weightKg(20.0),
            a -> noReason(a, "c1", "PAEDIATRIC_DOSE_LIMIT")),
        // Knowledge base 1.2: a child without a weight is still held to the absolute paediatric caps.
        RuleCase.of("given a child of 8 without a weight and 300 units planned for upper limb spasticity, then the dose is above the 200 unit cap whatever the weight, and the weight is missing",
            Intakes.patient().concern(spasticity("c1", 300).withSites(List.of(Site.UPPER_LIMB))).age(8),
            a -> {
              var r = reason(a, "c1", "PAEDIATRIC_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION,
                  "300 units", "upper limb spasticity", "8-year-old whose weight is not given", "200 units whatever the weight");
              assertThat(r.source()).isEqualTo("BOTOX PI §2");
              restsOn(r, "/concerns/0/plannedUnits", "/patient/weightKg", "/patient/ageYears");
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "weightKg is not given");
              assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(300);
            }),
        // Knowledge base 1.1: cervical dystonia.
        RuleCase.of("given cervical dystonia without an earlier onabotulinumtoxinA treatment for it and no planned units, then the patient new to it starts below the typical dose, no dose is planned, and the planned starting dose is missing (1.2)",
            Intakes.with(CERVICAL_DYSTONIA),
            a -> {
              var r = reason(a, "c1", "LOWER_INITIAL_DOSE", ELIGIBLE_WITH_PRECAUTIONS, "236 units", "no dose is planned yet");
              assertThat(r.source()).isEqualTo("BOTOX PI §2");
              restsOn(r, "/concerns/0/condition", "/treatmentHistory");
              var m = reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "plannedUnits is not given", "new to onabotulinumtoxinA", "236 units");
              assertThat(m.source()).isEqualTo("BOTOX PI §2");
              restsOn(m, "/concerns/0/plannedUnits");
              assertThat(recommendation(a, "c1").plannedUnits()).isNull();
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given cervical dystonia treated with onabotulinumtoxinA before and no planned units, then the typical 236 units are planned by default and nothing is missing",
            Intakes.with(CERVICAL_DYSTONIA).treated(200, CERVICAL_DYSTONIA, 236, Response.GOOD),
            a -> {
              assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(236);
              noReason(a, "c1", "MISSING_INFORMATION");
            }),
        RuleCase.of("given cervical dystonia with 120 units planned and no earlier treatment, then the lower initial dose names the 120 units",
            Intakes.patient().concern(dystonia("c1", 120)),
            a -> restsOn(reason(a, "c1", "LOWER_INITIAL_DOSE", ELIGIBLE_WITH_PRECAUTIONS, "120 units are planned"), "/concerns/0/plannedUnits")),
        RuleCase.of("given cervical dystonia treated with abobotulinumtoxinA before, then it is still new to onabotulinumtoxinA (units are not interchangeable)",
            Intakes.with(CERVICAL_DYSTONIA).treated(200, CERVICAL_DYSTONIA, Product.ABOBOTULINUMTOXINA, 500, Response.GOOD),
            a -> reason(a, "c1", "LOWER_INITIAL_DOSE", ELIGIBLE_WITH_PRECAUTIONS, "No earlier onabotulinumtoxinA")),
        RuleCase.of("given cervical dystonia and an onabotulinumtoxinA treatment for neck pain before, then it is still new to onabotulinumtoxinA for cervical dystonia",
            Intakes.with(CERVICAL_DYSTONIA).treated(200, NECK_PAIN, 50, Response.GOOD),
            a -> reason(a, "c1", "LOWER_INITIAL_DOSE", ELIGIBLE_WITH_PRECAUTIONS, "No earlier")),
        RuleCase.of("given cervical dystonia treated with onabotulinumtoxinA before, then no lower initial dose",
            Intakes.with(CERVICAL_DYSTONIA).treated(200, CERVICAL_DYSTONIA, 236, Response.GOOD),
            a -> {
              noReason(a, "c1", "LOWER_INITIAL_DOSE");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given neck pain without earlier treatment, then no lower initial dose (cervical dystonia only)",
            Intakes.with(NECK_PAIN),
            a -> noReason(a, "c1", "LOWER_INITIAL_DOSE")),
        RuleCase.of("given cervical dystonia, then the sternocleidomastoid dose limit of 100 units informs",
            Intakes.with(CERVICAL_DYSTONIA).treated(200, CERVICAL_DYSTONIA, 236, Response.GOOD),
            a -> {
              var r = reason(a, "c1", "STERNOCLEIDOMASTOID_DOSE_LIMIT", ELIGIBLE, "100 units", "sternocleidomastoid", "swallowing");
              assertThat(r.source()).isEqualTo("BOTOX PI §2");
              restsOn(r, "/concerns/0/condition");
            }),
        RuleCase.of("given neck pain, then no sternocleidomastoid dose limit (cervical dystonia only)",
            Intakes.with(NECK_PAIN),
            a -> noReason(a, "c1", "STERNOCLEIDOMASTOID_DOSE_LIMIT")));
  }
}
