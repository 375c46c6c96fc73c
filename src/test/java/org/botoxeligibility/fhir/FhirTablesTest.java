package org.botoxeligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.botoxeligibility.assessment.RulesBuildException;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.knowledge.KnowledgeBaseResources;
import org.botoxeligibility.knowledge.KnowledgeTables;
import org.botoxeligibility.knowledge.Tsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every table loads strictly: a malformed row fails the build, naming table, line and column. */
class FhirTablesTest {

  @Test
  void every_table_of_the_knowledge_base_loads_and_every_fhir_table_is_registered() {
    for (String table : KnowledgeBaseResources.tables()) {
      Tsv tsv = KnowledgeTables.builtIn().read(table);
      assertThat(tsv.rows()).as(table).isNotEmpty();
    }
    assertThat(KnowledgeBaseResources.tables()).containsAll(FhirTables.ALL);
    FhirTables t = FhirTables.load(KnowledgeTables.builtIn());
    assertThat(t.sites.get(new FhirTables.Key(FhirTables.SNOMED, "52795006")))
        .isEqualTo(Site.FOREHEAD);
    for (Site s : Site.values()) {
      assertThat(t.sites).containsValue(s);
    }
  }

  @Test
  void a_clinic_overrides_a_row_by_its_key(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("fhir-sites.tsv"),
        "coding\tsite\tname\tsource\nsct|52795006\tGLABELLA\tForehead\tclinic\n"
            + "sct|1234567\tNECK\tSomething\tclinic\n");
    FhirTables t = FhirTables.load(KnowledgeTables.withOverrides(dir));
    assertThat(t.sites.get(new FhirTables.Key(FhirTables.SNOMED, "52795006")))
        .isEqualTo(Site.GLABELLA);
    assertThat(t.sites.get(new FhirTables.Key(FhirTables.SNOMED, "1234567")))
        .isEqualTo(Site.NECK);
  }

  @Test
  void a_malformed_row_fails_naming_the_file_line_and_column(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("fhir-sites.tsv"),
        "coding\tsite\tname\tsource\nsct|52795006\tKNEE\tKnee\tclinic\n");
    assertThatThrownBy(() -> FhirTables.load(KnowledgeTables.withOverrides(dir)))
        .isInstanceOf(RulesBuildException.class)
        .satisfies(e -> assertThat(((RulesBuildException) e).errors().toString())
            .contains("line 2, column site: unknown Site KNEE"));
  }

  @Test
  void an_unknown_system_or_a_key_listed_twice_fails(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("fhir-allergies.tsv"),
        "coding\tallergy\tname\tsource\nsnomed|1\tOTHER\tx\tclinic\n");
    assertThatThrownBy(() -> FhirTables.load(KnowledgeTables.withOverrides(dir)))
        .isInstanceOf(RulesBuildException.class)
        .satisfies(e -> assertThat(((RulesBuildException) e).errors().toString())
            .contains("unknown system snomed"));
    Files.writeString(dir.resolve("fhir-allergies.tsv"),
        "coding\tallergy\tname\tsource\nsct|1\tOTHER\tx\tclinic\nsct|1\tOTHER\tx\tclinic\n");
    assertThatThrownBy(() -> FhirTables.load(KnowledgeTables.withOverrides(dir)))
        .isInstanceOf(RulesBuildException.class);
  }

  @Test
  void the_tables_of_knowledge_base_1_2_load_with_their_sourced_rows() {
    FhirTables t = FhirTables.load(KnowledgeTables.builtIn());
    assertThat(t.system("urn:oid:2.16.840.1.113883.6.90")).isEqualTo(FhirTables.ICD10CM);
    assertThat(t.system(" http://loinc.org ")).isEqualTo(FhirTables.LOINC);
    assertThat(t.conditionCodes.get(new FhirTables.Key(FhirTables.SNOMED, "37796009")))
        .isEqualTo(org.botoxeligibility.intake.ConditionCode.MIGRAINE);
    assertThat(t.chronic).contains(org.botoxeligibility.intake.Comorbidity.MYASTHENIA_GRAVIS)
        .doesNotContain(org.botoxeligibility.intake.Comorbidity.DYSPHAGIA);
    assertThat(t.productCodes.get(new FhirTables.Key(FhirTables.NDC, "00023-1145-01")))
        .isEqualTo(org.botoxeligibility.intake.Product.ONABOTULINUMTOXINA);
    assertThat(t.procedureCodes).contains(new FhirTables.Key(FhirTables.SNOMED, "404909007"))
        .doesNotContain(new FhirTables.Key(FhirTables.SNOMED, "428191000124101"));
    assertThat(t.priorTherapies).extracting(FhirTables.PriorTherapy::name).contains("topiramate")
        .doesNotContain("mirabegron");
    assertThat(t.pregnancyIcd10).contains("Z34").doesNotContain("Z39");
  }

  @Test
  void a_malformed_row_of_a_new_table_fails_naming_the_file(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("fhir-products.tsv"),
        "key\tproduct\tname\tsource\nndc|0023114501\tONABOTULINUMTOXINA\tBotox\tclinic\n");
    assertThatThrownBy(() -> FhirTables.load(KnowledgeTables.withOverrides(dir)))
        .isInstanceOf(RulesBuildException.class)
        .satisfies(e -> assertThat(((RulesBuildException) e).errors().toString())
            .contains("an NDC is written 5-4-2"));
    Files.delete(dir.resolve("fhir-products.tsv"));
    Files.writeString(dir.resolve("fhir-comorbidities.tsv"),
        "coding\tcomorbidity\tname\tsource\tcounts_when_inactive\n"
            + "sct|1234\tMYASTHENIA_GRAVIS\tx\tclinic\t\n");
    assertThatThrownBy(() -> FhirTables.load(KnowledgeTables.withOverrides(dir)))
        .isInstanceOf(RulesBuildException.class)
        .satisfies(e -> assertThat(((RulesBuildException) e).errors().toString())
            .contains("every row of MYASTHENIA_GRAVIS must say the same"));
    Files.delete(dir.resolve("fhir-comorbidities.tsv"));
    Files.writeString(dir.resolve("prior-therapies.tsv"),
        "name\tclass\tconditions\tsource\ntopiramate\tANTIEPILEPTIC\tKNEE_PAIN\tclinic\n");
    assertThatThrownBy(() -> FhirTables.load(KnowledgeTables.withOverrides(dir)))
        .isInstanceOf(RulesBuildException.class);
  }

  @Test
  void a_clinic_adds_a_system_alias_and_a_snomed_condition(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("fhir-systems.tsv"),
        "alias\tsystem\tname\tsource\nhttp://snomed.info/sct/900000000000207008\tsct\t"
            + "SNOMED CT International edition URI\tclinic\n");
    Files.writeString(dir.resolve("fhir-conditions.tsv"),
        "coding\tcondition\tname\tsource\nsct|45170000\tCERVICAL_DYSTONIA\tSpasmodic "
            + "torticollis\tclinic terminologist\n");
    FhirTables t = FhirTables.load(KnowledgeTables.withOverrides(dir));
    assertThat(t.system("http://snomed.info/sct/900000000000207008"))
        .isEqualTo(FhirTables.SNOMED);
    assertThat(t.conditionCodes.get(new FhirTables.Key(FhirTables.SNOMED, "45170000")))
        .isEqualTo(org.botoxeligibility.intake.ConditionCode.CERVICAL_DYSTONIA);
  }

  @Test
  void ndc_forms_normalise_to_5_4_2() {
    assertThat(Ndc.normalize("0023-1145-01")).isEqualTo("00023-1145-01");
    assertThat(Ndc.normalize("72960-112-01")).isEqualTo("72960-0112-01");
    assertThat(Ndc.normalize("15054-0530-6")).isEqualTo("15054-0530-06");
    assertThat(Ndc.normalize("00023114501")).isEqualTo("00023-1145-01");
    assertThat(Ndc.normalize("0023-3919")).isEqualTo("00023-3919");
    assertThat(Ndc.normalize("0023114501")).isNull();
    assertThat(Ndc.candidates("0023114501")).containsExactly("00023-1145-01", "00231-0145-01",
        "00231-1450-01");
    assertThat(Ndc.normalize("23-1145-01")).isNull();
    assertThat(Ndc.normalize("J0585")).isNull();
  }
}
