package org.botoxeligibility.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.botoxeligibility.engine.IntakeValidator;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.DrugClass;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Sex;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.intake.Workflow;
import org.botoxeligibility.knowledge.Catalog;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict intake reader against formats.md §1: one bad intake per validation rule, each
 * rejected as a whole with the JSON path of the field at fault and a sentence; and the defaults
 * of a valid intake.
 */
class IntakeReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate DATE = LocalDate.of(2026, 11, 27);
  private static final IntakeReader READER =
      new IntakeReader(new IntakeValidator(Catalog.load()));

  /** A valid intake with no assessmentDate (so the default date applies) and no workflow. */
  private static final String VALID = """
      {
        "intakeId": "INT-2026-0042",
        "patient": { "ageYears": 41, "sex": "FEMALE", "weightKg": 63.5 },
        "concerns": [
          {
            "condition": "CHRONIC_MIGRAINE",
            "headacheDaysPerMonth": 18,
            "migraineDaysPerMonth": 10,
            "headacheHoursPerDay": 6,
            "monthsWithSymptoms": 14,
            "priorTherapiesFailed": 2,
            "plannedUnits": 155
          }
        ],
        "medicalHistory": {
          "conditions": [],
          "allergies": [],
          "medications": [ { "name": "sumatriptan" } ]
        },
        "treatmentHistory": [
          { "date": "2026-06-02", "condition": "CHRONIC_MIGRAINE", "units": 155,
            "response": "GOOD", "adverseReactions": [] }
        ]
      }
      """;

  // ---- helpers ---------------------------------------------------------------------------

  static ObjectNode valid() {
    try {
      return (ObjectNode) JSON.readTree(VALID);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode patient(ObjectNode intake) {
    return (ObjectNode) intake.get("patient");
  }

  static ObjectNode concern(ObjectNode intake, int i) {
    return (ObjectNode) intake.get("concerns").get(i);
  }

  static ObjectNode history(ObjectNode intake) {
    return (ObjectNode) intake.get("medicalHistory");
  }

  static ObjectNode treatment(ObjectNode intake, int i) {
    return (ObjectNode) intake.get("treatmentHistory").get(i);
  }

  static ObjectNode with(Consumer<ObjectNode> change) {
    ObjectNode intake = valid();
    change.accept(intake);
    return intake;
  }

  static IntakeReader.Result read(JsonNode intake) {
    try {
      return read(JSON.writeValueAsBytes(intake));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static IntakeReader.Result read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads through the reader, and checks the code path against it (see {@link #sameThroughCode}). */
  static IntakeReader.Result read(byte[] bytes) {
    IntakeReader.Result result = READER.read(bytes, DATE);
    sameThroughCode(bytes, result);
    return result;
  }

  // ---- one contract for both ways in ------------------------------------------------------

  private static final com.fasterxml.jackson.databind.ObjectMapper STRICT =
      com.fasterxml.jackson.databind.json.JsonMapper.builder(
              com.fasterxml.jackson.core.JsonFactory.builder()
                  .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                      .maxNestingDepth(IntakeReader.MAX_DEPTH)
                      .maxStringLength(IntakeReader.MAX_STRING)
                      .maxNameLength(IntakeReader.MAX_STRING)
                      .maxNumberLength(100)
                      .maxDocumentLength(IntakeReader.MAX_BYTES)
                      .build())
                  .build())
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final java.util.concurrent.atomic.AtomicInteger CROSS_CHECKED =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicInteger INVALID_CROSS_CHECKED =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Every case of this test that can be built in code (its JSON is well formed and has the right
   * types, codes and fields, so that only value rules are at stake) is also built as records and
   * given to {@code engine.evaluate}: an intake the reader refuses must be refused in code with
   * exactly the same problems (paths and words), and one it accepts must evaluate.
   */
  static void sameThroughCode(byte[] bytes, IntakeReader.Result viaJson) {
    JsonNode tree;
    try {
      tree = STRICT.readTree(bytes);
    } catch (java.io.IOException e) {
      // malformed JSON, or over a limit of the parser (a string of 10,001 characters): not a
      // record. Built in code, such a value breaks a rule of its own field (a name of at most
      // 200 characters, an id of at most 64), which the validator words for that field.
      return;
    }
    if (tree == null || !tree.isObject()) {
      return;
    }
    TreeToIntake conversion = new TreeToIntake(false);
    Intake intake = conversion.intake(tree);
    if (intake == null || !conversion.problems().isEmpty()) {
      return; // a wrong type, code or field cannot be built in code
    }
    Intake inCode = intake.assessmentDate() == null ? intake.withAssessmentDate(DATE) : intake;
    CROSS_CHECKED.incrementAndGet();
    if (viaJson.valid()) {
      assertThat(org.botoxeligibility.testing.TestEngine.get().evaluate(inCode)).isNotNull();
      return;
    }
    INVALID_CROSS_CHECKED.incrementAndGet();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> org.botoxeligibility.testing.TestEngine.get().evaluate(inCode))
        .as("built in code, the intake the reader refuses is refused")
        .isInstanceOfSatisfying(org.botoxeligibility.assessment.InvalidIntakeException.class,
            e -> assertThat(e.problems()).as("the same problems in code as in JSON")
                .containsExactlyElementsOf(viaJson.problems()));
  }

  @org.junit.jupiter.api.AfterAll
  static void the_code_path_was_checked_against_most_cases() {
    assertThat(INVALID_CROSS_CHECKED.get()).as("invalid cases checked through code too")
        .isGreaterThan(60);
    assertThat(CROSS_CHECKED.get()).isGreaterThan(INVALID_CROSS_CHECKED.get());
  }

  static Intake readValid(JsonNode intake) {
    IntakeReader.Result result = read(intake);
    assertThat(result.problems()).as("problems of a valid intake").isEmpty();
    assertThat(result.valid()).isTrue();
    assertThat(result.intake()).isNotNull();
    return result.intake();
  }

  /** Rejected as a whole: not valid, nothing to evaluate, and the problem is listed. */
  static void assertRejected(IntakeReader.Result result, String path, String messagePart) {
    assertThat(result.valid()).as("valid() for " + result.problems()).isFalse();
    assertThat(result.intake()).as("nothing is returned for evaluation").isNull();
    assertThat(result.problems())
        .as("a problem at " + path + " containing \"" + messagePart + "\"")
        .anySatisfy(p -> {
          assertThat(p.path()).isEqualTo(path);
          assertThat(p.message()).contains(messagePart);
        });
    for (Problem p : result.problems()) {
      assertThat(p.message()).as("every problem has a sentence").isNotBlank();
      assertThat(p.path()).as("every path is a JSON path").startsWith("$");
    }
  }

  /** Rejected with exactly this one problem (the rest of the intake is valid). */
  static void assertRejectedOnly(IntakeReader.Result result, String path, String messagePart) {
    assertRejected(result, path, messagePart);
    assertThat(result.problems()).as("the only problem").hasSize(1);
  }

  static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }

  // ---- the baseline ----------------------------------------------------------------------

  @Test
  void given_the_baseline_intake_when_read_then_it_is_valid() {
    readValid(valid());
  }

  @Test
  void given_the_example_intake_of_formats_md_when_read_then_it_is_valid_as_written() {
    String example = """
        {
          "intakeId": "INT-2026-0042",
          "assessmentDate": "2026-11-27",
          "patient": {
            "ageYears": 41,
            "sex": "FEMALE",
            "pregnant": false,
            "breastfeeding": false,
            "weightKg": 63.5
          },
          "concerns": [
            {
              "id": "c1",
              "condition": "CHRONIC_MIGRAINE",
              "headacheDaysPerMonth": 18,
              "migraineDaysPerMonth": 10,
              "headacheHoursPerDay": 6,
              "monthsWithSymptoms": 14,
              "priorTherapiesFailed": 2
            },
            { "id": "c2", "condition": "GLABELLAR_LINES" }
          ],
          "medicalHistory": {
            "conditions": [],
            "allergies": [],
            "medications": [ { "name": "sumatriptan" } ],
            "infectionSites": []
          },
          "treatmentHistory": [
            { "date": "2026-06-02", "condition": "CHRONIC_MIGRAINE", "product": "ONABOTULINUMTOXINA",
              "units": 155, "response": "GOOD", "adverseReactions": [] }
          ],
          "workflow": {
            "medicalExaminationCompleted": true,
            "diagnosisConfirmed": true,
            "prescriptionIssued": false
          }
        }
        """;
    IntakeReader.Result result = read(example);

    assertThat(result.problems()).isEmpty();
    Intake intake = result.intake();
    assertThat(intake.intakeId()).isEqualTo("INT-2026-0042");
    assertThat(intake.assessmentDate()).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(intake.patient().pregnant()).isFalse();
    assertThat(intake.patient().weightKg()).isEqualTo(63.5);
    assertThat(intake.concerns()).extracting(Concern::id).containsExactly("c1", "c2");
    assertThat(intake.medicalHistory().medications())
        .containsExactly(new Medication("sumatriptan", null));
    assertThat(intake.workflow()).isEqualTo(new Workflow(true, true, false));
  }

  // ---- JSON syntax -----------------------------------------------------------------------

  @Nested
  class Syntax {
    @Test
    void given_malformed_json_when_read_then_one_problem_says_it_is_not_valid_json() {
      IntakeReader.Result result = read("{\"intakeId\": \"INT-1\", \"patient\": {\"ageYears\": 41,");

      assertThat(result.valid()).isFalse();
      assertThat(result.intake()).isNull();
      assertThat(result.problems()).hasSize(1);
      assertThat(result.problems().get(0).path()).startsWith("$");
      assertThat(result.problems().get(0).message()).contains("not valid JSON");
    }

    @Test
    void given_a_missing_comma_when_read_then_the_problem_gives_line_and_column() {
      IntakeReader.Result result = read("{\n  \"intakeId\": \"INT-1\"\n  \"patient\": {}\n}");

      assertThat(result.valid()).isFalse();
      assertThat(result.intake()).isNull();
      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.message()).contains("not valid JSON").contains("line 3");
        assertThat(p.message()).doesNotContain("\n");
      });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t  \r\n"})
    void given_empty_input_when_read_then_the_root_is_reported_empty(String input) {
      assertRejectedOnly(read(input), "$", "empty");
    }

    @Test
    void given_zero_bytes_when_read_then_the_root_is_reported_empty() {
      assertRejectedOnly(READER.read(new byte[0], DATE), "$", "empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"intakeId\": \"INT-1\"}]", "42", "\"INT-1\"", "true"})
    void given_json_that_is_not_an_object_when_read_then_the_root_must_be_an_object(String input) {
      assertRejectedOnly(read(input), "$", "object");
    }

    @Test
    void given_the_json_literal_null_when_read_then_it_is_rejected_not_returned_as_valid() {
      IntakeReader.Result result = read("null");

      assertThat(result.valid()).as("valid() of the document null").isFalse();
      assertThat(result.intake()).isNull();
      assertThat(result.problems()).singleElement()
          .satisfies(p -> assertThat(p.path()).isEqualTo("$"));
    }

    @Test
    void given_trailing_content_after_the_object_when_read_then_it_is_a_problem() {
      assertRejected(read(VALID + " {}"), "$", "");
      assertRejected(read(VALID + " x"), "$", "");
      assertThat(read(VALID + " {}").problems()).hasSize(1);
    }

    @Test
    void given_trailing_whitespace_after_the_object_when_read_then_it_is_valid() {
      assertThat(read(VALID + "\n\n  \t\r\n").problems()).isEmpty();
    }

    @Test
    void given_a_duplicate_key_in_the_patient_when_read_then_its_path_is_reported() {
      String json = VALID.replace("\"ageYears\": 41,",
          "\"ageYears\": 41, \"pregnant\": true, \"pregnant\": false,");

      assertRejectedOnly(read(json), "$.patient.pregnant", "duplicate");
    }

    @Test
    void given_a_duplicate_top_level_key_when_read_then_its_path_is_reported() {
      String json = VALID.replace("\"intakeId\": \"INT-2026-0042\",",
          "\"intakeId\": \"INT-2026-0042\", \"intakeId\": \"INT-2026-0043\",");

      assertRejectedOnly(read(json), "$.intakeId", "duplicate");
    }

    @Test
    void given_a_duplicate_key_in_a_concern_when_read_then_its_path_is_reported() {
      String json = VALID.replace("\"headacheDaysPerMonth\": 18,",
          "\"headacheDaysPerMonth\": 18, \"headacheDaysPerMonth\": 3,");

      assertRejectedOnly(read(json), "$.concerns[0].headacheDaysPerMonth", "duplicate");
    }

    @Test
    void given_a_utf8_byte_order_mark_at_the_start_when_read_then_it_is_accepted() {
      byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
      byte[] withBom = new byte[body.length + 3];
      withBom[0] = (byte) 0xEF;
      withBom[1] = (byte) 0xBB;
      withBom[2] = (byte) 0xBF;
      System.arraycopy(body, 0, withBom, 3, body.length);

      IntakeReader.Result result = READER.read(withBom, DATE);

      assertThat(result.problems()).isEmpty();
      assertThat(result.intake().intakeId()).isEqualTo("INT-2026-0042");
    }

    @Test
    void given_non_ascii_text_in_utf8_when_read_then_it_is_kept() {
      ObjectNode intake = with(i -> ((ObjectNode) history(i).get("medications").get(0))
          .put("name", "Zolmitriptán"));

      assertThat(readValid(intake).medicalHistory().medications().get(0).name())
          .isEqualTo("Zolmitriptán");
    }
  }

  // ---- limits ----------------------------------------------------------------------------

  @Nested
  class Limits {
    @Test
    void given_an_intake_over_one_mebibyte_when_read_then_it_is_a_clear_problem() {
      byte[] big = (VALID + " ".repeat(IntakeReader.MAX_BYTES)).getBytes(StandardCharsets.UTF_8);

      IntakeReader.Result result = READER.read(big, DATE);

      assertRejectedOnly(result, "$", "limit");
      assertThat(result.problems().get(0).message()).contains("1 MiB");
    }

    @Test
    void given_an_intake_of_exactly_one_mebibyte_when_read_then_it_is_accepted() {
      String body = VALID.strip();
      String padded = body + " ".repeat(IntakeReader.MAX_BYTES - body.length());
      byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);
      assertThat(bytes).hasSize(1 << 20);

      assertThat(READER.read(bytes, DATE).problems()).isEmpty();
    }

    @Test
    void given_nesting_deeper_than_32_when_read_then_it_is_a_clear_problem_not_an_exception() {
      String deep = "[".repeat(40) + "]".repeat(40);
      String json = VALID.replace("\"weightKg\": 63.5", "\"weightKg\": " + deep);

      IntakeReader.Result result = read(json);

      assertThat(result.valid()).isFalse();
      assertThat(result.intake()).isNull();
      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.path()).startsWith("$");
        assertThat(p.message()).containsIgnoringCase("limit").containsIgnoringCase("depth");
      });
    }

    @Test
    void given_nesting_far_deeper_than_the_limit_when_read_then_no_stack_overflow() {
      String deep = "[".repeat(100_000);

      IntakeReader.Result result = read("{\"intakeId\": " + deep);

      assertThat(result.valid()).isFalse();
      assertThat(result.intake()).isNull();
      assertThat(result.problems()).hasSize(1);
    }

    @Test
    void given_a_string_over_10000_characters_when_read_then_it_is_a_clear_short_problem() {
      String longName = repeat('a', IntakeReader.MAX_STRING + 1);
      ObjectNode intake = with(i -> ((ObjectNode) history(i).get("medications").get(0))
          .put("name", longName));

      IntakeReader.Result result = read(intake);

      assertThat(result.valid()).isFalse();
      assertThat(result.intake()).isNull();
      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.path()).startsWith("$");
        assertThat(p.message()).containsIgnoringCase("limit");
        assertThat(p.message().length()).as("the problem does not echo the string")
            .isLessThan(500);
      });
    }

    @Test
    void given_a_field_name_over_10000_characters_when_read_then_it_is_a_clear_short_problem() {
      String json = VALID.replace("\"intakeId\":", "\"" + repeat('x', 20_000) + "\": 1, \"intakeId\":");

      IntakeReader.Result result = read(json);

      assertThat(result.valid()).isFalse();
      assertThat(result.intake()).isNull();
      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.message()).containsIgnoringCase("limit");
        assertThat(p.toString().length()).isLessThan(500);
      });
    }

    @Test
    void given_a_huge_integer_when_read_then_it_is_a_problem_not_an_overflow() {
      ObjectNode intake = with(i -> patient(i).put("ageYears", new BigDecimal("1e30")
          .toBigInteger()));

      assertRejectedOnly(read(intake), "$.patient.ageYears", "");
    }
  }

  // ---- unknown fields --------------------------------------------------------------------

  static Stream<Arguments> unknownFields() {
    return Stream.of(
        Arguments.of("$.notes", (Consumer<ObjectNode>) i -> i.put("notes", "x")),
        Arguments.of("$.patient.pregant", (Consumer<ObjectNode>) i -> patient(i).put("pregant",
            true)),
        Arguments.of("$.concerns[0].headacheDays", (Consumer<ObjectNode>) i -> concern(i, 0)
            .put("headacheDays", 18)),
        Arguments.of("$.medicalHistory.surgeries", (Consumer<ObjectNode>) i -> history(i)
            .putArray("surgeries")),
        Arguments.of("$.medicalHistory.medications[0].dose", (Consumer<ObjectNode>) i ->
            ((ObjectNode) history(i).get("medications").get(0)).put("dose", "50 mg")),
        Arguments.of("$.treatmentHistory[0].clinic", (Consumer<ObjectNode>) i -> treatment(i, 0)
            .put("clinic", "north")),
        Arguments.of("$.workflow.consentSigned", (Consumer<ObjectNode>) i -> i.putObject(
            "workflow").put("consentSigned", true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownFields")
  void given_an_unknown_field_when_read_then_its_path_is_reported(String path,
      Consumer<ObjectNode> change) {
    assertRejectedOnly(read(with(change)), path, "is not a field of");
  }

  @Test
  void given_the_misspelt_field_pregant_when_read_then_it_is_named_with_a_suggestion() {
    IntakeReader.Result result = read(with(i -> patient(i).put("pregant", true)));

    assertRejectedOnly(result, "$.patient.pregant", "did you mean \"pregnant\"");
  }

  @Test
  void given_a_misspelt_top_level_field_when_read_then_the_suggestion_names_the_right_one() {
    ObjectNode intake = with(i -> {
      i.remove("intakeId");
      i.put("intakeID", "INT-1");
    });

    assertRejected(read(intake), "$.intakeID", "did you mean \"intakeId\"");
  }

  // ---- wrong types -----------------------------------------------------------------------

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        Arguments.of("string for a number", "$.patient.weightKg", "must be a number",
            (Consumer<ObjectNode>) i -> patient(i).put("weightKg", "63.5")),
        Arguments.of("string for a decimal number", "$.concerns[0].headacheHoursPerDay",
            "must be a number", (Consumer<ObjectNode>) i -> concern(i, 0)
                .put("headacheHoursPerDay", "6")),
        Arguments.of("string for an integer", "$.patient.ageYears", "must be a whole number",
            (Consumer<ObjectNode>) i -> patient(i).put("ageYears", "41")),
        Arguments.of("41.0 for an integer", "$.patient.ageYears", "must be a whole number",
            (Consumer<ObjectNode>) i -> patient(i).put("ageYears", new BigDecimal("41.0"))),
        Arguments.of("18.5 for an integer", "$.concerns[0].headacheDaysPerMonth",
            "must be a whole number", (Consumer<ObjectNode>) i -> concern(i, 0)
                .put("headacheDaysPerMonth", new BigDecimal("18.5"))),
        Arguments.of("decimal for units", "$.treatmentHistory[0].units", "must be a whole number",
            (Consumer<ObjectNode>) i -> treatment(i, 0).put("units", new BigDecimal("155.0"))),
        Arguments.of("number for a string", "$.intakeId", "must be a string",
            (Consumer<ObjectNode>) i -> i.put("intakeId", 42)),
        Arguments.of("number for a concern id", "$.concerns[0].id", "must be a string",
            (Consumer<ObjectNode>) i -> concern(i, 0).put("id", 1)),
        Arguments.of("number for a medication name", "$.medicalHistory.medications[0].name",
            "must be a string", (Consumer<ObjectNode>) i ->
                ((ObjectNode) history(i).get("medications").get(0)).put("name", 5)),
        Arguments.of("string \"true\" for a boolean", "$.patient.pregnant",
            "must be true or false", (Consumer<ObjectNode>) i -> patient(i).put("pregnant",
                "true")),
        Arguments.of("number for a boolean", "$.concerns[0].secondaryCauseExcluded",
            "must be true or false", (Consumer<ObjectNode>) i -> concern(i, 0)
                .put("secondaryCauseExcluded", 1)),
        Arguments.of("string for a workflow boolean", "$.workflow.diagnosisConfirmed",
            "must be true or false", (Consumer<ObjectNode>) i -> i.putObject("workflow")
                .put("diagnosisConfirmed", "yes")),
        Arguments.of("object for an array", "$.concerns", "must be an array",
            (Consumer<ObjectNode>) i -> i.putObject("concerns")),
        Arguments.of("object for a code array", "$.medicalHistory.conditions",
            "must be an array", (Consumer<ObjectNode>) i -> history(i).putObject("conditions")),
        Arguments.of("string for a site array", "$.concerns[0].sites", "must be an array",
            (Consumer<ObjectNode>) i -> concern(i, 0).put("sites", "FOREHEAD")),
        Arguments.of("object for the treatment history", "$.treatmentHistory",
            "must be an array", (Consumer<ObjectNode>) i -> i.putObject("treatmentHistory")),
        Arguments.of("number for a code", "$.patient.sex", "must be a code",
            (Consumer<ObjectNode>) i -> patient(i).put("sex", 1)),
        Arguments.of("array for the patient", "$.patient", "must be a patient object",
            (Consumer<ObjectNode>) i -> i.putArray("patient")),
        Arguments.of("string for a concern", "$.concerns[0]", "must be a concern object",
            (Consumer<ObjectNode>) i -> ((ArrayNode) i.get("concerns")).set(0,
                JSON.getNodeFactory().textNode("CHRONIC_MIGRAINE"))),
        Arguments.of("string for the medical history", "$.medicalHistory", "object",
            (Consumer<ObjectNode>) i -> i.put("medicalHistory", "none")),
        Arguments.of("array for the workflow", "$.workflow", "object",
            (Consumer<ObjectNode>) i -> i.putArray("workflow")),
        Arguments.of("number for a date", "$.assessmentDate", "YYYY-MM-DD",
            (Consumer<ObjectNode>) i -> i.put("assessmentDate", 20261127)),
        Arguments.of("number for icd10", "$.concerns[0].icd10", "must be a string",
            (Consumer<ObjectNode>) i -> concern(i, 0).put("icd10", 437)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongTypes")
  void given_a_wrong_type_when_read_then_its_path_and_the_expected_type_are_reported(String what,
      String path, String messagePart, Consumer<ObjectNode> change) {
    assertRejectedOnly(read(with(change)), path, messagePart);
  }

  @Test
  void given_41_point_0_for_an_integer_when_read_then_the_sentence_shows_the_value_as_written() {
    IntakeReader.Result result = read(with(i -> patient(i).put("ageYears",
        new BigDecimal("41.0"))));

    assertRejectedOnly(result, "$.patient.ageYears", "41.0");
  }

  // ---- unknown codes ---------------------------------------------------------------------

  static Stream<Arguments> unknownCodes() {
    return Stream.of(
        Arguments.of("sex", "$.patient.sex", (Consumer<ObjectNode>) i -> patient(i).put("sex",
            "F")),
        Arguments.of("sex", "$.patient.sex", (Consumer<ObjectNode>) i -> patient(i).put("sex",
            "female")),
        Arguments.of("condition", "$.concerns[0].condition", (Consumer<ObjectNode>) i ->
            concern(i, 0).put("condition", "LIP_FILLER")),
        Arguments.of("site", "$.concerns[0].sites[1]", (Consumer<ObjectNode>) i ->
            concern(i, 0).putArray("sites").add("FOREHEAD").add("LIPS")),
        Arguments.of("site", "$.medicalHistory.infectionSites[0]", (Consumer<ObjectNode>) i ->
            history(i).putArray("infectionSites").add("LIPS")),
        Arguments.of("comorbidity", "$.medicalHistory.conditions[0]", (Consumer<ObjectNode>) i ->
            history(i).putArray("conditions").add("DIABETES")),
        Arguments.of("allergy", "$.medicalHistory.allergies[1]", (Consumer<ObjectNode>) i ->
            history(i).putArray("allergies").add("HUMAN_ALBUMIN").add("LATEX")),
        Arguments.of("drug class", "$.medicalHistory.medications[0].drugClass",
            (Consumer<ObjectNode>) i -> history(i).putArray("medications").addObject()
                .put("drugClass", "STATIN")),
        Arguments.of("condition", "$.treatmentHistory[0].condition", (Consumer<ObjectNode>) i ->
            treatment(i, 0).put("condition", "LIP_FILLER")),
        Arguments.of("product", "$.treatmentHistory[0].product", (Consumer<ObjectNode>) i ->
            treatment(i, 0).put("product", "DYSPORT")),
        Arguments.of("response", "$.treatmentHistory[0].response", (Consumer<ObjectNode>) i ->
            treatment(i, 0).put("response", "EXCELLENT")),
        Arguments.of("adverse reaction", "$.treatmentHistory[0].adverseReactions[0]",
            (Consumer<ObjectNode>) i -> treatment(i, 0).putArray("adverseReactions")
                .add("HEADACHE")));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("unknownCodes")
  void given_an_unknown_code_when_read_then_its_path_and_list_are_reported(String noun,
      String path, Consumer<ObjectNode> change) {
    assertRejectedOnly(read(with(change)), path, "is not a known " + noun + " code");
  }

  @Test
  void given_an_unknown_code_when_read_then_the_message_lists_the_known_codes() {
    IntakeReader.Result result = read(with(i -> treatment(i, 0).put("product", "DYSPORT")));

    assertRejectedOnly(result, "$.treatmentHistory[0].product", "ABOBOTULINUMTOXINA");
    assertThat(result.problems().get(0).message()).contains("DYSPORT");
  }

  @Test
  void given_a_null_code_in_a_code_list_when_read_then_the_element_is_a_problem() {
    ObjectNode intake = with(i -> history(i).putArray("allergies").addNull());

    assertRejectedOnly(read(intake), "$.medicalHistory.allergies[0]", "");
  }

  // ---- intakeId --------------------------------------------------------------------------

  @Test
  void given_no_intake_id_when_read_then_it_is_required() {
    assertRejectedOnly(read(with(i -> i.remove("intakeId"))), "$.intakeId", "is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "INT 42", "INT/42", "INT:42", "Jane Doe", "INTé42", "INT-42\n",
      "INT#42", "INT,42"})
  void given_an_intake_id_with_a_forbidden_character_or_empty_when_read_then_it_is_a_problem(
      String id) {
    assertRejectedOnly(read(with(i -> i.put("intakeId", id))), "$.intakeId",
        "must be 1 to 64 characters");
  }

  @Test
  void given_an_intake_id_of_65_characters_when_read_then_it_is_too_long() {
    assertRejectedOnly(read(with(i -> i.put("intakeId", repeat('A', 65)))), "$.intakeId",
        "must be 1 to 64 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "a.b_c-D9", "INT-2026-0042"})
  void given_a_well_formed_intake_id_when_read_then_it_is_kept(String id) {
    assertThat(readValid(with(i -> i.put("intakeId", id))).intakeId()).isEqualTo(id);
  }

  @Test
  void given_an_intake_id_of_64_characters_when_read_then_it_is_valid() {
    String id = repeat('A', 64);
    assertThat(readValid(with(i -> i.put("intakeId", id))).intakeId()).isEqualTo(id);
  }

  // ---- patient ---------------------------------------------------------------------------

  @Test
  void given_no_patient_when_read_then_it_is_required() {
    assertRejectedOnly(read(with(i -> i.remove("patient"))), "$.patient", "is required");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 121, -120, 1000})
  void given_an_age_out_of_range_when_read_then_the_range_is_reported(int age) {
    assertRejectedOnly(read(with(i -> patient(i).put("ageYears", age))), "$.patient.ageYears",
        "must be between 0 and 120, was " + age);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 120})
  void given_an_age_at_a_bound_when_read_then_it_is_valid(int age) {
    assertThat(readValid(with(i -> patient(i).put("ageYears", age))).patient().ageYears())
        .isEqualTo(age);
  }

  @Test
  void given_neither_age_nor_birth_date_when_read_then_age_is_required() {
    assertRejectedOnly(read(with(i -> patient(i).remove("ageYears"))), "$.patient.ageYears",
        "is required");
  }

  @Test
  void given_a_birth_date_after_the_assessment_date_when_read_then_it_is_a_problem() {
    ObjectNode intake = with(i -> {
      patient(i).remove("ageYears");
      patient(i).put("birthDate", "2026-11-28");
    });

    assertRejectedOnly(read(intake), "$.patient.birthDate", "after the assessment date");
  }

  @Test
  void given_a_birth_date_after_the_intakes_own_assessment_date_when_read_then_it_is_a_problem() {
    ObjectNode intake = with(i -> {
      i.put("assessmentDate", "2026-05-01");
      treatment(i, 0).put("date", "2026-04-01");
      patient(i).remove("ageYears");
      patient(i).put("birthDate", "2026-05-02");
    });

    assertRejectedOnly(read(intake), "$.patient.birthDate", "after the assessment date");
  }

  @Test
  void given_age_and_birth_date_that_disagree_when_read_then_the_birth_date_is_at_fault() {
    ObjectNode intake = with(i -> patient(i).put("birthDate", "1990-01-01"));

    IntakeReader.Result result = read(intake);

    assertRejectedOnly(result, "$.patient.birthDate", "36");
    assertThat(result.problems().get(0).message()).contains("41");
  }

  @Test
  void given_age_and_birth_date_that_agree_when_read_then_it_is_valid() {
    ObjectNode intake = with(i -> patient(i).put("birthDate", "1985-11-27"));

    Intake read = readValid(intake);

    assertThat(read.patient().ageYears()).isEqualTo(41);
    assertThat(read.patient().birthDate()).isEqualTo(LocalDate.of(1985, 11, 27));
  }

  @Test
  void given_a_birth_date_the_day_before_a_birthday_when_read_then_age_and_birth_date_disagree() {
    // born 1985-11-28: on 2026-11-27 the patient is still 40
    ObjectNode intake = with(i -> patient(i).put("birthDate", "1985-11-28"));

    assertRejectedOnly(read(intake), "$.patient.birthDate", "40");
  }

  @Test
  void given_a_birth_date_more_than_120_years_ago_when_read_then_the_age_is_out_of_range() {
    ObjectNode intake = with(i -> {
      patient(i).remove("ageYears");
      patient(i).put("birthDate", "1900-01-01");
    });

    assertRejectedOnly(read(intake), "$.patient.birthDate", "between 0 and 120");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "0.19", "1e-300", "400.5", "400.01", "1000"})
  void given_a_weight_out_of_range_when_read_then_it_is_a_problem(String weight) {
    ObjectNode intake = with(i -> patient(i).put("weightKg", new BigDecimal(weight)));

    assertRejectedOnly(read(intake), "$.patient.weightKg", "at least 0.2 and at most 400");
  }

  @ParameterizedTest
  @ValueSource(strings = {"400", "400.0", "0.2", "0.5", "3"})
  void given_a_weight_in_range_when_read_then_it_is_valid(String weight) {
    ObjectNode intake = with(i -> patient(i).put("weightKg", new BigDecimal(weight)));

    assertThat(readValid(intake).patient().weightKg()).isEqualTo(Double.parseDouble(weight));
  }

  @Test
  void given_null_for_pregnant_and_breastfeeding_when_read_then_they_are_not_known() {
    ObjectNode intake = with(i -> {
      patient(i).putNull("pregnant");
      patient(i).putNull("breastfeeding");
    });

    Intake read = readValid(intake);

    assertThat(read.patient().pregnant()).isNull();
    assertThat(read.patient().breastfeeding()).isNull();
  }

  @Test
  void given_pregnant_true_when_read_then_it_is_kept() {
    assertThat(readValid(with(i -> patient(i).put("pregnant", true))).patient().pregnant())
        .isTrue();
  }

  // ---- null for required fields ----------------------------------------------------------

  static Stream<Arguments> requiredNulls() {
    return Stream.of(
        Arguments.of("$.intakeId", (Consumer<ObjectNode>) i -> i.putNull("intakeId")),
        Arguments.of("$.patient", (Consumer<ObjectNode>) i -> i.putNull("patient")),
        Arguments.of("$.concerns", (Consumer<ObjectNode>) i -> i.putNull("concerns")),
        Arguments.of("$.medicalHistory", (Consumer<ObjectNode>) i -> i.putNull("medicalHistory")),
        Arguments.of("$.medicalHistory.conditions", (Consumer<ObjectNode>) i -> history(i)
            .putNull("conditions")),
        Arguments.of("$.medicalHistory.allergies", (Consumer<ObjectNode>) i -> history(i)
            .putNull("allergies")),
        Arguments.of("$.medicalHistory.medications", (Consumer<ObjectNode>) i -> history(i)
            .putNull("medications")),
        Arguments.of("$.treatmentHistory[0].date", (Consumer<ObjectNode>) i -> treatment(i, 0)
            .putNull("date")),
        Arguments.of("$.patient.ageYears", (Consumer<ObjectNode>) i -> patient(i)
            .putNull("ageYears")),
        Arguments.of("$.concerns[0].condition", (Consumer<ObjectNode>) i -> concern(i, 0)
            .putNull("condition")),
        Arguments.of("$.concerns[0]", (Consumer<ObjectNode>) i -> ((ArrayNode) i.get("concerns"))
            .setNull(0)),
        Arguments.of("$.medicalHistory.medications[0]", (Consumer<ObjectNode>) i ->
            ((ArrayNode) history(i).get("medications")).setNull(0)),
        Arguments.of("$.treatmentHistory[0]", (Consumer<ObjectNode>) i ->
            ((ArrayNode) i.get("treatmentHistory")).setNull(0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requiredNulls")
  void given_null_for_a_required_field_when_read_then_it_is_a_problem(String path,
      Consumer<ObjectNode> change) {
    assertRejectedOnly(read(with(change)), path, "");
  }

  // ---- concerns --------------------------------------------------------------------------

  @Test
  void given_no_concerns_field_when_read_then_concerns_are_required() {
    assertRejectedOnly(read(with(i -> i.remove("concerns"))), "$.concerns", "1 to 20");
  }

  @Test
  void given_an_empty_concerns_list_when_read_then_at_least_one_is_required() {
    assertRejectedOnly(read(with(i -> i.putArray("concerns"))), "$.concerns", "1 to 20");
  }

  @Test
  void given_21_concerns_when_read_then_there_are_too_many() {
    ObjectNode intake = with(i -> {
      ArrayNode concerns = i.putArray("concerns");
      for (int n = 0; n < 21; n++) {
        concerns.addObject().put("condition", "GLABELLAR_LINES");
      }
    });

    assertRejectedOnly(read(intake), "$.concerns", "21");
  }

  @Test
  void given_20_concerns_when_read_then_it_is_valid_with_ids_c1_to_c20() {
    ObjectNode intake = with(i -> {
      ArrayNode concerns = i.putArray("concerns");
      for (int n = 0; n < 20; n++) {
        concerns.addObject().put("condition", "GLABELLAR_LINES");
      }
    });

    List<Concern> concerns = readValid(intake).concerns();

    assertThat(concerns).hasSize(20);
    assertThat(concerns.get(0).id()).isEqualTo("c1");
    assertThat(concerns.get(19).id()).isEqualTo("c20");
  }

  @Test
  void given_a_concern_with_neither_condition_nor_icd10_when_read_then_one_is_required() {
    ObjectNode intake = with(i -> concern(i, 0).remove("condition"));

    assertRejectedOnly(read(intake), "$.concerns[0].condition", "or give icd10");
  }

  @Test
  void given_an_icd10_code_the_catalog_does_not_know_when_read_then_it_is_a_problem() {
    ObjectNode intake = with(i -> {
      concern(i, 0).remove("condition");
      concern(i, 0).put("icd10", "Z99.9");
    });

    IntakeReader.Result result = read(intake);

    assertRejectedOnly(result, "$.concerns[0].icd10", "is not a code the catalog maps");
    assertThat(result.problems().get(0).message()).contains("Z99.9");
  }

  @Test
  void given_an_icd10_code_too_short_to_map_when_read_then_it_is_not_specific_enough() {
    ObjectNode intake = with(i -> {
      concern(i, 0).remove("condition");
      concern(i, 0).put("icd10", "G43");
    });

    assertRejectedOnly(read(intake), "$.concerns[0].icd10", "not specific enough");
  }

  @Test
  void given_an_icd10_code_that_disagrees_with_the_condition_when_read_then_icd10_is_at_fault() {
    ObjectNode intake = with(i -> {
      concern(i, 0).put("condition", "GLABELLAR_LINES");
      concern(i, 0).put("icd10", "G24.3");
    });

    IntakeReader.Result result = read(intake);

    assertRejectedOnly(result, "$.concerns[0].icd10", "does not agree");
    assertThat(result.problems().get(0).message()).contains("CERVICAL_DYSTONIA")
        .contains("GLABELLAR_LINES");
  }

  @ParameterizedTest
  @ValueSource(strings = {"G24.3", "G243", "g24.3", "g243", " G24.3 "})
  void given_a_valid_icd10_code_with_or_without_dot_or_lowercase_when_read_then_it_maps(
      String icd10) {
    ObjectNode intake = with(i -> {
      concern(i, 0).remove("condition");
      concern(i, 0).put("icd10", icd10);
    });

    Concern concern = readValid(intake).concerns().get(0);

    assertThat(concern.condition()).isEqualTo(ConditionCode.CERVICAL_DYSTONIA);
    assertThat(concern.icd10()).isEqualTo(icd10);
  }

  @Test
  void given_an_icd10_code_with_more_digits_than_the_catalog_prefix_when_read_then_it_maps() {
    ObjectNode intake = with(i -> {
      concern(i, 0).remove("condition");
      concern(i, 0).put("icd10", "I69.351");
    });

    assertThat(readValid(intake).concerns().get(0).condition())
        .isEqualTo(ConditionCode.SPASTICITY);
  }

  @Test
  void given_an_icd10_code_and_a_condition_that_agree_when_read_then_it_is_valid() {
    ObjectNode intake = with(i -> concern(i, 0).put("icd10", "G43.709"));

    assertThat(readValid(intake).concerns().get(0).condition())
        .isEqualTo(ConditionCode.CHRONIC_MIGRAINE);
  }

  @Test
  void given_an_alias_icd10_code_and_a_condition_it_can_be_classified_as_when_read_then_valid() {
    ObjectNode intake = with(i -> concern(i, 0).put("icd10", "G43.909"));

    assertThat(readValid(intake).concerns().get(0).condition())
        .isEqualTo(ConditionCode.CHRONIC_MIGRAINE);
  }

  @Test
  void given_an_alias_condition_with_a_specific_icd10_code_when_read_then_they_disagree() {
    ObjectNode migraine = with(i -> concern(i, 0).put("condition", "MIGRAINE")
        .put("icd10", "G43.709"));
    assertRejectedOnly(read(migraine), "$.concerns[0].icd10", "CHRONIC_MIGRAINE");

    ObjectNode sweating = with(i -> {
      ObjectNode c = concern(i, 0).put("condition", "EXCESSIVE_SWEATING").put("icd10", "L74.510");
      c.putArray("sites").add("PALM");
    });
    assertRejectedOnly(read(sweating), "$.concerns[0].icd10", "AXILLARY_HYPERHIDROSIS");
  }

  @Test
  void given_two_concerns_with_the_same_id_when_read_then_the_later_id_is_at_fault() {
    ObjectNode intake = with(i -> {
      concern(i, 0).put("id", "head");
      ((ArrayNode) i.get("concerns")).addObject().put("id", "head")
          .put("condition", "GLABELLAR_LINES");
    });

    IntakeReader.Result result = read(intake);

    assertRejectedOnly(result, "$.concerns[1].id", "\"head\"");
    assertThat(result.problems().get(0).message()).contains("$.concerns[0]");
  }

  @Test
  void given_a_duplicate_id_third_when_read_then_the_path_is_that_of_the_third() {
    ObjectNode intake = with(i -> {
      ArrayNode concerns = (ArrayNode) i.get("concerns");
      concerns.addObject().put("id", "x").put("condition", "GLABELLAR_LINES");
      concerns.addObject().put("id", "x").put("condition", "FOREHEAD_LINES");
    });

    assertRejectedOnly(read(intake), "$.concerns[2].id", "\"x\"");
  }

  @Test
  void given_an_explicit_id_that_a_later_default_id_clashes_with_when_read_then_it_is_a_problem() {
    ObjectNode intake = with(i -> {
      concern(i, 0).put("id", "c2");
      ((ArrayNode) i.get("concerns")).addObject().put("condition", "GLABELLAR_LINES");
    });

    IntakeReader.Result result = read(intake);

    assertRejectedOnly(result, "$.concerns[1].id", "\"c2\"");
    assertThat(result.problems().get(0).message()).contains("default");
  }

  @Test
  void given_a_later_explicit_id_that_clashes_with_a_default_id_when_read_then_it_is_a_problem() {
    ObjectNode intake = with(i -> ((ArrayNode) i.get("concerns")).addObject().put("id", "c1")
        .put("condition", "GLABELLAR_LINES"));

    assertRejectedOnly(read(intake), "$.concerns[1].id", "\"c1\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void given_a_blank_concern_id_when_read_then_it_is_a_problem(String id) {
    assertRejectedOnly(read(with(i -> concern(i, 0).put("id", id))), "$.concerns[0].id",
        "not blank");
  }

  @Test
  void given_a_concern_id_of_65_characters_when_read_then_it_is_too_long() {
    assertRejectedOnly(read(with(i -> concern(i, 0).put("id", repeat('c', 65)))),
        "$.concerns[0].id", "1 to 64");
  }

  // ---- numeric ranges --------------------------------------------------------------------

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        range("$.concerns[0].headacheDaysPerMonth", "must be between 0 and 31, was 45",
            i -> concern(i, 0).put("headacheDaysPerMonth", 45)),
        range("$.concerns[0].headacheDaysPerMonth", "must be between 0 and 31, was -1",
            i -> {
              concern(i, 0).remove("migraineDaysPerMonth");
              concern(i, 0).put("headacheDaysPerMonth", -1);
            }),
        range("$.concerns[0].headacheDaysPerMonth", "must be between 0 and 31, was 32",
            i -> concern(i, 0).put("headacheDaysPerMonth", 32)),
        range("$.concerns[0].migraineDaysPerMonth", "must be between 0 and 31, was 32",
            i -> {
              concern(i, 0).remove("headacheDaysPerMonth");
              concern(i, 0).put("migraineDaysPerMonth", 32);
            }),
        range("$.concerns[0].migraineDaysPerMonth", "must be between 0 and 31, was -1",
            i -> concern(i, 0).put("migraineDaysPerMonth", -1)),
        range("$.concerns[0].migraineDaysPerMonth", "headacheDaysPerMonth",
            i -> concern(i, 0).put("migraineDaysPerMonth", 19)),
        range("$.concerns[0].headacheHoursPerDay", "must be between 0 and 24, was 24.5",
            i -> concern(i, 0).put("headacheHoursPerDay", new BigDecimal("24.5"))),
        range("$.concerns[0].headacheHoursPerDay", "must be between 0 and 24, was -0.5",
            i -> concern(i, 0).put("headacheHoursPerDay", new BigDecimal("-0.5"))),
        range("$.concerns[0].headacheHoursPerDay", "must be between 0 and 24, was 25",
            i -> concern(i, 0).put("headacheHoursPerDay", 25)),
        range("$.concerns[0].monthsWithSymptoms", "must be between 0 and 1200, was 1201",
            i -> concern(i, 0).put("monthsWithSymptoms", 1201)),
        range("$.concerns[0].monthsWithSymptoms", "must be between 0 and 1200, was -1",
            i -> concern(i, 0).put("monthsWithSymptoms", -1)),
        range("$.concerns[0].priorTherapiesFailed", "must be between 0 and 20, was 21",
            i -> concern(i, 0).put("priorTherapiesFailed", 21)),
        range("$.concerns[0].priorTherapiesFailed", "must be between 0 and 20, was -1",
            i -> concern(i, 0).put("priorTherapiesFailed", -1)),
        range("$.concerns[0].plannedUnits", "must be between 1 and 600, was 0",
            i -> concern(i, 0).put("plannedUnits", 0)),
        range("$.concerns[0].plannedUnits", "must be between 1 and 600, was 601",
            i -> concern(i, 0).put("plannedUnits", 601)),
        range("$.treatmentHistory[0].units", "must be between 1 and 1000, was 0",
            i -> treatment(i, 0).put("units", 0)),
        range("$.treatmentHistory[0].units", "must be between 1 and 1000, was 1001",
            i -> treatment(i, 0).put("units", 1001)));
  }

  private static Arguments range(String path, String message, Consumer<ObjectNode> change) {
    return Arguments.of(path, message, change);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("outOfRange")
  void given_a_value_out_of_range_when_read_then_its_path_and_sentence_are_reported(String path,
      String message, Consumer<ObjectNode> change) {
    assertRejectedOnly(read(with(change)), path, message);
  }

  @Test
  void given_45_headache_days_when_read_then_the_problem_reads_exactly_as_formats_md_shows() {
    IntakeReader.Result result = read(with(i -> concern(i, 0).put("headacheDaysPerMonth", 45)));

    assertThat(result.problems()).extracting(Problem::toString)
        .containsExactly("$.concerns[0].headacheDaysPerMonth: must be between 0 and 31, was 45");
  }

  @Test
  void given_more_migraine_days_than_headache_days_in_a_later_concern_then_that_concern_is_named() {
    ObjectNode intake = with(i -> ((ArrayNode) i.get("concerns")).addObject()
        .put("condition", "CHRONIC_MIGRAINE").put("headacheDaysPerMonth", 10)
        .put("migraineDaysPerMonth", 12));

    assertRejectedOnly(read(intake), "$.concerns[1].migraineDaysPerMonth",
        "must not be more than headacheDaysPerMonth");
  }

  static Stream<Arguments> inRange() {
    return Stream.of(
        range("headacheDaysPerMonth 0, migraineDaysPerMonth 0", "", i -> {
          concern(i, 0).put("headacheDaysPerMonth", 0);
          concern(i, 0).put("migraineDaysPerMonth", 0);
        }),
        range("headacheDaysPerMonth 31, migraineDaysPerMonth 31", "", i -> {
          concern(i, 0).put("headacheDaysPerMonth", 31);
          concern(i, 0).put("migraineDaysPerMonth", 31);
        }),
        range("headacheHoursPerDay 0", "", i -> concern(i, 0).put("headacheHoursPerDay", 0)),
        range("headacheHoursPerDay 24", "", i -> concern(i, 0).put("headacheHoursPerDay", 24)),
        range("headacheHoursPerDay 6.5", "", i -> concern(i, 0).put("headacheHoursPerDay",
            new BigDecimal("6.5"))),
        range("monthsWithSymptoms 0", "", i -> concern(i, 0).put("monthsWithSymptoms", 0)),
        range("monthsWithSymptoms 1200", "", i -> concern(i, 0).put("monthsWithSymptoms", 1200)),
        range("priorTherapiesFailed 0", "", i -> concern(i, 0).put("priorTherapiesFailed", 0)),
        range("priorTherapiesFailed 20", "", i -> concern(i, 0).put("priorTherapiesFailed", 20)),
        range("plannedUnits 1", "", i -> concern(i, 0).put("plannedUnits", 1)),
        range("plannedUnits 600", "", i -> concern(i, 0).put("plannedUnits", 600)),
        range("units 1", "", i -> treatment(i, 0).put("units", 1)),
        range("units 1000", "", i -> treatment(i, 0).put("units", 1000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inRange")
  void given_a_value_at_a_bound_of_its_range_when_read_then_it_is_valid(String what,
      String unused, Consumer<ObjectNode> change) {
    readValid(with(change));
  }

  // ---- medical history -------------------------------------------------------------------

  @Test
  void given_no_medical_history_when_read_then_it_is_required() {
    assertRejectedOnly(read(with(i -> i.remove("medicalHistory"))), "$.medicalHistory",
        "is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"conditions", "allergies", "medications"})
  void given_a_required_history_list_missing_when_read_then_it_is_required(String list) {
    assertRejectedOnly(read(with(i -> history(i).remove(list))), "$.medicalHistory." + list,
        "is required");
  }

  @Test
  void given_all_three_history_lists_missing_when_read_then_each_is_listed() {
    IntakeReader.Result result = read(with(i -> i.putObject("medicalHistory")));

    assertThat(result.valid()).isFalse();
    assertThat(result.intake()).isNull();
    assertThat(result.problems()).extracting(Problem::path).containsExactlyInAnyOrder(
        "$.medicalHistory.conditions", "$.medicalHistory.allergies",
        "$.medicalHistory.medications");
  }

  @Test
  void given_no_infection_sites_when_read_then_they_default_to_empty() {
    assertThat(readValid(valid()).medicalHistory().infectionSites()).isEmpty();
  }

  @Test
  void given_a_medication_with_neither_name_nor_drug_class_when_read_then_it_is_a_problem() {
    ObjectNode intake = with(i -> history(i).putArray("medications").addObject());

    assertRejectedOnly(read(intake), "$.medicalHistory.medications[0]",
        "needs a name, a drugClass, or both");
  }

  @Test
  void given_a_medication_with_an_empty_name_when_read_then_it_is_a_problem() {
    ObjectNode intake = with(i -> history(i).putArray("medications").addObject().put("name", ""));

    assertRejectedOnly(read(intake), "$.medicalHistory.medications[0].name", "not blank");
  }

  @Test
  void given_medications_by_name_by_class_and_by_both_when_read_then_each_is_kept() {
    ObjectNode intake = with(i -> {
      ArrayNode meds = history(i).putArray("medications");
      meds.addObject().put("name", "gentamicin");
      meds.addObject().put("drugClass", "ANTICOAGULANT");
      meds.addObject().put("name", "warfarin").put("drugClass", "ANTICOAGULANT");
    });

    assertThat(readValid(intake).medicalHistory().medications()).containsExactly(
        new Medication("gentamicin", null),
        new Medication(null, DrugClass.ANTICOAGULANT),
        new Medication("warfarin", DrugClass.ANTICOAGULANT));
  }

  @Test
  void given_every_history_code_when_read_then_each_is_kept() {
    ObjectNode intake = with(i -> {
      ArrayNode conditions = history(i).putArray("conditions");
      for (Comorbidity c : Comorbidity.values()) {
        conditions.add(c.name());
      }
      ArrayNode allergies = history(i).putArray("allergies");
      for (Allergy a : Allergy.values()) {
        allergies.add(a.name());
      }
      ArrayNode sites = history(i).putArray("infectionSites");
      sites.add("JAW").add("AXILLA");
    });

    Intake read = readValid(intake);

    assertThat(read.medicalHistory().conditions()).containsExactly(Comorbidity.values());
    assertThat(read.medicalHistory().allergies()).containsExactly(Allergy.values());
    assertThat(read.medicalHistory().infectionSites()).containsExactly(Site.JAW, Site.AXILLA);
  }

  // ---- treatment history -----------------------------------------------------------------

  @Test
  void given_a_treatment_without_a_date_when_read_then_the_date_is_required() {
    assertRejectedOnly(read(with(i -> treatment(i, 0).remove("date"))),
        "$.treatmentHistory[0].date", "is required");
  }

  @Test
  void given_a_treatment_after_the_assessment_date_when_read_then_it_is_a_problem() {
    IntakeReader.Result result = read(with(i -> treatment(i, 0).put("date", "2026-11-28")));

    assertRejectedOnly(result, "$.treatmentHistory[0].date", "after the assessment date");
    assertThat(result.problems().get(0).message()).contains("2026-11-27");
  }

  @Test
  void given_a_treatment_after_the_intakes_own_assessment_date_when_read_then_it_is_a_problem() {
    ObjectNode intake = with(i -> i.put("assessmentDate", "2026-01-15"));

    assertRejectedOnly(read(intake), "$.treatmentHistory[0].date", "after the assessment date");
  }

  @Test
  void given_a_treatment_on_the_assessment_date_when_read_then_it_is_valid() {
    readValid(with(i -> treatment(i, 0).put("date", "2026-11-27")));
  }

  @Test
  void given_a_later_treatment_after_the_assessment_date_when_read_then_its_index_is_named() {
    ObjectNode intake = with(i -> ((ArrayNode) i.get("treatmentHistory")).addObject()
        .put("date", "2027-01-01"));

    assertRejectedOnly(read(intake), "$.treatmentHistory[1].date", "after the assessment date");
  }

  // ---- urinary infection excluded (since 1.2) ------------------------------------------

  @Test
  void given_a_urinary_infection_exclusion_date_when_read_then_the_concern_keeps_it() {
    Intake intake = readValid(with(i -> concern(i, 0).put("utiExcludedOn", "2026-11-20")));

    assertThat(intake.concerns().get(0).utiExcludedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
  }

  @Test
  void given_a_urinary_infection_exclusion_on_the_assessment_date_when_read_then_it_is_valid() {
    readValid(with(i -> concern(i, 0).put("utiExcludedOn", "2026-11-27")));
  }

  @Test
  void given_a_urinary_infection_exclusion_after_the_assessment_date_when_read_then_it_is_a_problem() {
    IntakeReader.Result result = read(with(i -> concern(i, 0).put("utiExcludedOn", "2026-11-28")));

    assertRejectedOnly(result, "$.concerns[0].utiExcludedOn", "after the assessment date");
    assertThat(result.problems().get(0).message()).contains("2026-11-27");
  }

  @Test
  void given_a_urinary_infection_exclusion_that_is_not_a_date_when_read_then_it_is_a_problem() {
    assertRejectedOnly(read(with(i -> concern(i, 0).put("utiExcludedOn", true))),
        "$.concerns[0].utiExcludedOn", "date");
  }

  // ---- dates -----------------------------------------------------------------------------

  static Stream<Arguments> badDates() {
    return Stream.of(
        Arguments.of("$.assessmentDate", "2026-02-30", "is not a calendar date",
            (Consumer<ObjectNode>) i -> i.put("assessmentDate", "2026-02-30")),
        Arguments.of("$.assessmentDate", "27/11/2026", "YYYY-MM-DD",
            (Consumer<ObjectNode>) i -> i.put("assessmentDate", "27/11/2026")),
        Arguments.of("$.assessmentDate", "2026-11-27T10:00:00", "YYYY-MM-DD",
            (Consumer<ObjectNode>) i -> i.put("assessmentDate", "2026-11-27T10:00:00")),
        Arguments.of("$.assessmentDate", "2026-1-5", "YYYY-MM-DD",
            (Consumer<ObjectNode>) i -> i.put("assessmentDate", "2026-1-5")),
        Arguments.of("$.patient.birthDate", "27/11/1985", "YYYY-MM-DD",
            (Consumer<ObjectNode>) i -> patient(i).put("birthDate", "27/11/1985")),
        Arguments.of("$.patient.birthDate", "1985-02-29", "is not a calendar date",
            (Consumer<ObjectNode>) i -> patient(i).put("birthDate", "1985-02-29")),
        Arguments.of("$.treatmentHistory[0].date", "2026-02-30", "is not a calendar date",
            (Consumer<ObjectNode>) i -> treatment(i, 0).put("date", "2026-02-30")),
        Arguments.of("$.treatmentHistory[0].date", "2026-13-01", "is not a calendar date",
            (Consumer<ObjectNode>) i -> treatment(i, 0).put("date", "2026-13-01")),
        Arguments.of("$.treatmentHistory[0].date", "02/06/2026", "YYYY-MM-DD",
            (Consumer<ObjectNode>) i -> treatment(i, 0).put("date", "02/06/2026")));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badDates")
  void given_a_bad_date_when_read_then_its_path_is_reported(String path, String date,
      String messagePart, Consumer<ObjectNode> change) {
    assertRejectedOnly(read(with(change)), path, messagePart);
  }

  @Test
  void given_a_leap_day_in_a_leap_year_when_read_then_it_is_valid() {
    assertThat(readValid(with(i -> treatment(i, 0).put("date", "2024-02-29")))
        .treatmentHistory().get(0).date()).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  // ---- several problems ------------------------------------------------------------------

  @Test
  void given_several_problems_when_read_then_every_one_is_listed() {
    ObjectNode intake = with(i -> {
      i.put("intakeId", "");
      patient(i).put("ageYears", 121);
      patient(i).put("sex", "F");
      patient(i).put("pregant", true);
      concern(i, 0).put("headacheDaysPerMonth", 45);
      history(i).remove("conditions");
      treatment(i, 0).put("date", "2026-12-01");
      treatment(i, 0).put("product", "DYSPORT");
    });

    IntakeReader.Result result = read(intake);

    assertThat(result.valid()).isFalse();
    assertThat(result.intake()).isNull();
    assertThat(result.problems()).extracting(Problem::path).containsExactlyInAnyOrder(
        "$.intakeId",
        "$.patient.ageYears",
        "$.patient.sex",
        "$.patient.pregant",
        "$.concerns[0].headacheDaysPerMonth",
        "$.medicalHistory.conditions",
        "$.treatmentHistory[0].date",
        "$.treatmentHistory[0].product");
  }

  @Test
  void given_problems_in_several_concerns_when_read_then_each_concern_is_named() {
    ObjectNode intake = with(i -> {
      ArrayNode concerns = (ArrayNode) i.get("concerns");
      concerns.addObject().put("condition", "NOT_A_CONDITION");
      concerns.addObject().put("condition", "GLABELLAR_LINES").put("plannedUnits", 0);
    });

    assertThat(read(intake).problems()).extracting(Problem::path).containsExactlyInAnyOrder(
        "$.concerns[1].condition", "$.concerns[2].plannedUnits");
  }

  // ---- defaults of a valid intake --------------------------------------------------------

  @Nested
  class Defaults {
    @Test
    void given_concerns_without_ids_when_read_then_they_are_c1_c2_by_position() {
      ObjectNode intake = with(i -> {
        ArrayNode concerns = (ArrayNode) i.get("concerns");
        concerns.addObject().put("id", "brow").put("condition", "GLABELLAR_LINES");
        concerns.addObject().put("condition", "FOREHEAD_LINES");
      });

      assertThat(readValid(intake).concerns()).extracting(Concern::id)
          .containsExactly("c1", "brow", "c3");
    }

    @Test
    void given_no_assessment_date_when_read_then_the_default_date_argument_applies() {
      LocalDate other = LocalDate.of(2027, 3, 4);
      IntakeReader.Result result = READER.read(VALID, other);

      assertThat(result.problems()).isEmpty();
      assertThat(result.intake().assessmentDate()).isEqualTo(other);
    }

    @Test
    void given_an_assessment_date_when_read_then_it_wins_over_the_default() {
      Intake read = readValid(with(i -> i.put("assessmentDate", "2026-10-01")));

      assertThat(read.assessmentDate()).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void given_no_workflow_when_read_then_every_step_defaults_to_false() {
      assertThat(readValid(valid()).workflow()).isEqualTo(new Workflow(false, false, false));
    }

    @Test
    void given_an_empty_or_null_workflow_when_read_then_every_step_defaults_to_false() {
      assertThat(readValid(with(i -> i.putObject("workflow"))).workflow())
          .isEqualTo(new Workflow(false, false, false));
      assertThat(readValid(with(i -> i.putNull("workflow"))).workflow())
          .isEqualTo(new Workflow(false, false, false));
    }

    @Test
    void given_a_partial_workflow_when_read_then_the_missing_steps_are_false() {
      Intake read = readValid(with(i -> i.putObject("workflow")
          .put("diagnosisConfirmed", true)));

      assertThat(read.workflow()).isEqualTo(new Workflow(false, true, false));
    }

    @Test
    void given_a_birth_date_and_no_age_when_read_then_the_age_is_computed_on_the_assessment_date() {
      ObjectNode intake = with(i -> {
        patient(i).remove("ageYears");
        patient(i).put("birthDate", "1985-11-28");
      });

      Intake read = readValid(intake);

      assertThat(read.patient().ageYears()).isEqualTo(40);
      assertThat(READER.read(intake.toString(), LocalDate.of(2026, 11, 28))
          .intake().patient().ageYears()).isEqualTo(41);
    }

    @Test
    void given_a_birth_date_on_the_assessment_date_when_read_then_the_age_is_zero() {
      ObjectNode intake = with(i -> {
        patient(i).remove("ageYears");
        patient(i).put("birthDate", "2026-11-27");
      });

      assertThat(readValid(intake).patient().ageYears()).isZero();
    }

    @Test
    void given_only_icd10_when_read_then_the_condition_is_resolved_from_it() {
      ObjectNode intake = with(i -> {
        ArrayNode concerns = i.putArray("concerns");
        concerns.addObject().put("icd10", "G24.3");
        concerns.addObject().put("icd10", "N3281");
        concerns.addObject().put("icd10", "L74.510");
      });

      assertThat(readValid(intake).concerns()).extracting(Concern::condition).containsExactly(
          ConditionCode.CERVICAL_DYSTONIA, ConditionCode.OVERACTIVE_BLADDER,
          ConditionCode.AXILLARY_HYPERHIDROSIS);
    }

    @Test
    void given_no_sex_when_read_then_it_is_unknown_and_pregnancy_is_not_known() {
      ObjectNode intake = with(i -> patient(i).remove("sex"));

      Intake read = readValid(intake);

      assertThat(read.patient().sex()).isEqualTo(Sex.UNKNOWN);
      assertThat(read.patient().pregnant()).isNull();
      assertThat(read.patient().breastfeeding()).isNull();
    }

    @Test
    void given_a_treatment_with_only_a_date_when_read_then_product_and_response_default() {
      ObjectNode intake = with(i -> i.putArray("treatmentHistory").addObject()
          .put("date", "2026-06-02"));

      TreatmentRecord t = readValid(intake).treatmentHistory().get(0);

      assertThat(t.product()).isEqualTo(Product.ONABOTULINUMTOXINA);
      assertThat(t.response()).isEqualTo(Response.UNKNOWN);
      assertThat(t.adverseReactions()).isEmpty();
      assertThat(t.units()).isNull();
      assertThat(t.condition()).isNull();
    }

    @Test
    void given_no_treatment_history_when_read_then_it_is_empty() {
      assertThat(readValid(with(i -> i.remove("treatmentHistory"))).treatmentHistory())
          .isEmpty();
    }

    @Test
    void given_a_concern_without_sites_or_planned_units_when_read_then_they_stay_unset() {
      Concern c = readValid(with(i -> concern(i, 0).remove("plannedUnits"))).concerns().get(0);

      assertThat(c.sites()).isEmpty();
      assertThat(c.plannedUnits()).isNull();
      assertThat(c.secondaryCauseExcluded()).isNull();
    }

    @Test
    void given_every_field_set_when_read_then_every_value_is_kept() {
      ObjectNode intake = with(i -> {
        i.put("assessmentDate", "2026-11-27");
        patient(i).put("pregnant", false).put("breastfeeding", true);
        concern(i, 0).put("id", "head").putArray("sites").add("FOREHEAD").add("TEMPLE");
        concern(i, 0).put("secondaryCauseExcluded", true);
        treatment(i, 0).put("product", "INCOBOTULINUMTOXINA").putArray("adverseReactions")
            .add("EYELID_PTOSIS");
        i.putObject("workflow").put("medicalExaminationCompleted", true)
            .put("diagnosisConfirmed", true).put("prescriptionIssued", true);
      });

      Intake read = readValid(intake);

      assertThat(read.patient().breastfeeding()).isTrue();
      assertThat(read.patient().pregnant()).isFalse();
      Concern c = read.concerns().get(0);
      assertThat(c.id()).isEqualTo("head");
      assertThat(c.sites()).containsExactly(Site.FOREHEAD, Site.TEMPLE);
      assertThat(c.headacheDaysPerMonth()).isEqualTo(18);
      assertThat(c.migraineDaysPerMonth()).isEqualTo(10);
      assertThat(c.headacheHoursPerDay()).isEqualTo(6.0);
      assertThat(c.monthsWithSymptoms()).isEqualTo(14);
      assertThat(c.priorTherapiesFailed()).isEqualTo(2);
      assertThat(c.plannedUnits()).isEqualTo(155);
      assertThat(c.secondaryCauseExcluded()).isTrue();
      TreatmentRecord t = read.treatmentHistory().get(0);
      assertThat(t.product()).isEqualTo(Product.INCOBOTULINUMTOXINA);
      assertThat(t.response()).isEqualTo(Response.GOOD);
      assertThat(t.adverseReactions()).containsExactly(AdverseReaction.EYELID_PTOSIS);
      assertThat(t.units()).isEqualTo(155);
      assertThat(read.workflow()).isEqualTo(new Workflow(true, true, true));
    }
  }

  // ---- robustness ------------------------------------------------------------------------

  @Test
  void given_the_same_bytes_twice_when_read_then_the_problems_are_the_same() {
    ObjectNode intake = with(i -> {
      patient(i).put("pregant", true);
      concern(i, 0).put("headacheDaysPerMonth", 45);
    });

    assertThat(read(intake).problems()).isEqualTo(read(intake).problems());
  }

  @Test
  void given_garbage_bytes_when_read_then_a_problem_not_an_exception() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b = 0; b < 256; b++) {
      bytes.write(b);
    }

    IntakeReader.Result result = READER.read(bytes.toByteArray(), DATE);

    assertThat(result.valid()).isFalse();
    assertThat(result.intake()).isNull();
    assertThat(result.problems()).isNotEmpty();
  }
}
