package org.botoxeligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.botoxeligibility.fhir.Bundles.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Sex;
import org.botoxeligibility.intake.Site;
import org.junit.jupiter.api.Test;

/** Each row of fhir-mapping.md §3: a resource that gives the field, and one that just misses. */
class FieldMappingTest {

  static Intake intake(String... resources) {
    Mapping m = map(resources);
    assertThat(m.problems()).isEmpty();
    assertThat(m.outcome()).isEqualTo(Mapping.Outcome.MAPPED);
    assertThat(m.valid()).isTrue();
    return m.intake();
  }

  static List<String> problems(Mapping m) {
    return m.problems().stream().map(Problem::toString).toList();
  }

  // intakeId

  @Test
  void intake_id_is_the_bundle_id_when_it_fits() {
    assertThat(intake(patient(), order()).intakeId()).isEqualTo("b1");
    assertThat(intake(patient(), order()).assessmentDate()).isEqualTo(TODAY);
  }

  @Test
  void intake_id_is_a_hash_of_the_bundle_when_the_id_does_not_fit_and_never_the_patients() {
    String json = bundle(patient(), order()).replace("\"id\":\"b1\"", "\"id\":\"b 1/x\"");
    Mapping m = mapJson(json, FhirIntakeMapper.Options.orders());
    assertThat(m.intake().intakeId()).matches("fhir-[0-9a-f]{16}")
        .doesNotContain("p1").doesNotContain("999");
    assertThat(mapJson(json, FhirIntakeMapper.Options.orders()).intake().intakeId())
        .isEqualTo(m.intake().intakeId());
    String other = bundle(patient(), order(), weight("w1", days(1), "70", "kg"))
        .replace("\"id\":\"b1\",", "");
    assertThat(mapJson(other, FhirIntakeMapper.Options.orders()).intake().intakeId())
        .matches("fhir-[0-9a-f]{16}").isNotEqualTo(m.intake().intakeId());
  }

  @Test
  void the_options_intake_id_wins() {
    Mapping m = map(FhirIntakeMapper.Options.orders().withIntakeId("cds-42"), patient(), order());
    assertThat(m.intake().intakeId()).isEqualTo("cds-42");
  }

  // patient

  @Test
  void birth_date_full_is_read_partial_or_absent_is_a_problem() {
    Intake i = intake(patient("1985-03-14"), order());
    assertThat(i.patient().birthDate()).isEqualTo(LocalDate.of(1985, 3, 14));
    assertThat(i.patient().ageYears()).isNull();
    assertThat(map(patient("1985-03-14"), order()).provenance())
        .containsEntry("/patient/birthDate", List.of("Patient/p1"));

    assertThat(problems(map(patient("1980"), order()))).containsExactly(
        "Patient/p1.birthDate: a full birth date is needed (age decides too much to guess), was "
            + "the partial date \"1980\"");
    assertThat(problems(map(patient("1980-04"), order()))).singleElement().asString()
        .contains("partial date \"1980-04\"");
    assertThat(problems(map(patient().replace(",\"birthDate\":\"1985-03-14\"", ""), order())))
        .containsExactly("Patient/p1.birthDate: a full birth date is needed (age decides too "
            + "much to guess), was absent");
  }

  @Test
  void gender_gives_sex_and_absent_gender_leaves_it_unknown_without_provenance() {
    assertThat(intake(patient(), order()).patient().sex()).isEqualTo(Sex.FEMALE);
    assertThat(intake(patient().replace("female", "male"), order()).patient().sex())
        .isEqualTo(Sex.MALE);
    assertThat(intake(patient().replace("female", "other"), order()).patient().sex())
        .isEqualTo(Sex.OTHER);
    Mapping none = map(patient().replace("\"gender\":\"female\",", ""), order());
    assertThat(none.intake().patient().sex()).isEqualTo(Sex.UNKNOWN);
    assertThat(none.provenance()).doesNotContainKey("/patient/sex");
  }

