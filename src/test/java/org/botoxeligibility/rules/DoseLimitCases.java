package org.botoxeligibility.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.botoxeligibility.assessment.Effect.DEFERRED;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE;
import static org.botoxeligibility.assessment.Effect.ELIGIBLE_WITH_PRECAUTIONS;
import static org.botoxeligibility.assessment.Effect.NEEDS_MEDICAL_EVALUATION;
import static org.botoxeligibility.assessment.Effect.NOT_ELIGIBLE;
import static org.botoxeligibility.intake.ConditionCode.AXILLARY_HYPERHIDROSIS;
import static org.botoxeligibility.intake.ConditionCode.BLEPHAROSPASM;
import static org.botoxeligibility.intake.ConditionCode.CERVICAL_DYSTONIA;
import static org.botoxeligibility.intake.ConditionCode.CHRONIC_MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.FOREHEAD_LINES;
import static org.botoxeligibility.intake.ConditionCode.GLABELLAR_LINES;
import static org.botoxeligibility.intake.ConditionCode.LATERAL_CANTHAL_LINES;
import static org.botoxeligibility.intake.ConditionCode.MASSETER_HYPERTROPHY;
import static org.botoxeligibility.intake.ConditionCode.MIGRAINE;
import static org.botoxeligibility.intake.ConditionCode.NEUROGENIC_DETRUSOR_OVERACTIVITY;
import static org.botoxeligibility.intake.ConditionCode.OVERACTIVE_BLADDER;
import static org.botoxeligibility.intake.ConditionCode.PLATYSMA_BANDS;
import static org.botoxeligibility.intake.ConditionCode.SPASTICITY;
import static org.botoxeligibility.intake.ConditionCode.STRABISMUS;
import static org.botoxeligibility.testing.Reasons.decision;
import static org.botoxeligibility.testing.Reasons.noReason;
import static org.botoxeligibility.testing.Reasons.reason;
import static org.botoxeligibility.testing.Reasons.reasons;
import static org.botoxeligibility.testing.Reasons.recommendation;
import static org.botoxeligibility.testing.Reasons.restsOn;

import java.util.List;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RuleCase;

/**
 * Cases for the maximum doses of rules/dosing.drl added in knowledge base 1.2: the label's maximum
 * per indication (DOSE_ABOVE_LABEL, rules/dose-limits.tsv), past units that are not known, and the
 * defaults withheld or shared. For each, a case where it applies and its near miss at the
 * boundary the policy names.
 */
final class DoseLimitCases {
  private DoseLimitCases() {}

  private static Concern planned(String id, ConditionCode condition, int units) {
    return Concern.of(id, condition).withPlannedUnits(units);
  }

  private static Concern forehead(String id, Integer units, Site... sites) {
    return Concern.of(id, FOREHEAD_LINES).withSites(List.of(sites)).withPlannedUnits(units);
  }

