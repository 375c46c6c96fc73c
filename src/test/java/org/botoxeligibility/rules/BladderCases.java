package org.botoxeligibility.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.botoxeligibility.assessment.Effect.DEFERRED;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.assessment.Effect.NEEDS_MEDICAL_EVALUATION;
import static org.botoxeligibility.assessment.Effect.NOT_ELIGIBLE;
import static org.botoxeligibility.intake.ConditionCode.CHRONIC_MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.NEUROGENIC_DETRUSOR_OVERACTIVITY;
import static org.botoxeligibility.intake.ConditionCode.OVERACTIVE_BLADDER;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.reasons;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.botoxeligibility.testing.Reasons.restsOn;

import java.util.List;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/**
 * Cases for the rules of rules/bladder.drl: for each rule, a case where it applies and a near
 * miss, with the policy's boundaries (a residual of 200 mL is not above 200 mL, 201 is).
 */
final class BladderCases {
  private BladderCases() {}

  /**
   * A bladder concern with one anticholinergic tried, a urinary tract infection excluded today,
   * and the given bladder facts.
   */
  private static Concern bladder(ConditionCode code, Double residualMl, Boolean selfCatheterizes) {
    return Concern.of("c1", code).withPriorTherapiesFailed(1).withBladder(residualMl, selfCatheterizes)
        .toBuilder().utiExcludedOn(Intakes.TODAY).build();
  }

