package org.botoxeligibility.rules;

import static org.botoxeligibility.intake.ConditionCode.AXILLARY_HYPERHIDROSIS;
import static org.botoxeligibility.intake.ConditionCode.CHRONIC_MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.EPISODIC_MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.EXCESSIVE_SWEATING;
import static org.botoxeligibility.intake.ConditionCode.GLABELLAR_LINES;
import static org.botoxeligibility.intake.ConditionCode.MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.MUSCLE_SPASM;
import static org.botoxeligibility.intake.ConditionCode.PALMAR_HYPERHIDROSIS;
import static org.botoxeligibility.intake.ConditionCode.PLANTAR_HYPERHIDROSIS;
import static org.botoxeligibility.intake.ConditionCode.SPASTICITY;
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
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.assessment.Category;
import org.botoxeligibility.assessment.Insurance;
import org.botoxeligibility.assessment.LabelStatus;
import org.botoxeligibility.assessment.Mechanism;
import org.botoxeligibility.assessment.Range;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/classification.drl: for each rule, a case where it applies and a near miss. */
final class ClassificationCases {
  private ClassificationCases() {}

  /** A migraine alias with every chronic migraine criterion and the payer's criteria but the headache days. */
  private static Concern migraine(Integer headacheDays) {
    return Concern.of("c1", MIGRAINE).withHeadache(headacheDays, null, 6.0, 14)
        .withPriorTherapiesFailed(2);
  }

  /** An excessive-sweating alias at the given sites, with the work-up and first-line therapy done. */
  private static Concern sweating(Site... sites) {
    return Concern.of("c1", EXCESSIVE_SWEATING).withSites(List.of(sites))
        .withSecondaryCauseExcluded(true).withPriorTherapiesFailed(1);
  }

  /** A concern given only by its ICD-10-CM code, as the canonical constructor allows. */
  private static Concern icd10(String code, Integer headacheDays, Integer migraineDays,
      Double hours, Integer months, Integer priorTherapies) {
    return new Concern("c1", null, code, List.of(), headacheDays, migraineDays, hours, months,
        priorTherapies, null, null, null, null, null);
  }