  @Test
  void pregnancy_status_within_30_days() {
    String pregnant = "\"valueCodeableConcept\":" + concept(SCT, "77386006");
    Mapping in = map(patient(), order(), obs("preg", LOINC, "82810-3", days(30), pregnant));
    assertThat(in.intake().patient().pregnant()).isTrue();
    assertThat(in.provenance()).containsEntry("/patient/pregnant", List.of("Observation/preg"));
    Mapping stale = map(patient(), order(), obs("preg", LOINC, "82810-3", days(31), pregnant));
    assertThat(stale.intake().patient().pregnant()).isNull();
    assertThat(stale.provenance()).doesNotContainKey("/patient/pregnant");
    assertThat(intake(patient(), order(), obs("preg", LOINC, "82810-3", days(1),
        "\"valueCodeableConcept\":" + concept(LOINC, "LA15173-0"))).patient().pregnant()).isTrue();
    assertThat(intake(patient(), order(), obs("preg", LOINC, "82810-3", days(1),
        "\"valueCodeableConcept\":" + concept(LOINC, "LA26683-5"))).patient().pregnant())
        .isFalse();
    assertThat(intake(patient(), order(), obs("preg", LOINC, "82810-3", days(1),
        "\"valueCodeableConcept\":" + concept(SCT, "60001007"))).patient().pregnant()).isFalse();
  }

  @Test
  void pregnancy_status_unknown_codes_give_null_with_the_observation_as_provenance() {
    for (String[] code : new String[][] {{LOINC, "LA4489-6"}, {SCT, "152231000119106"},
        {SCT, "146799005"}, {SCT, "12345"}}) {
      Mapping m = map(patient(), order(), obs("preg", LOINC, "82810-3", days(1),
          "\"valueCodeableConcept\":" + concept(code[0], code[1])));
      assertThat(m.intake().patient().pregnant()).as(code[1]).isNull();
      assertThat(m.provenance()).containsEntry("/patient/pregnant", List.of("Observation/preg"));
    }
  }

  @Test
  void the_most_recent_observation_wins_then_issued() {
    String yes = "\"valueCodeableConcept\":" + concept(SCT, "77386006");
    String no = "\"valueCodeableConcept\":" + concept(SCT, "60001007");
    assertThat(intake(patient(), order(), obs("a", LOINC, "82810-3", days(2), yes),
        obs("b", LOINC, "82810-3", days(1), no)).patient().pregnant()).isFalse();
    assertThat(intake(patient(), order(),
        obs("a", LOINC, "82810-3", days(1), yes, "\"issued\":\"2026-11-26T12:00:00Z\""),
        obs("b", LOINC, "82810-3", days(1), no, "\"issued\":\"2026-11-26T10:00:00Z\""))
        .patient().pregnant()).isTrue();
    // a preliminary result does not count; one dated after the assessment date is not given
    assertThat(intake(patient(), order(), obs("a", LOINC, "82810-3", days(2), yes),
        obs("b", LOINC, "82810-3", days(1), no).replace("final", "preliminary"))
        .patient().pregnant()).isTrue();
    assertThat(intake(patient(), order(), obs("a", LOINC, "82810-3", days(2), yes),
        obs("b", LOINC, "82810-3", days(-1), no)).patient().pregnant()).isTrue();
  }

  @Test
  void breastfeeding_status_within_30_days() {
    String yes = "\"valueCodeableConcept\":" + concept(LOINC, "LA29252-6");
    assertThat(intake(patient(), order(), obs("bf", LOINC, "63895-7", days(30), yes))
        .patient().breastfeeding()).isTrue();
    assertThat(intake(patient(), order(), obs("bf", LOINC, "63895-7", days(31), yes))
        .patient().breastfeeding()).isNull();
    assertThat(intake(patient(), order(), obs("bf", LOINC, "63895-7", days(3),
        "\"valueCodeableConcept\":" + concept(LOINC, "LA29253-4"))).patient().breastfeeding())
        .isFalse();
    assertThat(intake(patient(), order(), obs("bf", LOINC, "63895-7", days(3),
        "\"valueCodeableConcept\":" + concept(LOINC, "LA4489-6"))).patient().breastfeeding())
        .isNull();
  }

