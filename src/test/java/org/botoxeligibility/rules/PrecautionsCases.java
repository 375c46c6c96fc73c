package org.botoxeligibility.rules;

import static org.botoxeligibility.testing.Reasons.restsOn;
import static org.botoxeligibility.intake.ConditionCode.BLEPHAROSPASM;
import static org.botoxeligibility.intake.ConditionCode.CERVICAL_DYSTONIA;
import static org.botoxeligibility.intake.ConditionCode.FOREHEAD_LINES;
import static org.botoxeligibility.intake.ConditionCode.GLABELLAR_LINES;
import static org.botoxeligibility.intake.ConditionCode.LATERAL_CANTHAL_LINES;
import static org.botoxeligibility.intake.ConditionCode.PLATYSMA_BANDS;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/precautions.drl: for each rule, a case where it applies and a near miss. */
final class PrecautionsCases {
  private PrecautionsCases() {}

  /** Days before {@link Intakes#TODAY} of a past treatment well outside the retreatment interval. */
  private static final int LONG_AGO = 200;

  static List<RuleCase> cases() {
    String longAgo = Intakes.TODAY.minusDays(LONG_AGO).toString();
    return List.of(
        // Eyelid ptosis is a ptosis risk; Ptosis risk calls for care when injecting near the eyes or brow
        RuleCase.of("given eyelid ptosis, when glabellar lines are injected, then the ptosis risk calls for precautions",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.EYELID_PTOSIS),
            a -> {
              reason(a, "c1", "PTOSIS_RISK", ELIGIBLE_WITH_PRECAUTIONS,
                  "eyelid ptosis (reported condition)", "glabella");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isEqualTo(Intakes.TODAY);
              assertThat(recommendation(a, "c1").readyToBook()).isTrue();
            }),
        RuleCase.of("given eyelid ptosis, when crow's feet are injected periorbitally, then the ptosis risk calls for precautions",
            Intakes.with(LATERAL_CANTHAL_LINES).comorbidity(Comorbidity.EYELID_PTOSIS),
            a -> reason(a, "c1", "PTOSIS_RISK", ELIGIBLE_WITH_PRECAUTIONS, "eyelid ptosis", "periorbital")),
        RuleCase.of("given eyelid ptosis, when forehead and glabellar lines are injected, then the forehead concern has the ptosis risk",
            Intakes.with(FOREHEAD_LINES).concern("c2", GLABELLAR_LINES).comorbidity(Comorbidity.EYELID_PTOSIS),
            a -> reason(a, "c1", "PTOSIS_RISK", ELIGIBLE_WITH_PRECAUTIONS, "eyelid ptosis", "forehead")),
        RuleCase.of("given eyelid ptosis, when blepharospasm of the eyelid is treated, then the ptosis risk calls for precautions",
            Intakes.with(BLEPHAROSPASM).comorbidity(Comorbidity.EYELID_PTOSIS),
            a -> reason(a, "c1", "PTOSIS_RISK", ELIGIBLE_WITH_PRECAUTIONS, "eyelid ptosis", "eyelid")),
        RuleCase.of("given eyelid ptosis, when chronic migraine at its usual sites (forehead included) is treated, then the ptosis risk applies",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).comorbidity(Comorbidity.EYELID_PTOSIS),
            a -> reason(a, "c1", "PTOSIS_RISK", ELIGIBLE_WITH_PRECAUTIONS, "eyelid ptosis", "forehead")),
        RuleCase.of("given eyelid ptosis, when chronic migraine is given only neck and shoulder sites, then no ptosis risk",
            Intakes.patient().concern(Intakes.chronicMigraine("c1").withSites(List.of(Site.NECK, Site.SHOULDER)))
                .comorbidity(Comorbidity.EYELID_PTOSIS),
            a -> {
              noReason(a, "c1", "PTOSIS_RISK");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given eyelid ptosis, when neck bands away from the eyes are injected, then no ptosis risk",
            Intakes.with(PLATYSMA_BANDS).comorbidity(Comorbidity.EYELID_PTOSIS),
            a -> {
              noReason(a, "c1", "PTOSIS_RISK");
              decision(a, "c1", ELIGIBLE);
            }),

        // Eyelid ptosis after a past treatment is a ptosis risk
        RuleCase.of("given eyelid ptosis after a past treatment, when glabellar lines are injected, then the ptosis risk calls for precautions",
            Intakes.with(GLABELLAR_LINES).treated(LONG_AGO, GLABELLAR_LINES, 20, Response.GOOD,
                AdverseReaction.EYELID_PTOSIS),
            a -> {
              reason(a, "c1", "PTOSIS_RISK", ELIGIBLE_WITH_PRECAUTIONS,
                  "eyelid ptosis after the treatment on " + longAgo + " (glabellar lines)", "glabella");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a past treatment without eyelid ptosis, when glabellar lines are injected, then no ptosis risk",
            Intakes.with(GLABELLAR_LINES).treated(LONG_AGO, GLABELLAR_LINES, 20, Response.GOOD),
            a -> {
              noReason(a, "c1", "PTOSIS_RISK");
              decision(a, "c1", ELIGIBLE);
            }),

        // Dry eye calls for care when injecting around the eyes
        RuleCase.of("given dry eye, when crow's feet are injected periorbitally, then the dry eye risk calls for precautions",
            Intakes.with(LATERAL_CANTHAL_LINES).comorbidity(Comorbidity.DRY_EYE),
            a -> {
              reason(a, "c1", "DRY_EYE_RISK", ELIGIBLE_WITH_PRECAUTIONS, "dry eye", "periorbital");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given dry eye, when blepharospasm of the eyelid is treated, then the dry eye risk calls for precautions",
            Intakes.with(BLEPHAROSPASM).comorbidity(Comorbidity.DRY_EYE),
            a -> {
              reason(a, "c1", "DRY_EYE_RISK", ELIGIBLE_WITH_PRECAUTIONS, "dry eye", "eyelid");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given dry eye, when glabellar lines between the brows are injected, then no dry eye risk",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.DRY_EYE),
            a -> {
              noReason(a, "c1", "DRY_EYE_RISK");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given eyelid ptosis but no dry eye, when crow's feet are injected, then no dry eye risk",
            Intakes.with(LATERAL_CANTHAL_LINES).comorbidity(Comorbidity.EYELID_PTOSIS),
            a -> noReason(a, "c1", "DRY_EYE_RISK")),

        // Cardiovascular disease calls for precautions
        RuleCase.of("given cardiovascular disease, when a cosmetic concern is assessed, then it calls for precautions",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.CARDIOVASCULAR_DISEASE),
            a -> {
              reason(a, "c1", "CARDIOVASCULAR_DISEASE", ELIGIBLE_WITH_PRECAUTIONS,
                  "cardiovascular disease");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given cardiovascular disease, when a therapeutic concern is assessed, then it calls for precautions",
            Intakes.patient().concern(Intakes.dystonia("c1")).comorbidity(Comorbidity.CARDIOVASCULAR_DISEASE),
            a -> {
              reason(a, "c1", "CARDIOVASCULAR_DISEASE", ELIGIBLE_WITH_PRECAUTIONS,
                  "cardiovascular disease");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given no cardiovascular disease, when a concern is assessed, then no cardiovascular precaution",
            Intakes.with(GLABELLAR_LINES).concern(Intakes.chronicMigraine("c2"))
                .comorbidity(Comorbidity.DRY_EYE),
            a -> {
              noReason(a, "c1", "CARDIOVASCULAR_DISEASE");
              noReason(a, "c2", "CARDIOVASCULAR_DISEASE");
              decision(a, "c1", ELIGIBLE);
              decision(a, "c2", ELIGIBLE);
            }),
        RuleCase.of("given cardiovascular disease and a cosmetic and a therapeutic concern, then each cites its own label",
            Intakes.with(GLABELLAR_LINES).concern(Intakes.chronicMigraine("c2")).comorbidity(Comorbidity.CARDIOVASCULAR_DISEASE),
            a -> {
              var cosmetic = reason(a, "c1", "CARDIOVASCULAR_DISEASE", ELIGIBLE_WITH_PRECAUTIONS, "cardiovascular disease");
              assertThat(cosmetic.source()).isEqualTo("BOTOX Cosmetic PI §5");
              var therapeutic = reason(a, "c2", "CARDIOVASCULAR_DISEASE", ELIGIBLE_WITH_PRECAUTIONS, "since marketing");
              assertThat(therapeutic.source()).isEqualTo("BOTOX PI §6, post-marketing");
              restsOn(therapeutic, "/medicalHistory/conditions/0");
            }),

        // Knowledge base 1.2: each label cites its own warning.
        RuleCase.of("given dry eye, when crow's feet (cosmetic) are assessed, then the precaution cites the BOTOX Cosmetic PI and its advice to refer to an ophthalmologist",
            Intakes.with(LATERAL_CANTHAL_LINES).comorbidity(Comorbidity.DRY_EYE),
            a -> assertThat(reason(a, "c1", "DRY_EYE_RISK", ELIGIBLE_WITH_PRECAUTIONS, "dry eye", "ophthalmologist").source())
                .isEqualTo("BOTOX Cosmetic PI §5")),
        RuleCase.of("given dry eye, when blepharospasm (therapeutic) is assessed, then the precaution cites the BOTOX PI",
            Intakes.with(BLEPHAROSPASM).comorbidity(Comorbidity.DRY_EYE),
            a -> assertThat(reason(a, "c1", "DRY_EYE_RISK", ELIGIBLE_WITH_PRECAUTIONS, "dry eye", "protect the cornea").source())
                .isEqualTo("BOTOX PI §5")),
        RuleCase.of("given eyelid ptosis, when blepharospasm (therapeutic) is assessed, then the ptosis precaution cites the BOTOX PI",
            Intakes.with(BLEPHAROSPASM).comorbidity(Comorbidity.EYELID_PTOSIS),
            a -> assertThat(reason(a, "c1", "PTOSIS_RISK", ELIGIBLE_WITH_PRECAUTIONS, "eyelid ptosis", "eyelid").source())
                .isEqualTo("BOTOX PI §5")),
        RuleCase.of("given eyelid ptosis, when glabellar lines (cosmetic) are assessed, then the ptosis precaution cites the BOTOX Cosmetic PI",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.EYELID_PTOSIS),
            a -> assertThat(reason(a, "c1", "PTOSIS_RISK", ELIGIBLE_WITH_PRECAUTIONS, "eyelid ptosis", "glabella").source())
                .isEqualTo("BOTOX Cosmetic PI §5")));
  }
}
