package org.botoxeligibility.rules;

import static org.botoxeligibility.testing.Reasons.restsOn;
import static org.botoxeligibility.intake.ConditionCode.CERVICAL_DYSTONIA;
import static org.botoxeligibility.intake.ConditionCode.CHRONIC_MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.EPISODIC_MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.GLABELLAR_LINES;
import static org.botoxeligibility.intake.ConditionCode.PLATYSMA_BANDS;
import static org.botoxeligibility.assessment.Effect.DEFERRED;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.NEEDS_MEDICAL_EVALUATION;
import static org.botoxeligibility.assessment.Effect.NOT_ELIGIBLE;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/contraindications.drl: for each rule, a case where it applies and a near miss. */
final class ContraindicationsCases {
  private ContraindicationsCases() {}

  /** Days before {@link Intakes#TODAY} of a past treatment well outside the retreatment interval. */
  private static final int LONG_AGO = 200;

  private static String longAgo() {
    return Intakes.TODAY.minusDays(LONG_AGO).toString();
  }

  static List<RuleCase> cases() {
    return List.of(
        // Botulinum toxin allergy is a hypersensitivity risk; Hypersensitivity ... rules out treatment
        RuleCase.of("given an allergy to botulinum toxin, when a cosmetic concern is assessed, then hypersensitivity rules it out",
            Intakes.with(GLABELLAR_LINES).allergy(Allergy.BOTULINUM_TOXIN),
            a -> {
              reason(a, "c1", "BOTULINUM_TOXIN_HYPERSENSITIVITY", NOT_ELIGIBLE,
                  "allergy to botulinum toxin", "contraindicated");
              decision(a, "c1", NOT_ELIGIBLE);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given an allergy to botulinum toxin, when a therapeutic concern is assessed, then hypersensitivity rules it out too",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).allergy(Allergy.BOTULINUM_TOXIN),
            a -> {
              reason(a, "c1", "BOTULINUM_TOXIN_HYPERSENSITIVITY", NOT_ELIGIBLE,
                  "allergy to botulinum toxin");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given an allergy of type other, when a concern is assessed, then there is no botulinum toxin hypersensitivity",
            Intakes.with(GLABELLAR_LINES).allergy(Allergy.OTHER),
            a -> {
              noReason(a, "c1", "BOTULINUM_TOXIN_HYPERSENSITIVITY");
              noReason(a, "c1", "EXCIPIENT_HYPERSENSITIVITY");
              decision(a, "c1", ELIGIBLE);
            }),

        // Allergic reaction after a past treatment is a hypersensitivity risk
        RuleCase.of("given an allergic reaction after a past treatment, when a concern is assessed, then hypersensitivity rules it out",
            Intakes.with(GLABELLAR_LINES).treated(LONG_AGO, GLABELLAR_LINES, 20, Response.GOOD,
                AdverseReaction.ALLERGIC_REACTION),
            a -> {
              reason(a, "c1", "BOTULINUM_TOXIN_HYPERSENSITIVITY", NOT_ELIGIBLE,
                  "allergic reaction after the treatment on " + longAgo() + " (glabellar lines)");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given a past treatment without an allergic reaction, when a concern is assessed, then there is no hypersensitivity",
            Intakes.with(GLABELLAR_LINES).treated(LONG_AGO, GLABELLAR_LINES, 20, Response.GOOD),
            a -> {
              noReason(a, "c1", "BOTULINUM_TOXIN_HYPERSENSITIVITY");
              decision(a, "c1", ELIGIBLE);
            }),

        // Human albumin allergy rules out treatment
        RuleCase.of("given an allergy to human albumin, when a concern is assessed, then the excipient allergy rules it out",
            Intakes.with(GLABELLAR_LINES).allergy(Allergy.HUMAN_ALBUMIN),
            a -> {
              reason(a, "c1", "EXCIPIENT_HYPERSENSITIVITY", NOT_ELIGIBLE, "human albumin", "excipient");
              noReason(a, "c1", "COW_MILK_PROTEIN_ALLERGY");
              noReason(a, "c1", "BOTULINUM_TOXIN_HYPERSENSITIVITY");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given an allergy to human albumin, when a therapeutic concern is assessed, then the excipient allergy rules it out",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).allergy(Allergy.HUMAN_ALBUMIN),
            a -> {
              reason(a, "c1", "EXCIPIENT_HYPERSENSITIVITY", NOT_ELIGIBLE, "human albumin");
              decision(a, "c1", NOT_ELIGIBLE);
            }),

        // Cow's milk protein allergy rules out abobotulinumtoxinA only
        RuleCase.of("given a cow's milk protein allergy, when a concern is assessed, then it only informs to avoid abobotulinumtoxinA",
            Intakes.with(GLABELLAR_LINES).allergy(Allergy.COW_MILK_PROTEIN),
            a -> {
              reason(a, "c1", "COW_MILK_PROTEIN_ALLERGY", ELIGIBLE, "cow's milk protein",
                  "abobotulinumtoxinA");
              noReason(a, "c1", "EXCIPIENT_HYPERSENSITIVITY");
              decision(a, "c1", ELIGIBLE);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isEqualTo(Intakes.TODAY);
            }),
        RuleCase.of("given no cow's milk protein allergy, when a concern is assessed, then no abobotulinumtoxinA warning",
            Intakes.with(GLABELLAR_LINES).allergy(Allergy.OTHER),
            a -> noReason(a, "c1", "COW_MILK_PROTEIN_ALLERGY")),

        // Infection at an injection site defers treatment
        RuleCase.of("given an infection at the glabella, when glabellar lines are assessed, then treatment is deferred without a date",
            Intakes.with(GLABELLAR_LINES).infection(Site.GLABELLA),
            a -> {
              reason(a, "c1", "INJECTION_SITE_INFECTION", DEFERRED, "glabella", "no date");
              decision(a, "c1", DEFERRED);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given an infection at the neck, when glabellar lines are assessed, then the infection is not at an injection site",
            Intakes.with(GLABELLAR_LINES).infection(Site.NECK),
            a -> {
              noReason(a, "c1", "INJECTION_SITE_INFECTION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given an infection at the neck, when chronic migraine at its usual sites is assessed, then the neck site defers it",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).infection(Site.NECK),
            a -> {
              reason(a, "c1", "INJECTION_SITE_INFECTION", DEFERRED, "neck");
              decision(a, "c1", DEFERRED);
            }),
        RuleCase.of("given an infection at the neck, when chronic migraine is given only scalp and forehead sites, then the infection is not at its sites",
            Intakes.patient().concern(Intakes.chronicMigraine("c1").withSites(List.of(Site.SCALP, Site.FOREHEAD)))
                .infection(Site.NECK),
            a -> {
              noReason(a, "c1", "INJECTION_SITE_INFECTION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given an infection at the neck and two concerns, when they are assessed, then only the concern injecting the neck is deferred",
            Intakes.with(GLABELLAR_LINES).concern("c2", PLATYSMA_BANDS).infection(Site.NECK),
            a -> {
              noReason(a, "c1", "INJECTION_SITE_INFECTION");
              decision(a, "c1", ELIGIBLE);
              reason(a, "c2", "INJECTION_SITE_INFECTION", DEFERRED, "neck");
              decision(a, "c2", DEFERRED);
            }),

        // Neuromuscular disorder rules out cosmetic treatment
        RuleCase.of("given myasthenia gravis, when a cosmetic concern is assessed, then the neuromuscular disorder rules it out",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.MYASTHENIA_GRAVIS),
            a -> {
              reason(a, "c1", "NEUROMUSCULAR_DISORDER", NOT_ELIGIBLE, "myasthenia gravis", "cosmetic");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given Lambert-Eaton syndrome, when a cosmetic concern is assessed, then the neuromuscular disorder rules it out",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.LAMBERT_EATON_SYNDROME),
            a -> reason(a, "c1", "NEUROMUSCULAR_DISORDER", NOT_ELIGIBLE, "lambert eaton syndrome")),
        RuleCase.of("given amyotrophic lateral sclerosis, when a cosmetic concern is assessed, then the neuromuscular disorder rules it out",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.AMYOTROPHIC_LATERAL_SCLEROSIS),
            a -> reason(a, "c1", "NEUROMUSCULAR_DISORDER", NOT_ELIGIBLE, "amyotrophic lateral sclerosis")),
        RuleCase.of("given a motor neuropathy, when a cosmetic concern is assessed, then the neuromuscular disorder rules it out",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.MOTOR_NEUROPATHY),
            a -> reason(a, "c1", "NEUROMUSCULAR_DISORDER", NOT_ELIGIBLE, "motor neuropathy")),
        RuleCase.of("given another neuromuscular disorder, when a cosmetic concern is assessed, then it is ruled out",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.OTHER_NEUROMUSCULAR_DISORDER),
            a -> reason(a, "c1", "NEUROMUSCULAR_DISORDER", NOT_ELIGIBLE, "other neuromuscular disorder")),
        RuleCase.of("given a comorbidity that is not neuromuscular, when a cosmetic concern is assessed, then no neuromuscular reason",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.BLEEDING_DISORDER),
            a -> noReason(a, "c1", "NEUROMUSCULAR_DISORDER")),

        // Neuromuscular disorder needs specialist evaluation before therapeutic treatment
        RuleCase.of("given myasthenia gravis, when a therapeutic concern is assessed, then the neuromuscular disorder needs specialist evaluation",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).comorbidity(Comorbidity.MYASTHENIA_GRAVIS),
            a -> {
              reason(a, "c1", "NEUROMUSCULAR_DISORDER", NEEDS_MEDICAL_EVALUATION, "myasthenia gravis",
                  "specialist");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given a motor neuropathy, when cervical dystonia is assessed, then the neuromuscular disorder needs specialist evaluation",
            Intakes.patient().concern(Intakes.dystonia("c1")).comorbidity(Comorbidity.MOTOR_NEUROPATHY),
            a -> reason(a, "c1", "NEUROMUSCULAR_DISORDER", NEEDS_MEDICAL_EVALUATION, "motor neuropathy")),
        RuleCase.of("given myasthenia gravis and a cosmetic and a therapeutic concern, when they are assessed, then each gets the effect of its category",
            Intakes.with(GLABELLAR_LINES).concern(Intakes.chronicMigraine("c2"))
                .comorbidity(Comorbidity.MYASTHENIA_GRAVIS),
            a -> {
              reason(a, "c1", "NEUROMUSCULAR_DISORDER", NOT_ELIGIBLE, "myasthenia gravis");
              reason(a, "c2", "NEUROMUSCULAR_DISORDER", NEEDS_MEDICAL_EVALUATION, "myasthenia gravis");
            }),

        // Dysphagia or respiratory compromise is a swallowing or breathing risk;
        // Swallowing or breathing risk rules out cosmetic injection of the neck
        RuleCase.of("given dysphagia, when cosmetic neck bands are assessed, then the swallowing risk rules out injecting the neck",
            Intakes.with(PLATYSMA_BANDS).comorbidity(Comorbidity.DYSPHAGIA),
            a -> {
              reason(a, "c1", "SWALLOWING_OR_BREATHING_RISK", NOT_ELIGIBLE, "dysphagia", "neck",
                  "cosmetic");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given respiratory compromise, when cosmetic neck bands are assessed, then the breathing risk rules out injecting the neck",
            Intakes.with(PLATYSMA_BANDS).comorbidity(Comorbidity.RESPIRATORY_COMPROMISE),
            a -> reason(a, "c1", "SWALLOWING_OR_BREATHING_RISK", NOT_ELIGIBLE, "respiratory compromise",
                "neck")),
        RuleCase.of("given no swallowing or breathing problem, when cosmetic neck bands are assessed, then no swallowing risk",
            Intakes.with(PLATYSMA_BANDS).comorbidity(Comorbidity.DRY_EYE),
            a -> {
              noReason(a, "c1", "SWALLOWING_OR_BREATHING_RISK");
              decision(a, "c1", ELIGIBLE);
            }),

        // Swallowing or breathing risk needs evaluation before therapeutic injection of the neck
        RuleCase.of("given dysphagia, when cervical dystonia of the neck is assessed, then the swallowing risk needs evaluation",
            Intakes.patient().concern(Intakes.dystonia("c1")).comorbidity(Comorbidity.DYSPHAGIA),
            a -> {
              reason(a, "c1", "SWALLOWING_OR_BREATHING_RISK", NEEDS_MEDICAL_EVALUATION, "dysphagia",
                  "neck", "physician");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given respiratory compromise, when chronic migraine at its usual sites (neck included) is assessed, then the breathing risk needs evaluation",
            Intakes.patient().concern(Intakes.chronicMigraine("c1"))
                .comorbidity(Comorbidity.RESPIRATORY_COMPROMISE),
            a -> reason(a, "c1", "SWALLOWING_OR_BREATHING_RISK", NEEDS_MEDICAL_EVALUATION,
                "respiratory compromise", "injects the neck")),

        // Swallowing or breathing risk needs evaluation before injection elsewhere
        RuleCase.of("given dysphagia, when cosmetic glabellar lines away from the neck are assessed, then the boxed warning needs evaluation",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.DYSPHAGIA),
            a -> {
              reason(a, "c1", "SWALLOWING_OR_BREATHING_RISK", NEEDS_MEDICAL_EVALUATION, "dysphagia",
                  "boxed warning");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given dysphagia, when chronic migraine is given only scalp and forehead sites, then the boxed warning applies, not the neck rule",
            Intakes.patient().concern(Intakes.chronicMigraine("c1").withSites(List.of(Site.SCALP, Site.FOREHEAD)))
                .comorbidity(Comorbidity.DYSPHAGIA),
            a -> reason(a, "c1", "SWALLOWING_OR_BREATHING_RISK", NEEDS_MEDICAL_EVALUATION, "dysphagia",
                "boxed warning")),
        RuleCase.of("given dysphagia, when episodic migraine with no sites is assessed, then the boxed warning still applies",
            Intakes.with(EPISODIC_MIGRAINE).comorbidity(Comorbidity.DYSPHAGIA),
            a -> reason(a, "c1", "SWALLOWING_OR_BREATHING_RISK", NEEDS_MEDICAL_EVALUATION, "dysphagia",
                "boxed warning")),

        // Swallowing or breathing difficulty after a past treatment is a swallowing or breathing risk
        RuleCase.of("given difficulty swallowing after a past treatment, when cosmetic neck bands are assessed, then the swallowing risk rules them out",
            Intakes.with(PLATYSMA_BANDS).treated(LONG_AGO, CERVICAL_DYSTONIA, 200, Response.GOOD,
                AdverseReaction.DYSPHAGIA),
            a -> {
              reason(a, "c1", "SWALLOWING_OR_BREATHING_RISK", NOT_ELIGIBLE,
                  "difficulty swallowing after the treatment on " + longAgo() + " (cervical dystonia)");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given breathing difficulty after a past treatment, when glabellar lines are assessed, then the boxed warning needs evaluation",
            Intakes.with(GLABELLAR_LINES).treated(LONG_AGO, CHRONIC_MIGRAINE, 155, Response.GOOD,
                AdverseReaction.BREATHING_DIFFICULTY),
            a -> {
              reason(a, "c1", "SWALLOWING_OR_BREATHING_RISK", NEEDS_MEDICAL_EVALUATION,
                  "breathing difficulty after the treatment on " + longAgo() + " (chronic migraine)");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given muscle weakness after a past treatment for another condition, when neck bands are assessed, then no swallowing risk",
            Intakes.with(PLATYSMA_BANDS).treated(LONG_AGO, CERVICAL_DYSTONIA, 200, Response.GOOD,
                AdverseReaction.MUSCLE_WEAKNESS),
            a -> {
              noReason(a, "c1", "SWALLOWING_OR_BREATHING_RISK");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given myasthenia gravis, when a cosmetic concern is refused, then the source says the refusal is clinic policy on the label's warning",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.MYASTHENIA_GRAVIS),
            a -> {
              var r = reason(a, "c1", "NEUROMUSCULAR_DISORDER", NOT_ELIGIBLE, "myasthenia gravis", "this clinic does not offer");
              assertThat(r.source()).isEqualTo("Clinic policy on the BOTOX PI §5 warning");
              restsOn(r, "/medicalHistory/conditions/0");
            }),
        RuleCase.of("given dysphagia, when cosmetic neck bands are refused, then the source says the refusal is clinic policy on the label's warning",
            Intakes.with(PLATYSMA_BANDS).comorbidity(Comorbidity.DYSPHAGIA),
            a -> {
              var r = reason(a, "c1", "SWALLOWING_OR_BREATHING_RISK", NOT_ELIGIBLE, "dysphagia", "neck");
              assertThat(r.source()).isEqualTo("Clinic policy on the BOTOX PI §5 warning");
              restsOn(r, "/medicalHistory/conditions/0", "/concerns/0");
            }));
  }
}