  @Test
  void weight_within_365_days_for_an_adult_and_90_for_a_child() {
    assertThat(intake(patient(), order(), weight("w1", days(365), "63.5", "kg"))
        .patient().weightKg()).isEqualTo(63.5);
    assertThat(intake(patient(), order(), weight("w1", days(366), "63.5", "kg"))
        .patient().weightKg()).isNull();
    String child = patient("2016-05-01");
    assertThat(intake(child, order(), weight("w1", days(90), "30", "kg")).patient().weightKg())
        .isEqualTo(30.0);
    assertThat(intake(child, order(), weight("w1", days(91), "30", "kg")).patient().weightKg())
        .isNull();
  }

  @Test
  void weight_is_converted_never_rounded() {
    assertThat(intake(patient(), order(), weight("w1", days(1), "150", "[lb_av]"))
        .patient().weightKg()).isEqualTo(68.0388555);
    assertThat(intake(patient(), order(), weight("w1", days(1), "63512", "g"))
        .patient().weightKg()).isEqualTo(63.512);
    assertThat(map(patient(), order(), weight("w1", days(1), "150", "[lb_av]")).provenance())
        .containsEntry("/patient/weightKg", List.of("Observation/w1"));
  }

  @Test
  void weight_in_an_unknown_unit_or_without_a_code_is_a_problem_but_only_within_the_window() {
    assertThat(problems(map(patient(), order(), weight("w1", days(1), "10", "stone"))))
        .containsExactly("Observation/w1.valueQuantity.code: unit \"stone\" is not a unit of "
            + "mass this mapping knows (kg, g, [lb_av])");
    assertThat(map(patient(), order(), weight("w1", days(400), "10", "stone")).problems())
        .isEmpty();
    String noCode = obs("w1", LOINC, "29463-7", days(1),
        "\"valueQuantity\":{\"value\":70,\"unit\":\"kilos\"}");
    assertThat(problems(map(patient(), order(), noCode))).containsExactly(
        "Observation/w1.valueQuantity.code: a body weight needs a UCUM unit code (kg, g, "
            + "[lb_av]), was absent (unit \"kilos\")");
  }

  // concerns

  @Test
  void one_concern_per_toxin_order_in_bundle_order_with_the_order_id() {
    Intake i = intake(patient(), order(), cosmeticOrder("o2"));
    assertThat(i.concerns()).extracting(c -> c.id()).containsExactly("o1", "o2");
    assertThat(i.concerns().get(0).icd10()).isEqualTo("G43.709");
    assertThat(i.concerns().get(1).condition()).isEqualTo(ConditionCode.GLABELLAR_LINES);
  }

  @Test
  void order_statuses_draft_active_on_hold_count_others_do_not() {
    for (String status : new String[] {"draft", "active", "on-hold"}) {
      assertThat(intake(patient(), cosmeticOrder("o1").replace("active", status)).concerns())
          .hasSize(1);
    }
    for (String status : new String[] {"completed", "cancelled", "stopped", "entered-in-error"}) {
      assertThat(map(patient(), cosmeticOrder("o1").replace("active", status)).outcome())
          .isEqualTo(Mapping.Outcome.NO_TOXIN_ORDER);
    }
  }

  @Test
  void an_order_id_that_does_not_fit_gives_c_and_the_position() {
    // since knowledge base 1.2 the mapping writes the default id itself, so that from-fhir
    // prints the concern id evaluate uses (docs/fhir-mapping.md §8)
    String longId = "x".repeat(65);
    Intake i = intake(patient(), cosmeticOrder(longId));
    assertThat(i.concerns().get(0).id()).isEqualTo("c1");
    assertThat(map(patient(), cosmeticOrder(longId)).provenance())
        .doesNotContainKey("/concerns/0/id");
  }

