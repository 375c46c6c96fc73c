package org.botoxeligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.botoxeligibility.fhir.Bundles.*;
import static org.botoxeligibility.fhir.FieldMappingTest.intake;
import static org.botoxeligibility.fhir.FieldMappingTest.problems;
import static org.botoxeligibility.fhir.Shapes.*;

import java.util.List;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.Product;
import org.junit.jupiter.api.Test;

/**
 * Code systems and products as real systems write them (docs/fhir-mapping.md §8): HL7 OIDs,
 * whitespace, unit text in any case, SNOMED CT conditions, NDC and RxNorm products, an unnamed
 * toxin, SNOMED CT procedures.
 */
class CodeSystemsAndProductsTest {

  // code systems

  @Test
  void icd10cm_under_its_oid_as_epic_sends_it_is_icd10cm() {
    String epicReason = order("o1", "active", "\"reasonCode\":[{\"coding\":["
        + epic("2.16.840.1.113883.6.90", "G43.709", "Chronic migraine without aura, not "
        + "intractable, without status migrainosus") + "],\"text\":\"Chronic migraine\"}]");
    Intake i = intake(patient(), epicReason);
    assertThat(i.concerns().get(0).icd10()).isEqualTo("G43.709");
    // near miss: ICD-10 (WHO) under its own OID is not ICD-10-CM
    String who = epicReason.replace("2.16.840.1.113883.6.90", "2.16.840.1.113883.6.3");
    assertThat(problems(map(patient(), who))).singleElement().asString()
        .startsWith("MedicationRequest/o1.reasonCode: the order names no condition");
  }

  @Test
  void snomed_under_its_oid_is_snomed_and_a_codings_version_is_not_read() {
    Intake i = intake(patient(), order(), condition("mg", "{\"system\":\"urn:oid:"
        + "2.16.840.1.113883.6.96\",\"code\":\"91637004\",\"version\":\"http://snomed.info/sct/"
        + "731000124108\"}"));
    assertThat(i.medicalHistory().conditions()).containsExactly(Comorbidity.MYASTHENIA_GRAVIS);
  }

  @Test
  void whitespace_around_a_status_a_code_or_a_unit_is_not_read() {
    // Oracle Health's published examples carry a status with a trailing space
    String padded = order().replace("\"status\":\"active\"", "\"status\":\"active \"")
        .replace("\"code\":\"G43.709\"", "\"code\":\" G43.709 \"")
        .replace("\"code\":\"U\"", "\"code\":\" U\"");
    Intake i = intake(patient(), padded);
    assertThat(i.concerns().get(0).icd10()).isEqualTo("G43.709");
    assertThat(i.concerns().get(0).plannedUnits()).isEqualTo(155);
    assertThat(i.workflow().prescriptionIssued()).isTrue();
    // near miss: a status that is not a status at all is still a problem
    assertThat(problems(map(patient(), order().replace("\"status\":\"active\"",
        "\"status\":\"actve\"")))).anySatisfy(p -> assertThat(p)
        .startsWith("MedicationRequest/o1.status: cannot be read: \"actve\""));
  }

  @Test
  void a_dose_written_units_in_any_case_is_in_units() {
    String units = order().replace("\"unit\":\"U\",\"system\":\"http://unitsofmeasure.org\","
        + "\"code\":\"U\"", "\"unit\":\"Units\"");
    assertThat(intake(patient(), units).concerns().get(0).plannedUnits()).isEqualTo(155);
    assertThat(intake(patient(), units.replace("Units", "UNITS")).concerns().get(0)
        .plannedUnits()).isEqualTo(155);
    // near miss: a unit that is not units
    assertThat(problems(map(patient(), units.replace("Units", "mL")))).containsExactly(
        "MedicationRequest/o1.dosageInstruction[0].doseAndRate[0].doseQuantity.unit: a "
            + "botulinum toxin dose is in units (U, [iU], {units}, unit, units), was \"mL\"");
  }

  // SNOMED CT conditions

  @Test
  void an_order_for_a_snomed_coded_reason_reads_the_catalog_condition() {
    String reason = order("o1", "active", "\"reasonCode\":[" + concept(SCT, "124171000119105")
        + "]");
    Mapping m = map(patient(), reason);
    assertThat(m.problems()).isEmpty();
    assertThat(m.intake().concerns().get(0).condition()).isEqualTo(
        ConditionCode.CHRONIC_MIGRAINE);
    assertThat(m.intake().concerns().get(0).icd10()).isNull();
    assertThat(m.provenance()).containsEntry("/concerns/0/condition",
        List.of("MedicationRequest/o1"));
    // near miss: a SNOMED CT code no table maps
    assertThat(problems(map(patient(), reason.replace("124171000119105", "444814009"))))
        .singleElement().asString().startsWith("MedicationRequest/o1.reasonCode: the order "
            + "names no condition");
  }

