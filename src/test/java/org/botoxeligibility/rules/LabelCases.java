package org.botoxeligibility.rules;

import static org.botoxeligibility.intake.ConditionCode.FOREHEAD_LINES;
import static org.botoxeligibility.testing.Reasons.restsOn;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.assessment.Insurance;
import static org.botoxeligibility.intake.ConditionCode.BRUXISM;
import static org.botoxeligibility.intake.ConditionCode.CERVICAL_DYSTONIA;
import static org.botoxeligibility.intake.ConditionCode.EPISODIC_MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.GLABELLAR_LINES;
import static org.botoxeligibility.intake.ConditionCode.LAUGH_LINES;
import static org.botoxeligibility.intake.ConditionCode.MASSETER_HYPERTROPHY;
import static org.botoxeligibility.intake.ConditionCode.NECK_PAIN;
import static org.botoxeligibility.intake.ConditionCode.SIALORRHEA;
import static org.botoxeligibility.intake.ConditionCode.TENSION_TYPE_HEADACHE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.assessment.Effect.NOT_ELIGIBLE;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.LabelStatus;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/label.drl: for each rule, a case where it applies and a near miss. */
final class LabelCases {
  private LabelCases() {}

  static List<RuleCase> cases() {
    return List.of(
        // Off-label use needs informed consent
        RuleCase.of("given neck pain, an off-label therapeutic use, when it is assessed, then informed consent to off-label use is a precaution",
            Intakes.with(NECK_PAIN),
            a -> {
              reason(a, "c1", "OFF_LABEL_USE", ELIGIBLE_WITH_PRECAUTIONS, "Neck pain (without dystonia)",
                  "off-label", "informed consent");
              assertThat(recommendation(a, "c1").labelStatus()).isEqualTo(LabelStatus.OFF_LABEL);
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given jaw slimming, an off-label cosmetic use, when it is assessed, then informed consent to off-label use is a precaution",
            Intakes.with(MASSETER_HYPERTROPHY),
            a -> {
              reason(a, "c1", "OFF_LABEL_USE", ELIGIBLE_WITH_PRECAUTIONS,
                  "Jaw slimming (masseter hypertrophy)", "off-label");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
              assertThat(recommendation(a, "c1").readyToBook()).isTrue();
            }),
        RuleCase.of("given drooling, approved only for other toxin products, when it is assessed, then it is off-label for onabotulinumtoxinA",
            Intakes.with(SIALORRHEA),
            a -> reason(a, "c1", "OFF_LABEL_USE", ELIGIBLE_WITH_PRECAUTIONS, "Drooling (sialorrhea)")),
        RuleCase.of("given cervical dystonia, an on-label therapeutic use, when it is assessed, then no off-label reason",
            Intakes.patient().concern(Intakes.dystonia("c1")).treated(200, CERVICAL_DYSTONIA, 200, Response.GOOD),
            a -> {
              noReason(a, "c1", "OFF_LABEL_USE");
              noReason(a, "c1", "NOT_AN_EFFECTIVE_USE");
              assertThat(recommendation(a, "c1").labelStatus()).isEqualTo(LabelStatus.ON_LABEL);
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given glabellar lines, an on-label cosmetic use, when they are assessed, then no off-label reason",
            Intakes.with(GLABELLAR_LINES),
            a -> {
              noReason(a, "c1", "OFF_LABEL_USE");
              noReason(a, "c1", "NOT_AN_EFFECTIVE_USE");
              decision(a, "c1", ELIGIBLE);
            }),

        // Not-recommended use is not offered
        RuleCase.of("given episodic migraine, when it is assessed, then it is not offered and preventive drugs are offered instead",
            Intakes.with(EPISODIC_MIGRAINE),
            a -> {
              Reason r = reason(a, "c1", "NOT_AN_EFFECTIVE_USE", NOT_ELIGIBLE, "episodic migraine",
                  "no benefit", "Level A", "Offered instead: preventive migraine drugs");
              assertThat(r.source()).isEqualTo("AAN 2016");
              noReason(a, "c1", "OFF_LABEL_USE");
              decision(a, "c1", NOT_ELIGIBLE);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given tension-type headache, when it is assessed, then it is not offered (probably ineffective)",
            Intakes.with(TENSION_TYPE_HEADACHE),
            a -> {
              reason(a, "c1", "NOT_AN_EFFECTIVE_USE", NOT_ELIGIBLE, "tension-type headache", "Level B");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given laugh lines, when they are assessed, then they are not offered and dermal filler is offered instead",
            Intakes.with(LAUGH_LINES),
            a -> {
              Reason r = reason(a, "c1", "NOT_AN_EFFECTIVE_USE", NOT_ELIGIBLE, "laugh lines",
                  "volume loss", "Offered instead: dermal filler");
              assertThat(r.source()).isEqualTo("Clinic policy");
              noReason(a, "c1", "OFF_LABEL_USE");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given teeth grinding, an off-label use that is not a not-recommended one, when it is assessed, then it is offered with consent",
            Intakes.with(BRUXISM),
            a -> {
              noReason(a, "c1", "NOT_AN_EFFECTIVE_USE");
              reason(a, "c1", "OFF_LABEL_USE", ELIGIBLE_WITH_PRECAUTIONS, "Teeth grinding (bruxism)");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        // Knowledge base 1.1: a labelled condition injected outside its labelled areas is off-label.
        RuleCase.of("given chronic migraine injected also into the lower back, then the use is off-label: informed consent, insurance unlikely, no payer criteria",
            Intakes.patient().concern(Intakes.chronicMigraine("c1").withPriorTherapiesFailed(0)
                .withSites(List.of(Site.FOREHEAD, Site.NECK, Site.LOWER_BACK))),
            a -> {
              var r = reason(a, "c1", "OFF_LABEL_USE", ELIGIBLE_WITH_PRECAUTIONS, "lower back", "labelled for injection of", "informed consent");
              assertThat(r.message()).doesNotContain("also injects forehead").doesNotContain("also injects neck");
              restsOn(r, "/concerns/0/sites", "/concerns/0/condition");
              var rec = recommendation(a, "c1");
              assertThat(rec.labelStatus()).isEqualTo(LabelStatus.OFF_LABEL);
              assertThat(rec.insurance()).isEqualTo(Insurance.UNLIKELY);
              noReason(a, "c1", "PAYER_CRITERIA_NOT_MET");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given chronic migraine injected at labelled sites only (glabella and upper back included since 1.1), then it stays on label",
            Intakes.patient().concern(Intakes.chronicMigraine("c1").withSites(List.of(Site.GLABELLA, Site.UPPER_BACK, Site.SCALP))),
            a -> {
              noReason(a, "c1", "OFF_LABEL_USE");
              assertThat(recommendation(a, "c1").labelStatus()).isEqualTo(LabelStatus.ON_LABEL);
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.LIKELY_COVERED);
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given glabellar lines injected into the forehead too, then the cosmetic use is off-label and still not covered",
            Intakes.patient().concern(Concern.of("c1", GLABELLAR_LINES).withSites(List.of(Site.GLABELLA, Site.FOREHEAD))),
            a -> {
              reason(a, "c1", "OFF_LABEL_USE", ELIGIBLE_WITH_PRECAUTIONS, "forehead");
              assertThat(recommendation(a, "c1").labelStatus()).isEqualTo(LabelStatus.OFF_LABEL);
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.NOT_COVERED);
            }),
        RuleCase.of("given forehead lines injected into the forehead and the glabella, then they stay on label (the label treats them together)",
            Intakes.patient().concern(Concern.of("c1", FOREHEAD_LINES).withSites(List.of(Site.FOREHEAD, Site.GLABELLA))),
            a -> {
              noReason(a, "c1", "OFF_LABEL_USE");
              assertThat(recommendation(a, "c1").labelStatus()).isEqualTo(LabelStatus.ON_LABEL);
            }),
        RuleCase.of("given neck pain, an off-label row, at the shoulder, then one off-label reason, the row's",
            Intakes.patient().concern(Concern.of("c1", NECK_PAIN).withSites(List.of(Site.SHOULDER))),
            a -> {
              reason(a, "c1", "OFF_LABEL_USE", ELIGIBLE_WITH_PRECAUTIONS, "is an off-label use");
              assertThat(recommendation(a, "c1").labelStatus()).isEqualTo(LabelStatus.OFF_LABEL);
            }),
        RuleCase.of("given migraine not yet classified with sites given outside the chronic migraine areas, then no off-label reason (an unresolved alias)",
            Intakes.patient().concern(Concern.of("c1", ConditionCode.MIGRAINE).withSites(List.of(Site.LOWER_BACK))),
            a -> {
              noReason(a, "c1", "OFF_LABEL_USE");
              assertThat(recommendation(a, "c1").labelStatus()).isEqualTo(LabelStatus.ON_LABEL);
            }),
        RuleCase.of("given tension-type headache, then the not-effective use says the evidence concerns chronic tension-type headache and that the guideline is retired",
            Intakes.with(TENSION_TYPE_HEADACHE),
            a -> restsOn(reason(a, "c1", "NOT_AN_EFFECTIVE_USE", NOT_ELIGIBLE, "chronic tension-type headache", "probably ineffective", "retired 2025", "Level B"), "/concerns/0/condition")),

        // Knowledge base 1.2: a labelled therapeutic use below the row's minimum age is off-label.
        RuleCase.of("given a child of 10 with blepharospasm (labelled from 12), then the use is off-label: informed consent, serious adverse reactions named, insurance unlikely",
            Intakes.patient().concern(Concern.of("c1", ConditionCode.BLEPHAROSPASM).withPlannedUnits(10)).age(10).weightKg(30.0),
            a -> {
              var r = reason(a, "c1", "OFF_LABEL_USE", ELIGIBLE_WITH_PRECAUTIONS, "labelled from age 12", "the patient is 10", "serious adverse reactions, some fatal", "informed consent");
              assertThat(r.source()).isEqualTo("Clinic policy");
              restsOn(r, "/patient/ageYears", "/concerns/0/condition");
              assertThat(recommendation(a, "c1").labelStatus()).isEqualTo(LabelStatus.OFF_LABEL);
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.UNLIKELY);
              reason(a, "c1", "UNDER_MINIMUM_AGE", org.botoxeligibility.assessment.Effect.NEEDS_MEDICAL_EVALUATION, "12");
            }),
        RuleCase.of("given a child of 12 with blepharospasm, then the minimum age is met and the use stays on-label",
            Intakes.patient().concern(Concern.of("c1", ConditionCode.BLEPHAROSPASM).withPlannedUnits(10)).age(12).weightKg(30.0),
            a -> {
              noReason(a, "c1", "OFF_LABEL_USE");
              assertThat(recommendation(a, "c1").labelStatus()).isEqualTo(LabelStatus.ON_LABEL);
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.LIKELY_COVERED);
            }),
        RuleCase.of("given a child of 10 with blepharospasm injected also at the forehead, then one off-label reason names both the age and the site",
            Intakes.patient().concern(Concern.of("c1", ConditionCode.BLEPHAROSPASM).withPlannedUnits(10)
                .withSites(List.of(Site.EYELID, Site.FOREHEAD))).age(10).weightKg(30.0),
            a -> {
              var r = reason(a, "c1", "OFF_LABEL_USE", ELIGIBLE_WITH_PRECAUTIONS, "labelled from age 12", "forehead", "outside the labelled areas");
              restsOn(r, "/concerns/0/sites", "/patient/ageYears");
            }),
        RuleCase.of("given a patient of 15 with episodic migraine (not recommended), then it stays not recommended below the minimum age and is not called off-label",
            Intakes.with(EPISODIC_MIGRAINE).age(15).weightKg(50.0),
            a -> {
              noReason(a, "c1", "OFF_LABEL_USE");
              assertThat(recommendation(a, "c1").labelStatus()).isEqualTo(LabelStatus.NOT_RECOMMENDED);
            }),
        RuleCase.of("given a patient of 16 with neck pain (an off-label row), then it gets the row's one off-label reason, which names serious adverse reactions with unapproved uses",
            Intakes.patient().concern(Concern.of("c1", NECK_PAIN).withPlannedUnits(30)).age(16).weightKg(50.0),
            a -> {
              reason(a, "c1", "OFF_LABEL_USE", ELIGIBLE_WITH_PRECAUTIONS, "off-label use", "serious adverse reactions, some fatal");
              assertThat(recommendation(a, "c1").labelStatus()).isEqualTo(LabelStatus.OFF_LABEL);
            }),
        RuleCase.of("given a patient of 16 with glabellar lines (cosmetic), then the cosmetic use is refused for the age and keeps its label status",
            Intakes.patient().concern(Concern.of("c1", GLABELLAR_LINES).withPlannedUnits(20)).age(16).weightKg(50.0),
            a -> {
              noReason(a, "c1", "OFF_LABEL_USE");
              assertThat(recommendation(a, "c1").labelStatus()).isEqualTo(LabelStatus.ON_LABEL);
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given a patient of 15 with migraine not yet classified, then the labelled default row makes it off-label below the minimum age, insurance unlikely",
            Intakes.with(ConditionCode.MIGRAINE).age(15).weightKg(50.0),
            a -> {
              reason(a, "c1", "OFF_LABEL_USE", ELIGIBLE_WITH_PRECAUTIONS, "labelled from age 18", "the patient is 15");
              assertThat(recommendation(a, "c1").labelStatus()).isEqualTo(LabelStatus.OFF_LABEL);
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.UNLIKELY);
            }));
  }
}