  @Test
  void a_toxin_is_recognised_by_hcpcs_local_code_or_name_and_a_service_request_by_cpt() {
    String byName = cosmeticOrder("o1").replace(coding(HCPCS, "J0585"),
        coding("http://www.nlm.nih.gov/research/umls/rxnorm", "1")).replace(
        "onabotulinumtoxinA 100 UNT Injection", "BOTOX 100 unit injection");
    assertThat(intake(patient(), byName).concerns()).hasSize(1);
    String notWholeWord = byName.replace("BOTOX 100", "BOTOXIN 100");
    assertThat(map(patient(), notWholeWord).outcome()).isEqualTo(Mapping.Outcome.NO_TOXIN_ORDER);
    String service = """
        {"resourceType":"ServiceRequest","id":"s1","status":"active","intent":"order",
         "subject":{"reference":"Patient/p1"},
         "code":{"coding":[{"system":"%s","code":"64650"}]},
         "bodySite":[{"coding":[{"system":"%s","code":"91470000"}]}],
         "quantityQuantity":{"value":100,"code":"U","system":"http://unitsofmeasure.org"},
         "reasonCode":[{"coding":[{"system":"%s","code":"L74.510"}]}]}""".formatted(CPT, SCT, ICD);
    Intake i = intake(patient(), service);
    assertThat(i.concerns().get(0).sites()).containsExactly(Site.AXILLA);
    assertThat(i.concerns().get(0).plannedUnits()).isEqualTo(100);
    assertThat(map(patient(), service.replace("64650", "11111")).outcome())
        .isEqualTo(Mapping.Outcome.NO_TOXIN_ORDER);
  }

  @Test
  void selected_orders_only() {
    Mapping m = map(FhirIntakeMapper.Options.orders().withSelectedOrders(Set.of("o2")),
        patient(), order(), cosmeticOrder("o2"));
    assertThat(m.intake().concerns()).extracting(c -> c.id()).containsExactly("o2");
    assertThat(map(FhirIntakeMapper.Options.orders().withSelectedOrders(Set.of("zz")),
        patient(), order()).outcome()).isEqualTo(Mapping.Outcome.NO_TOXIN_ORDER);
  }

  @Test
  void condition_from_reason_code_icd10_and_local_both_given() {
    String both = order("o1", "active", "\"reasonCode\":[{\"coding\":[" + coding(ICD, "G43.709")
        + "," + coding("urn:botox-eligibility:condition", "CHRONIC_MIGRAINE") + "]}]");
    Mapping m = map(patient(), both);
    assertThat(m.intake().concerns().get(0).icd10()).isEqualTo("G43.709");
    assertThat(m.intake().concerns().get(0).condition()).isEqualTo(ConditionCode.CHRONIC_MIGRAINE);
    assertThat(m.provenance()).containsEntry("/concerns/0/icd10", List.of("MedicationRequest/o1"))
        .containsEntry("/concerns/0/condition", List.of("MedicationRequest/o1"));
  }

  @Test
  void codings_that_disagree_or_none_usable_are_problems() {
    String disagree = order("o1", "active", "\"reasonCode\":[" + concept(ICD, "G43.709") + ","
        + concept(ICD, "G24.3") + "]");
    assertThat(problems(map(patient(), disagree))).containsExactly(
        "MedicationRequest/o1.reasonCode: the codings name different conditions: G24.3 "
            + "(CERVICAL_DYSTONIA), G43.709 (CHRONIC_MIGRAINE)");
    String none = order("o1", "active", "\"reasonCode\":[" + concept(ICD, "Z00.00") + "]");
    assertThat(problems(map(patient(), none))).singleElement().asString().startsWith(
        "MedicationRequest/o1.reasonCode: the order names no condition this mapping can read");
  }

