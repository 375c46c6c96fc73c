package org.botoxeligibility.rules;

import static org.botoxeligibility.testing.Reasons.restsOn;
import static org.botoxeligibility.intake.ConditionCode.BLEPHAROSPASM;
import static org.botoxeligibility.intake.ConditionCode.GLABELLAR_LINES;
import static org.botoxeligibility.intake.ConditionCode.LATERAL_CANTHAL_LINES;
import static org.botoxeligibility.intake.ConditionCode.NEUROGENIC_DETRUSOR_OVERACTIVITY;
import static org.botoxeligibility.intake.ConditionCode.SPASTICITY;
import static org.botoxeligibility.intake.ConditionCode.STRABISMUS;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.assessment.Effect.NEEDS_MEDICAL_EVALUATION;
import static org.botoxeligibility.assessment.Effect.NOT_ELIGIBLE;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/**
 * Cases for the rules of rules/age.drl: for each rule, a case where it applies and a near miss.
 * Patients under 18 are given a weight, so that the paediatric dose limit can be checked and adds
 * no reason of its own.
 */
final class AgeCases {
  private AgeCases() {}

  static List<RuleCase> cases() {
    return List.of(
        // Patient under the minimum age is not eligible for cosmetic treatment
        RuleCase.of("given a patient of 17, when glabellar lines are assessed, then the cosmetic minimum age of 18 rules them out",
            Intakes.with(GLABELLAR_LINES).age(17).weightKg(60.0),
            a -> {
              reason(a, "c1", "UNDER_MINIMUM_AGE", NOT_ELIGIBLE, "17", "aged 18 or older",
                  "Frown lines (glabellar lines)");
              decision(a, "c1", NOT_ELIGIBLE);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given a patient of 12, when crow's feet are assessed, then the cosmetic minimum age of 18 rules them out",
            Intakes.with(LATERAL_CANTHAL_LINES).age(12).weightKg(40.0),
            a -> reason(a, "c1", "UNDER_MINIMUM_AGE", NOT_ELIGIBLE, "is 12", "aged 18 or older")),
        RuleCase.of("given a patient of 18, when glabellar lines are assessed, then the cosmetic minimum age is met (boundary included)",
            Intakes.with(GLABELLAR_LINES).age(18),
            a -> {
              noReason(a, "c1", "UNDER_MINIMUM_AGE");
              decision(a, "c1", ELIGIBLE);
            }),

        // Patient under the minimum age needs evaluation for therapeutic treatment
        RuleCase.of("given a patient of 17, when chronic migraine is assessed, then under the therapeutic minimum age of 18 needs evaluation",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).age(17).weightKg(60.0),
            a -> {
              reason(a, "c1", "UNDER_MINIMUM_AGE", NEEDS_MEDICAL_EVALUATION, "17", "from age 18",
                  "Chronic migraine");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given a patient of 18, when chronic migraine is assessed, then the therapeutic minimum age is met",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).age(18),
            a -> {
              noReason(a, "c1", "UNDER_MINIMUM_AGE");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a patient of 11, when blepharospasm is assessed, then under the minimum age of 12 needs evaluation",
            Intakes.with(BLEPHAROSPASM).age(11).weightKg(35.0),
            a -> {
              reason(a, "c1", "UNDER_MINIMUM_AGE", NEEDS_MEDICAL_EVALUATION, "11", "from age 12",
                  "Blepharospasm");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given a patient of 12, when blepharospasm is assessed, then the minimum age of 12 is met (boundary included)",
            Intakes.with(BLEPHAROSPASM).age(12).weightKg(40.0),
            a -> {
              noReason(a, "c1", "UNDER_MINIMUM_AGE");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // the corneal exposure precaution only
            }),
        RuleCase.of("given a patient of 11, when strabismus is assessed, then under the minimum age of 12 needs evaluation",
            Intakes.with(STRABISMUS).age(11).weightKg(35.0),
            a -> {
              reason(a, "c1", "UNDER_MINIMUM_AGE", NEEDS_MEDICAL_EVALUATION, "11", "from age 12",
                  "Strabismus");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given a patient of 12, when strabismus is assessed, then the minimum age of 12 is met",
            Intakes.with(STRABISMUS).age(12).weightKg(40.0),
            a -> {
              noReason(a, "c1", "UNDER_MINIMUM_AGE");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // the retrobulbar haemorrhage precaution only
            }),
        RuleCase.of("given a child of 1, when limb spasticity is assessed, then under the minimum age of 2 needs evaluation",
            Intakes.patient().concern(Concern.of("c1", SPASTICITY).withPlannedUnits(50)).age(1)
                .weightKg(10.0),
            a -> {
              reason(a, "c1", "UNDER_MINIMUM_AGE", NEEDS_MEDICAL_EVALUATION, "is 1", "from age 2",
                  "Limb spasticity");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given a child of 2, when limb spasticity is assessed, then the minimum age of 2 is met",
            Intakes.patient().concern(Concern.of("c1", SPASTICITY).withPlannedUnits(100)).age(2)
                .weightKg(12.0),
            a -> {
              noReason(a, "c1", "UNDER_MINIMUM_AGE");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // a child treated for spasticity
            }),
        RuleCase.of("given a child of 4, when neurogenic bladder overactivity is assessed, then under the minimum age of 5 needs evaluation",
            Intakes.patient().concern(Concern.of("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY).withPlannedUnits(100))
                .age(4).weightKg(18.0),
            a -> {
              reason(a, "c1", "UNDER_MINIMUM_AGE", NEEDS_MEDICAL_EVALUATION, "is 4", "from age 5",
                  "Neurogenic bladder overactivity");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given a child of 5, when neurogenic bladder overactivity is assessed, then the minimum age of 5 is met",
            Intakes.patient().concern(Concern.of("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY).withPlannedUnits(100)
                    .withPriorTherapiesFailed(1).withBladder(50.0, true).toBuilder().utiExcludedOn(Intakes.TODAY).build())
                .age(5).weightKg(20.0),
            a -> {
              noReason(a, "c1", "UNDER_MINIMUM_AGE");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // the autonomic dysreflexia precaution only
            }),
        RuleCase.of("given a patient of 17 with a cosmetic and a therapeutic concern, when both are assessed, then each gets the age effect of its category",
            Intakes.with(GLABELLAR_LINES).concern(Intakes.chronicMigraine("c2")).age(17).weightKg(60.0),
            a -> {
              reason(a, "c1", "UNDER_MINIMUM_AGE", NOT_ELIGIBLE, "17");
              reason(a, "c2", "UNDER_MINIMUM_AGE", NEEDS_MEDICAL_EVALUATION, "17");
            }),
        // Knowledge base 1.1: the boxed warning on distant spread, greatest in children with spasticity.
        RuleCase.of("given a child of 17 treated for spasticity, then the risk of distant spread calls for precautions and caregivers are told the signs",
            Intakes.patient().concern(Concern.of("c1", SPASTICITY).withPlannedUnits(100)).age(17).weightKg(60.0),
            a -> {
              var r = reason(a, "c1", "CHILD_SPASTICITY_SPREAD_RISK", ELIGIBLE_WITH_PRECAUTIONS, "17", "distant spread", "caregivers");
              assertThat(r.source()).isEqualTo("BOTOX PI (boxed warning)");
              restsOn(r, "/patient/ageYears", "/concerns/0/condition");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a patient of 18 treated for spasticity, then no child spread precaution (an adult)",
            Intakes.patient().concern(Concern.of("c1", SPASTICITY).withPlannedUnits(100)).age(18).weightKg(60.0),
            a -> {
              noReason(a, "c1", "CHILD_SPASTICITY_SPREAD_RISK");
              reason(a, "c1", "SPASTICITY_RESPIRATORY_RISK", ELIGIBLE_WITH_PRECAUTIONS, "bronchitis");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // the airways precaution of every spasticity concern
            }),
        RuleCase.of("given a child of 12 treated for blepharospasm, then no child spread precaution (spasticity only)",
            Intakes.with(BLEPHAROSPASM).age(12).weightKg(40.0),
            a -> noReason(a, "c1", "CHILD_SPASTICITY_SPREAD_RISK")),
        RuleCase.of("given a patient whose age comes from the birth date, then the age reasons point to the birth date",
            Intakes.patient().concern(Concern.of("c1", SPASTICITY).withPlannedUnits(100)).birthDate(Intakes.TODAY.minusYears(9)).weightKg(30.0),
            a -> restsOn(reason(a, "c1", "CHILD_SPASTICITY_SPREAD_RISK", ELIGIBLE_WITH_PRECAUTIONS, "9"), "/patient/birthDate")),

        RuleCase.of("given a patient of 16 with neck pain, then the minimum age reason does not say the label covers a use it does not",
            Intakes.patient().concern(Concern.of("c1", org.botoxeligibility.intake.ConditionCode.NECK_PAIN).withPlannedUnits(30)).age(16).weightKg(50.0),
            a -> {
              var r = reason(a, "c1", "UNDER_MINIMUM_AGE", NEEDS_MEDICAL_EVALUATION, "is 16", "Neck pain (without dystonia)", "not a labelled use", "from age 18");
              assertThat(r.message()).doesNotContain("the label covers");
            }));
  }
}