  static List<RuleCase> cases() {
    return List.of(
        // Urinary tract infection.
        RuleCase.of("given a urinary tract infection, when a neurogenic bladder injection is assessed, then it is deferred without a date until the infection is treated",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY))
                .comorbidity(Comorbidity.URINARY_TRACT_INFECTION),
            a -> {
              var r = reason(a, "c1", "URINARY_TRACT_INFECTION", DEFERRED, "urinary tract infection", "no date");
              restsOn(r, "/medicalHistory/conditions/0", "/concerns/0/condition");
              decision(a, "c1", DEFERRED);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given a urinary tract infection, when an overactive bladder injection is assessed, then it is deferred for the infection",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER))
                .comorbidity(Comorbidity.URINARY_TRACT_INFECTION),
            a -> {
              reason(a, "c1", "URINARY_TRACT_INFECTION", DEFERRED, "urinary tract infection");
              decision(a, "c1", DEFERRED);
            }),
        RuleCase.of("given a urinary tract infection, when a concern outside the bladder is assessed, then the infection does not defer it",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).comorbidity(Comorbidity.URINARY_TRACT_INFECTION),
            a -> {
              noReason(a, "c1", "URINARY_TRACT_INFECTION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a self-catheterising patient with a residual of 50 mL and no infection or retention, when an overactive bladder injection is assessed, then no bladder rule restricts it",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER)),
            a -> {
              noReason(a, "c1", "URINARY_TRACT_INFECTION");
              noReason(a, "c1", "URINARY_RETENTION");
              noReason(a, "c1", "URINARY_RETENTION_MONITORING");
              noReason(a, "c1", "MISSING_INFORMATION");
              noReason(a, "c1", "AUTONOMIC_DYSREFLEXIA_RISK");
              decision(a, "c1", ELIGIBLE);
            }),
        // Urinary retention as a reported condition: refused unless self-catheterisation is routine.
        RuleCase.of("given urinary retention and self-catheterisation not known, when a neurogenic bladder injection is assessed, then retention rules it out and the message says the refusal lifts once self-catheterisation is recorded",
            Intakes.patient().concern(bladder(NEUROGENIC_DETRUSOR_OVERACTIVITY, 50.0, null))
                .comorbidity(Comorbidity.URINARY_RETENTION),
            a -> {
              var r = reason(a, "c1", "URINARY_RETENTION", NOT_ELIGIBLE, "urinary retention",
                  "cleanIntermittentCatheterization is not given", "lifts once routine self-catheterization is recorded");
              assertThat(r.source()).isEqualTo("BOTOX PI §4");
              restsOn(r, "/medicalHistory/conditions/0", "/concerns/0/cleanIntermittentCatheterization");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given urinary retention in a patient who does not self-catheterise, when an overactive bladder injection is assessed, then retention rules it out",
            Intakes.patient().concern(bladder(OVERACTIVE_BLADDER, 50.0, false))
                .comorbidity(Comorbidity.URINARY_RETENTION),
            a -> {
              reason(a, "c1", "URINARY_RETENTION", NOT_ELIGIBLE, "urinary retention", "is false");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given urinary retention in a patient who routinely self-catheterises, when a bladder injection is assessed, then retention does not rule it out",
            Intakes.patient().concern(bladder(OVERACTIVE_BLADDER, 350.0, true))
                .comorbidity(Comorbidity.URINARY_RETENTION),
            a -> {
              noReason(a, "c1", "URINARY_RETENTION");
              noReason(a, "c1", "URINARY_RETENTION_MONITORING");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given urinary retention, when a concern outside the bladder is assessed, then urinary retention does not rule it out",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).comorbidity(Comorbidity.URINARY_RETENTION),
            a -> {
              noReason(a, "c1", "URINARY_RETENTION");
              decision(a, "c1", ELIGIBLE);
            }),
        // The post-void residual: above 200 mL is retention (the boundary is not above it).
        RuleCase.of("given a post-void residual of 201 mL and self-catheterisation not known, when an overactive bladder injection is assessed, then retention rules it out",
            Intakes.patient().concern(bladder(OVERACTIVE_BLADDER, 201.0, null)),
            a -> {
              var r = reason(a, "c1", "URINARY_RETENTION", NOT_ELIGIBLE, "201 mL", "above 200 mL", "not given", "lifts once");
              restsOn(r, "/concerns/0/postVoidResidualMl", "/concerns/0/cleanIntermittentCatheterization");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given a post-void residual of exactly 200 mL, when an overactive bladder injection is assessed, then it is not above the limit and retention does not rule it out",
            Intakes.patient().concern(bladder(OVERACTIVE_BLADDER, 200.0, null)),
            a -> {
              noReason(a, "c1", "URINARY_RETENTION");
              noReason(a, "c1", "MISSING_INFORMATION");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // retention monitoring
            }),
        RuleCase.of("given a post-void residual of 200.5 mL in a patient who does not self-catheterise, then retention rules out the neurogenic bladder injection",
            Intakes.patient().concern(bladder(NEUROGENIC_DETRUSOR_OVERACTIVITY, 200.5, false)),
            a -> reason(a, "c1", "URINARY_RETENTION", NOT_ELIGIBLE, "200.5 mL", "is false")),
        RuleCase.of("given a post-void residual of 450 mL in a patient who routinely self-catheterises, then retention does not rule out the neurogenic bladder injection",
            Intakes.patient().concern(bladder(NEUROGENIC_DETRUSOR_OVERACTIVITY, 450.0, true)),
            a -> {
              noReason(a, "c1", "URINARY_RETENTION");
              noReason(a, "c1", "MISSING_INFORMATION");
              noReason(a, "c1", "URINARY_RETENTION_MONITORING");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // autonomic dysreflexia only
            }),
        // A missing residual volume cannot rule the contraindication out.
        RuleCase.of("given no post-void residual and self-catheterisation not known, when an overactive bladder injection is assessed, then the missing residual needs evaluation",
            Intakes.patient().concern(bladder(OVERACTIVE_BLADDER, null, null)),
            a -> {
              var r = reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "postVoidResidualMl is not given", "200 mL");
              restsOn(r, "/concerns/0/postVoidResidualMl", "/concerns/0/cleanIntermittentCatheterization");
              noReason(a, "c1", "URINARY_RETENTION");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given no post-void residual in a patient who does not self-catheterise, when a neurogenic bladder injection is assessed, then the missing residual needs evaluation",
            Intakes.patient().concern(bladder(NEUROGENIC_DETRUSOR_OVERACTIVITY, null, false)),
            a -> {
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "postVoidResidualMl is not given");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given no post-void residual in a patient who routinely self-catheterises, then nothing is missing for the bladder injection",
            Intakes.patient().concern(bladder(OVERACTIVE_BLADDER, null, true)),
            a -> {
              noReason(a, "c1", "MISSING_INFORMATION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a chronic migraine concern without bladder facts, then no bladder fact is missing",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")),
            a -> {
              noReason(a, "c1", "MISSING_INFORMATION");
              noReason(a, "c1", "URINARY_RETENTION_MONITORING");
            }),
        // Monitoring for retention after treatment.
        RuleCase.of("given a residual of 80 mL and self-catheterisation not known, when an overactive bladder injection is assessed, then retention is monitored: a patient willing and able to catheterise, a residual within 2 weeks",
            Intakes.patient().concern(bladder(OVERACTIVE_BLADDER, 80.0, null)),
            a -> {
              var r = reason(a, "c1", "URINARY_RETENTION_MONITORING", ELIGIBLE_WITH_PRECAUTIONS,
                  "willing and able to catheterise", "within 2 weeks", "up to 12 weeks");
              assertThat(r.source()).isEqualTo("BOTOX PI §5");
              restsOn(r, "/concerns/0/cleanIntermittentCatheterization");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a patient who does not self-catheterise, when a neurogenic bladder injection is assessed, then retention is monitored",
            Intakes.patient().concern(bladder(NEUROGENIC_DETRUSOR_OVERACTIVITY, 80.0, false)),
            a -> reason(a, "c1", "URINARY_RETENTION_MONITORING", ELIGIBLE_WITH_PRECAUTIONS, "within 2 weeks")),
        // Autonomic dysreflexia.
        RuleCase.of("given neurogenic detrusor overactivity without a spinal cord injury reported, when it is assessed, then autonomic dysreflexia is still a precaution",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY)),
            a -> {
              var r = reason(a, "c1", "AUTONOMIC_DYSREFLEXIA_RISK", ELIGIBLE_WITH_PRECAUTIONS,
                  "Neurogenic detrusor overactivity", "blood pressure");
              assertThat(r.message()).doesNotContain("spinal cord injury");
              restsOn(r, "/concerns/0/condition");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given neurogenic detrusor overactivity and a reported spinal cord injury, then the autonomic dysreflexia precaution names it",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY))
                .comorbidity(Comorbidity.SPINAL_CORD_INJURY),
            a -> {
              var r = reason(a, "c1", "AUTONOMIC_DYSREFLEXIA_RISK", ELIGIBLE_WITH_PRECAUTIONS,
                  "spinal cord injury", "blood pressure");
              restsOn(r, "/concerns/0/condition", "/medicalHistory/conditions/0");
            }),
        RuleCase.of("given an overactive bladder patient with a history of autonomic dysreflexia, then autonomic dysreflexia is a precaution of the bladder injection",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER))
                .comorbidity(Comorbidity.AUTONOMIC_DYSREFLEXIA),
            a -> {
              var r = reason(a, "c1", "AUTONOMIC_DYSREFLEXIA_RISK", ELIGIBLE_WITH_PRECAUTIONS,
                  "autonomic dysreflexia", "blood pressure");
              restsOn(r, "/medicalHistory/conditions/0");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given an overactive bladder patient with a spinal cord injury and autonomic dysreflexia, then one autonomic dysreflexia precaution names both",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER))
                .comorbidity(Comorbidity.SPINAL_CORD_INJURY, Comorbidity.AUTONOMIC_DYSREFLEXIA),
            a -> {
              assertThat(reasons(a, "c1", "AUTONOMIC_DYSREFLEXIA_RISK")).hasSize(1);
              reason(a, "c1", "AUTONOMIC_DYSREFLEXIA_RISK", ELIGIBLE_WITH_PRECAUTIONS,
                  "spinal cord injury and autonomic dysreflexia");
            }),
        RuleCase.of("given an overactive bladder patient without a spinal cord injury, then no autonomic dysreflexia precaution",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER)),
            a -> noReason(a, "c1", "AUTONOMIC_DYSREFLEXIA_RISK")),
        RuleCase.of("given a spinal cord injury, when chronic migraine is assessed, then no autonomic dysreflexia precaution (not a bladder concern)",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).comorbidity(Comorbidity.SPINAL_CORD_INJURY),
            a -> {
              noReason(a, "c1", "AUTONOMIC_DYSREFLEXIA_RISK");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given chronic migraine as well, then the bladder rules touch only the bladder concern",
            Intakes.patient().concern(bladder(OVERACTIVE_BLADDER, 300.0, null)).concern("c2", CHRONIC_MIGRAINE),
            a -> {
              reason(a, "c1", "URINARY_RETENTION", NOT_ELIGIBLE, "300 mL");
              noReason(a, "c2", "URINARY_RETENTION");
              noReason(a, "c2", "URINARY_RETENTION_MONITORING");
            }),

        // Knowledge base 1.2: a urinary tract infection is never assumed absent.
        RuleCase.of("given a urinary tract infection excluded 7 days ago, when an overactive bladder injection is assessed, then the exclusion is recent enough",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER).toBuilder().utiExcludedOn(Intakes.TODAY.minusDays(7)).build()),
            a -> {
              noReason(a, "c1", "MISSING_INFORMATION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a urinary tract infection excluded 8 days ago, when an overactive bladder injection is assessed, then the exclusion is too old and a new one is needed",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER).toBuilder().utiExcludedOn(Intakes.TODAY.minusDays(8)).build()),
            a -> {
              var r = reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "utiExcludedOn is " + Intakes.TODAY.minusDays(8), "8 days", "at most 7 days");
              assertThat(r.source()).isEqualTo("BOTOX PI §4");
              restsOn(r, "/concerns/0/utiExcludedOn");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given no utiExcludedOn, when a neurogenic bladder injection is assessed, then the infection check is missing information",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY).toBuilder().utiExcludedOn(null).build()),
            a -> {
              var r = reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "utiExcludedOn is not given", "7 days", "contraindicates");
              restsOn(r, "/concerns/0/utiExcludedOn", "/concerns/0/condition");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given no utiExcludedOn but a reported urinary tract infection, then the infection defers the injection and its exclusion is not asked for",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER).toBuilder().utiExcludedOn(null).build())
                .comorbidity(Comorbidity.URINARY_TRACT_INFECTION),
            a -> {
              noReason(a, "c1", "MISSING_INFORMATION");
              reason(a, "c1", "URINARY_TRACT_INFECTION", DEFERRED, "urinary tract infection");
            }),
        RuleCase.of("given utiExcludedOn 30 days ago on a chronic migraine concern, then it is accepted and ignored (not a bladder concern)",
            Intakes.patient().concern(Intakes.chronicMigraine("c1").toBuilder().utiExcludedOn(Intakes.TODAY.minusDays(30)).build()),
            a -> {
              noReason(a, "c1", "MISSING_INFORMATION");
              decision(a, "c1", ELIGIBLE);
            }),
        // Knowledge base 1.2: recurrent urinary tract infections.
        RuleCase.of("given recurrent urinary tract infections, when a bladder injection is assessed, then a physician weighs benefit and risk",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER))
                .comorbidity(Comorbidity.RECURRENT_URINARY_TRACT_INFECTION),
            a -> {
              var r = reason(a, "c1", "RECURRENT_URINARY_TRACT_INFECTION", NEEDS_MEDICAL_EVALUATION, "recurrent urinary tract infections", "more than 2 in 6 months", "benefit and risk");
              restsOn(r, "/medicalHistory/conditions/0", "/concerns/0/condition");
              noReason(a, "c1", "URINARY_TRACT_INFECTION");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given recurrent urinary tract infections, when chronic migraine is assessed, then nothing is said of them",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).comorbidity(Comorbidity.RECURRENT_URINARY_TRACT_INFECTION),
            a -> {
              noReason(a, "c1", "RECURRENT_URINARY_TRACT_INFECTION");
              decision(a, "c1", ELIGIBLE);
            }),
        // Knowledge base 1.2: antibiotic prophylaxis around the bladder procedure.
        RuleCase.of("given a bladder injection, then prophylactic antibiotics before and after the procedure, never an aminoglycoside, are named (informs)",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY)),
            a -> {
              var r = reason(a, "c1", "BLADDER_PROCEDURE_PROPHYLAXIS", ELIGIBLE, "prophylactic antibiotics", "before and after", "never an aminoglycoside");
              assertThat(r.source()).isEqualTo("BOTOX PI §2");
              assertThat(r.message()).doesNotContain("the patient takes");
              restsOn(r, "/concerns/0/condition");
            }),
        RuleCase.of("given a bladder injection of a patient on gentamicin, then the prophylaxis says expressly that the aminoglycoside taken is not the prophylactic antibiotic",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER)).medication("Gentamicin 40 MG/ML Injectable Solution"),
            a -> {
              var r = reason(a, "c1", "BLADDER_PROCEDURE_PROPHYLAXIS", ELIGIBLE, "never an aminoglycoside", "the patient takes Gentamicin 40 MG/ML Injectable Solution", "choose another antibiotic");
              restsOn(r, "/medicalHistory/medications/0");
            }),
        RuleCase.of("given chronic migraine, then no bladder prophylaxis",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")),
            a -> noReason(a, "c1", "BLADDER_PROCEDURE_PROPHYLAXIS")));
  }
}