  @Test
  void condition_from_reason_reference_and_its_problems() {
    String cond = condition("cm", coding(ICD, "G43.709") + "," + coding(SCT, "4473006"),
        verification("confirmed"));
    String ref = order("o1", "active", "\"reasonReference\":[{\"reference\":\"Condition/cm\"}]");
    Mapping m = map(patient(), ref, cond);
    assertThat(m.problems()).isEmpty();
    assertThat(m.intake().concerns().get(0).icd10()).isEqualTo("G43.709");
    assertThat(m.provenance().get("/concerns/0/icd10"))
        .containsExactly("MedicationRequest/o1", "Condition/cm");
    assertThat(m.intake().workflow().diagnosisConfirmed()).isTrue();

    assertThat(problems(map(patient(), ref, cond.replace("confirmed", "refuted"))))
        .contains("MedicationRequest/o1.reasonReference[0]: refers to Condition/cm, which is "
            + "refuted: the order's reason is not a diagnosis of the patient");
    assertThat(problems(map(patient(), ref, cond.replace("confirmed", "entered-in-error"))))
        .contains("MedicationRequest/o1.reasonReference[0]: refers to Condition/cm, which is "
            + "entered in error: the order's reason is not a diagnosis of the patient");
    assertThat(problems(map(patient(), ref))).contains("MedicationRequest/o1.reasonReference[0]: "
        + "refers to \"Condition/cm\", which is not in the bundle");
  }

  @Test
  void sites_from_the_site_table_unknown_site_is_a_problem_none_leaves_them_absent() {
    String site = order("o1", "active", "\"reasonCode\":[" + concept(ICD, "G43.709") + "]",
        "\"dosageInstruction\":[{\"site\":{\"coding\":[" + coding("urn:vendor", "x") + ","
            + coding(SCT, "52795006") + "]}},{\"site\":" + concept(SCT, "45048000") + "}]");
    Mapping m = map(patient(), site);
    assertThat(m.intake().concerns().get(0).sites()).containsExactly(Site.FOREHEAD, Site.NECK);
    assertThat(m.provenance()).containsEntry("/concerns/0/sites", List.of("MedicationRequest/o1"));
    String unknown = site.replace("52795006", "99999999").replace("45048000", "99999998");
    assertThat(problems(map(patient(), unknown))).contains(
        "MedicationRequest/o1.dosageInstruction[0].site: no coding maps to a site of this "
            + "mapping (SNOMED CT body structures of rules/fhir-sites.tsv, or "
            + "urn:botox-eligibility:site), was urn:vendor|x, http://snomed.info/sct|99999999");
    assertThat(intake(patient(), order()).concerns().get(0).sites()).isEmpty();
    assertThat(map(patient(), order()).provenance()).doesNotContainKey("/concerns/0/sites")
        .doesNotContainKey("/concerns/0");
  }

  @Test
  void planned_units_add_up_over_dosage_instructions_and_need_units_of_onabotulinumtoxin_a() {
    String two = order("o1", "active", "\"reasonCode\":[" + concept(ICD, "G43.709") + "]",
        "\"dosageInstruction\":[{\"doseAndRate\":[{\"doseQuantity\":{\"value\":100,\"code\":"
            + "\"U\"}}]},{\"doseAndRate\":[{\"doseQuantity\":{\"value\":55,\"unit\":\"units\"}}]}]");
    assertThat(intake(patient(), two).concerns().get(0).plannedUnits()).isEqualTo(155);
    assertThat(problems(map(patient(), two.replace("\"code\":\"U\"", "\"code\":\"mg\""))))
        .containsExactly("MedicationRequest/o1.dosageInstruction[0].doseAndRate[0].doseQuantity"
            + ".code: a botulinum toxin dose is in units (U, [iU], {units}, unit, units), was "
            + "\"mg\"");
    String dysport = order().replace("J0585", "J0586").replace("onabotulinumtoxinA 100 UNT",
        "Dysport 300 UNT");
    assertThat(problems(map(patient(), dysport))).containsExactly(
        "MedicationRequest/o1.medicationCodeableConcept: orders ABOBOTULINUMTOXINA: the "
            + "knowledge base's doses are onabotulinumtoxinA's, and units of botulinum toxin "
            + "products are not interchangeable");
    String mixed = order().replace("onabotulinumtoxinA 100 UNT", "Xeomin 100 UNT");
    assertThat(problems(map(patient(), mixed))).containsExactly(
        "MedicationRequest/o1.medicationCodeableConcept: the codings name different botulinum "
            + "toxin products (INCOBOTULINUMTOXINA, ONABOTULINUMTOXINA): units of one are not "
            + "units of another");
  }

