package org.botoxeligibility.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.botoxeligibility.cli.Main;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.json.IntakeReader;
import org.botoxeligibility.testing.CapturingLoggerProvider;
import org.botoxeligibility.testing.Intakes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No patient data in logs, at any level. Runs in its own JVM with every level of every logger
 * enabled from the start (the surefire execution "logs-at-every-level"), captures every event
 * while the knowledge base is built and intakes with distinctive values are read, evaluated and
 * rejected through the library and the command line (with --debug), and checks that the intake
 * id is the only thing of the intake that was logged.
 */
class NoPatientDataInLogsTest {
  private static final String INTAKE_ID = "PHI-PROBE-7731";

  /**
   * Values of the intake below, other than the intake id, as they could appear in a log. Codes
   * that the rules' own text contains (MYASTHENIA_GRAVIS, GLABELLAR_LINES) are left out: Drools
   * may log its rules, which is not patient data; the treated condition SIALORRHEA is in no rule
   * (cervical dystonia is, since knowledge base 1.1), so it stands for the codes, and M79.1 (trigger
   * points; K11.7 maps to no condition since knowledge base 1.2) for the ICD-10-CM codes.
   */
  private static final List<String> PATIENT_DATA = List.of(
      "1979-04-13", "2026-03-17", "81.7", "zzqmedicationx", "SIALORRHEA",
      "sialorrhea", "Sialorrhea", "neck-left-7731", "M79.1", "pregant",
      "Patient[ageYears", "Concern[id", "TakenMedication[name");

  private static final String INTAKE = """
      {"intakeId":"PHI-PROBE-7731","patient":{"birthDate":"1979-04-13","sex":"FEMALE","pregnant":true,"weightKg":81.7},
       "concerns":[{"id":"neck-left-7731","icd10":"M79.1"},{"condition":"GLABELLAR_LINES"}],
       "medicalHistory":{"conditions":["MYASTHENIA_GRAVIS"],"allergies":["HUMAN_ALBUMIN"],
         "medications":[{"name":"zzqmedicationx"},{"name":"gentamicin"}]},
       "treatmentHistory":[{"date":"2026-03-17","condition":"SIALORRHEA","units":200,"response":"NONE"}]}
      """;

  private static final String INVALID = """
      {"intakeId":"PHI-PROBE-7731","patient":{"birthDate":"1979-04-13","pregant":true,"weightKg":81.7},
       "concerns":[{"id":"neck-left-7731","condition":"SIALORRHEA","headacheDaysPerMonth":45}],
       "medicalHistory":{"conditions":["MYASTHENIA_GRAVIS"],"allergies":[],"medications":[{"name":"zzqmedicationx"}]}}
      """;

  @Test
  void given_every_log_level_enabled_when_intakes_are_read_evaluated_and_rejected_then_only_the_intake_id_is_logged(
      @TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(CapturingLoggerProvider.allLevels(),
        "runs in the surefire execution logs-at-every-level (-Dcapture.allLevels=true)");
    Path valid = Files.writeString(dir.resolve("valid.json"), INTAKE);
    Path invalid = Files.writeString(dir.resolve("invalid.json"), INVALID);

    CapturingLoggerProvider.start();
    EligibilityEngine engine = EligibilityEngine.withDefaultKnowledgeBase();
    IntakeReader reader = new IntakeReader(engine.validator());
    engine.evaluate(reader.read(INTAKE.getBytes(StandardCharsets.UTF_8), Intakes.TODAY).intake());
    reader.read(INVALID.getBytes(StandardCharsets.UTF_8), Intakes.TODAY);
    int code = Main.run(new String[] {"evaluate", "--debug", "--date", "2026-11-27",
        valid.toString(), invalid.toString()}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String ndjson = INTAKE.replace("\n", "") + "\n" + INVALID.replace("\n", "") + "\n";
    Main.run(new String[] {"evaluate", "--debug", "--ndjson", "--date", "2026-11-27"},
        new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    List<String> logged = CapturingLoggerProvider.stop();

    assertThat(code).isEqualTo(3);
    assertThat(logged).as("the engine's own debug line proves every level was captured")
        .anyMatch(line -> line.startsWith("DEBUG") && line.contains(INTAKE_ID));
    for (String value : PATIENT_DATA) {
      assertThat(logged).as("log lines containing %s", value)
          .noneMatch(line -> line.contains(value));
    }
  }
}