  static List<RuleCase> cases() {
    return List.of(
        // Glabellar lines: 20 units.
        RuleCase.of("given glabellar lines planned at 21 units, then the dose is above the label's 20 units and a cosmetic dose above the label is refused",
            Intakes.patient().concern(planned("c1", GLABELLAR_LINES, 21)),
            a -> {
              var r = reason(a, "c1", "DOSE_ABOVE_LABEL", NOT_ELIGIBLE, "21 units are planned", "glabellar lines", "20 units per treatment", "not this clinic's practice");
              assertThat(r.source()).isEqualTo("Clinic policy on BOTOX Cosmetic PI §2");
              restsOn(r, "/concerns/0/plannedUnits", "/concerns/0/condition");
              decision(a, "c1", NOT_ELIGIBLE);
            }),
        RuleCase.of("given glabellar lines planned at 20 units, then the dose is at the label's maximum and allowed",
            Intakes.patient().concern(planned("c1", GLABELLAR_LINES, 20)),
            a -> {
              noReason(a, "c1", "DOSE_ABOVE_LABEL");
              decision(a, "c1", ELIGIBLE);
            }),
        // Forehead lines: 20 units alone, 40 units with the glabella.
        RuleCase.of("given forehead lines with the glabella in their sites planned at 41 units, then the dose is above the label's combined 40 units",
            Intakes.patient().concern(forehead("c1", 41, Site.FOREHEAD, Site.GLABELLA)),
            a -> {
              var r = reason(a, "c1", "DOSE_ABOVE_LABEL", NOT_ELIGIBLE, "41 units are planned", "forehead lines treated with the glabellar lines", "40 units per treatment");
              restsOn(r, "/concerns/0/plannedUnits", "/concerns/0/sites");
            }),
        RuleCase.of("given forehead lines with the glabella in their sites planned at 40 units, then the dose is at the label's combined maximum and allowed",
            Intakes.patient().concern(forehead("c1", 40, Site.FOREHEAD, Site.GLABELLA)),
            a -> {
              noReason(a, "c1", "DOSE_ABOVE_LABEL");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given forehead lines with the glabella in their sites, no planned units and no glabellar concern, then the label's combined 40 units are planned by default",
            Intakes.patient().concern(forehead("c1", null, Site.FOREHEAD, Site.GLABELLA)),
            a -> {
              assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(40);
              noReason(a, "c1", "DOSE_ABOVE_LABEL");
            }),
        RuleCase.of("given forehead lines alone planned at 21 units, then the dose is above the label's 20 units for forehead lines",
            Intakes.patient().concern(planned("c1", FOREHEAD_LINES, 21)),
            a -> reason(a, "c1", "DOSE_ABOVE_LABEL", NOT_ELIGIBLE, "21 units", "forehead lines", "20 units per treatment")),
        RuleCase.of("given forehead lines alone planned at 20 units and no planned units, then 20 units are allowed and planned by default",
            Intakes.patient().concern(planned("c1", FOREHEAD_LINES, 20)).concern("c2", FOREHEAD_LINES),
            a -> {
              noReason(a, "c1", "DOSE_ABOVE_LABEL");
              assertThat(recommendation(a, "c2").plannedUnits()).isEqualTo(20);
              decision(a, "c1", ELIGIBLE_WITH_PRECAUTIONS); // forehead lines without glabellar lines
            }),
        // A forehead and a glabellar concern together: at most 40 units.
        RuleCase.of("given forehead lines (with the glabella) at 25 units and glabellar lines at 16 units, then the pair's 41 units exceed the combined 40 and each concern gets the reason",
            Intakes.patient().concern(forehead("c1", 25, Site.FOREHEAD, Site.GLABELLA))
                .concern(planned("c2", GLABELLAR_LINES, 16)),
            a -> {
              var f = reason(a, "c1", "DOSE_ABOVE_LABEL", NOT_ELIGIBLE, "25 units are planned", "16 units for frown lines (glabellar lines) (concern c2)", "41 units", "40 units for the two together");
              restsOn(f, "/concerns/0/plannedUnits", "/concerns/1/plannedUnits");
              var g = reason(a, "c2", "DOSE_ABOVE_LABEL", NOT_ELIGIBLE, "16 units are planned", "25 units for forehead lines (concern c1)", "41 units");
              restsOn(g, "/concerns/1/plannedUnits", "/concerns/0/plannedUnits");
            }),
        RuleCase.of("given forehead lines (with the glabella) at 24 units and glabellar lines at 16 units, then the pair's 40 units are at the combined maximum",
            Intakes.patient().concern(forehead("c1", 24, Site.FOREHEAD, Site.GLABELLA))
                .concern(planned("c2", GLABELLAR_LINES, 16)),
            a -> {
              noReason(a, "c1", "DOSE_ABOVE_LABEL");
              noReason(a, "c2", "DOSE_ABOVE_LABEL");
              decision(a, "c1", ELIGIBLE);
              decision(a, "c2", ELIGIBLE);
            }),
        RuleCase.of("given forehead lines with the glabella and glabellar lines, both without planned units, then forehead lines plan their own 20 units (not the combined 40) and the pair stays within 40",
            Intakes.patient().concern(forehead("c1", null, Site.FOREHEAD, Site.GLABELLA)).concern("c2", GLABELLAR_LINES),
            a -> {
              assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(20);
              assertThat(recommendation(a, "c2").plannedUnits()).isEqualTo(20);
              noReason(a, "c1", "DOSE_ABOVE_LABEL");
              noReason(a, "c2", "DOSE_ABOVE_LABEL");
            }),
        RuleCase.of("given forehead lines at 20 units and glabellar lines at 21 units, then glabellar lines exceed both their own 20 units and the pair's 40, and forehead lines the pair's",
            Intakes.patient().concern(planned("c1", FOREHEAD_LINES, 20)).concern(planned("c2", GLABELLAR_LINES, 21)),
            a -> {
              assertThat(reasons(a, "c2", "DOSE_ABOVE_LABEL")).hasSize(2)
                  .anySatisfy(r -> assertThat(r.message()).contains("20 units per treatment"))
                  .anySatisfy(r -> assertThat(r.message()).contains("41 units", "40 units for the two together"));
              reason(a, "c1", "DOSE_ABOVE_LABEL", NOT_ELIGIBLE, "21 units for frown lines (glabellar lines) (concern c2)", "41 units");
            }),
        // Blepharospasm: 200 units in 30 days, the units given for it included.
        RuleCase.of("given blepharospasm planned at 150 units and 60 units given for it 29 days ago, then 210 units in 30 days are above the label's 200",
            Intakes.patient().concern(planned("c1", BLEPHAROSPASM, 150)).treated(29, BLEPHAROSPASM, 60, Response.GOOD),
            a -> {
              var r = reason(a, "c1", "DOSE_ABOVE_LABEL", NEEDS_MEDICAL_EVALUATION, "150 units are planned",
                  "60 onabotulinumtoxinA units given for blepharospasm (eyelid spasm) in the last 30 days", "210 units", "200 units in 30 days");
              assertThat(r.source()).isEqualTo("BOTOX PI §2");
              restsOn(r, "/concerns/0/plannedUnits", "/treatmentHistory/0");
              reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, "29 days");
            }),
        RuleCase.of("given blepharospasm planned at 150 units and 60 units given for it 31 days ago, then the old units are outside the 30 days and the dose is allowed",
            Intakes.patient().concern(planned("c1", BLEPHAROSPASM, 150)).treated(31, BLEPHAROSPASM, 60, Response.GOOD),
            a -> noReason(a, "c1", "DOSE_ABOVE_LABEL")),
        RuleCase.of("given blepharospasm planned at 150 units and 60 units given for it exactly 30 days ago, then they are outside the window (less than 30 days counts)",
            Intakes.patient().concern(planned("c1", BLEPHAROSPASM, 150)).treated(30, BLEPHAROSPASM, 60, Response.GOOD),
            a -> noReason(a, "c1", "DOSE_ABOVE_LABEL")),
        RuleCase.of("given blepharospasm planned at 150 units and 60 units given 29 days ago for glabellar lines, then units for another condition do not count toward blepharospasm's maximum",
            Intakes.patient().concern(planned("c1", BLEPHAROSPASM, 150)).treated(29, GLABELLAR_LINES, 60, Response.GOOD),
            a -> noReason(a, "c1", "DOSE_ABOVE_LABEL")),
        RuleCase.of("given blepharospasm planned at 201 units and a treatment for it 10 days ago whose units are not recorded, then the dose is above 200 and the unknown units could only add to it",
            Intakes.patient().concern(planned("c1", BLEPHAROSPASM, 201)).treated(10, BLEPHAROSPASM, null, Response.GOOD),
            a -> {
              var r = reason(a, "c1", "DOSE_ABOVE_LABEL", NEEDS_MEDICAL_EVALUATION, "201 units", "whose units are not recorded", "could only add to it");
              restsOn(r, "/treatmentHistory/0");
            }),
        // Strabismus: 25 units per muscle.
        RuleCase.of("given strabismus planned at 26 units, then the dose is above the label's 25 units per muscle",
            Intakes.patient().concern(planned("c1", STRABISMUS, 26)),
            a -> reason(a, "c1", "DOSE_ABOVE_LABEL", NEEDS_MEDICAL_EVALUATION, "26 units", "strabismus", "25 units per muscle")),
        RuleCase.of("given strabismus planned at 25 units, then the dose is allowed",
            Intakes.patient().concern(planned("c1", STRABISMUS, 25)),
            a -> noReason(a, "c1", "DOSE_ABOVE_LABEL")),
        // Chronic migraine, bladder, spasticity, and the other labelled rows.
        RuleCase.of("given chronic migraine planned at 156 units, then the dose is above the label's 155 units and needs evaluation",
            Intakes.patient().concern(Intakes.chronicMigraine("c1").withPlannedUnits(156)),
            a -> {
              var r = reason(a, "c1", "DOSE_ABOVE_LABEL", NEEDS_MEDICAL_EVALUATION, "156 units", "chronic migraine", "155 units per treatment", "a physician reviews the dose");
              assertThat(r.source()).isEqualTo("BOTOX PI §2");
              decision(a, "c1", NEEDS_MEDICAL_EVALUATION);
            }),
        RuleCase.of("given chronic migraine planned at 155 units, then the dose is allowed",
            Intakes.patient().concern(Intakes.chronicMigraine("c1").withPlannedUnits(155)),
            a -> {
              noReason(a, "c1", "DOSE_ABOVE_LABEL");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given overactive bladder planned at 101 units, then the dose is above the label's 100 units",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER).withPlannedUnits(101)),
            a -> reason(a, "c1", "DOSE_ABOVE_LABEL", NEEDS_MEDICAL_EVALUATION, "101 units", "overactive bladder", "100 units per treatment")),
        RuleCase.of("given overactive bladder planned at 100 units, then the dose is allowed",
            Intakes.patient().concern(Intakes.bladder("c1", OVERACTIVE_BLADDER).withPlannedUnits(100)),
            a -> noReason(a, "c1", "DOSE_ABOVE_LABEL")),
        RuleCase.of("given an adult with neurogenic detrusor overactivity planned at 201 units, then the dose is above the label's 200 units",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY).withPlannedUnits(201)),
            a -> reason(a, "c1", "DOSE_ABOVE_LABEL", NEEDS_MEDICAL_EVALUATION, "201 units", "neurogenic detrusor overactivity", "200 units")),
        RuleCase.of("given an adult with neurogenic detrusor overactivity planned at 200 units, then the dose is allowed",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY).withPlannedUnits(200)),
            a -> noReason(a, "c1", "DOSE_ABOVE_LABEL")),
        RuleCase.of("given a child of 15 weighing 60 kg with neurogenic detrusor overactivity planned at 250 units, then the paediatric maximum applies instead of the label's adult one",
            Intakes.patient().concern(Intakes.bladder("c1", NEUROGENIC_DETRUSOR_OVERACTIVITY).withPlannedUnits(250)).age(15).weightKg(60.0),
            a -> {
              noReason(a, "c1", "DOSE_ABOVE_LABEL");
              reason(a, "c1", "PAEDIATRIC_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "250 units", "200 units");
            }),
        RuleCase.of("given an adult with upper limb spasticity planned at 401 units, then the dose is above the label's 400 units for the upper limb",
            Intakes.patient().concern(planned("c1", SPASTICITY, 401).withSites(List.of(Site.UPPER_LIMB))),
            a -> {
              var r = reason(a, "c1", "DOSE_ABOVE_LABEL", NEEDS_MEDICAL_EVALUATION, "401 units", "upper limb spasticity", "400 units");
              restsOn(r, "/concerns/0/sites");
            }),
        RuleCase.of("given an adult with lower limb spasticity planned at 401 units, then the dose is above the label's 400 units for the lower limb",
            Intakes.patient().concern(planned("c1", SPASTICITY, 401).withSites(List.of(Site.LOWER_LIMB))),
            a -> reason(a, "c1", "DOSE_ABOVE_LABEL", NEEDS_MEDICAL_EVALUATION, "401 units", "lower limb spasticity")),
        RuleCase.of("given an adult with spasticity of both limbs planned at 401 units, then the dose is above the 400 units for the limbs together",
            Intakes.patient().concern(planned("c1", SPASTICITY, 401)),
            a -> reason(a, "c1", "DOSE_ABOVE_LABEL", NEEDS_MEDICAL_EVALUATION, "401 units", "upper and lower limbs", "400 units")),
        RuleCase.of("given an adult with upper limb spasticity planned at 400 units, then the dose is allowed",
            Intakes.patient().concern(planned("c1", SPASTICITY, 400).withSites(List.of(Site.UPPER_LIMB))),
            a -> noReason(a, "c1", "DOSE_ABOVE_LABEL")),
        RuleCase.of("given a 14-year-old weighing 50 kg with blepharospasm planned at 201 units, then the label's maximum applies at every age for a row without a paediatric maximum",
            Intakes.patient().concern(planned("c1", BLEPHAROSPASM, 201)).age(14).weightKg(50.0),
            a -> reason(a, "c1", "DOSE_ABOVE_LABEL", NEEDS_MEDICAL_EVALUATION, "201 units", "200 units in 30 days")),
        RuleCase.of("given axillary hyperhidrosis planned at 101 units, then the dose is above the label's 100 units (50 per axilla)",
            Intakes.patient().concern(planned("c1", AXILLARY_HYPERHIDROSIS, 101)),
            a -> reason(a, "c1", "DOSE_ABOVE_LABEL", NEEDS_MEDICAL_EVALUATION, "101 units", "100 units per treatment (50 units per axilla)")),
        RuleCase.of("given axillary hyperhidrosis planned at 100 units, then the dose is allowed",
            Intakes.patient().concern(planned("c1", AXILLARY_HYPERHIDROSIS, 100)),
            a -> noReason(a, "c1", "DOSE_ABOVE_LABEL")),
        RuleCase.of("given cervical dystonia treated before and planned at 301 units, then the dose is above the 300 units the label's range tops at",
            Intakes.patient().concern(planned("c1", CERVICAL_DYSTONIA, 301)).treated(200, CERVICAL_DYSTONIA, 236, Response.GOOD),
            a -> reason(a, "c1", "DOSE_ABOVE_LABEL", NEEDS_MEDICAL_EVALUATION, "301 units", "cervical dystonia", "300 units")),
        RuleCase.of("given cervical dystonia treated before and planned at 300 units, then the dose is allowed",
            Intakes.patient().concern(planned("c1", CERVICAL_DYSTONIA, 300)).treated(200, CERVICAL_DYSTONIA, 236, Response.GOOD),
            a -> noReason(a, "c1", "DOSE_ABOVE_LABEL")),
        RuleCase.of("given crow's feet planned at 25 units, then the dose is above the label's 24 units",
            Intakes.patient().concern(planned("c1", LATERAL_CANTHAL_LINES, 25)),
            a -> reason(a, "c1", "DOSE_ABOVE_LABEL", NOT_ELIGIBLE, "25 units", "lateral canthal lines", "24 units")),
        RuleCase.of("given crow's feet planned at 24 units, then the dose is allowed",
            Intakes.patient().concern(planned("c1", LATERAL_CANTHAL_LINES, 24)),
            a -> noReason(a, "c1", "DOSE_ABOVE_LABEL")),
        RuleCase.of("given neck bands planned at 37 units, then the dose is above the label's 36 units",
            Intakes.patient().concern(planned("c1", PLATYSMA_BANDS, 37)),
            a -> reason(a, "c1", "DOSE_ABOVE_LABEL", NOT_ELIGIBLE, "37 units", "platysma bands", "36 units")),
        RuleCase.of("given neck bands planned at 36 units, then the dose is allowed",
            Intakes.patient().concern(planned("c1", PLATYSMA_BANDS, 36)),
            a -> noReason(a, "c1", "DOSE_ABOVE_LABEL")),
        RuleCase.of("given jaw slimming (off-label) planned at 200 units, then no label maximum is checked",
            Intakes.patient().concern(planned("c1", MASSETER_HYPERTROPHY, 200)),
            a -> noReason(a, "c1", "DOSE_ABOVE_LABEL")),
        RuleCase.of("given migraine without headache days (unclassified) planned at 300 units, then no label maximum is checked until it is classified",
            Intakes.patient().concern(planned("c1", MIGRAINE, 300)),
            a -> noReason(a, "c1", "DOSE_ABOVE_LABEL")),
        RuleCase.of("given migraine with 20 headache days planned at 300 units, then it is classified as chronic migraine and the dose is above 155 units",
            Intakes.patient().concern(planned("c1", MIGRAINE, 300).withHeadache(20, 10, 6.0, 14)),
            a -> reason(a, "c1", "DOSE_ABOVE_LABEL", NEEDS_MEDICAL_EVALUATION, "300 units", "155 units")),
        // A past onabotulinumtoxinA treatment inside the cumulative window without units.
        RuleCase.of("given an onabotulinumtoxinA treatment 89 days ago whose units are not recorded, then its units are missing for every concern with a dose (never counted as 0)",
            Intakes.patient().concern(Intakes.dystonia("c1")).concern("c2", ConditionCode.EPISODIC_MIGRAINE)
                .treated(89, CERVICAL_DYSTONIA, null, Response.GOOD),
            a -> {
              var r = reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "units is not given", daysAgo(89), "89 days ago", "never counted as 0", "90 days");
              assertThat(r.source()).isEqualTo("BOTOX PI §2");
              restsOn(r, "/treatmentHistory/0/units");
              noReason(a, "c2", "MISSING_INFORMATION");
            }),
        RuleCase.of("given an onabotulinumtoxinA treatment exactly 90 days ago whose units are not recorded, then it is outside the cumulative window and nothing is missing",
            Intakes.patient().concern(Intakes.dystonia("c1")).treated(90, CERVICAL_DYSTONIA, null, Response.GOOD),
            a -> {
              noReason(a, "c1", "MISSING_INFORMATION");
              decision(a, "c1", ELIGIBLE);
            }),
        RuleCase.of("given an abobotulinumtoxinA treatment 30 days ago without units, then other products' units never count, so none are missing",
            Intakes.patient().concern(Intakes.dystonia("c1")).treated(30, CERVICAL_DYSTONIA, Product.ABOBOTULINUMTOXINA, null, Response.GOOD),
            a -> {
              noReason(a, "c1", "MISSING_INFORMATION");
              reason(a, "c1", "RETREATMENT_INTERVAL", DEFERRED, "30 days");
            }),
        // A concern without a planned dose still counts its typical dose toward the cumulative limit.
        RuleCase.of("given cervical dystonia new to onabotulinumtoxinA without planned units and spasticity planned at 300 units, then the typical 236 units still count and the cumulative 536 units are above 400",
            Intakes.with(CERVICAL_DYSTONIA).concern(planned("c2", SPASTICITY, 300)),
            a -> {
              var r = reason(a, "c2", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "300 units planned",
                  "the typical 236 units for cervical dystonia (spasmodic neck) (concern c1), whose dose is not planned yet", "536 units");
              restsOn(r, "/concerns/0/plannedUnits", "/concerns/1/plannedUnits");
              reason(a, "c1", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "536 units");
              assertThat(recommendation(a, "c1").plannedUnits()).isNull();
            }),
        RuleCase.of("given cervical dystonia new to onabotulinumtoxinA without planned units and spasticity planned at 164 units, then the 400 units counted are within the limit",
            Intakes.with(CERVICAL_DYSTONIA).concern(planned("c2", SPASTICITY, 164)),
            a -> {
              noReason(a, "c2", "CUMULATIVE_DOSE_LIMIT");
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
            }),
        // Defaults withheld below the minimum age; a child's defaults share the cumulative limit.
        RuleCase.of("given a child of 10 weighing 30 kg with blepharospasm (labelled from 12) and no planned units, then no default dose is planned and the planned dose is missing",
            Intakes.with(BLEPHAROSPASM).age(10).weightKg(30.0),
            a -> {
              assertThat(recommendation(a, "c1").plannedUnits()).isNull();
              var r = reason(a, "c1", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "plannedUnits is not given", "the patient is 10", "minimum age of 12");
              restsOn(r, "/concerns/0/plannedUnits", "/patient/ageYears");
            }),
        RuleCase.of("given a child of 12 weighing 30 kg with blepharospasm and no planned units, then the minimum age is met and the typical 15 units are planned",
            Intakes.with(BLEPHAROSPASM).age(12).weightKg(30.0),
            a -> {
              assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(15);
              noReason(a, "c1", "MISSING_INFORMATION");
            }),
        RuleCase.of("given a child of 10 weighing 25 kg with upper and lower limb spasticity and no planned units, then the two defaults (150 and 200) share the child's 250 units: 107 and 142, and no limit is exceeded",
            Intakes.patient().concern(Concern.of("c1", SPASTICITY).withSites(List.of(Site.UPPER_LIMB)))
                .concern(Concern.of("c2", SPASTICITY).withSites(List.of(Site.LOWER_LIMB))).age(10).weightKg(25.0),
            a -> {
              assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(107);
              assertThat(recommendation(a, "c2").plannedUnits()).isEqualTo(142);
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
              noReason(a, "c2", "CUMULATIVE_DOSE_LIMIT");
              noReason(a, "c1", "PAEDIATRIC_DOSE_LIMIT");
            }),
        RuleCase.of("given a child of 10 weighing 25 kg with spasticity of both limbs and 100 units given 85 days ago, then the default takes only the 150 units the cumulative limit leaves",
            Intakes.with(SPASTICITY).age(10).weightKg(25.0).treated(85, SPASTICITY, 100, Response.GOOD),
            a -> {
              assertThat(recommendation(a, "c1").plannedUnits()).isEqualTo(150);
              noReason(a, "c1", "CUMULATIVE_DOSE_LIMIT");
            }),
        RuleCase.of("given a child of 10 weighing 25 kg whose other concern is planned at the whole 250 units, then no default dose is left for the second concern and its planned dose is missing",
            Intakes.patient().concern(planned("c1", SPASTICITY, 250))
                .concern(Intakes.bladder("c2", NEUROGENIC_DETRUSOR_OVERACTIVITY)).age(10).weightKg(25.0),
            a -> {
              assertThat(recommendation(a, "c2").plannedUnits()).isNull();
              var r = reason(a, "c2", "MISSING_INFORMATION", NEEDS_MEDICAL_EVALUATION, "plannedUnits is not given", "leave no default dose", "10-year-old of 25 kg");
              restsOn(r, "/concerns/1/plannedUnits", "/patient/weightKg");
              // any dose for the second concern goes over the child's limit, so its typical dose counts
              reason(a, "c1", "CUMULATIVE_DOSE_LIMIT", NEEDS_MEDICAL_EVALUATION, "250 units planned", "whose dose is not planned yet", "450 units");
            }));
  }

  private static String daysAgo(int days) {
    return Intakes.TODAY.minusDays(days).toString();
  }
}