  @Test
  void a_problem_of_the_intake_keeps_its_path_and_names_the_resource() {
    String big = order().replace("\"value\":155", "\"value\":700");
    assertThat(problems(map(patient(), big))).containsExactly(
        "$.concerns[0].plannedUnits: must be between 1 and 600, was 700 (MedicationRequest/o1)");
    assertThat(problems(map(patient(), order(), weight("w1", days(1), "500", "kg"))))
        .containsExactly("$.patient.weightKg: must be at least 0.2 and at most 400, was 500 "
            + "(Observation/w1)");
  }

  @Test
  void headache_facts_within_90_days_numbers_and_flags() {
    Mapping m = map(patient(), order(),
        local("h1", "headache-days-per-month", days(90), "\"valueInteger\":18"),
        local("h2", "migraine-days-per-month", days(10),
            "\"valueQuantity\":{\"value\":10.0,\"code\":\"d\"}"),
        local("h3", "headache-hours-per-day", days(10), "\"valueQuantity\":{\"value\":6.5}"),
        local("h4", "months-with-symptoms", days(10), "\"valueInteger\":14"),
        local("h5", "prior-therapies-failed", days(10), "\"valueInteger\":2"),
        local("h6", "secondary-cause-excluded", days(10), "\"valueBoolean\":true"));
    assertThat(m.problems()).isEmpty();
    var c = m.intake().concerns().get(0);
    assertThat(c.headacheDaysPerMonth()).isEqualTo(18);
    assertThat(c.migraineDaysPerMonth()).isEqualTo(10);
    assertThat(c.headacheHoursPerDay()).isEqualTo(6.5);
    assertThat(c.monthsWithSymptoms()).isEqualTo(14);
    assertThat(c.priorTherapiesFailed()).isEqualTo(2);
    assertThat(c.secondaryCauseExcluded()).isTrue();
    assertThat(m.provenance()).containsEntry("/concerns/0/headacheDaysPerMonth",
        List.of("Observation/h1"));
    assertThat(intake(patient(), order(),
        local("h1", "headache-days-per-month", days(91), "\"valueInteger\":18"))
        .concerns().get(0).headacheDaysPerMonth()).isNull();
  }

  @Test
  void a_local_observation_of_the_wrong_type_is_a_problem() {
    assertThat(problems(map(patient(), order(), local("h1", "headache-days-per-month", days(1),
        "\"valueQuantity\":{\"value\":17.5}")))).containsExactly("Observation/h1.valueQuantity"
        + ".value: headache-days-per-month is a whole number, was 17.5");
    assertThat(problems(map(patient(), order(), local("h1", "secondary-cause-excluded", days(1),
        "\"valueString\":\"yes\"")))).containsExactly("Observation/h1.value[x]: "
        + "secondary-cause-excluded is a valueBoolean, was valueString");
  }

