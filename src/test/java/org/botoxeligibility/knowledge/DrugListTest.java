package org.botoxeligibility.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.botoxeligibility.assessment.RulesBuildException;
import org.botoxeligibility.intake.DrugClass;
import org.botoxeligibility.intake.Product;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drug list's local and systemic forms and toxin products (knowledge base 1.2): a local form
 * classes a drug OTHER only when no systemic word is in the name, never hides an anticholinergic
 * or a toxin product, and a toxin product's name gives its product code.
 */
class DrugListTest {
  private static final DrugList DRUGS = DrugList.load();

  @Test
  void given_a_local_form_without_a_systemic_word_then_an_aminoglycoside_is_classed_other() {
    DrugList.Match m = DRUGS.match("Tobramycin 0.3% Ophthalmic Solution");
    assertThat(m.classes()).containsExactly(DrugClass.OTHER);
    assertThat(m.localForm()).isTrue();
    assertThat(m.keptDespiteLocalForm()).isFalse();
  }

  @Test
  void given_a_systemic_word_beside_a_local_one_then_every_class_counts() {
    assertThat(DRUGS.match("Gentamicin gel patch").classes()).containsExactly(DrugClass.AMINOGLYCOSIDE);
    assertThat(DRUGS.match("Gentamicin gel patch").localForm()).isFalse();
    assertThat(DRUGS.match("Clindamycin oral drops").classes())
        .containsExactly(DrugClass.OTHER_NEUROMUSCULAR_TRANSMISSION_INHIBITOR);
    assertThat(DRUGS.match("Gelnique (oxybutynin chloride) 10% topical gel").classes())
        .containsExactly(DrugClass.ANTICHOLINERGIC);
    assertThat(DRUGS.match("Gelnique 10% gel").names()).containsExactly("gelnique");
  }

  @Test
  void given_a_local_form_of_an_anticholinergic_or_a_toxin_then_the_class_is_kept() {
    DrugList.Match gel = DRUGS.match("Oxybutynin Chloride 10% Topical Gel");
    assertThat(gel.classes()).containsExactly(DrugClass.ANTICHOLINERGIC);
    assertThat(gel.localForm()).isTrue();
    assertThat(gel.keptDespiteLocalForm()).isTrue();
    assertThat(DRUGS.match("Atropine and scopolamine eye drops").classes())
        .containsExactly(DrugClass.ANTICHOLINERGIC);
    assertThat(DRUGS.match("Clindamycin and scopolamine cream").classes())
        .containsExactlyInAnyOrder(DrugClass.ANTICHOLINERGIC, DrugClass.OTHER);
    assertThat(DRUGS.match("Xeomin for the eye").classes()).containsExactly(DrugClass.BOTULINUM_TOXIN);
  }

  @Test
  void given_a_toxin_product_then_its_name_gives_its_product_code() {
    assertThat(DRUGS.match("Dysport 300 UNIT Injection").products())
        .containsExactly(Product.ABOBOTULINUMTOXINA);
    assertThat(DRUGS.match("Botulinum toxin type A (Dysport)").products())
        .containsExactly(Product.ABOBOTULINUMTOXINA);
    assertThat(DRUGS.match("abobotulinumtoxinA").products()).containsExactly(Product.ABOBOTULINUMTOXINA);
    assertThat(DRUGS.match("Botox 100 UNIT").products()).containsExactly(Product.ONABOTULINUMTOXINA);
    assertThat(DRUGS.match("Myobloc").products()).containsExactly(Product.RIMABOTULINUMTOXINB);
    assertThat(DRUGS.match("Jeuveau").products()).containsExactly(Product.PRABOTULINUMTOXINA);
    assertThat(DRUGS.match("Daxxify").products()).containsExactly(Product.DAXIBOTULINUMTOXINA);
    assertThat(DRUGS.match("Xeomin").products()).containsExactly(Product.INCOBOTULINUMTOXINA);
    DrugList.Match unnamed = DRUGS.match("Botulinum toxin injection");
    assertThat(unnamed.classes()).containsExactly(DrugClass.BOTULINUM_TOXIN);
    assertThat(unnamed.products()).isEmpty();
    assertThat(DRUGS.match("gentamicin").products()).isEqualTo(Set.of());
  }

  @Test
  void given_the_tricyclics_then_they_are_anticholinergic() {
    assertThat(DRUGS.match("amitriptyline").classes()).containsExactly(DrugClass.ANTICHOLINERGIC);
    assertThat(DRUGS.match("Nortriptyline 25 MG Oral Capsule").classes())
        .containsExactly(DrugClass.ANTICHOLINERGIC);
  }

  @Test
  void given_a_product_on_a_row_that_is_no_toxin_then_the_table_does_not_load(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("drugs.tsv"),
        "name\tdrug_class\tproduct\tverify\nzorbaxafen\tOTHER\tABOBOTULINUMTOXINA\t\n");
    assertThatThrownBy(() -> DrugList.load(KnowledgeTables.withOverrides(dir)))
        .isInstanceOf(RulesBuildException.class)
        .satisfies(e -> assertThat(((RulesBuildException) e).errors().toString())
            .contains("line 2, column product").contains("only a BOTULINUM_TOXIN row"));
  }

  @Test
  void given_a_local_form_that_marks_neither_then_the_table_does_not_load(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("local-forms.tsv"), "word\tmarks\tsource\nspray\tNASAL\tclinic\n");
    assertThatThrownBy(() -> DrugList.load(KnowledgeTables.withOverrides(dir)))
        .isInstanceOf(RulesBuildException.class)
        .satisfies(e -> assertThat(((RulesBuildException) e).errors().toString())
            .contains("line 2, column marks").contains("LOCAL or SYSTEMIC"));
  }

  @Test
  void given_a_clinic_local_form_then_it_classes_the_drug_other(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("local-forms.tsv"), "word\tmarks\tsource\nspray\tLOCAL\tclinic\n");
    DrugList local = DrugList.load(KnowledgeTables.withOverrides(dir));
    assertThat(local.match("clindamycin spray").classes()).containsExactly(DrugClass.OTHER);
    assertThat(DRUGS.match("clindamycin spray").classes())
        .containsExactly(DrugClass.OTHER_NEUROMUSCULAR_TRANSMISSION_INHIBITOR);
  }
}
