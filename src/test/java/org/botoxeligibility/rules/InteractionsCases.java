package org.botoxeligibility.rules;

import static org.botoxeligibility.intake.ConditionCode.CERVICAL_DYSTONIA;
import static org.botoxeligibility.intake.ConditionCode.GLABELLAR_LINES;
import static org.botoxeligibility.intake.ConditionCode.NEUROGENIC_DETRUSOR_OVERACTIVITY;
import static org.botoxeligibility.intake.ConditionCode.OVERACTIVE_BLADDER;
import static org.botoxeligibility.assessment.Effect.DEFERRED;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.DrugClass;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/interactions.drl: for each rule, a case where it applies and a near miss. */
final class InteractionsCases {
  private InteractionsCases() {}

  static List<RuleCase> cases() {
    return List.of(
        // Drugs affecting neuromuscular transmission: cosmetic deferred, therapeutic with precautions.
        RuleCase.of("given a patient on Gentamicin (listed name, capitalised), when a cosmetic concern is assessed, then the neuromuscular transmission drug defers it without a date",
            Intakes.with(GLABELLAR_LINES).medication("Gentamicin"),
            a -> {
              reason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG", DEFERRED, "Gentamicin", "aminoglycoside", "no date");
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
              decision(a, "c1", DEFERRED);
              assertThat(recommendation(a, "c1").earliestTreatmentDate()).isNull();
            }),
        RuleCase.of("given a patient on a medication given only as class neuromuscular blocker, when a cosmetic concern is assessed, then the neuromuscular transmission drug defers it",
            Intakes.with(GLABELLAR_LINES).medication(DrugClass.NEUROMUSCULAR_BLOCKER),
            a -> {
              reason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG", DEFERRED, "neuromuscular blocker");
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
              decision(a, "c1", DEFERRED);
            }),
        RuleCase.of("given a patient on clindamycin (other neuromuscular transmission inhibitor), when a therapeutic concern is assessed, then the neuromuscular transmission drug calls for precautions, not deferral",
            Intakes.with(CERVICAL_DYSTONIA).medication("clindamycin"),
            a -> {
              reason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "clindamycin", "other neuromuscular transmission inhibitor", "monitor");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a patient on tobramycin with a cosmetic and a therapeutic concern, when both are assessed, then the neuromuscular transmission drug defers the cosmetic one and calls for precautions in the therapeutic one",
            Intakes.with(GLABELLAR_LINES).concern("c2", CERVICAL_DYSTONIA).medication("tobramycin"),
            a -> {
              reason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG", DEFERRED, "tobramycin");
              reason(a, "c2", "NEUROMUSCULAR_TRANSMISSION_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "tobramycin");
              decision(a, "c1", DEFERRED);
              decision(a, "c2", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a patient on gentamicin given as class other, when a cosmetic concern is assessed, then the listed aminoglycoside class still counts and defers it",
            Intakes.with(GLABELLAR_LINES).medication("gentamicin", DrugClass.OTHER),
            a -> {
              reason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG", DEFERRED, "gentamicin", "other", "aminoglycoside");
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
            }),
        RuleCase.of("given a patient on sumatriptan only (class other on the drug list), then no interaction reason and no unrecognized medication",
            Intakes.with(GLABELLAR_LINES).medication("sumatriptan"),
            a -> {
              noReason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG");
              noReason(a, "c1", "ANTICHOLINERGIC_DRUG");
              noReason(a, "c1", "MUSCLE_RELAXANT_DRUG");
              noReason(a, "c1", "BLEEDING_RISK");
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
              decision(a, "c1", ELIGIBLE);
            }),
        // Anticholinergic drugs.
        RuleCase.of("given a patient on Oxybutynin, when a concern is assessed, then the anticholinergic drug calls for precautions",
            Intakes.with(GLABELLAR_LINES).medication("Oxybutynin"),
            a -> {
              reason(a, "c1", "ANTICHOLINERGIC_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "Oxybutynin", "anticholinergic");
              noReason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a patient on a medication given only as class anticholinergic, when a therapeutic concern is assessed, then the anticholinergic drug calls for precautions",
            Intakes.with(CERVICAL_DYSTONIA).medication(DrugClass.ANTICHOLINERGIC),
            a -> reason(a, "c1", "ANTICHOLINERGIC_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "anticholinergic")),
        RuleCase.of("given a patient on mirabegron (a beta-3 agonist, class other), then no anticholinergic drug reason",
            Intakes.with(GLABELLAR_LINES).medication("mirabegron"),
            a -> {
              noReason(a, "c1", "ANTICHOLINERGIC_DRUG");
              decision(a, "c1", ELIGIBLE);
            }),
        // Muscle relaxants.
        RuleCase.of("given a patient on baclofen, when a concern is assessed, then the muscle relaxant calls for precautions",
            Intakes.with(CERVICAL_DYSTONIA).medication("baclofen"),
            a -> {
              reason(a, "c1", "MUSCLE_RELAXANT_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "baclofen", "muscle relaxant");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a patient on a medication given only as class muscle relaxant, when a cosmetic concern is assessed, then the muscle relaxant calls for precautions",
            Intakes.with(GLABELLAR_LINES).medication(DrugClass.MUSCLE_RELAXANT),
            a -> {
              reason(a, "c1", "MUSCLE_RELAXANT_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "muscle relaxant");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a patient on an anticholinergic but no muscle relaxant, then no muscle relaxant reason",
            Intakes.with(GLABELLAR_LINES).medication("tolterodine"),
            a -> noReason(a, "c1", "MUSCLE_RELAXANT_DRUG")),
        // Bleeding risk: bruising for most concerns, the antithrombotic plan for bladder injections.
        RuleCase.of("given a patient on warfarin, when a cosmetic concern is assessed, then the bleeding risk calls for care against bruising",
            Intakes.with(GLABELLAR_LINES).medication("warfarin"),
            a -> {
              var r = reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "warfarin", "anticoagulant", "bruising");
              assertThat(r.message()).doesNotContain("held");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a patient on a medication given only as class antiplatelet, when a therapeutic concern outside the bladder is assessed, then the bleeding risk names bruising",
            Intakes.with(CERVICAL_DYSTONIA).medication(DrugClass.ANTIPLATELET),
            a -> reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "antiplatelet", "bruising")),
        RuleCase.of("given a patient with a bleeding disorder and no antithrombotic drug, when a concern is assessed, then the bleeding risk names the disorder",
            Intakes.with(GLABELLAR_LINES).comorbidity(Comorbidity.BLEEDING_DISORDER),
            a -> {
              reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "bleeding disorder", "bruising");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a patient on an unknown name given as class anticoagulant, then the given class counts for bleeding risk and the medication is not unrecognized",
            Intakes.with(GLABELLAR_LINES).medication("Zorbaxafen", DrugClass.ANTICOAGULANT),
            a -> {
              reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "Zorbaxafen", "anticoagulant");
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
            }),
        RuleCase.of("given a patient on sumatriptan given as class antiplatelet (name and class disagree), then both count: the given antiplatelet class is a bleeding risk",
            Intakes.with(GLABELLAR_LINES).medication("sumatriptan", DrugClass.ANTIPLATELET),
            a -> {
              reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "sumatriptan", "antiplatelet", "other");
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
            }),
        RuleCase.of("given a patient on clopidogrel, when a neurogenic bladder injection is assessed, then the bleeding risk gives the antithrombotic plan (antiplatelets held 3 days, anticoagulants managed), not bruising",
            Intakes.with(NEUROGENIC_DETRUSOR_OVERACTIVITY).medication("clopidogrel"),
            a -> {
              var r = reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "clopidogrel", "antiplatelet",
                  "held 3 days", "anticoagulants are managed");
              assertThat(r.message()).doesNotContain("bruising");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a patient on apixaban, when an overactive bladder injection is assessed, then the bleeding risk gives the antithrombotic plan",
            Intakes.patient().concern(Concern.of("c1", OVERACTIVE_BLADDER).withPriorTherapiesFailed(1))
                .medication("apixaban"),
            a -> {
              var r = reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "apixaban", "anticoagulant",
                  "held 3 days", "anticoagulants are managed");
              assertThat(r.message()).doesNotContain("bruising");
            }),
        RuleCase.of("given a patient on aspirin with a bladder and a cosmetic concern, then the bladder concern gets the antithrombotic plan and the cosmetic one the bruising message",
            Intakes.with(GLABELLAR_LINES).concern("c2", NEUROGENIC_DETRUSOR_OVERACTIVITY).medication("aspirin"),
            a -> {
              var cosmetic = reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "aspirin", "bruising");
              assertThat(cosmetic.message()).doesNotContain("held");
              var bladder = reason(a, "c2", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "aspirin", "held 3 days");
              assertThat(bladder.message()).doesNotContain("bruising");
            }),
        RuleCase.of("given a patient on no antithrombotic drug and no bleeding disorder, when a bladder injection is assessed, then no bleeding risk",
            Intakes.with(NEUROGENIC_DETRUSOR_OVERACTIVITY).medication("metformin"),
            a -> {
              noReason(a, "c1", "BLEEDING_RISK");
              decision(a, "c1", ELIGIBLE);
            }),
        // Names the drug list does not know.
        RuleCase.of("given a patient on a medication named Zorbaxafen alone, which the drug list does not know, then the unrecognized medication calls for a review",
            Intakes.with(GLABELLAR_LINES).medication("Zorbaxafen"),
            a -> {
              reason(a, "c1", "UNRECOGNIZED_MEDICATION", ELIGIBLE_WITH_PRECAUTIONS, "\"Zorbaxafen\"", "drug list");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a patient on GENTAMICIN in capitals, then the name is recognized case-insensitively and not reported as unrecognized",
            Intakes.with(CERVICAL_DYSTONIA).medication("GENTAMICIN"),
            a -> {
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
              reason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "GENTAMICIN", "aminoglycoside");
            }),
        RuleCase.of("given a patient on a medication given only as class other, then it is not reported as unrecognized",
            Intakes.with(GLABELLAR_LINES).medication(DrugClass.OTHER),
            a -> {
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
              decision(a, "c1", ELIGIBLE);
            }));
  }
}