  @Test
  void an_observation_with_focus_applies_to_its_concern_only() {
    String focused = local("h1", "headache-days-per-month", days(1), "\"valueInteger\":18",
        "\"focus\":[{\"reference\":\"MedicationRequest/o1\"}]");
    Intake i = intake(patient(), order(), cosmeticOrder("o2"), focused);
    assertThat(i.concerns().get(0).headacheDaysPerMonth()).isEqualTo(18);
    assertThat(i.concerns().get(1).headacheDaysPerMonth()).isNull();
    String unfocused = local("h1", "headache-days-per-month", days(1), "\"valueInteger\":18");
    Intake all = intake(patient(), order(), cosmeticOrder("o2"), unfocused);
    assertThat(all.concerns().get(1).headacheDaysPerMonth()).isEqualTo(18);
    String dangling = local("h1", "headache-days-per-month", days(1), "\"valueInteger\":18",
        "\"focus\":[{\"reference\":\"MedicationRequest/nowhere\"}]");
    assertThat(intake(patient(), order(), cosmeticOrder("o2"), dangling).concerns().get(1)
        .headacheDaysPerMonth()).isEqualTo(18);
  }

  @Test
  void bladder_facts_residual_in_ml_and_self_catheterisation() {
    String bladder = order("o1", "active", "\"reasonCode\":[" + concept(ICD, "N31.9") + "]");
    Intake i = intake(patient(), bladder,
        local("r1", "post-void-residual", days(5),
            "\"valueQuantity\":{\"value\":120,\"system\":\"http://unitsofmeasure.org\","
                + "\"code\":\"mL\"}"),
        local("k1", "clean-intermittent-catheterization", days(5), "\"valueBoolean\":true"));
    assertThat(i.concerns().get(0).postVoidResidualMl()).isEqualTo(120.0);
    assertThat(i.concerns().get(0).cleanIntermittentCatheterization()).isTrue();
    assertThat(problems(map(patient(), bladder, local("r1", "post-void-residual", days(5),
        "\"valueQuantity\":{\"value\":0.12,\"code\":\"L\"}")))).containsExactly(
        "Observation/r1.valueQuantity.code: post-void-residual takes mL (UCUM), was \"L\"");
  }

  // medical history

  @Test
  void comorbidities_by_icd10_prefix_and_snomed_active_and_not_refuted() {
    Mapping m = map(patient(), order(),
        condition("mg", coding(ICD, "G70.01")),
        condition("dys", coding(SCT, "40739000"), clinical("active"), verification("provisional")),
        condition("bleed", coding(ICD, "D68.51"), clinical("relapse")),
        condition("flu", coding(ICD, "J10.1")));
    assertThat(m.problems()).isEmpty();
    assertThat(m.intake().medicalHistory().conditions()).containsExactly(
        Comorbidity.MYASTHENIA_GRAVIS, Comorbidity.DYSPHAGIA, Comorbidity.BLEEDING_DISORDER);
    assertThat(m.provenance()).containsEntry("/medicalHistory/conditions/1",
        List.of("Condition/dys"));
    assertThat(intake(patient(), order(),
        condition("mg", coding(ICD, "G70.01"), verification("refuted")),
        condition("mg2", coding(ICD, "G70.01"), clinical("resolved")),
        condition("mg3", coding(ICD, "G70.01"), verification("entered-in-error")))
        .medicalHistory().conditions()).isEmpty();
  }

  @Test
  void infection_sites_from_body_site_or_every_site_of_every_concern() {
    String cellulitis = condition("inf", coding(ICD, "L03.211"),
        "\"bodySite\":[" + concept(SCT, "52795006") + "]");
    Mapping m = map(patient(), order(), cellulitis);
    assertThat(m.intake().medicalHistory().infectionSites()).containsExactly(Site.FOREHEAD);
    assertThat(m.provenance()).containsEntry("/medicalHistory/infectionSites/0",
        List.of("Condition/inf"));
    Intake everywhere = intake(patient(), order(), condition("inf", coding(ICD, "L03.211")));
    // the chronic migraine row's usual sites (knowledge base 1.1)
    assertThat(everywhere.medicalHistory().infectionSites()).containsExactly(Site.SCALP,
        Site.FOREHEAD, Site.GLABELLA, Site.TEMPLE, Site.NECK, Site.SHOULDER, Site.UPPER_BACK);
    assertThat(intake(patient(), order(), condition("inf", coding(ICD, "L03.211"),
        clinical("resolved"))).medicalHistory().infectionSites()).isEmpty();
  }

