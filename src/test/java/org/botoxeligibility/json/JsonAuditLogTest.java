package org.botoxeligibility.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.assessment.EvaluationException;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.testing.Examples;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RandomIntakes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail: one JSON line per evaluation, the intake only as its id and hash. */
class JsonAuditLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:30:00Z"),
      ZoneOffset.UTC);

  @Test
  void given_an_audit_log_when_an_intake_is_evaluated_then_one_line_holds_id_hash_version_decisions_codes_and_rules(
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.ndjson");
    Intake intake = Examples.intakes().get(0);
    Assessment assessment;
    try (JsonAuditLog log = JsonAuditLog.appendingTo(file, CLOCK)) {
      EligibilityEngine engine = EligibilityEngine.builder().audit(log).build();
      assessment = engine.evaluate(intake);
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(1);
    JsonNode line = JSON.readTree(lines.get(0));
    assertThat(fieldNames(line)).containsExactly("timestamp", "intakeId", "intakeSha256",
        "knowledgeBaseVersion", "concerns", "firedRules");
    assertThat(line.get("timestamp").asText()).isEqualTo("2026-11-27T09:30:00Z");
    assertThat(line.get("intakeId").asText()).isEqualTo(intake.intakeId());
    assertThat(line.get("intakeSha256").asText()).matches("[0-9a-f]{64}")
        .isEqualTo(CanonicalIntake.sha256(intake));
    assertThat(line.get("knowledgeBaseVersion").asText())
        .isEqualTo(assessment.knowledgeBaseVersion());
    assertThat(line.get("concerns")).hasSize(assessment.recommendations().size());
    for (int i = 0; i < assessment.recommendations().size(); i++) {
      JsonNode concern = line.get("concerns").get(i);
      assertThat(fieldNames(concern)).containsExactly("decision", "reasonCodes");
      assertThat(concern.get("decision").asText())
          .isEqualTo(assessment.recommendations().get(i).decision().name());
      assertThat(concern.get("reasonCodes")).hasSize(
          assessment.recommendations().get(i).reasons().size());
    }
    assertThat(line.get("firedRules")).hasSize(assessment.firedRules().size());
  }

  @Test
  void given_an_intake_with_distinctive_values_then_the_audit_line_holds_none_of_them(
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.ndjson");
    Intake intake = Intakes.patient()
        .concern(Intakes.chronicMigraine("left-temple-4417"))
        .age(67).weightKg(71.3).medication("zzqdrug")
        .treated(40, org.botoxeligibility.intake.ConditionCode.CHRONIC_MIGRAINE, 133,
            org.botoxeligibility.intake.Response.GOOD)
        .build();
    try (JsonAuditLog log = JsonAuditLog.appendingTo(file, CLOCK)) {
      EligibilityEngine.builder().audit(log).build().evaluate(intake);
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains("TEST-1")
        .doesNotContain("left-temple-4417", "71.3", "zzqdrug",
            Intakes.TODAY.minusDays(40).toString(), "2026-11-27\"");
  }

  @Test
  void the_hash_is_of_the_meaning_not_the_spelling(@TempDir Path dir) {
    IntakeReader reader = new IntakeReader(
        org.botoxeligibility.testing.TestEngine.get().validator());
    String a = "{\"intakeId\":\"H1\",\"patient\":{\"ageYears\":40,\"sex\":\"MALE\"},"
        + "\"concerns\":[{\"condition\":\"GLABELLAR_LINES\"}],"
        + "\"medicalHistory\":{\"conditions\":[],\"allergies\":[],\"medications\":[]}}";
    String b = "{ \"medicalHistory\": {\"medications\":[], \"allergies\":[], \"conditions\":[]},\n"
        + " \"concerns\": [ {\"id\": \"c1\", \"condition\": \"GLABELLAR_LINES\"} ],\n"
        + " \"patient\": {\"sex\": \"MALE\", \"ageYears\": 40}, \"intakeId\": \"H1\" }";
    Intake ia = reader.read(a.getBytes(StandardCharsets.UTF_8), Intakes.TODAY).intake();
    Intake ib = reader.read(b.getBytes(StandardCharsets.UTF_8), Intakes.TODAY).intake();
    assertThat(CanonicalIntake.sha256(ia)).isEqualTo(CanonicalIntake.sha256(ib));
    Intake older = reader.read(a.replace("40", "41").getBytes(StandardCharsets.UTF_8),
        Intakes.TODAY).intake();
    assertThat(CanonicalIntake.sha256(older)).isNotEqualTo(CanonicalIntake.sha256(ia));
  }

  @Test
  void given_two_logs_on_one_file_and_4_threads_then_every_line_is_whole(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("audit.ndjson");
    try (JsonAuditLog first = JsonAuditLog.appendingTo(file);
         JsonAuditLog second = JsonAuditLog.appendingTo(file)) {
      EligibilityEngine one = EligibilityEngine.builder().audit(first).build();
      EligibilityEngine two = EligibilityEngine.builder().audit(second).build();
      Random random = new Random(7);
      List<Intake> intakes = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        intakes.add(RandomIntakes.generate(random, "AUD-" + i));
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < intakes.size(); i++) {
          EligibilityEngine engine = i % 2 == 0 ? one : two;
          Intake intake = intakes.get(i);
          futures.add(pool.submit(() -> engine.evaluate(intake)));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2000);
    List<String> ids = new ArrayList<>();
    for (String line : lines) {
      ids.add(JSON.readTree(line).get("intakeId").asText());
    }
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("AUD-"));
  }

  @Test
  void given_an_audit_trail_that_cannot_record_then_the_evaluation_fails_rather_than_go_unrecorded() {
    EligibilityEngine engine = EligibilityEngine.builder().audit((intake, assessment) -> {
      throw new IllegalStateException("disk full");
    }).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> engine.evaluate(Examples.intakes().get(0)))
        .isInstanceOf(EvaluationException.class).hasMessageContaining("audit");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
