package org.botoxeligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.botoxeligibility.fhir.Bundles.MAPPER;
import static org.botoxeligibility.fhir.Bundles.TODAY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.Site;
import org.junit.jupiter.api.Test;

/** Every bundle of examples/fhir maps without a problem (screen-no-order in screening mode). */
class FhirExamplesTest {
  static final Path FOLDER = Path.of("examples", "fhir");

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(FOLDER)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  static Mapping map(String name) throws IOException {
    byte[] json = Files.readAllBytes(FOLDER.resolve(name));
    return MAPPER.map(json, TODAY, name.startsWith("screen-")
        ? FhirIntakeMapper.Options.screening() : FhirIntakeMapper.Options.orders());
  }

  @Test
  void every_example_maps_without_problems() throws IOException {
    assertThat(files()).hasSize(5);
    for (Path p : files()) {
      Mapping m = map(p.getFileName().toString());
      assertThat(m.problems()).as(p.toString()).isEmpty();
      assertThat(m.valid()).as(p.toString()).isTrue();
    }
  }

  @Test
  void what_the_examples_show() throws IOException {
    Intake migraine = map("chronic-migraine-order.json").intake();
    assertThat(migraine.intakeId()).isEqualTo("chronic-migraine-order");
    assertThat(migraine.concerns().get(0).headacheDaysPerMonth()).isEqualTo(18);
    assertThat(migraine.concerns().get(0).plannedUnits()).isEqualTo(155);
    assertThat(migraine.concerns().get(0).sites()).containsExactly(Site.SCALP, Site.FOREHEAD,
        Site.TEMPLE, Site.NECK, Site.SHOULDER);
    assertThat(migraine.workflow().diagnosisConfirmed()).isTrue();
    assertThat(migraine.workflow().medicalExaminationCompleted()).isTrue();
    assertThat(migraine.workflow().prescriptionIssued()).isTrue();
    assertThat(migraine.medicalHistory().medications()).hasSize(1);

    assertThat(map("cosmetic-stale-pregnancy-test.json").intake().patient().pregnant()).isNull();

    Intake child = map("child-spasticity-pounds.json").intake();
    assertThat(child.patient().weightKg()).isEqualTo(28.12272694);
    assertThat(child.concerns().get(0).sites()).containsExactly(Site.LOWER_LIMB);

    Intake bladder = map("neurogenic-bladder-self-catheterising.json").intake();
    assertThat(bladder.concerns().get(0).postVoidResidualMl()).isEqualTo(150.0);
    assertThat(bladder.concerns().get(0).cleanIntermittentCatheterization()).isTrue();

    Mapping screened = map("screen-no-order.json");
    assertThat(screened.intake().concerns()).extracting(c -> c.icd10())
        .containsExactly("G43.709", "L74.510");
    assertThat(screened.intake().concerns().get(0).headacheDaysPerMonth()).isEqualTo(16);
    assertThat(screened.intake().concerns().get(1).headacheDaysPerMonth()).isNull();
    assertThat(screened.provenance()).containsEntry("/medicalHistory/medications/0",
        List.of("MedicationStatement/med-warfarin"));
    assertThat(ConditionCode.valueOf("SPASTICITY")).isNotNull();
  }
}