  @Test
  void allergies_map_and_entered_in_error_or_no_known_allergy_do_not_count() {
    String toxin = """
        {"resourceType":"AllergyIntolerance","id":"a1","patient":{"reference":"Patient/p1"},
         "code":{"coding":[{"system":"%s","code":"11894001"}]}}""".formatted(SCT);
    String byName = """
        {"resourceType":"AllergyIntolerance","id":"a2","patient":{"reference":"Patient/p1"},
         "code":{"text":"Botox"}}""";
    String albumin = toxin.replace("a1", "a3").replace("11894001", "52454007");
    String other = toxin.replace("a1", "a4").replace("11894001", "91936005");
    Mapping m = map(patient(), order(), toxin, byName, albumin, other);
    assertThat(m.intake().medicalHistory().allergies()).containsExactly(Allergy.BOTULINUM_TOXIN,
        Allergy.HUMAN_ALBUMIN, Allergy.OTHER);
    assertThat(m.provenance().get("/medicalHistory/allergies/0"))
        .containsExactly("AllergyIntolerance/a1", "AllergyIntolerance/a2");
    String inError = toxin.replaceFirst("\"code\"", "\"verificationStatus\":{\"coding\":[{\"system\":"
        + "\"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification\",\"code\":"
        + "\"entered-in-error\"}]},\"code\"");
    assertThat(intake(patient(), order(), inError).medicalHistory().allergies()).isEmpty();
    String nka = toxin.replace("11894001", "716186003");
    assertThat(intake(patient(), order(), nka).medicalHistory().allergies()).isEmpty();
  }

  @Test
  void medications_from_statements_and_requests_named_by_text_else_display() {
    String warfarin = """
        {"resourceType":"MedicationStatement","id":"m1","status":"active",
         "subject":{"reference":"Patient/p1"},
         "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm",
           "code":"855332","display":"Warfarin Sodium 5 MG Oral Tablet"}]}}""";
    String gentamicin = """
        {"resourceType":"MedicationRequest","id":"m2","status":"active","intent":"order",
         "subject":{"reference":"Patient/p1"},"medicationReference":{"reference":"#med"},
         "contained":[{"resourceType":"Medication","id":"med",
           "code":{"text":"Gentamicin 40 MG/ML Injectable Solution"}}]}""";
    String stopped = warfarin.replace("m1", "m3").replace("active", "stopped");
    Mapping m = map(patient(), order(), warfarin, gentamicin, stopped);
    assertThat(m.problems()).isEmpty();
    assertThat(m.intake().medicalHistory().medications()).containsExactly(
        Medication.named("Warfarin Sodium 5 MG Oral Tablet"),
        Medication.named("Gentamicin 40 MG/ML Injectable Solution"));
    assertThat(m.provenance()).containsEntry("/medicalHistory/medications/1",
        List.of("MedicationRequest/m2"));
    String unnamed = warfarin.replace(",\"display\":\"Warfarin Sodium 5 MG Oral Tablet\"", "");
    assertThat(problems(map(patient(), order(), unnamed))).containsExactly(
        "MedicationStatement/m1.medicationCodeableConcept: the medication has no text or coding "
            + "display to name it (the drug list matches names)");
    // a draft counts in a CDS Hooks call only
    String draft = gentamicin.replace("active", "draft");
    assertThat(intake(patient(), order(), draft).medicalHistory().medications()).isEmpty();
    assertThat(map(FhirIntakeMapper.Options.orders().signing(), patient(), order(), draft)
        .intake().medicalHistory().medications()).hasSize(1);
  }
}