  static List<RuleCase> cases() {
    return List.of(
        // Catalog condition is assessed as named
        RuleCase.of("given a catalog condition, when classification runs, then the concern is assessed under its own row without a classification reason",
            Intakes.with(GLABELLAR_LINES),
            a -> {
              Recommendation r = recommendation(a, "c1");
              assertThat(r.condition()).isEqualTo(GLABELLAR_LINES);
              assertThat(r.conditionName()).isEqualTo("Frown lines (glabellar lines)");
              assertThat(r.category()).isEqualTo(Category.COSMETIC);
              noReason(a, "c1", "CONDITION_CLASSIFIED");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a chronic migraine named as such, when classification runs, then it is not reclassified from headache days",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")),
            a -> {
              assertThat(recommendation(a, "c1").condition()).isEqualTo(CHRONIC_MIGRAINE);
              noReason(a, "c1", "CONDITION_CLASSIFIED");
              decision(a, "c1", ELIGIBLE);
            }),

        // Migraine at the chronic headache frequency is classified as chronic migraine
        RuleCase.of("given a migraine with 15 headache days a month, when it is classified, then it is chronic migraine (boundary included)",
            Intakes.patient().concern(migraine(15)),
            a -> {
              reason(a, "c1", "CONDITION_CLASSIFIED", ELIGIBLE, "15 headache days", "15 or more",
                  "chronic migraine");
              Recommendation r = recommendation(a, "c1");
              assertThat(r.condition()).isEqualTo(CHRONIC_MIGRAINE);
              assertThat(r.conditionName()).isEqualTo("Chronic migraine");
              assertThat(r.insurance()).isEqualTo(Insurance.LIKELY_COVERED);
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET", ELIGIBLE, "15 headache days");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a migraine with 31 headache days a month, when it is classified, then it is chronic migraine",
            Intakes.patient().concern(migraine(31)),
            a -> {
              reason(a, "c1", "CONDITION_CLASSIFIED", ELIGIBLE, "31 headache days", "chronic migraine");
              assertThat(recommendation(a, "c1").condition()).isEqualTo(CHRONIC_MIGRAINE);
            }),

        // Migraine below the chronic headache frequency is classified as episodic migraine
        RuleCase.of("given a migraine with 14 headache days a month, when it is classified, then it is episodic migraine, not offered (boundary)",
            Intakes.patient().concern(migraine(14)),
            a -> {
              reason(a, "c1", "CONDITION_CLASSIFIED", ELIGIBLE, "14 headache days", "fewer than 15",
                  "episodic migraine");
              Recommendation r = recommendation(a, "c1");
              assertThat(r.condition()).isEqualTo(EPISODIC_MIGRAINE);
              assertThat(r.conditionName()).isEqualTo("Episodic migraine");
              assertThat(r.labelStatus()).isEqualTo(LabelStatus.NOT_RECOMMENDED);
              assertThat(r.insurance()).isEqualTo(Insurance.NOT_COVERED);
              reason(a, "c1", "NOT_AN_EFFECTIVE_USE", NOT_ELIGIBLE, "episodic migraine");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given a migraine with 0 headache days a month, when it is classified, then it is episodic migraine",
            Intakes.patient().concern(migraine(0)),
            a -> {
              reason(a, "c1", "CONDITION_CLASSIFIED", ELIGIBLE, "0 headache days", "episodic migraine");
              assertThat(recommendation(a, "c1").condition()).isEqualTo(EPISODIC_MIGRAINE);
            }),

        // Migraine without a headache frequency stays unclassified
        RuleCase.of("given a migraine without headache days a month, when it is classified, then it stays unclassified and needs a headache diary",
            Intakes.patient().concern(migraine(null)),
            a -> {
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "headacheDaysPerMonth",
                  "headache diary", "15 or more");
              Recommendation r = recommendation(a, "c1");
              assertThat(r.condition()).isEqualTo(MIGRAINE);
              assertThat(r.conditionName()).isEqualTo("Migraine (not yet classified)");
              assertThat(r.insurance()).isEqualTo(Insurance.CRITERIA_NOT_MET);
              noReason(a, "c1", "CONDITION_CLASSIFIED");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET");
              noReason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_NOT_MET");
              noReason(a, "c1", "PAYER_CRITERIA_NOT_MET");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
              assertThat(r.earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given an unclassified migraine, when it is assessed, then it carries the facts of the chronic migraine row",
            Intakes.with(MIGRAINE),
            a -> {
              Recommendation r = recommendation(a, "c1");
              assertThat(r.condition()).isEqualTo(MIGRAINE);
              assertThat(r.category()).isEqualTo(Category.THERAPEUTIC);
              assertThat(r.labelStatus()).isEqualTo(LabelStatus.ON_LABEL);
              assertThat(r.mechanisms()).containsExactly(Mechanism.NERVE, Mechanism.MUSCLE);
              assertThat(r.plannedUnits()).isEqualTo(155);
              assertThat(r.expectedOnsetDays()).isEqualTo(new Range(2, 3));
              assertThat(r.fullEffectDays()).isEqualTo(14);
              assertThat(r.maintenanceIntervalWeeks()).isEqualTo(12);
              assertThat(r.sideEffects()).contains("Neck pain");
              assertThat(r.insurance()).isEqualTo(Insurance.CRITERIA_NOT_MET);
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "headacheDaysPerMonth");
              noReason(a, "c1", "PAYER_CRITERIA_NOT_MET");
            }),

        // Excessive sweating of the underarms alone is classified as axillary hyperhidrosis
        RuleCase.of("given excessive sweating of the axilla alone, when it is classified, then it is axillary hyperhidrosis",
            Intakes.patient().concern(sweating(Site.AXILLA)),
            a -> {
              reason(a, "c1", "CONDITION_CLASSIFIED", ELIGIBLE, "underarms", "axilla",
                  "axillary hyperhidrosis");
              Recommendation r = recommendation(a, "c1");
              assertThat(r.condition()).isEqualTo(AXILLARY_HYPERHIDROSIS);
              assertThat(r.insurance()).isEqualTo(Insurance.LIKELY_COVERED);
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given excessive sweating of the axilla and the neck, when it is classified, then exactly one sweating area makes it axillary hyperhidrosis",
            Intakes.patient().concern(sweating(Site.AXILLA, Site.NECK)),
            a -> {
              reason(a, "c1", "CONDITION_CLASSIFIED", ELIGIBLE, "axilla", "axillary hyperhidrosis");
              assertThat(recommendation(a, "c1").condition()).isEqualTo(AXILLARY_HYPERHIDROSIS);
            }),

        // Excessive sweating of the palms alone is classified as palmar hyperhidrosis
        RuleCase.of("given excessive sweating of the palm alone, when it is classified, then it is palmar hyperhidrosis",
            Intakes.patient().concern(sweating(Site.PALM)),
            a -> {
              reason(a, "c1", "CONDITION_CLASSIFIED", ELIGIBLE, "palm", "palmar hyperhidrosis");
              Recommendation r = recommendation(a, "c1");
              assertThat(r.condition()).isEqualTo(PALMAR_HYPERHIDROSIS);
              assertThat(r.insurance()).isEqualTo(Insurance.UNLIKELY);
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),

        // Excessive sweating of the soles alone is classified as plantar hyperhidrosis
        RuleCase.of("given excessive sweating of the sole alone, when it is classified, then it is plantar hyperhidrosis",
            Intakes.patient().concern(sweating(Site.SOLE)),
            a -> {
              reason(a, "c1", "CONDITION_CLASSIFIED", ELIGIBLE, "soles", "sole", "plantar hyperhidrosis");
              Recommendation r = recommendation(a, "c1");
              assertThat(r.condition()).isEqualTo(PLANTAR_HYPERHIDROSIS);
              assertThat(r.insurance()).isEqualTo(Insurance.UNLIKELY);
            }),

        // Excessive sweating without exactly one area stays unclassified
        RuleCase.of("given excessive sweating without sites, when it is classified, then it stays unclassified and needs the area",
            Intakes.patient().concern(sweating()),
            a -> {
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "exactly one area",
                  "sites given: none");
              Recommendation r = recommendation(a, "c1");
              assertThat(r.condition()).isEqualTo(EXCESSIVE_SWEATING);
              assertThat(r.conditionName()).isEqualTo("Excessive sweating (area not given)");
              assertThat(r.category()).isEqualTo(Category.THERAPEUTIC);
              assertThat(r.mechanisms()).containsExactly(Mechanism.GLAND);
              assertThat(r.plannedUnits()).isEqualTo(100);
              assertThat(r.maintenanceIntervalWeeks()).isEqualTo(26);
              assertThat(r.insurance()).isEqualTo(Insurance.CRITERIA_NOT_MET);
              noReason(a, "c1", "CONDITION_CLASSIFIED");
              noReason(a, "c1", "SECONDARY_CAUSE_NOT_EXCLUDED");
              noReason(a, "c1", "FIRST_LINE_THERAPY_NOT_TRIED");
              noReason(a, "c1", "PAYER_CRITERIA_NOT_MET");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given excessive sweating of the axilla and the palm, when it is classified, then two areas leave it unclassified",
            Intakes.patient().concern(sweating(Site.AXILLA, Site.PALM)),
            a -> {
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "exactly one area",
                  "sites given: axilla, palm");
              assertThat(recommendation(a, "c1").condition()).isEqualTo(EXCESSIVE_SWEATING);
              assertThat(recommendation(a, "c1").conditionName())
                  .isEqualTo("Excessive sweating (area not given)");
              noReason(a, "c1", "CONDITION_CLASSIFIED");
            }),
        RuleCase.of("given excessive sweating of the axilla and the sole, when it is classified, then two areas leave it unclassified",
            Intakes.patient().concern(sweating(Site.AXILLA, Site.SOLE)),
            a -> {
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "axilla, sole");
              assertThat(recommendation(a, "c1").condition()).isEqualTo(EXCESSIVE_SWEATING);
              noReason(a, "c1", "CONDITION_CLASSIFIED");
            }),
        RuleCase.of("given excessive sweating of the palm and the sole, when it is classified, then two areas leave it unclassified",
            Intakes.patient().concern(sweating(Site.PALM, Site.SOLE)),
            a -> {
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "palm, sole");
              assertThat(recommendation(a, "c1").condition()).isEqualTo(EXCESSIVE_SWEATING);
              noReason(a, "c1", "CONDITION_CLASSIFIED");
            }),
        RuleCase.of("given excessive sweating of the neck only, when it is classified, then none of the three areas leaves it unclassified",
            Intakes.patient().concern(sweating(Site.NECK)),
            a -> {
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "sites given: neck");
              assertThat(recommendation(a, "c1").condition()).isEqualTo(EXCESSIVE_SWEATING);
              noReason(a, "c1", "CONDITION_CLASSIFIED");
            }),

        // Muscle spasm needs the area to treat
        RuleCase.of("given muscle spasm without sites, when it is assessed, then the area to treat is missing information",
            Intakes.with(MUSCLE_SPASM),
            a -> {
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "sites",
                  "area to treat");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given muscle spasm of the lower back, when it is assessed, then no area is missing",
            Intakes.patient().concern(Concern.of("c1", MUSCLE_SPASM).withSites(List.of(Site.LOWER_BACK))),
            a -> {
              noReason(a, "c1", "MISSING_INFORMATION");
              reason(a, "c1", "OFF_LABEL_USE", ELIGIBLE_WITH_PRECAUTIONS, "Muscle spasms");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),

        // ICD-10-CM codes resolved through the engine (IntakeValidator), then classified
        RuleCase.of("given a concern coded only as ICD-10 G43.709, when it is classified, then it is chronic migraine",
            Intakes.patient().concern(icd10("G43.709", 18, 10, 6.0, 14, 2)),
            a -> {
              Recommendation r = recommendation(a, "c1");
              assertThat(r.condition()).isEqualTo(CHRONIC_MIGRAINE);
              assertThat(r.conditionName()).isEqualTo("Chronic migraine");
              noReason(a, "c1", "CONDITION_CLASSIFIED");
              reason(a, "c1", "CHRONIC_MIGRAINE_CRITERIA_MET", ELIGIBLE, "18 headache days");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a concern coded as ICD-10 g437 in lower case without the dot, when it is classified, then it is chronic migraine",
            Intakes.patient().concern(icd10("g437", 18, 10, 6.0, 14, 2)),
            a -> {
              assertThat(recommendation(a, "c1").condition()).isEqualTo(CHRONIC_MIGRAINE);
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a concern coded as ICD-10 I69.351 (hemiplegia after stroke), when it is classified, then it is limb spasticity",
            Intakes.patient().concern(icd10("I69.351", null, null, null, null, null)),
            a -> {
              Recommendation r = recommendation(a, "c1");
              assertThat(r.condition()).isEqualTo(SPASTICITY);
              assertThat(r.conditionName()).isEqualTo("Limb spasticity");
              assertThat(r.insurance()).isEqualTo(Insurance.LIKELY_COVERED);
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // every spasticity concern: the airways (1.2)
            }),
        RuleCase.of("given a concern coded as ICD-10 G43.909 without headache days, when it is classified, then it stays the migraine alias",
            Intakes.patient().concern(icd10("G43.909", null, null, null, null, null)),
            a -> {
              Recommendation r = recommendation(a, "c1");
              assertThat(r.condition()).isEqualTo(MIGRAINE);
              assertThat(r.conditionName()).isEqualTo("Migraine (not yet classified)");
              assertThat(r.insurance()).isEqualTo(Insurance.CRITERIA_NOT_MET);
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "headacheDaysPerMonth");
              noReason(a, "c1", "CONDITION_CLASSIFIED");
            }),
        RuleCase.of("given a concern coded as ICD-10 G43.909 with 20 headache days, when it is classified, then the migraine alias becomes chronic migraine",
            Intakes.patient().concern(icd10("G43.909", 20, 10, 6.0, 14, 2)),
            a -> {
              reason(a, "c1", "CONDITION_CLASSIFIED", ELIGIBLE, "20 headache days", "chronic migraine");
              assertThat(recommendation(a, "c1").condition()).isEqualTo(CHRONIC_MIGRAINE);
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a concern coded as ICD-10 g43.e11 in lower case, when it is classified, then it is chronic migraine",
            Intakes.patient().concern(icd10("g43.e11", 18, 10, 6.0, 14, 2)),
            a -> {
              assertThat(recommendation(a, "c1").condition()).isEqualTo(CHRONIC_MIGRAINE);
              noReason(a, "c1", "CONDITION_CLASSIFIED");
            }),
        RuleCase.of("given a concern coded as ICD-10 L74.510, when it is classified, then it is axillary hyperhidrosis directly, not the sweating alias",
            Intakes.patient().concern(new Concern("c1", null, "L74.510", List.of(), null, null, null, null,
                1, true, null, null, null, null)),
            a -> {
              assertThat(recommendation(a, "c1").condition()).isEqualTo(AXILLARY_HYPERHIDROSIS);
              noReason(a, "c1", "CONDITION_CLASSIFIED");
              noReason(a, "c1", "MISSING_INFORMATION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given a concern coded as ICD-10 M62.83 without sites, when it is classified, then it is muscle spasm and the area to treat is missing",
            Intakes.patient().concern(icd10("M62.83", null, null, null, null, null)),
            a -> {
              assertThat(recommendation(a, "c1").condition()).isEqualTo(MUSCLE_SPASM);
              reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "area to treat");
            }),
        RuleCase.of("given a concern coded as ICD-10 G43.009 with 8 headache days, when it is classified, then the migraine alias becomes episodic migraine",
            Intakes.patient().concern(icd10("G43.009", 8, 4, 6.0, 14, 2)),
            a -> {
              reason(a, "c1", "CONDITION_CLASSIFIED", ELIGIBLE, "8 headache days", "episodic migraine");
              assertThat(recommendation(a, "c1").condition()).isEqualTo(ConditionCode.EPISODIC_MIGRAINE);
              decision(a, "c1", NOT_ELIGIBLE);
            }));
  }
}
