package org.botoxeligibility.rules;

import static org.botoxeligibility.intake.ConditionCode.CERVICAL_DYSTONIA;
import static org.botoxeligibility.intake.ConditionCode.EPISODIC_MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.EXCESSIVE_SWEATING;
import static org.botoxeligibility.intake.ConditionCode.GLABELLAR_LINES;
import static org.botoxeligibility.intake.ConditionCode.LAUGH_LINES;
import static org.botoxeligibility.intake.ConditionCode.MASSETER_HYPERTROPHY;
import static org.botoxeligibility.intake.ConditionCode.MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.NECK_PAIN;
import static org.botoxeligibility.intake.ConditionCode.PLANTAR_HYPERHIDROSIS;
import static org.botoxeligibility.intake.ConditionCode.TENSION_TYPE_HEADACHE;
import static org.botoxeligibility.assessment.Effect.DEFERRED;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.assessment.Effect.NEEDS_MEDICAL_EVALUATION;
import static org.botoxeligibility.assessment.Effect.NOT_ELIGIBLE;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.assessment.Insurance;
import org.botoxeligibility.assessment.Requirement;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/**
 * Cases for the rules of rules/decision.drl: the decision fold (the most restrictive effect, every
 * reason reported), readyToBook and earliestTreatmentDate (formats.md §2), and the insurance
 * outlook (clinical-policy.md §5).
 */
final class DecisionCases {
  private DecisionCases() {}

  /** A treatment this many days ago is within the cosmetic retreatment interval of 90 days. */
  private static final int RECENT = 30;

  /**
   * The first date after a treatment {@link #RECENT} days ago, for the glabellar lines these cases
   * assess: that date plus the cosmetic interval of 90 days (knowledge base 1.2).
   */
  private static final LocalDate AFTER_RECENT = Intakes.TODAY.minusDays(RECENT).plusDays(90);

  private static List<String> codes(Recommendation r) {
    return r.reasons().stream().map(Reason::code).toList();
  }