  @Test
  void snomed_beside_icd10cm_keeps_the_more_specific_and_a_disagreement_is_a_problem() {
    // a plain migraine (the alias) beside a chronic migraine code: the ICD-10-CM code decides
    Intake general = intake(patient(), order("o1", "active", "\"reasonCode\":[{\"coding\":["
        + coding(ICD, "G43.709") + "," + coding(SCT, "37796009") + "]}]"));
    assertThat(general.concerns().get(0).icd10()).isEqualTo("G43.709");
    assertThat(general.concerns().get(0).condition()).isNull();
    // the alias's ICD-10-CM code beside a chronic migraine SNOMED CT code: both are given
    Intake specific = intake(patient(), order("o1", "active", "\"reasonCode\":[{\"coding\":["
        + coding(ICD, "G43.909") + "," + coding(SCT, "124171000119105") + "]}]"));
    assertThat(specific.concerns().get(0).icd10()).isEqualTo("G43.909");
    assertThat(specific.concerns().get(0).condition()).isEqualTo(ConditionCode.CHRONIC_MIGRAINE);
    // a cerebral palsy code beside a migraine code
    assertThat(problems(map(patient(), order("o1", "active", "\"reasonCode\":[{\"coding\":["
        + coding(ICD, "G43.709") + "," + coding(SCT, "128188000") + "]}]")))).containsExactly(
        "MedicationRequest/o1.reasonCode: the codings name different conditions: 128188000 "
            + "(SPASTICITY), G43.709 (CHRONIC_MIGRAINE)");
  }

  @Test
  void screening_reads_snomed_only_conditions_as_synthea_writes_them() {
    Mapping m = screen(patient(),
        synthea("cp", "128188000", "Cerebral palsy (disorder)", "2016-03-01"),
        synthea("mig", "37796009", "Migraine (disorder)", "2020-05-02"),
        synthea("sinus", "444814009", "Viral sinusitis (disorder)", "2020-05-02"));
    assertThat(m.problems()).isEmpty();
    assertThat(m.intake().concerns()).extracting(c -> c.id()).containsExactly("cp", "mig");
    assertThat(m.intake().concerns()).extracting(c -> c.condition()).containsExactly(
        ConditionCode.SPASTICITY, ConditionCode.MIGRAINE);
    assertThat(m.provenance()).containsEntry("/concerns/1/condition", List.of("Condition/mig"));
    assertThat(m.unmappedConditions()).containsExactly("Condition/sinus");
    // near miss: the same record with the cerebral palsy resolved and the migraine unknown
    Mapping none = screen(patient(),
        synthea("cp", "128188000", "Cerebral palsy (disorder)", "2016-03-01")
            .replace("\"code\":\"active\"", "\"code\":\"resolved\""),
        synthea("mig", "37796008", "Not a migraine code", "2020-05-02"));
    assertThat(none.outcome()).isEqualTo(Mapping.Outcome.NOTHING_TO_SCREEN);
  }

  @Test
  void an_e_coli_urinary_infection_coded_in_snomed_only_is_an_infection() {
    Intake i = intake(patient(), bladderOrder(),
        synthea("uti", "301011002", "Escherichia coli urinary tract infection (disorder)",
            days(3)));
    assertThat(i.medicalHistory().conditions()).containsExactly(
        Comorbidity.URINARY_TRACT_INFECTION);
    // recurrent urinary infection is its own comorbidity, never an active infection
    Intake recurrent = intake(patient(), bladderOrder(),
        synthea("rec", "197927001", "Recurrent urinary tract infection (disorder)", days(90)));
    assertThat(recurrent.medicalHistory().conditions()).containsExactly(
        Comorbidity.RECURRENT_URINARY_TRACT_INFECTION);
    // ischaemic heart disease
    assertThat(intake(patient(), order(), synthea("ihd", "414545008",
        "Ischemic heart disease (disorder)", "2015-01-01")).medicalHistory().conditions())
        .containsExactly(Comorbidity.CARDIOVASCULAR_DISEASE);
  }

  // products

  static String ndcOrder(String ndc) {
    return order("o1", "active", "\"reasonCode\":[" + concept(ICD, "G43.709") + "]")
        .replace("\"medicationCodeableConcept\":{\"coding\":[" + coding(HCPCS, "J0585")
            + "],\"text\":\"onabotulinumtoxinA 100 UNT Injection\"}",
            "\"medicationCodeableConcept\":{\"coding\":[" + coding(NDC, ndc) + "]}");
  }

