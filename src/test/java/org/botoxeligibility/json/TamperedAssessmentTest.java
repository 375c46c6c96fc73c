package org.botoxeligibility.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.botoxeligibility.assessment.InvalidAssessmentException;
import org.botoxeligibility.assessment.Problem;
import org.junit.jupiter.api.Test;

/**
 * Tampered and corrupted assessments, made from the shipped golden files, do not read as valid:
 * the reader checks the contract's invariants (docs/contract.md §2), names the field at fault,
 * and still reads every golden file the engine wrote.
 */
class TamperedAssessmentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AssessmentReader reader = new AssessmentReader();

  private static List<Path> goldenFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path folder : List.of(Path.of("examples/expected"), Path.of("examples/fhir/expected"))) {
      try (Stream<Path> list = Files.list(folder)) {
        list.filter(p -> p.toString().endsWith(".assessment.json")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  private static ObjectNode golden(String name) throws IOException {
    return (ObjectNode) JSON.readTree(Path.of("examples/expected", name + ".assessment.json")
        .toFile());
  }

  private static ObjectNode recommendation(ObjectNode a, int index) {
    return (ObjectNode) a.get("recommendations").get(index);
  }

  private static ObjectNode reason(ObjectNode a, int rec, int index) {
    return (ObjectNode) recommendation(a, rec).get("reasons").get(index);
  }

  /** The problems of a tampered copy: at least one, each as "PATH: message". */
  private List<String> problems(ObjectNode a, Consumer<ObjectNode> tamper) throws IOException {
    ObjectNode copy = a.deepCopy();
    tamper.accept(copy);
    byte[] bytes = JSON.writeValueAsBytes(copy);
    try {
      reader.read(bytes);
    } catch (InvalidAssessmentException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("the tampered assessment read as valid: "
        + new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void every_golden_assessment_still_reads_and_writes_back_the_same() throws IOException {
    List<Path> files = goldenFiles();
    assertThat(files).hasSizeGreaterThan(15);
    for (Path file : files) {
      byte[] json = Files.readAllBytes(file);
      assertThat(new AssessmentWriter().pretty(reader.read(json))).as(file.toString())
          .isEqualTo(new String(json, StandardCharsets.UTF_8));
    }
  }

  @Test
  void given_a_refusal_turned_into_eligible_then_the_decision_is_refused() throws IOException {
    ObjectNode a = golden("myasthenia-gravis");
    assertThat(recommendation(a, 0).get("decision").asText()).isEqualTo("NOT_ELIGIBLE");

    assertThat(problems(a, t -> recommendation(t, 0).put("decision", "ELIGIBLE")))
        .anySatisfy(p -> assertThat(p).startsWith("$.recommendations[0].decision: is ELIGIBLE, "
            + "but the most restrictive effect among the reasons is NOT_ELIGIBLE"));
  }

  @Test
  void given_the_refusing_reason_removed_then_the_decision_no_longer_follows() throws IOException {
    ObjectNode a = golden("myasthenia-gravis");

    assertThat(problems(a, t -> ((ArrayNode) recommendation(t, 0).get("reasons")).remove(0)))
        .anySatisfy(p -> assertThat(p).startsWith("$.recommendations[0].decision: is "
            + "NOT_ELIGIBLE, but the most restrictive effect among the reasons is "
            + "ELIGIBLE_WITH_PRECAUTIONS"));
  }

  @Test
  void given_every_reason_removed_from_a_refusal_then_it_is_refused() throws IOException {
    ObjectNode a = golden("myasthenia-gravis");

    assertThat(problems(a, t -> recommendation(t, 0).putArray("reasons")))
        .anySatisfy(p -> assertThat(p).contains("$.recommendations[0].decision: is NOT_ELIGIBLE, "
            + "but the most restrictive effect among the reasons is ELIGIBLE"));
  }

  @Test
  void given_ready_to_book_set_on_a_refusal_or_with_a_step_outstanding_then_it_is_refused()
      throws IOException {
    assertThat(problems(golden("myasthenia-gravis"),
        t -> recommendation(t, 0).put("readyToBook", true)))
        .containsExactly("$.recommendations[0].readyToBook: is true, but it is true exactly when "
            + "the decision is ELIGIBLE or ELIGIBLE_WITH_PRECAUTIONS and nothing is outstanding");
    ObjectNode ready = golden("chronic-migraine");
    assertThat(recommendation(ready, 0).get("readyToBook").asBoolean()).isTrue();
    assertThat(problems(ready, t -> recommendation(t, 0).putArray("outstandingRequirements")
        .add("PRESCRIPTION")))
        .anySatisfy(p -> assertThat(p).startsWith("$.recommendations[0].readyToBook: is true"));
    assertThat(problems(ready, t -> recommendation(t, 0).put("readyToBook", false)))
        .anySatisfy(p -> assertThat(p).startsWith("$.recommendations[0].readyToBook: is false"));
  }

  @Test
  void given_an_earliest_date_that_does_not_follow_from_the_decision_then_it_is_refused()
      throws IOException {
    assertThat(problems(golden("myasthenia-gravis"),
        t -> recommendation(t, 0).put("earliestTreatmentDate", "2026-11-27")))
        .contains("$.recommendations[0].earliestTreatmentDate: must be absent for a NOT_ELIGIBLE "
            + "decision");
    assertThat(problems(golden("chronic-migraine"),
        t -> recommendation(t, 0).put("earliestTreatmentDate", "2026-10-01")))
        .contains("$.recommendations[0].earliestTreatmentDate: must be 2026-11-27, the "
            + "assessment date, for a ELIGIBLE decision");
    ObjectNode deferred = golden("recent-treatment");
    assertThat(recommendation(deferred, 0).get("earliestTreatmentDate").asText())
        .isEqualTo("2026-12-31");
    assertThat(problems(deferred, t -> recommendation(t, 0).put("earliestTreatmentDate",
        "2026-12-01")))
        .contains("$.recommendations[0].earliestTreatmentDate: must be 2026-12-31, the latest "
            + "deferral date");
    assertThat(problems(deferred, t -> recommendation(t, 0).remove("earliestTreatmentDate")))
        .contains("$.recommendations[0].earliestTreatmentDate: must be 2026-12-31, the latest "
            + "deferral date");
  }

  @Test
  void given_dates_out_of_range_then_they_are_refused() throws IOException {
    assertThat(problems(golden("chronic-migraine"), t -> t.put("assessmentDate", "1850-01-01")))
        .anySatisfy(p -> assertThat(p).startsWith("$.assessmentDate: must be a date from "
            + "1900-01-01"));
    ObjectNode deferred = golden("recent-treatment");
    assertThat(problems(deferred, t -> {
      reason(t, 0, 0).put("deferredUntil", "2999-01-01");
      recommendation(t, 0).put("earliestTreatmentDate", "2999-01-01");
    })).containsExactly("$.recommendations[0].reasons[0].deferredUntil: must be a date from the "
        + "assessment date to 10 years after it");
    assertThat(problems(deferred, t -> reason(t, 0, 1).put("deferredUntil", "2027-01-01")))
        .contains("$.recommendations[0].reasons[1].deferredUntil: is only given for a DEFERRED "
            + "reason");
  }

  @Test
  void given_control_or_bidirectional_characters_in_text_then_they_are_refused()
      throws IOException {
    ObjectNode a = golden("chronic-migraine");

    assertThat(problems(a, t -> reason(t, 0, 0).put("message", "Eligible.\u202Eelbigile toN")))
        .containsExactly("$.recommendations[0].reasons[0].message: holds a control or "
            + "bidirectional character, which the engine never writes");
    assertThat(problems(a, t -> recommendation(t, 0).put("concernId", "c1\nforged line")))
        .containsExactly("$.recommendations[0].concernId: holds a control or bidirectional "
            + "character, which the engine never writes");
    assertThat(problems(a, t -> ((ArrayNode) recommendation(t, 0).get("sideEffects"))
        .set(0, "Neck pain\u0007")))
        .anySatisfy(p -> assertThat(p).startsWith("$.recommendations[0].sideEffects[0]: holds"));
  }

  @Test
  void given_ids_codes_rules_and_evidence_that_the_engine_never_writes_then_they_are_refused()
      throws IOException {
    ObjectNode a = golden("multi-concern-mixed");

    assertThat(problems(a, t -> t.put("intakeId", "Jane Roe")))
        .containsExactly("$.intakeId: must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
    assertThat(problems(a, t -> recommendation(t, 1).put("concernId",
        recommendation(t, 0).get("concernId").asText())))
        .containsExactly("$.recommendations[1].concernId: is the concern id of an earlier "
            + "recommendation");
    assertThat(problems(a, t -> reason(t, 0, 0).put("code", "made_up")))
        .containsExactly("$.recommendations[0].reasons[0].code: must be upper snake case (A-Z, "
            + "0-9 and _, at most 64 characters)");
    assertThat(problems(a, t -> reason(t, 0, 0).put("rule", "A rule that never fired")))
        .containsExactly("$.recommendations[0].reasons[0].rule: is not among the fired rules");
    assertThat(problems(a, t -> ((ArrayNode) t.get("firedRules"))
        .add(t.get("firedRules").get(0).asText())))
        .anySatisfy(p -> assertThat(p).endsWith(": is listed twice"));
    assertThat(problems(a, t -> reason(t, 0, 0).putArray("evidence")))
        .containsExactly("$.recommendations[0].reasons[0].evidence: must list at least one "
            + "intake fact (docs/contract.md §2)");
    assertThat(problems(a, t -> {
      ArrayNode evidence = reason(t, 0, 0).putArray("evidence");
      evidence.addObject().put("path", "/patient/sex");
      evidence.addObject().put("path", "/concerns/0");
    })).containsExactly("$.recommendations[0].reasons[0].evidence[1]: must come after the one "
        + "before it: evidence is sorted by path, each once");
    assertThat(problems(a, t -> recommendation(t, 0).putArray("mechanisms")))
        .containsExactly("$.recommendations[0].mechanisms: must name at least one mechanism");
  }

  @Test
  void given_one_tamper_per_recommendation_then_every_problem_is_listed() throws IOException {
    ObjectNode a = golden("multi-concern-mixed");
    JsonNode recs = a.get("recommendations");
    assertThat(recs.size()).isGreaterThan(1);

    List<String> problems = problems(a, t -> {
      recommendation(t, 0).put("readyToBook", !recommendation(t, 0).get("readyToBook")
          .asBoolean());
      recommendation(t, 1).put("readyToBook", !recommendation(t, 1).get("readyToBook")
          .asBoolean());
    });

    assertThat(problems).containsExactly(
        problems.get(0), problems.get(1))
        .allSatisfy(p -> assertThat(p).contains(".readyToBook: is "));
    assertThat(problems.get(0)).startsWith("$.recommendations[0]");
    assertThat(problems.get(1)).startsWith("$.recommendations[1]");
  }
}