  static List<RuleCase> cases() {
    return List.of(
        // Decision is eligible when no reason restricts
        RuleCase.of("given a cosmetic concern and nothing that restricts, when the decision is folded, then it is eligible, bookable today and not covered",
            Intakes.with(GLABELLAR_LINES),
            a -> {
              Recommendation r = recommendation(a, "c1");
              decision(a, "c1", ELIGIBLE);
              assertThat(r.reasons()).isEmpty();
              assertThat(r.readyToBook()).isTrue();
              assertThat(r.outstandingRequirements()).isEmpty();
              assertThat(r.earliestTreatmentDate()).isEqualTo(Intakes.TODAY);
              assertThat(r.insurance()).isEqualTo(Insurance.NOT_COVERED);
            }),
        RuleCase.of("given only a reason that informs, when the decision is folded, then it stays eligible",
            Intakes.with(GLABELLAR_LINES).allergy(Allergy.COW_MILK_PROTEIN),
            a -> {
              reason(a, "c1", "COW_MILK_PROTEIN_ALLERGY", ELIGIBLE, "abobotulinumtoxinA");
              decision(a, "c1", ELIGIBLE);
              assertThat(recommendation(a, "c1").readyToBook()).isTrue();
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isEqualTo(Intakes.TODAY);
            }),
        RuleCase.of("given a therapeutic concern without a prescription, when the decision is folded, then it is eligible but not ready to book",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).workflow(true, true, false),
            a -> {
              Recommendation r = recommendation(a, "c1");
              reason(a, "c1", "PRESCRIPTION_REQUIRED", ELIGIBLE, "prescriptionIssued");
              decision(a, "c1", ELIGIBLE);
              assertThat(r.readyToBook()).isFalse();
              assertThat(r.outstandingRequirements()).containsExactly(Requirement.PRESCRIPTION);
              assertThat(r.earliestTreatmentDate()).isEqualTo(Intakes.TODAY);
            }),
        RuleCase.of("given a therapeutic concern with every workflow step done, when the decision is folded, then it is eligible and ready to book",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")),
            a -> {
              Recommendation r = recommendation(a, "c1");
              decision(a, "c1", ELIGIBLE);
              assertThat(r.readyToBook()).isTrue();
              assertThat(r.outstandingRequirements()).isEmpty();
              assertThat(r.earliestTreatmentDate()).isEqualTo(Intakes.TODAY);
            }),
        RuleCase.of("given a cosmetic concern and no workflow step done, when the decision is folded, then cosmetic treatment has no outstanding requirement and is ready to book",
            Intakes.with(GLABELLAR_LINES).workflow(false, false, false),
            a -> {
              Recommendation r = recommendation(a, "c1");
              decision(a, "c1", ELIGIBLE);
              assertThat(r.outstandingRequirements()).isEmpty();
              assertThat(r.readyToBook()).isTrue();
            }),

        // Decision is the most restrictive effect among the reasons
        RuleCase.of("given a precaution alone, when the decision is folded, then it is eligible with precautions, bookable today",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.CARDIOVASCULAR_DISEASE),
            a -> {
              reason(a, "c1", "CARDIOVASCULAR_DISEASE", ELIGIBLE_WITH_PRECAUTIONS, "cardiovascular disease");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
              assertThat(recommendation(a, "c1").readyToBook()).isTrue();
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isEqualTo(Intakes.TODAY);
            }),
        RuleCase.of("given a therapeutic precaution and a missing prescription, when the decision is folded, then it is eligible with precautions but not ready to book",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).comorbidity(Comorbidity.CARDIOVASCULAR_DISEASE)
                .workflow(true, true, false),
            a -> {
              Recommendation r = recommendation(a, "c1");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
              assertThat(r.readyToBook()).isFalse();
              assertThat(r.outstandingRequirements()).containsExactly(Requirement.PRESCRIPTION);
              assertThat(r.earliestTreatmentDate()).isEqualTo(Intakes.TODAY);
            }),
        RuleCase.of("given a precaution and an evaluation, when the decision is folded, then the evaluation wins and both are reported",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.CARDIOVASCULAR_DISEASE,
                Comorbidity.BODY_DYSMORPHIC_DISORDER),
            a -> {
              reason(a, "c1", "CARDIOVASCULAR_DISEASE", ELIGIBLE_WITH_PRECAUTIONS, "cardiovascular disease");
              reason(a, "c1", "BODY_DYSMORPHIC_DISORDER", NEEDS_MEDICAL_EVALUATION, "body dysmorphic disorder");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
              assertThat(recommendation(a, "c1").readyToBook()).isFalse();
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given a precaution, an evaluation and a contraindication, when the decision is folded, then it is not eligible and all three are reported",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.CARDIOVASCULAR_DISEASE,
                Comorbidity.BODY_DYSMORPHIC_DISORDER).allergy(Allergy.HUMAN_ALBUMIN),
            a -> {
              Recommendation r = recommendation(a, "c1");
              assertThat(codes(r)).containsExactlyInAnyOrder("CARDIOVASCULAR_DISEASE",
                  "BODY_DYSMORPHIC_DISORDER", "EXCIPIENT_HYPERSENSITIVITY");
              reason(a, "c1", "EXCIPIENT_HYPERSENSITIVITY", NOT_ELIGIBLE, "human albumin");
              decision(a, "c1", NOT_ELIGIBLE);
              assertThat(r.readyToBook()).isFalse();
              assertThat(r.earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given a recent treatment, when the decision is folded, then it is deferred to the end of the retreatment interval",
            Intakes.with(GLABELLAR_LINES).treated(RECENT, GLABELLAR_LINES, 20, Response.GOOD),
            a -> {
              Reason rt = reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, AFTER_RECENT.toString());
              assertThat(rt.deferredUntil()).isEqualTo(AFTER_RECENT);
              decision(a, "c1", DEFERRED);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isEqualTo(AFTER_RECENT);
              assertThat(recommendation(a, "c1").readyToBook()).isFalse();
            }),
        RuleCase.of("given a cosmetic treatment 89 days ago, when the decision is folded, then the earliest treatment date is tomorrow",
            Intakes.with(GLABELLAR_LINES).treated(89, GLABELLAR_LINES, 20, Response.GOOD),
            a -> {
              decision(a, "c1", DEFERRED);
              assertThat(recommendation(a, "c1").earliestTreatmentDate())
                  .isEqualTo(Intakes.TODAY.plusDays(1));
            }),
        RuleCase.of("given a dated deferral and an evaluation, when the decision is folded, then it is deferred to the date and both are reported",
            Intakes.with(GLABELLAR_LINES).treated(RECENT, GLABELLAR_LINES, 20, Response.GOOD)
                .comorbidity(Comorbidity.BODY_DYSMORPHIC_DISORDER),
            a -> {
              reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, AFTER_RECENT.toString());
              reason(a, "c1", "BODY_DYSMORPHIC_DISORDER", NEEDS_MEDICAL_EVALUATION, "body dysmorphic disorder");
              decision(a, "c1", DEFERRED);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isEqualTo(AFTER_RECENT);
            }),
        RuleCase.of("given a dated deferral and a deferral without a date, when the decision is folded, then it is deferred with no earliest date",
            Intakes.with(GLABELLAR_LINES).treated(RECENT, GLABELLAR_LINES, 20, Response.GOOD)
                .infection(Site.GLABELLA),
            a -> {
              reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, AFTER_RECENT.toString());
              reason(a, "c1", "INJECTION_SITE_INFECTION", DEFERRED, "glabella");
              decision(a, "c1", DEFERRED);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given a dated deferral and a contraindication, when the decision is folded, then it is not eligible with no earliest date",
            Intakes.with(GLABELLAR_LINES).treated(RECENT, GLABELLAR_LINES, 20, Response.GOOD)
                .allergy(Allergy.HUMAN_ALBUMIN),
            a -> {
              reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, AFTER_RECENT.toString());
              reason(a, "c1", "EXCIPIENT_HYPERSENSITIVITY", NOT_ELIGIBLE, "human albumin");
              decision(a, "c1", NOT_ELIGIBLE);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given a therapeutic concern with a precaution, an evaluation and a recent treatment, when the decision is folded, then it is deferred to the date and all are reported",
            Intakes.patient().concern(Intakes.chronicMigraine("c1"))
                .comorbidity(Comorbidity.CARDIOVASCULAR_DISEASE, Comorbidity.MYASTHENIA_GRAVIS)
                .treated(RECENT, GLABELLAR_LINES, null, Response.GOOD),
            a -> {
              Recommendation r = recommendation(a, "c1");
              assertThat(codes(r)).contains("CARDIOVASCULAR_DISEASE", "NEUROMUSCULAR_DISORDER",
                  "RETREATMENT_INTERVAL", "CHRONIC_MIGRAINE_CRITERIA_MET");
              reason(a, "c1", "NEUROMUSCULAR_DISORDER", NEEDS_MEDICAL_EVALUATION, "myasthenia gravis");
              decision(a, "c1", DEFERRED);
              // a therapeutic concern: the 84-day interval
              assertThat(r.earliestTreatmentDate()).isEqualTo(Intakes.TODAY.minusDays(RECENT).plusDays(84));
              assertThat(r.readyToBook()).isFalse();
            }),
        RuleCase.of("given three concerns of different effects, when each decision is folded, then each concern keeps its own decision in intake order",
            Intakes.with(GLABELLAR_LINES).concern("c2", NECK_PAIN).concern("c3", EPISODIC_MIGRAINE),
            a -> {
              assertThat(a.recommendations()).extracting(Recommendation::concernId)
                  .containsExactly("c1", "c2", "c3");
              decision(a, "c1", ELIGIBLE);
              decision(a, "c2", ELIGIBLE_WITH_PRECAUTIONS);
              decision(a, "c3", NOT_ELIGIBLE);
              noReason(a, "c1", "NOT_AN_EFFECTIVE_USE");
              noReason(a, "c1", "OFF_LABEL_USE");
            }),

        // Cosmetic treatment is not covered by insurance
        RuleCase.of("given an off-label cosmetic use, when the insurance is concluded, then it is not covered (not merely unlikely)",
            Intakes.with(MASSETER_HYPERTROPHY),
            a -> assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.NOT_COVERED)),
        RuleCase.of("given a not-recommended cosmetic use, when the insurance is concluded, then it is not covered",
            Intakes.with(LAUGH_LINES),
            a -> assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.NOT_COVERED)),

        // Not-recommended therapeutic use is not covered by insurance
        RuleCase.of("given episodic migraine, a not-recommended therapeutic use, when the insurance is concluded, then it is not covered",
            Intakes.with(EPISODIC_MIGRAINE),
            a -> assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.NOT_COVERED)),
        RuleCase.of("given tension-type headache, a not-recommended therapeutic use, when the insurance is concluded, then it is not covered",
            Intakes.with(TENSION_TYPE_HEADACHE),
            a -> assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.NOT_COVERED)),

        // Off-label therapeutic use is unlikely to be covered
        RuleCase.of("given neck pain, an off-label therapeutic use, when the insurance is concluded, then coverage is unlikely",
            Intakes.with(NECK_PAIN),
            a -> assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.UNLIKELY)),
        RuleCase.of("given excessive foot sweating, an off-label therapeutic use, when the insurance is concluded, then coverage is unlikely",
            Intakes.patient().concern(Concern.of("c1", PLANTAR_HYPERHIDROSIS).withSecondaryCauseExcluded(true)),
            a -> assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.UNLIKELY)),

        // On-label therapeutic use that meets the payer's criteria is likely covered
        RuleCase.of("given chronic migraine with 2 failed preventive therapies, when the insurance is concluded, then it is likely covered",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")),
            a -> {
              noReason(a, "c1", "PAYER_CRITERIA_NOT_MET");
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.LIKELY_COVERED);
            }),
        RuleCase.of("given cervical dystonia, on-label with no payer criteria, when the insurance is concluded, then it is likely covered",
            Intakes.patient().concern(Intakes.dystonia("c1")),
            a -> assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.LIKELY_COVERED)),

        // On-label therapeutic use short of the payer's criteria is not yet covered
        RuleCase.of("given chronic migraine with 1 failed preventive therapy, when the insurance is concluded, then the payer's criteria are not met",
            Intakes.patient().concern(Intakes.chronicMigraine("c1").withPriorTherapiesFailed(1)),
            a -> {
              reason(a, "c1", "PAYER_CRITERIA_NOT_MET", ELIGIBLE, "2 or more", "1 is documented");
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.CRITERIA_NOT_MET);
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given chronic migraine with no prior therapies documented, when the insurance is concluded, then the payer's criteria are not met",
            Intakes.patient().concern(Intakes.chronicMigraine("c1").withPriorTherapiesFailed(null)),
            a -> {
              reason(a, "c1", "PAYER_CRITERIA_NOT_MET", ELIGIBLE, "none is documented");
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.CRITERIA_NOT_MET);
            }),

        // Unclassified concern cannot meet the payer's criteria
        RuleCase.of("given a migraine alias left unclassified, when the insurance is concluded, then the payer's criteria cannot be met",
            Intakes.patient().concern(Concern.of("c1", MIGRAINE).withPriorTherapiesFailed(3)),
            a -> {
              assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.CRITERIA_NOT_MET);
              noReason(a, "c1", "PAYER_CRITERIA_NOT_MET");
            }),
        RuleCase.of("given an excessive sweating alias left unclassified, when the insurance is concluded, then the payer's criteria cannot be met",
            Intakes.patient().concern(Concern.of("c1", EXCESSIVE_SWEATING).withPriorTherapiesFailed(3)
                .withSecondaryCauseExcluded(true)),
            a -> assertThat(recommendation(a, "c1").insurance()).isEqualTo(Insurance.CRITERIA_NOT_MET)));
  }
}
