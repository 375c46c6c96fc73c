package org.botoxeligibility.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.botoxeligibility.testing.Examples;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line of formats.md §3, run in-process through {@link Main#run}: standard output,
 * standard error and the exit code of every command.
 */
class CliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATE = "2026-11-27";

  private static final Path MIGRAINE = Examples.FOLDER.resolve("chronic-migraine.json");
  private static final Path NECK = Examples.FOLDER.resolve("allergy-and-neck-risk.json");
  private static final Path MIXED = Examples.FOLDER.resolve("multi-concern-mixed.json");

  @TempDir Path dir;

  // ---- helpers ---------------------------------------------------------------------------

  record Run(int code, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.isEmpty() ? List.of() : err.lines().toList();
    }
  }

  static Run run(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run runWithStdin(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  static Run run(String... args) {
    return run(new byte[0], args);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** The intake of an example, compacted onto one line (for NDJSON). */
  static String oneLine(Path example) {
    return json(read(example)).toString();
  }

  static ObjectNode intake(Path example) {
    return (ObjectNode) json(read(example));
  }

  Path write(String name, String content) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return file;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An intake whose patient is 121: invalid at $.patient.ageYears. */
  Path invalidFile(String name) {
    ObjectNode intake = intake(MIGRAINE);
    ((ObjectNode) intake.get("patient")).put("ageYears", 121);
    return write(name, intake.toPrettyString());
  }

  /** No stack trace: no "at pkg.Class.method(File.java:12)" frame, no "Caused by:". */
  static void assertNoStackTrace(String err) {
    assertThat(err).doesNotContainPattern("(?m)^\\s+at [\\w.$<>]+\\(")
        .doesNotContain("Caused by:")
        .doesNotContainPattern("(?m)^[\\w.]+(Exception|Error)(: |$)");
  }

  // ---- evaluate: files -------------------------------------------------------------------

  @Nested
  class EvaluateFiles {
    @Test
    void given_one_file_when_evaluated_then_one_pretty_json_assessment_and_exit_0() {
      Run r = run("evaluate", "--date", DATE, MIGRAINE.toString());

      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).isEqualTo(read(Examples.expected(MIGRAINE)));
      assertThat(r.out()).startsWith("{\n  \"intakeId\": \"INT-2026-0042\",\n")
          .endsWith("}\n");
      JsonNode a = json(r.out());
      assertThat(a.get("assessmentDate").asText()).isEqualTo(DATE);
      assertThat(a.get("recommendations")).hasSize(1);
    }

    @Test
    void given_several_files_when_evaluated_then_one_compact_object_per_line_in_input_order() {
      Run r = run("evaluate", "--date", DATE, NECK.toString(), MIGRAINE.toString(),
          MIXED.toString());

      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).endsWith("\n");
      List<String> lines = r.outLines();
      assertThat(lines).hasSize(3);
      assertThat(lines).extracting(l -> json(l).get("intakeId").asText())
          .containsExactly("INT-2026-0111", "INT-2026-0042", "INT-2026-0106");
      assertThat(json(lines.get(0))).isEqualTo(json(read(Examples.expected(NECK))));
      assertThat(json(lines.get(1))).isEqualTo(json(read(Examples.expected(MIGRAINE))));
      assertThat(json(lines.get(2))).isEqualTo(json(read(Examples.expected(MIXED))));
      for (String line : lines) {
        assertThat(line).doesNotContain("\n").startsWith("{\"intakeId\":").endsWith("}");
      }
    }

    @Test
    void given_the_same_files_in_another_order_when_evaluated_then_the_lines_follow_that_order() {
      Run r = run("evaluate", "--date", DATE, MIXED.toString(), MIGRAINE.toString());

      assertThat(r.outLines()).extracting(l -> json(l).get("intakeId").asText())
          .containsExactly("INT-2026-0106", "INT-2026-0042");
    }

    @Test
    void given_the_same_file_twice_when_evaluated_then_two_identical_lines() {
      Run r = run("evaluate", "--date", DATE, MIGRAINE.toString(), MIGRAINE.toString());

      assertThat(r.code()).isZero();
      assertThat(r.outLines()).hasSize(2);
      assertThat(r.outLines().get(0)).isEqualTo(r.outLines().get(1));
    }

    @Test
    void given_an_intake_without_assessment_date_when_evaluated_with_date_then_that_date_is_used() {
      Run r = run("evaluate", "--date", "2026-12-15", MIGRAINE.toString());

      assertThat(r.code()).isZero();
      JsonNode a = json(r.out());
      assertThat(a.get("assessmentDate").asText()).isEqualTo("2026-12-15");
      assertThat(a.get("recommendations").get(0).get("earliestTreatmentDate").asText())
          .isEqualTo("2026-12-15");
    }

    @Test
    void given_an_intake_with_its_own_assessment_date_when_evaluated_with_date_then_its_own_wins() {
      ObjectNode intake = intake(MIGRAINE);
      intake.put("assessmentDate", "2026-10-01");
      Path file = write("dated.json", intake.toPrettyString());

      Run r = run("evaluate", "--date", "2026-12-15", file.toString());

      assertThat(r.code()).isZero();
      assertThat(json(r.out()).get("assessmentDate").asText()).isEqualTo("2026-10-01");
    }

    @Test
    void given_no_date_option_and_no_assessment_date_when_evaluated_then_today_is_used() {
      ObjectNode intake = intake(NECK);
      LocalDate before = LocalDate.now();
      Path file = write("undated.json", intake.toPrettyString());

      Run r = run("evaluate", file.toString());

      LocalDate after = LocalDate.now();
      assertThat(r.code()).isZero();
      assertThat(json(r.out()).get("assessmentDate").asText())
          .isIn(before.toString(), after.toString());
    }

    @Test
    void given_a_date_option_that_puts_a_past_treatment_in_the_future_then_the_intake_is_invalid() {
      // the example's treatment was on 2026-06-02; assessed on 2026-01-15 it lies in the future
      Run r = run("evaluate", "--date", "2026-01-15", MIGRAINE.toString());

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.errLines()).containsExactly(MIGRAINE + ": $.treatmentHistory[0].date: "
          + "must not be after the assessment date 2026-01-15, was 2026-06-02");
    }

    @Test
    void given_an_intake_with_a_byte_order_mark_when_evaluated_then_it_is_read() throws IOException {
      Path file = dir.resolve("bom.json");
      byte[] body = read(MIGRAINE).getBytes(StandardCharsets.UTF_8);
      byte[] bytes = new byte[body.length + 3];
      bytes[0] = (byte) 0xEF;
      bytes[1] = (byte) 0xBB;
      bytes[2] = (byte) 0xBF;
      System.arraycopy(body, 0, bytes, 3, body.length);
      Files.write(file, bytes);

      Run r = run("evaluate", "--date", DATE, file.toString());

      assertThat(r.code()).isZero();
      assertThat(r.out()).isEqualTo(read(Examples.expected(MIGRAINE)));
    }
  }

  // ---- evaluate: standard input ----------------------------------------------------------

  @Nested
  class EvaluateStdin {
    @Test
    void given_stdin_with_dash_when_evaluated_then_the_same_assessment_as_from_the_file() {
      Run r = runWithStdin(read(MIGRAINE), "evaluate", "--date", DATE, "-");

      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).isEqualTo(read(Examples.expected(MIGRAINE)));
    }

    @Test
    void given_stdin_and_no_file_when_evaluated_then_stdin_is_read() {
      Run r = runWithStdin(read(MIGRAINE), "evaluate", "--date", DATE);

      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).isEqualTo(read(Examples.expected(MIGRAINE)));
    }

    @Test
    void given_dash_among_files_when_evaluated_then_stdin_takes_its_place_in_the_order() {
      Run r = runWithStdin(read(MIGRAINE), "evaluate", "--date", DATE, NECK.toString(), "-",
          MIXED.toString());

      assertThat(r.code()).isZero();
      assertThat(r.outLines()).extracting(l -> json(l).get("intakeId").asText())
          .containsExactly("INT-2026-0111", "INT-2026-0042", "INT-2026-0106");
    }

    @Test
    void given_an_invalid_intake_on_stdin_when_evaluated_then_the_problem_names_stdin() {
      ObjectNode intake = intake(MIGRAINE);
      ((ObjectNode) intake.get("patient")).put("pregant", true);

      Run r = runWithStdin(intake.toString(), "evaluate", "--date", DATE);

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l)
          .startsWith("stdin: $.patient.pregant: ").contains("\"pregnant\""));
    }

    @Test
    void given_empty_stdin_when_evaluated_then_it_is_invalid_not_a_crash() {
      Run r = runWithStdin("", "evaluate", "--date", DATE);

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("$: ").contains("empty");
      assertNoStackTrace(r.err());
    }
  }

  // ---- evaluate: text --------------------------------------------------------------------

  @Nested
  class EvaluateText {
    @Test
    void given_format_text_when_evaluated_then_the_report_has_decision_coverage_and_side_effects() {
      Run r = run("evaluate", "--date", DATE, "--format", "text", MIGRAINE.toString());

      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out())
          .contains("INT-2026-0042")
          .contains("2026-11-27")
          .contains("Concern c1: Chronic migraine [CHRONIC_MIGRAINE]")
          .contains("Decision: ELIGIBLE")
          .contains("Coverage: likely covered")
          .contains("Side effects: Neck pain, Eyelid ptosis")
          .contains("Reasons:")
          .contains("CHRONIC_MIGRAINE_CRITERIA_MET");
      assertThat(r.out()).doesNotStartWith("{");
    }

    @Test
    void given_format_text_when_evaluated_then_reasons_are_grouped_by_effect_most_restrictive_first()
        throws IOException {
      Run r = run("evaluate", "--date", DATE, "--format", "text", MIXED.toString());
      JsonNode assessment = json(read(Examples.expected(MIXED)));

      assertThat(r.code()).isZero();
      String[] blocks = r.out().split("\nConcern ");
      assertThat(blocks).hasSize(assessment.get("recommendations").size() + 1);
      int i = 1;
      for (JsonNode rec : assessment.get("recommendations")) {
        String block = blocks[i++];
        assertThat(block).startsWith(rec.get("concernId").asText() + ": ");
        assertThat(block).contains("Decision: " + rec.get("decision").asText());
        // the effect headers, in order, each once
        List<String> headers = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^    ([A-Z_]+)$").matcher(block);
        while (m.find()) {
          headers.add(m.group(1));
        }
        Set<String> effects = new LinkedHashSet<>();
        for (JsonNode reason : rec.get("reasons")) {
          effects.add(reason.get("effect").asText());
        }
        assertThat(headers).as("effect groups of " + rec.get("concernId"))
            .containsExactlyElementsOf(effects);
        // every reason sits under its own effect's header
        for (JsonNode reason : rec.get("reasons")) {
          String effect = reason.get("effect").asText();
          int header = block.indexOf("\n    " + effect + "\n");
          int item = block.indexOf("      - " + reason.get("code").asText() + ": "
              + reason.get("message").asText());
          assertThat(header).as("header " + effect).isNotNegative();
          assertThat(item).as("reason " + reason.get("code")).isGreaterThan(header);
          int nextHeader = headers.indexOf(effect) + 1 < headers.size()
              ? block.indexOf("\n    " + headers.get(headers.indexOf(effect) + 1) + "\n")
              : block.length();
          assertThat(item).isLessThan(nextHeader);
        }
        assertThat(block).contains("Coverage: ");
      }
      // the example has restricting effects of several kinds
      assertThat(r.out()).contains("    NOT_ELIGIBLE\n").contains("    ELIGIBLE_WITH_PRECAUTIONS\n");
    }

    @Test
    void given_format_text_and_several_files_when_evaluated_then_each_report_in_order() {
      Run r = run("evaluate", "--date", DATE, "--format", "text", MIGRAINE.toString(),
          NECK.toString());

      assertThat(r.code()).isZero();
      assertThat(r.out().indexOf("Intake INT-2026-0042")).isNotNegative()
          .isLessThan(r.out().indexOf("Intake INT-2026-0111"));
    }
  }

  // ---- evaluate: invalid and missing files -----------------------------------------------

  @Nested
  class EvaluateInvalid {
    @Test
    void given_an_invalid_file_when_evaluated_then_exit_3_nothing_on_stdout_and_the_problem_on_stderr() {
      Path bad = invalidFile("bad.json");

      Run r = run("evaluate", "--date", DATE, bad.toString());

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.errLines()).containsExactly(
          bad + ": $.patient.ageYears: must be between 0 and 120, was 121");
      assertNoStackTrace(r.err());
    }

    @Test
    void given_a_file_with_several_problems_when_evaluated_then_each_is_a_line_on_stderr() {
      ObjectNode intake = intake(MIGRAINE);
      ((ObjectNode) intake.get("patient")).put("ageYears", 121).put("sex", "F");
      ((ObjectNode) intake.get("concerns").get(0)).put("headacheDaysPerMonth", 45);
      Path bad = write("several.json", intake.toPrettyString());

      Run r = run("evaluate", "--date", DATE, bad.toString());

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.errLines()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith(bad + ": $."));
      assertThat(r.errLines()).contains(
          bad + ": $.concerns[0].headacheDaysPerMonth: must be between 0 and 31, was 45");
    }

    @Test
    void given_malformed_json_when_evaluated_then_exit_3_and_no_stack_trace() {
      Path bad = write("broken.json", "{\"intakeId\": \"INT-1\", ");

      Run r = run("evaluate", "--date", DATE, bad.toString());

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l)
          .startsWith(bad + ": $").contains("not valid JSON"));
      assertNoStackTrace(r.err());
    }

    @Test
    void given_the_json_document_null_when_evaluated_then_exit_3_not_an_unexpected_error() {
      Path bad = write("null.json", "null");

      Run r = run("evaluate", "--date", DATE, bad.toString());

      assertThat(r.code()).as("exit code; stderr: " + r.err()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).startsWith(bad + ": $");
      assertNoStackTrace(r.err());
    }

    @Test
    void given_valid_and_invalid_files_when_evaluated_then_the_valid_are_written_and_exit_3() {
      Path bad = invalidFile("bad.json");

      Run r = run("evaluate", "--date", DATE, MIGRAINE.toString(), bad.toString(),
          NECK.toString());

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.outLines()).extracting(l -> json(l).get("intakeId").asText())
          .containsExactly("INT-2026-0042", "INT-2026-0111");
      assertThat(r.errLines()).containsExactly(
          bad + ": $.patient.ageYears: must be between 0 and 120, was 121");
    }

    @Test
    void given_a_missing_file_when_evaluated_then_it_is_reported_by_name_without_a_stack_trace() {
      Path missing = dir.resolve("no-such-intake.json");

      Run r = run("evaluate", "--date", DATE, missing.toString());

      assertThat(r.code()).as("a missing input is the caller's problem, not unexpected")
          .isIn(2, 3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains(missing.toString()).contains("no such file");
      assertNoStackTrace(r.err());
      assertThat(missing).doesNotExist();
    }

    @Test
    void given_a_missing_file_among_valid_ones_when_evaluated_then_the_valid_ones_are_written() {
      Path missing = dir.resolve("no-such-intake.json");

      Run r = run("evaluate", "--date", DATE, MIGRAINE.toString(), missing.toString(),
          NECK.toString());

      assertThat(r.code()).isNotZero().isNotEqualTo(1);
      assertThat(r.outLines()).extracting(l -> json(l).get("intakeId").asText())
          .containsExactly("INT-2026-0042", "INT-2026-0111");
      assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l)
          .startsWith(missing + ": "));
    }

    @Test
    void given_a_folder_instead_of_a_file_when_evaluated_then_a_problem_not_a_crash() {
      Run r = run("evaluate", "--date", DATE, dir.toString());

      assertThat(r.code()).isNotZero();
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains(dir.toString());
      assertNoStackTrace(r.err());
    }
  }

  // ---- evaluate --ndjson -----------------------------------------------------------------

  @Nested
  class Ndjson {
    @Test
    void given_ndjson_with_valid_invalid_and_empty_lines_then_every_line_is_accounted_for() {
      ObjectNode second = intake(NECK);
      ((ObjectNode) second.get("patient")).put("ageYears", 121);
      ObjectNode fifth = intake(MIGRAINE);
      fifth.put("intakeId", "INT-LINE-5");
      String input = oneLine(MIGRAINE) + "\n"       // 1 valid
          + second + "\n"                            // 2 invalid
          + "\n"                                     // 3 empty
          + "{\"intakeId\": \"INT-LINE-4\"\n"        // 4 malformed
          + fifth + "\r\n"                           // 5 valid, CRLF
          + oneLine(MIXED) + "\n";                   // 6 valid

      Run r = runWithStdin(input, "evaluate", "--date", DATE, "--ndjson");

      assertThat(r.code()).isEqualTo(3);
      List<String> out = r.outLines();
      assertThat(out).extracting(l -> json(l).get("intakeId").asText())
          .containsExactly("INT-2026-0042", "INT-LINE-5", "INT-2026-0106");
      assertThat(r.errLines()).contains(
          "line 2: $.patient.ageYears: must be between 0 and 120, was 121");
      assertThat(r.errLines()).anySatisfy(l -> assertThat(l).startsWith("line 3: $: ")
          .contains("empty"));
      assertThat(r.errLines()).anySatisfy(l -> assertThat(l).startsWith("line 4: $")
          .contains("not valid JSON"));
      // every input line: an assessment on stdout or a problem on stderr, none twice, none more
      Set<Integer> problemLines = new LinkedHashSet<>();
      for (String l : r.errLines()) {
        Matcher m = Pattern.compile("^line (\\d+): \\$").matcher(l);
        assertThat(m.find()).as("stderr line " + l).isTrue();
        problemLines.add(Integer.parseInt(m.group(1)));
      }
      assertThat(problemLines).containsExactly(2, 3, 4);
      assertThat(out.size() + problemLines.size()).isEqualTo(6);
      assertNoStackTrace(r.err());
    }

    @Test
    void given_ndjson_with_json_values_that_are_not_objects_then_each_is_a_line_problem() {
      String input = oneLine(MIGRAINE) + "\n"
          + "[]\n"
          + "null\n"
          + "42\n"
          + oneLine(NECK) + "\n";

      Run r = runWithStdin(input, "evaluate", "--date", DATE, "--ndjson");

      assertThat(r.outLines()).extracting(l -> json(l).get("intakeId").asText())
          .as("stdout; stderr: " + r.err())
          .containsExactly("INT-2026-0042", "INT-2026-0111");
      assertThat(r.errLines()).hasSize(3);
      assertThat(r.errLines().get(0)).startsWith("line 2: $: ");
      assertThat(r.errLines().get(1)).startsWith("line 3: $: ");
      assertThat(r.errLines().get(2)).startsWith("line 4: $: ");
      assertThat(r.code()).isEqualTo(3);
    }

    @Test
    void given_ndjson_with_only_valid_lines_then_one_compact_assessment_per_line_and_exit_0() {
      String input = oneLine(MIGRAINE) + "\n" + oneLine(NECK) + "\n" + oneLine(MIXED) + "\n";

      Run r = runWithStdin(input, "evaluate", "--date", DATE, "--ndjson", "-");

      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      List<String> lines = r.outLines();
      assertThat(lines).hasSize(3);
      assertThat(json(lines.get(0))).isEqualTo(json(read(Examples.expected(MIGRAINE))));
      assertThat(json(lines.get(1))).isEqualTo(json(read(Examples.expected(NECK))));
      assertThat(json(lines.get(2))).isEqualTo(json(read(Examples.expected(MIXED))));
    }

    @Test
    void given_ndjson_with_one_line_then_the_assessment_is_one_compact_line() {
      Run r = runWithStdin(oneLine(MIGRAINE) + "\n", "evaluate", "--date", DATE, "--ndjson");

      assertThat(r.code()).isZero();
      assertThat(r.out()).endsWith("}\n");
      assertThat(r.outLines()).hasSize(1);
    }

    @Test
    void given_ndjson_without_a_final_newline_then_the_last_line_is_read() {
      Run r = runWithStdin(oneLine(MIGRAINE) + "\n" + oneLine(NECK), "evaluate", "--date", DATE,
          "--ndjson");

      assertThat(r.code()).isZero();
      assertThat(r.outLines()).hasSize(2);
    }

    @Test
    void given_ndjson_with_a_byte_order_mark_then_the_first_line_is_read() {
      Run r = runWithStdin("\uFEFF" + oneLine(MIGRAINE) + "\n", "evaluate", "--date", DATE, "--ndjson");

      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.outLines()).hasSize(1);
    }

    @Test
    void given_empty_ndjson_input_then_nothing_is_written_and_exit_0() {
      Run r = runWithStdin("", "evaluate", "--date", DATE, "--ndjson");

      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEmpty();
      assertThat(r.code()).isZero();
    }

    @Test
    void given_an_ndjson_line_over_one_mebibyte_then_it_is_a_problem_and_the_next_line_is_read() {
      String huge = "{\"intakeId\": \"" + "A".repeat(1 << 20) + "\"}";
      String input = huge + "\n" + oneLine(MIGRAINE) + "\n";

      Run r = runWithStdin(input, "evaluate", "--date", DATE, "--ndjson");

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.outLines()).extracting(l -> json(l).get("intakeId").asText())
          .containsExactly("INT-2026-0042");
      assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l)
          .startsWith("line 1: $: ").contains("limit"));
    }

    @Test
    void given_ndjson_from_a_file_then_problems_are_reported_by_line() {
      ObjectNode bad = intake(MIGRAINE);
      ((ObjectNode) bad.get("concerns").get(0)).put("headacheDaysPerMonth", 45);
      Path file = write("intakes.ndjson", oneLine(NECK) + "\n" + bad + "\n");

      Run r = run("evaluate", "--date", DATE, "--ndjson", file.toString());

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.outLines()).hasSize(1);
      assertThat(r.errLines()).containsExactly(
          "line 2: $.concerns[0].headacheDaysPerMonth: must be between 0 and 31, was 45");
    }

    @Test
    void given_ndjson_with_a_pretty_printed_intake_then_its_lines_are_problems_not_a_crash() {
      Run r = runWithStdin(read(MIGRAINE), "evaluate", "--date", DATE, "--ndjson");

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      long lines = read(MIGRAINE).lines().count();
      assertThat(r.errLines()).isNotEmpty()
          .allSatisfy(l -> assertThat(l).matches("line \\d+: \\$.*"));
      assertThat(r.errLines().stream().map(l -> l.replaceFirst(":.*", "")).distinct().count())
          .isEqualTo(lines);
      assertNoStackTrace(r.err());
    }
  }

  // ---- validate --------------------------------------------------------------------------

  @Nested
  class Validate {
    @Test
    void given_valid_files_when_validated_then_exit_0_and_nothing_on_stderr() {
      Run r = run("validate", "--date", DATE, MIGRAINE.toString(), NECK.toString());

      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).contains(MIGRAINE.toString()).contains(NECK.toString());
      assertThat(r.out()).doesNotContain("recommendations");
    }

    @Test
    void given_an_invalid_file_when_validated_then_exit_3_and_file_path_message_on_stderr() {
      Path bad = invalidFile("bad.json");

      Run r = run("validate", "--date", DATE, bad.toString());

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.errLines()).containsExactly(
          bad + ": $.patient.ageYears: must be between 0 and 120, was 121");
      assertThat(r.out()).doesNotContain(bad + ": valid");
      assertNoStackTrace(r.err());
    }

    @Test
    void given_valid_and_invalid_files_when_validated_then_exit_3_and_only_the_invalid_on_stderr() {
      Path bad = invalidFile("bad.json");

      Run r = run("validate", "--date", DATE, MIGRAINE.toString(), bad.toString());

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).contains(MIGRAINE.toString());
      assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l)
          .startsWith(bad + ": $.patient.ageYears: "));
    }

    @Test
    void given_every_example_when_validated_then_all_are_valid() {
      List<String> args = new ArrayList<>(List.of("validate", "--date", DATE));
      Examples.files().forEach(p -> args.add(p.toString()));

      Run r = run(args.toArray(String[]::new));

      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
    }

    @Test
    void given_an_intake_on_stdin_when_validated_then_it_is_read() {
      Run r = runWithStdin(read(MIGRAINE), "validate", "--date", DATE, "-");

      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
    }
  }

  // ---- conditions ------------------------------------------------------------------------

  @Nested
  class Conditions {
    @Test
    void given_conditions_when_listed_then_a_json_array_of_28_entries_with_the_aliases() {
      Run r = run("conditions");

      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      JsonNode list = json(r.out());
      assertThat(list.isArray()).isTrue();
      assertThat(list).hasSize(28);
      List<String> codes = new ArrayList<>();
      list.forEach(e -> codes.add(e.get("code").asText()));
      assertThat(codes).contains("CHRONIC_MIGRAINE", "GLABELLAR_LINES", "SIALORRHEA",
          "MIGRAINE", "EXCESSIVE_SWEATING").doesNotHaveDuplicates();
      JsonNode migraine = list.get(codes.indexOf("MIGRAINE"));
      assertThat(migraine.get("aliasOf").asText()).isEqualTo("CHRONIC_MIGRAINE");
      JsonNode sweating = list.get(codes.indexOf("EXCESSIVE_SWEATING"));
      assertThat(sweating.get("aliasOf").asText()).isEqualTo("AXILLARY_HYPERHIDROSIS");
      for (JsonNode e : list) {
        assertThat(e.get("name").asText()).isNotBlank();
        assertThat(e.get("category").asText()).isIn("COSMETIC", "THERAPEUTIC");
      }
    }

    @Test
    void given_conditions_with_format_json_when_listed_then_the_same_as_the_default() {
      assertThat(run("conditions", "--format", "json").out()).isEqualTo(run("conditions").out());
    }

    @Test
    void given_conditions_with_format_text_when_listed_then_a_readable_catalog() {
      Run r = run("conditions", "--format", "text");

      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).doesNotStartWith("[")
          .contains("CHRONIC_MIGRAINE: Chronic migraine")
          .contains("MIGRAINE: ")
          .contains("EXCESSIVE_SWEATING: ")
          .contains("Alias");
      assertThat(r.out().lines().filter(l -> l.matches("[A-Z_]+: .*"))).hasSize(28);
    }
  }

  // ---- version and usage -----------------------------------------------------------------

  @Test
  void given_version_when_run_then_the_project_and_knowledge_base_versions_are_printed() {
    Run r = run("--version");

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("botox-eligibility").contains("knowledge base 1.2.0");
    // the project version comes from the jar's manifest; run from classes it is not known
    assertThat(r.out().lines().toList()).containsExactly(
        r.out().lines().findFirst().orElseThrow(), "knowledge base 1.2.0");
    assertThat(r.out().lines().findFirst()).hasValueSatisfying(l -> assertThat(l)
        .matches("botox-eligibility (\\d+\\.\\d+\\.\\d+\\S*|\\(development build\\))"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "evaluate --bogus examples/chronic-migraine.json",
      "evaluate --date 2026-02-30 examples/chronic-migraine.json",
      "evaluate --date 27/11/2026 examples/chronic-migraine.json",
      "evaluate --date tomorrow examples/chronic-migraine.json",
      "evaluate --format xml examples/chronic-migraine.json",
      "evaluate --format",
      "conditions --format csv",
      "validate --frobnicate examples/chronic-migraine.json",
      "frobnicate",
      "--bogus"})
  void given_a_usage_error_when_run_then_exit_2_nothing_on_stdout(String args) {
    Run r = run(args.split(" "));

    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isNotBlank();
    assertNoStackTrace(r.err());
    assertThat(r.code()).as("exit code; stderr: " + r.err()).isEqualTo(2);
  }

  @Test
  void given_no_subcommand_when_run_then_exit_2_and_a_hint_on_stderr() {
    Run r = run();

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("evaluate");
  }

  @Test
  void given_help_when_run_then_usage_on_stdout_and_exit_0() {
    Run r = run("evaluate", "--help");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--date").contains("--format").contains("--rules");
  }

  // ---- --rules ---------------------------------------------------------------------------

  @Nested
  class Rules {
    private static final String OVERLAY = """
        package org.botoxeligibility.clinic;

        import org.botoxeligibility.knowledge.*;
        import org.botoxeligibility.assessment.Effect;

        rule "Clinic policy: a senior clinician countersigns every plan"
        when
            $p : ConcernProfile()
        then
            insert(Finding.of($p, "CLINIC_SENIOR_COUNTERSIGNATURE",
                Effect.ELIGIBLE_WITH_PRECAUTIONS, "North Clinic policy 7.1",
                drools.getRule().getName(),
                "Clinic policy: a senior clinician countersigns every treatment plan for "
                    + $p.conditionName() + "."));
        end
        """;

    @Test
    void given_a_valid_overlay_when_evaluated_then_its_reason_appears_in_the_assessment() {
      Path rules = write("rules/clinic.drl", OVERLAY).getParent();

      Run r = run("evaluate", "--date", DATE, "--rules", rules.toString(), MIGRAINE.toString());

      assertThat(r.code()).as("exit code; stderr: " + r.err()).isZero();
      assertThat(r.err()).isEmpty();
      JsonNode a = json(r.out());
      JsonNode rec = a.get("recommendations").get(0);
      assertThat(rec.get("decision").asText()).isEqualTo("ELIGIBLE_WITH_PRECAUTIONS");
      List<String> rules2 = new ArrayList<>();
      rec.get("reasons").forEach(x -> rules2.add(x.get("rule").asText()));
      assertThat(rules2).contains("Clinic policy: a senior clinician countersigns every plan");
      assertThat(r.out()).contains("North Clinic policy 7.1")
          .contains("countersigns every treatment plan for Chronic migraine.");
      List<String> fired = new ArrayList<>();
      a.get("firedRules").forEach(x -> fired.add(x.asText()));
      assertThat(fired).contains("Clinic policy: a senior clinician countersigns every plan");
    }

    @Test
    void given_a_valid_overlay_when_evaluated_then_every_concern_gets_the_clinic_reason() {
      Path rules = write("rules/clinic.drl", OVERLAY).getParent();

      Run r = run("evaluate", "--date", DATE, "--rules", rules.toString(), MIXED.toString());

      assertThat(r.code()).as("stderr: " + r.err()).isZero();
      for (JsonNode rec : json(r.out()).get("recommendations")) {
        assertThat(rec.get("reasons").toString()).as(rec.get("concernId").asText())
            .contains("Clinic policy: a senior clinician countersigns every plan");
      }
    }

    @Test
    void given_a_valid_overlay_when_evaluated_as_text_then_the_clinic_reason_is_listed() {
      Path rules = write("rules/clinic.drl", OVERLAY).getParent();

      Run r = run("evaluate", "--date", DATE, "--format", "text", "--rules", rules.toString(),
          MIGRAINE.toString());

      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Decision: ELIGIBLE_WITH_PRECAUTIONS")
          .contains("Clinic policy: a senior clinician countersigns every treatment plan");
    }

    @Test
    void given_a_broken_drl_when_evaluated_then_exit_4_each_error_with_file_and_line() {
      Path rules = dir.resolve("broken-rules");
      write("broken-rules/a-syntax.drl", """
          package org.botoxeligibility.clinic;

          rule "Unfinished"
          when
              this is not drl
          then
          end
          """);
      write("broken-rules/b-types.drl", """
          package org.botoxeligibility.clinic;

          import org.botoxeligibility.knowledge.ConcernProfile;

          rule "Refers to a type that does not exist"
          when
              $p : ConcernProfile()
              NoSuchFact( value > 3 )
          then
          end
          """);

      Run r = run("evaluate", "--date", DATE, "--rules", rules.toString(), MIGRAINE.toString());

      assertThat(r.code()).isEqualTo(4);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("a-syntax.drl:").contains("b-types.drl:");
      assertThat(r.errLines()).anySatisfy(l -> assertThat(l)
          .startsWith(rules.resolve("a-syntax.drl") + ":5: "));
      assertThat(r.errLines()).anySatisfy(l -> assertThat(l)
          .startsWith(rules.resolve("b-types.drl") + ":8: ").contains("NoSuchFact"));
      assertNoStackTrace(r.err());
    }

    @Test
    void given_a_drl_with_two_broken_rules_when_evaluated_then_both_are_listed() {
      Path rules = dir.resolve("two-errors");
      write("two-errors/clinic.drl", """
          package org.botoxeligibility.clinic;

          import org.botoxeligibility.knowledge.ConcernProfile;

          rule "First unknown type"
          when
              FirstMissing()
          then
          end

          rule "Second unknown type"
          when
              SecondMissing()
          then
          end
          """);

      Run r = run("evaluate", "--date", DATE, "--rules", rules.toString(), MIGRAINE.toString());

      assertThat(r.code()).isEqualTo(4);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("FirstMissing").contains("SecondMissing");
      String file = rules.resolve("clinic.drl").toString();
      assertThat(r.errLines()).anySatisfy(l -> assertThat(l).startsWith(file + ":7: ")
          .contains("FirstMissing"));
      assertThat(r.errLines()).anySatisfy(l -> assertThat(l).startsWith(file + ":13: ")
          .contains("SecondMissing"));
      assertNoStackTrace(r.err());
    }

    @Test
    void given_a_rules_folder_that_does_not_exist_when_evaluated_then_it_fails_without_output() {
      Path missing = dir.resolve("no-rules-here");

      Run r = run("evaluate", "--date", DATE, "--rules", missing.toString(),
          MIGRAINE.toString());

      assertThat(r.code()).isIn(2, 4);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains(missing.toString());
      assertNoStackTrace(r.err());
      assertThat(missing).doesNotExist();
    }
  }

  // ---- overlays (library 2.0) ------------------------------------------------------------

  @Nested
  class Overlays {
    @Test
    void given_the_example_overlay_when_evaluated_then_its_reasons_appear_with_their_evidence() {
      Run r = run("evaluate", "--date", DATE, "--rules", "examples/overlay",
          MIXED.toString());

      assertThat(r.code()).isZero();
      JsonNode reasons = json(r.out()).get("recommendations").get(0).get("reasons");
      JsonNode clinic = null;
      for (JsonNode reason : reasons) {
        if (reason.get("code").asText().equals("CLINIC_PHARMACIST_REVIEW")) {
          clinic = reason;
        }
      }
      assertThat(clinic).as("the overlay's reason").isNotNull();
      assertThat(clinic.get("source").asText()).isEqualTo("North Clinic policy 7.3");
      assertThat(clinic.get("evidence").get(0).get("path").asText())
          .isEqualTo("/medicalHistory/medications/2");
    }

    @Test
    void given_an_overlay_in_the_built_in_package_when_evaluated_then_one_clear_error_exit_4() {
      Path rules = write("own/clinic.drl", """
          // a clinic's rule
          package org.botoxeligibility.rules;

          rule "Anything at all"
          when
          then
          end
          """).getParent();

      Run r = run("evaluate", "--date", DATE, "--rules", rules.toString(), MIGRAINE.toString());

      assertThat(r.code()).isEqualTo(4);
      assertThat(r.out()).isEmpty();
      assertThat(r.errLines()).anySatisfy(l -> assertThat(l)
          .startsWith(rules.resolve("clinic.drl") + ":2: ")
          .contains("built-in package org.botoxeligibility.rules")
          .contains("package of its own"));
      assertNoStackTrace(r.err());
    }

    @Test
    void given_an_overlay_rule_named_like_a_built_in_rule_in_its_own_package_then_it_is_refused() {
      Path rules = write("clash/clinic.drl", """
          package org.botoxeligibility.clinic;

          import org.botoxeligibility.knowledge.ConcernProfile;

          rule "Off-label use needs informed consent"
          when
              $p : ConcernProfile()
          then
          end
          """).getParent();

      Run r = run("evaluate", "--date", DATE, "--rules", rules.toString(), MIGRAINE.toString());

      assertThat(r.code()).isEqualTo(4);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("\"Off-label use needs informed consent\"")
          .contains("name of a built-in rule");
      assertThat(r.errLines()).anySatisfy(l -> assertThat(l)
          .startsWith(rules.resolve("clinic.drl") + ":5: "));
      assertNoStackTrace(r.err());
    }
  }

  // ---- clinic tables (--tables) ----------------------------------------------------------

  @Nested
  class Tables {
    @Test
    void given_a_parameter_override_when_evaluated_then_the_rules_use_it_and_the_version_says_local() {
      Path tables = write("tables/parameters.tsv",
          "name\tvalue\tunit\tsource\tverify\tplausible_min\tplausible_max\n"
              + "chronic_migraine_min_headache_days\t20\theadache days a month\tNorth Clinic\t\t15\t31\n")
          .getParent();

      Run r = run("evaluate", "--date", DATE, "--tables", tables.toString(), MIGRAINE.toString());

      assertThat(r.code()).isZero();
      JsonNode a = json(r.out());
      assertThat(a.get("knowledgeBaseVersion").asText()).matches("1\\.2\\.0\\+local\\.[0-9a-f]{12}");
      assertThat(a.get("recommendations").get(0).get("decision").asText())
          .isEqualTo("NOT_ELIGIBLE");
      assertThat(r.out()).contains("fewer than the 20 that chronic migraine requires")
          .contains("chronic_migraine_min_headache_days = 20 (North Clinic)");
    }

    @Test
    void given_an_override_outside_the_plausible_range_its_table_declares_then_exit_4_naming_the_file_line_and_column() {
      Path tables = write("implausible/parameters.tsv",
          "name\tvalue\tunit\tsource\tverify\tplausible_min\tplausible_max\n"
              + "retreatment_interval_days\t-5\tdays\tNorth Clinic\t\t84\t365\n")
          .getParent();

      Run r = run("evaluate", "--date", DATE, "--tables", tables.toString(), MIGRAINE.toString());

      assertThat(r.code()).isEqualTo(4);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains(tables.resolve("parameters.tsv").toString())
          .contains("line 2, column value").contains("84 to 365, was -5");
      assertNoStackTrace(r.err());
    }

    @Test
    void given_the_same_overrides_twice_then_the_same_local_version_and_another_for_other_bytes() {
      Path a = write("ta/drugs.tsv", "name\tdrug_class\tproduct\tverify\nzorbaxafen\tOTHER\t\t\n").getParent();
      Path b = write("tb/drugs.tsv", "name\tdrug_class\tproduct\tverify\nzorbaxafen\tOTHER\t\t\n").getParent();
      Path c = write("tc/drugs.tsv", "name\tdrug_class\tproduct\tverify\nzorbaxafen\tANTICOAGULANT\t\t\n").getParent();

      String va = json(run("evaluate", "--date", DATE, "--tables", a.toString(), MIGRAINE.toString()).out())
          .get("knowledgeBaseVersion").asText();
      String vb = json(run("evaluate", "--date", DATE, "--tables", b.toString(), MIGRAINE.toString()).out())
          .get("knowledgeBaseVersion").asText();
      String vc = json(run("evaluate", "--date", DATE, "--tables", c.toString(), MIGRAINE.toString()).out())
          .get("knowledgeBaseVersion").asText();

      assertThat(va).isEqualTo(vb).isNotEqualTo(vc).startsWith("1.2.0+local.");
    }

    @Test
    void given_a_malformed_override_row_then_exit_4_naming_the_file_line_and_column() {
      Path tables = write("bad/conditions.tsv", read(Path.of("rules/conditions.tsv"))
          .lines().filter(l -> l.startsWith("code\t")).findFirst().orElseThrow() + "\n"
          + "GLABELLAR_LINES\tFrown lines\tX\tON_LABEL\tMUSCLE\t18\tGLABELLA\t20\t2-3\t14\t3-4\t12"
          + "\t\t\t\t\t\t\t\t\t\t\t\t\n").getParent();

      Run r = run("evaluate", "--date", DATE, "--tables", tables.toString(), MIGRAINE.toString());

      assertThat(r.code()).isEqualTo(4);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains(tables.resolve("conditions.tsv").toString())
          .contains("line 2").contains("column category");
      assertNoStackTrace(r.err());
    }

    @Test
    void given_a_file_that_is_no_table_of_the_knowledge_base_then_exit_4() {
      Path tables = write("odd/treatments.tsv", "a\tb\n1\t2\n").getParent();

      Run r = run("evaluate", "--date", DATE, "--tables", tables.toString(), MIGRAINE.toString());

      assertThat(r.code()).isEqualTo(4);
      assertThat(r.err()).contains("treatments.tsv is not a table of the knowledge base");
    }
  }

  // ---- FHIR input ------------------------------------------------------------------------

  @Nested
  class Fhir {
    private final Path bundle = Path.of("examples/fhir/chronic-migraine-order.json");

    @Test
    void given_a_bundle_when_evaluated_then_every_evidence_entry_names_its_resource_or_none() {
      Run r = run("evaluate", "--date", DATE, bundle.toString());

      assertThat(r.code()).isZero();
      JsonNode reason = json(r.out()).get("recommendations").get(0).get("reasons").get(0);
      assertThat(reason.get("evidence").toString()).contains("Observation/diary-hd");
    }

    @Test
    void given_a_bundle_with_input_intake_then_it_is_refused_with_a_sentence_exit_3() {
      Run r = run("evaluate", "--date", DATE, "--input", "intake", bundle.toString());

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains(bundle + ": $: is a FHIR Bundle");
    }

    @Test
    void given_an_intake_with_input_fhir_then_it_is_refused_as_not_a_bundle() {
      Run r = run("evaluate", "--date", DATE, "--input", "fhir", MIGRAINE.toString());

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).startsWith(MIGRAINE + ": ").containsIgnoringCase("bundle");
    }

    @Test
    void given_a_bundle_with_a_weight_in_stone_then_the_problem_names_the_resource_and_element() {
      String text = read(Path.of("examples/fhir/child-spasticity-pounds.json"))
          .replace("\"[lb_av]\"", "\"stone\"");
      Path bad = write("stone.json", text);

      Run r = run("evaluate", "--date", DATE, bad.toString());

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains(bad + ": Observation/").contains("valueQuantity")
          .contains("stone");
    }

    @Test
    void given_a_record_without_an_order_then_exit_3_unless_screened() {
      Path record = Path.of("examples/fhir/screen-no-order.json");

      Run plain = run("evaluate", "--date", DATE, record.toString());
      Run screened = run("evaluate", "--date", DATE, "--screen", record.toString());

      assertThat(plain.code()).isEqualTo(3);
      assertThat(plain.err()).contains("no botulinum toxin order").contains("--screen");
      assertThat(screened.code()).isZero();
    }

    @Test
    void given_ndjson_of_bundles_and_intakes_then_one_assessment_per_line() throws IOException {
      String line1 = json(read(bundle)).toString();
      String line2 = json(read(MIGRAINE)).toString();

      Run r = runWithStdin(line1 + "\n" + line2 + "\n", "evaluate", "--date", DATE, "--ndjson");

      assertThat(r.code()).isZero();
      assertThat(r.outLines()).hasSize(2);
      assertThat(json(r.outLines().get(0)).get("intakeId").asText()).isEqualTo("chronic-migraine-order");
      assertThat(json(r.outLines().get(1)).get("intakeId").asText()).isEqualTo("INT-2026-0042");
    }

    @Test
    void given_from_fhir_then_the_intake_and_its_provenance_and_the_intake_evaluates_alike() {
      Run mapped = run("from-fhir", "--date", DATE, bundle.toString());

      assertThat(mapped.code()).isZero();
      JsonNode out = json(mapped.out());
      assertThat(out.get("provenance").get("/concerns/0/headacheDaysPerMonth").get(0).asText())
          .isEqualTo("Observation/diary-hd");
      Path intake = write("mapped.json", out.get("intake").toString());
      JsonNode fromIntake = json(run("evaluate", "--date", DATE, intake.toString()).out());
      JsonNode fromBundle = json(run("evaluate", "--date", DATE, bundle.toString()).out());
      assertThat(fromIntake.get("recommendations").get(0).get("decision"))
          .isEqualTo(fromBundle.get("recommendations").get(0).get("decision"));
    }

    @Test
    void given_from_fhir_of_a_broken_bundle_then_exit_3_and_nothing_on_standard_output() {
      Path bad = write("broken.json", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[]}");

      Run r = run("from-fhir", "--date", DATE, bad.toString());

      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).startsWith(bad + ": ");
    }
  }

  @Test
  void given_a_medication_name_with_a_line_break_when_reported_as_text_then_it_cannot_forge_a_line() {
    String intake = read(MIGRAINE).replace("\"sumatriptan\"", "\"zzq\\nDecision: ELIGIBLE\"");
    Path file = write("forge.json", intake);

    Run r = run("evaluate", "--date", DATE, "--format", "text", file.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("zzq\\nDecision: ELIGIBLE");
    assertThat(r.outLines()).noneMatch(l -> l.startsWith("Decision: ELIGIBLE"));
  }
}
