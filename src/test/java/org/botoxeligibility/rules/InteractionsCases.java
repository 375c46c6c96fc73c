package org.botoxeligibility.rules;

import static org.botoxeligibility.assessment.Effect.NEEDS_MEDICAL_EVALUATION;
import static org.botoxeligibility.intake.ConditionCode.LATERAL_CANTHAL_LINES;
import static org.botoxeligibility.intake.ConditionCode.BLEPHAROSPASM;
import static org.botoxeligibility.intake.ConditionCode.STRABISMUS;
import static org.botoxeligibility.testing.Reasons.restsOn;
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
            Intakes.patient().concern(Intakes.dystonia("c1")).medication("clindamycin"),
            a -> {
              reason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "clindamycin", "other neuromuscular transmission inhibitor", "monitor");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a patient on tobramycin with a cosmetic and a therapeutic concern, when both are assessed, then the neuromuscular transmission drug defers the cosmetic one and calls for precautions in the therapeutic one",
            Intakes.with(GLABELLAR_LINES).concern(Intakes.dystonia("c2")).medication("tobramycin"),
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
            Intakes.patient().concern(Intakes.dystonia("c1")).medication(DrugClass.ANTICHOLINERGIC),
            a -> reason(a, "c1", "ANTICHOLINERGIC_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "anticholinergic")),
        RuleCase.of("given a patient on mirabegron (a beta-3 agonist, class other), then no anticholinergic drug reason",
            Intakes.with(GLABELLAR_LINES).medication("mirabegron"),
            a -> {
              noReason(a, "c1", "ANTICHOLINERGIC_DRUG");
              decision(a, "c1", ELIGIBLE);
            }),
        // Muscle relaxants.
        RuleCase.of("given a patient on baclofen, when a concern is assessed, then the muscle relaxant calls for precautions",
            Intakes.patient().concern(Intakes.dystonia("c1")).medication("baclofen"),
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
            Intakes.patient().concern(Intakes.dystonia("c1")).medication(DrugClass.ANTIPLATELET),
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
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY)).medication("clopidogrel"),
            a -> {
              var r = reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "clopidogrel", "antiplatelet",
                  "stopped at least 3 days before the procedure", "anticoagulants are managed");
              assertThat(r.source()).isEqualTo("BOTOX PI §2");
              assertThat(r.message()).doesNotContain("bruising");
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given a patient on apixaban, when an overactive bladder injection is assessed, then the bleeding risk gives the antithrombotic plan",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER))
                .medication("apixaban"),
            a -> {
              var r = reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "apixaban", "anticoagulant",
                  "stopped at least 3 days", "anticoagulants are managed");
              assertThat(r.message()).doesNotContain("bruising");
            }),
        RuleCase.of("given a patient on aspirin with a bladder and a cosmetic concern, then the bladder concern gets the antithrombotic plan and the cosmetic one the bruising message",
            Intakes.with(GLABELLAR_LINES).concern("c2", NEUROGENIC_DETRUSOR_OVERACTIVITY).medication("aspirin"),
            a -> {
              var cosmetic = reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "aspirin", "bruising");
              assertThat(cosmetic.message()).doesNotContain("held");
              var bladder = reason(a, "c2", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "aspirin", "stopped at least 3 days");
              assertThat(bladder.message()).doesNotContain("bruising");
            }),
        RuleCase.of("given a patient on no antithrombotic drug and no bleeding disorder, when a bladder injection is assessed, then no bleeding risk",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER)).medication("metformin"),
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
            Intakes.patient().concern(Intakes.dystonia("c1")).medication("GENTAMICIN"),
            a -> {
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
              reason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "GENTAMICIN", "aminoglycoside");
            }),
        RuleCase.of("given a patient on a medication given only as class other, then it is not reported as unrecognized",
            Intakes.with(GLABELLAR_LINES).medication(DrugClass.OTHER),
            a -> {
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
              decision(a, "c1", ELIGIBLE);
            }),
        // Knowledge base 1.1: names matched by whole words; local forms classed other.
        RuleCase.of("given a medication written as clinical software does, Gentamicin 40 MG/ML Injectable Solution, then it is gentamicin, an aminoglycoside",
            Intakes.with(GLABELLAR_LINES).medication("Gentamicin 40 MG/ML Injectable Solution"),
            a -> {
              var r = reason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG", DEFERRED, "Gentamicin 40 MG/ML Injectable Solution", "gentamicin", "aminoglycoside");
              assertThat(r.source()).isEqualTo("Clinic policy on BOTOX PI §7");
              restsOn(r, "/medicalHistory/medications/0");
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
            }),
        RuleCase.of("given magnesium sulfate 50 % injection, then it is magnesium sulfate, which inhibits neuromuscular transmission",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).medication("magnesium sulfate 50 % injection"),
            a -> reason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "magnesium sulfate")),
        RuleCase.of("given Aspirin 81 MG / Clopidogrel 75 MG, then both names are found and the bleeding risk names them",
            Intakes.with(GLABELLAR_LINES).medication("Aspirin 81 MG / Clopidogrel 75 MG"),
            a -> reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "aspirin and clopidogrel", "antiplatelet")),
        RuleCase.of("given Warfarin Sodium 5 MG Oral Tablet, then it is warfarin, an anticoagulant",
            Intakes.with(GLABELLAR_LINES).medication("Warfarin Sodium 5 MG Oral Tablet"),
            a -> reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "warfarin", "anticoagulant")),
        RuleCase.of("given a name that only contains a listed name inside a word, Gentamicinol, then it is not gentamicin and is unrecognized",
            Intakes.with(GLABELLAR_LINES).medication("Gentamicinol 5 MG"),
            a -> {
              noReason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG");
              reason(a, "c1", "UNRECOGNIZED_MEDICATION", ELIGIBLE_WITH_PRECAUTIONS, "Gentamicinol 5 MG");
            }),
        RuleCase.of("given Clindamycin Phosphate 1% Topical Gel, then it is recognized as a local form classed other: no interaction, not unrecognized",
            Intakes.with(GLABELLAR_LINES).medication("Clindamycin Phosphate 1% Topical Gel"),
            a -> {
              noReason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG");
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given Tobramycin 0.3% Ophthalmic Solution, then it is a local form, not an aminoglycoside that reaches the neuromuscular junction",
            Intakes.with(GLABELLAR_LINES).medication("Tobramycin 0.3% Ophthalmic Solution"),
            a -> {
              noReason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given clindamycin eye drops given with the class aminoglycoside, then the given class still counts (never less than either says)",
            Intakes.with(GLABELLAR_LINES).medication("clindamycin eye drops", DrugClass.AMINOGLYCOSIDE),
            a -> reason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG", DEFERRED, "given as aminoglycoside")),
        RuleCase.of("given oral clindamycin (Clindamycin 300 MG Oral Capsule), then it still inhibits neuromuscular transmission",
            Intakes.with(GLABELLAR_LINES).medication("Clindamycin 300 MG Oral Capsule"),
            a -> reason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG", DEFERRED, "clindamycin")),
        // Knowledge base 1.1: bleeding risk around the eyes.
        RuleCase.of("given warfarin, when strabismus is assessed, then the bleeding risk warns of retrobulbar haemorrhage and orbital decompression",
            Intakes.with(STRABISMUS).medication("warfarin"),
            a -> {
              var r = reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "warfarin", "retrobulbar haemorrhage", "decompression of the orbit");
              assertThat(r.source()).isEqualTo("BOTOX PI §5");
              assertThat(r.message()).doesNotContain("bruising");
              restsOn(r, "/medicalHistory/medications/0", "/concerns/0");
            }),
        RuleCase.of("given warfarin, when blepharospasm is assessed, then the bleeding risk warns of ecchymosis in the eyelid, limited by pressure, citing the label's blepharospasm dosing (1.2)",
            Intakes.with(BLEPHAROSPASM).medication("warfarin"),
            a -> {
              var r = reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "Ecchymosis", "eyelid", "pressure");
              assertThat(r.source()).isEqualTo("BOTOX PI §2");
              assertThat(r.message()).doesNotContain("retrobulbar");
            }),
        RuleCase.of("given warfarin, when crow's feet (periorbital) are assessed, then the bleeding risk warns of eyelid ecchymosis",
            Intakes.with(LATERAL_CANTHAL_LINES).medication("warfarin"),
            a -> reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "Ecchymosis", "periorbital")),
        RuleCase.of("given warfarin, when glabellar lines are assessed, then the bleeding risk is the clinic's bruising precaution",
            Intakes.with(GLABELLAR_LINES).medication("warfarin"),
            a -> {
              var r = reason(a, "c1", "BLEEDING_RISK", ELIGIBLE_WITH_PRECAUTIONS, "bruising");
              assertThat(r.source()).isEqualTo("Clinic policy");
              assertThat(r.message()).doesNotContain("Ecchymosis").doesNotContain("retrobulbar");
            }),

        // Knowledge base 1.2: a local form never hides a systemic drug.
        RuleCase.of("given Gelnique (oxybutynin chloride) 10% topical gel, then it is a systemic anticholinergic despite the word gel",
            Intakes.with(GLABELLAR_LINES).medication("Gelnique (oxybutynin chloride) 10% topical gel"),
            a -> {
              var r = reason(a, "c1", "ANTICHOLINERGIC_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "Gelnique (oxybutynin chloride) 10% topical gel", "anticholinergic");
              restsOn(r, "/medicalHistory/medications/0");
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
            }),
        RuleCase.of("given oxybutynin transdermal system, then it is an anticholinergic (a transdermal system reaches the circulation)",
            Intakes.with(GLABELLAR_LINES).medication("Oxybutynin 3.9 MG/Day Transdermal System"),
            a -> reason(a, "c1", "ANTICHOLINERGIC_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "Oxybutynin 3.9 MG/Day Transdermal System", "anticholinergic")),
        RuleCase.of("given oxybutynin chloride topical gel without the brand, then a local form still does not hide the anticholinergic",
            Intakes.with(GLABELLAR_LINES).medication("Oxybutynin Chloride 10% Topical Gel"),
            a -> reason(a, "c1", "ANTICHOLINERGIC_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "oxybutynin in a local form, which does not hide an anticholinergic or a toxin product", "anticholinergic")),
        RuleCase.of("given hyoscine butylbromide oral drops, then the drops do not hide a systemic anticholinergic",
            Intakes.with(GLABELLAR_LINES).medication("Hyoscine butylbromide 10 mg/ml oral drops"),
            a -> reason(a, "c1", "ANTICHOLINERGIC_DRUG", ELIGIBLE_WITH_PRECAUTIONS, "Hyoscine butylbromide", "anticholinergic")),
        RuleCase.of("given clindamycin topical gel, then it stays a local form classed other: no interaction (the near miss of the systemic forms)",
            Intakes.with(GLABELLAR_LINES).medication("clindamycin topical gel"),
            a -> {
              noReason(a, "c1", "NEUROMUSCULAR_TRANSMISSION_DRUG");
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given amitriptyline and nortriptyline, then each is an anticholinergic (tricyclics)",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).medication("Amitriptyline Hydrochloride 25 MG Oral Tablet").medication("nortriptyline"),
            a -> {
              assertThat(org.botoxeligibility.testing.Reasons.reasons(a, "c1", "ANTICHOLINERGIC_DRUG")).hasSize(2)
                  .anySatisfy(r -> assertThat(r.message()).contains("Amitriptyline", "anticholinergic"))
                  .anySatisfy(r -> assertThat(r.message()).contains("nortriptyline", "anticholinergic"));
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS);
            }),
        RuleCase.of("given sertraline, then no anticholinergic reason (the near miss of the tricyclics)",
            Intakes.patient().concern(Intakes.chronicMigraine("c1")).medication("sertraline"),
            a -> {
              noReason(a, "c1", "ANTICHOLINERGIC_DRUG");
              decision(a, "c1", ELIGIBLE);
            }),
        // Knowledge base 1.2: another toxin product written in the medication list.
        RuleCase.of("given Dysport in the medication list and no treatment history, then every concern needs the date and units of that injection",
            Intakes.with(GLABELLAR_LINES).concern(Intakes.chronicMigraine("c2")).medication("Dysport 300 UNIT Injection"),
            a -> {
              var r = reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "Dysport 300 UNIT Injection", "botulinum toxin product", "date and units", "treatmentHistory");
              assertThat(r.source()).isEqualTo("BOTOX PI §7");
              restsOn(r, "/medicalHistory/medications/0", "/treatmentHistory");
              reason(a, "c2", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "Dysport");
              noReason(a, "c1", "UNRECOGNIZED_MEDICATION");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given Dysport in the medication list and a dated abobotulinumtoxinA entry in the treatment history, then the injection is recorded and nothing is missing",
            Intakes.with(GLABELLAR_LINES).medication("Dysport 300 UNIT Injection")
                .treated(120, GLABELLAR_LINES, org.botoxeligibility.intake.Product.ABOBOTULINUMTOXINA, 50, org.botoxeligibility.intake.Response.GOOD),
            a -> {
              noReason(a, "c1", "MISSING_INFORMATION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given Dysport in the medication list and only an incobotulinumtoxinA entry, then the Dysport injection is still missing",
            Intakes.with(GLABELLAR_LINES).medication("Dysport")
                .treated(120, GLABELLAR_LINES, org.botoxeligibility.intake.Product.INCOBOTULINUMTOXINA, 20, org.botoxeligibility.intake.Response.GOOD),
            a -> reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "Dysport", "no entry of it")),
        RuleCase.of("given Botox written in the medication list, then its injection is needed too, and a dated onabotulinumtoxinA entry records it",
            Intakes.with(GLABELLAR_LINES).medication("Botox Cosmetic 100 UNIT Injection"),
            a -> reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "Botox Cosmetic 100 UNIT Injection", "botulinum toxin product")),
        RuleCase.of("given Botox in the medication list and an onabotulinumtoxinA entry 120 days ago, then nothing is missing",
            Intakes.with(GLABELLAR_LINES).medication("Botox Cosmetic 100 UNIT Injection").treated(120, GLABELLAR_LINES, 20, org.botoxeligibility.intake.Response.GOOD),
            a -> noReason(a, "c1", "MISSING_INFORMATION")),
        RuleCase.of("given a toxin given only as class botulinum toxin, then any dated entry records it, and without one it is missing",
            Intakes.with(GLABELLAR_LINES).medication(DrugClass.BOTULINUM_TOXIN),
            a -> reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "a medication given as class", "any product")),
        RuleCase.of("given a toxin given only as class botulinum toxin and a rimabotulinumtoxinB entry, then the entry records it",
            Intakes.with(GLABELLAR_LINES).medication(DrugClass.BOTULINUM_TOXIN)
                .treated(150, null, org.botoxeligibility.intake.Product.RIMABOTULINUMTOXINB, 1000, org.botoxeligibility.intake.Response.GOOD),
            a -> noReason(a, "c1", "MISSING_INFORMATION")),
        RuleCase.of("given a toxin product named with a local-form word (Xeomin injection around the eye), then it is never hidden as a local form",
            Intakes.with(GLABELLAR_LINES).medication("Xeomin injection around the eye"),
            a -> reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "Xeomin injection around the eye", "botulinum toxin")));
  }
}
