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
}