  @Test
  void an_ndc_in_its_10_and_11_digit_forms_names_the_product() {
    for (String ndc : new String[] {"0023-1145-01", "00023-1145-01", "00023114501",
        "0023114501"}) {
      Mapping m = map(patient(), ndcOrder(ndc));
      assertThat(m.problems()).as(ndc).isEmpty();
      assertThat(m.intake().concerns()).as(ndc).hasSize(1);
    }
    // 5-4-1 as openFDA lists Dysport: a product other than onabotulinumtoxinA
    assertThat(problems(map(patient(), ndcOrder("15054-0530-6")))).containsExactly(
        "MedicationRequest/o1.medicationCodeableConcept: orders ABOBOTULINUMTOXINA: the "
            + "knowledge base's doses are onabotulinumtoxinA's, and units of botulinum toxin "
            + "products are not interchangeable");
    // any package of a product listed as a product (BOTOX Cosmetic 50 U)
    assertThat(map(patient(), ndcOrder("0023-3919-50")).intake().concerns()).hasSize(1);
    // near miss: an NDC of another labeller's product
    assertThat(map(patient(), ndcOrder("0023-9999-01")).outcome())
        .isEqualTo(Mapping.Outcome.NO_TOXIN_ORDER);
  }

  @Test
  void a_toxin_named_only_as_botulinum_toxin_type_a_is_a_problem_never_no_order() {
    String unnamed = order("o1", "active", "\"reasonCode\":[" + concept(ICD, "G43.709") + "]")
        .replace("\"coding\":[" + coding(HCPCS, "J0585") + "],\"text\":\"onabotulinumtoxinA 100 "
            + "UNT Injection\"", "\"text\":\"Botulinum toxin type A 100 unit injection\"");
    Mapping m = map(patient(), unnamed);
    assertThat(m.outcome()).isEqualTo(Mapping.Outcome.PROBLEMS);
    assertThat(problems(m)).containsExactly("MedicationRequest/o1.medicationCodeableConcept: "
        + "orders a botulinum toxin without naming the product: name the product (units of "
        + "botulinum toxin products are not interchangeable)");
    // near miss: the product named beside it
    assertThat(map(patient(), unnamed.replace("Botulinum toxin type A", "Botox (botulinum "
        + "toxin type A)")).problems()).isEmpty();
  }

  @Test
  void an_rxnorm_coded_administration_as_synthea_writes_it_is_a_past_treatment() {
    // Synthea's cerebral palsy module: Dysport by RxNorm 1789958, a dose without a unit
    String admin = """
        {"resourceType":"MedicationAdministration","id":"ma1","status":"completed",
         "medicationCodeableConcept":{"coding":[{"system":"%s","code":"1789958","display":"Dysport botulinum toxin A 300 UNT Injection"}],"text":"Dysport botulinum toxin A 300 UNT Injection"},
         "subject":{"reference":"Patient/p1"},"context":{"reference":"Encounter/e1"},
         "effectiveDateTime":"%sT10:00:00-05:00","dosage":{"dose":{"value":1.0}}}"""
        .formatted(RXNORM, days(40));
    Mapping m = map(patient(), order(), admin);
    assertThat(m.problems()).isEmpty();
    var t = m.intake().treatmentHistory().get(0);
    assertThat(t.product()).isEqualTo(Product.ABOBOTULINUMTOXINA);
    assertThat(t.units()).isNull();
    assertThat(t.date()).isEqualTo(TODAY.minusDays(40));
    assertThat(m.provenance()).doesNotContainKey("/treatmentHistory/0/units");
    // near miss: a dose in another unit is still a problem
    assertThat(problems(map(patient(), order(), admin.replace("\"value\":1.0",
        "\"value\":1.0,\"unit\":\"mg\"")))).containsExactly("MedicationAdministration/ma1"
        + ".dosage.dose.unit: a botulinum toxin dose is in units (U, [iU], {units}, unit, "
        + "units), was \"mg\"");
  }

  @Test
  void a_snomed_toxin_injection_procedure_is_a_past_treatment_a_medication_review_is_not() {
    // Synthea's "Injection of botulinum toxin (procedure)", 47 days before, no product coding
    String injection = """
        {"resourceType":"Procedure","id":"inj","status":"completed",
         "code":{"coding":[{"system":"http://snomed.info/sct","code":"404909007","display":"Injection of botulinum toxin (procedure)"}],"text":"Injection of botulinum toxin (procedure)"},
         "subject":{"reference":"Patient/p1"},"encounter":{"reference":"Encounter/e1"},
         "performedPeriod":{"start":"%sT10:00:00-05:00","end":"%sT10:30:00-05:00"}}"""
        .formatted(days(47), days(47));
    Mapping m = map(patient(), order(), injection);
    assertThat(m.problems()).isEmpty();
    assertThat(m.intake().treatmentHistory()).hasSize(1);
    assertThat(m.intake().treatmentHistory().get(0).date()).isEqualTo(TODAY.minusDays(47));
    assertThat(m.intake().treatmentHistory().get(0).product())
        .isEqualTo(Product.ONABOTULINUMTOXINA);
    // near miss: SNOMED CT 428191000124101 is "Documentation of current medications"
    Mapping review = map(patient(), order(), injection.replace("404909007", "428191000124101")
        .replace("Injection of botulinum toxin (procedure)", "Documentation of current "
            + "medications (procedure)"));
    assertThat(review.intake().treatmentHistory()).isEmpty();
    assertThat(review.unmapped()).extracting(u -> u.code()).containsExactly("428191000124101");
  }
}
