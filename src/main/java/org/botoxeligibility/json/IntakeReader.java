package org.botoxeligibility.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.botoxeligibility.engine.IntakeValidator;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.assessment.Problem;

/**
 * Reads an intake strictly (docs/contract.md §1): every problem is collected, each with its JSON
 * path, and nothing is returned for evaluation unless there are none. Malformed JSON, duplicate
 * keys, trailing content, unknown fields, wrong types, unknown codes and out-of-range values are
 * all problems. Limits protect the process: {@link #MAX_BYTES}, {@link #MAX_DEPTH}, {@link
 * #MAX_STRING}. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * IntakeReader reader = new IntakeReader(engine.validator());
 * IntakeReader.Result read = reader.read(jsonBytes, LocalDate.now());
 * if (read.valid()) {
 *   Assessment assessment = engine.evaluate(read.intake());
 * }
 * }</pre>
 */
public final class IntakeReader {
  /** The largest intake accepted, in bytes of UTF-8. */
  public static final int MAX_BYTES = 1 << 20;
  /** The deepest nesting of arrays and objects accepted. */
  public static final int MAX_DEPTH = 32;
  /** The longest string (value or field name) accepted, in characters. */
  public static final int MAX_STRING = 10_000;

  private final ObjectReader reader;
  private final IntakeValidator validator;

  /**
   * A reader that applies a validator's value rules after its own checks of types, codes and
   * fields.
   *
   * @param validator the engine's validator ({@code engine.validator()}), so that the reader
   *     refuses exactly what the engine would
   * @throws NullPointerException when {@code validator} is null
   */
  public IntakeReader(IntakeValidator validator) {
    this.validator = java.util.Objects.requireNonNull(validator, "validator must not be null");
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING)
            .maxNameLength(MAX_STRING)
            .maxNumberLength(100)
            .maxDocumentLength(MAX_BYTES)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    ObjectMapper mapper = new ObjectMapper(factory);
    // keep numbers as written, so that a problem quotes 41.0 as 41.0
    mapper.setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    this.reader = mapper.reader()
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /**
   * The outcome of reading one intake: problems, or a valid intake with its defaults resolved.
   *
   * @param problems every problem, each with its JSON path; empty when the intake is valid
   * @param intake the valid intake with its defaults resolved (assessment date, concern ids, age,
   *     condition from ICD-10-CM); null when there are problems
   */
  public record Result(List<Problem> problems, Intake intake) {
    /**
     * Whether the intake is valid.
     *
     * @return true when there is no problem
     */
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /**
   * Reads one intake from UTF-8 bytes.
   *
   * @param json the intake's JSON, at most {@link #MAX_BYTES}
   * @param defaultDate the assessment date when the intake gives none (the command's
   *     {@code --date}, or today)
   * @return the problems, or the valid intake
   * @throws NullPointerException when an argument is null, even when the intake gives its date
   */
  public Result read(byte[] json, LocalDate defaultDate) {
    java.util.Objects.requireNonNull(json, "json must not be null");
    java.util.Objects.requireNonNull(defaultDate, "defaultDate must not be null");
    if (json.length > MAX_BYTES) {
      return invalid(new Problem("$", "the intake is larger than the limit of " + MAX_BYTES
          + " bytes (1 MiB)"));
    }
    JsonNode tree;
    try {
      tree = reader.readTree(json);
    } catch (JsonProcessingException e) {
      return invalid(syntaxProblem(e));
    } catch (IOException e) {
      return invalid(new Problem("$", "cannot be read: " + e.getMessage()));
    }
    return read(tree, defaultDate);
  }

  /**
   * Reads one intake from text (one NDJSON line, for example).
   *
   * @param json the intake's JSON
   * @param defaultDate the assessment date when the intake gives none
   * @return the problems, or the valid intake
   * @throws NullPointerException when an argument is null
   */
  public Result read(String json, LocalDate defaultDate) {
    java.util.Objects.requireNonNull(json, "json must not be null");
    return read(json.getBytes(StandardCharsets.UTF_8), defaultDate);
  }

  private Result read(JsonNode tree, LocalDate defaultDate) {
    if (tree == null || tree.isMissingNode()) {
      return invalid(new Problem("$", "is empty; expected an intake object"));
    }
    if (!tree.isObject()) {
      return invalid(new Problem("$", "must be an intake object, was "
          + TreeToIntake.describe(tree)));
    }
    TreeToIntake conversion = new TreeToIntake();
    Intake intake = conversion.intake(tree);
    List<Problem> problems = new ArrayList<>(conversion.problems());
    if (intake == null) {
      return new Result(List.copyOf(problems), null);
    }
    IntakeValidator.Result validation = validator.validate(intake, defaultDate);
    for (Problem p : validation.problems()) {
      if (!coveredBy(p, problems)) {
        problems.add(p);
      }
    }
    if (!problems.isEmpty()) {
      return new Result(List.copyOf(problems), null);
    }
    return new Result(List.of(), validation.intake());
  }

  /** A value problem at a path that already has a type problem (or under it) says nothing new. */
  private static boolean coveredBy(Problem p, List<Problem> earlier) {
    for (Problem e : earlier) {
      String at = e.path();
      if (p.path().equals(at) || p.path().startsWith(at + ".") || p.path().startsWith(at + "[")) {
        return true;
      }
    }
    return false;
  }

  private static Result invalid(Problem problem) {
    return new Result(List.of(problem), null);
  }

  private static Problem syntaxProblem(JsonProcessingException e) {
    String path = "$";
    if (e.getProcessor() instanceof JsonParser parser) {
      path = pathOf(parser.getParsingContext());
    }
    String what = String.valueOf(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      what = limit(what);
    } else if (what.startsWith("Trailing token")) {
      what = "has content after the intake object; one intake is one JSON object";
    } else if (what.startsWith("Duplicate field")) {
      what = "duplicate key " + what.substring("Duplicate field".length()).trim()
          + ": a field may appear only once";
    } else {
      what = "is not valid JSON: " + what;
    }
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      what += " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")";
    }
    return new Problem(path, firstLine(what));
  }

  /** A limit of the reader, in words, without the parser's internals. */
  private static String limit(String message) {
    if (message.contains("nesting depth")) {
      return "exceeds the nesting depth limit: arrays and objects nest deeper than " + MAX_DEPTH
          + " levels";
    }
    if (message.contains("Name length")) {
      return "exceeds the length limit: a field name is longer than " + MAX_STRING
          + " characters";
    }
    if (message.contains("String value length")) {
      return "exceeds the length limit: a string is longer than " + MAX_STRING + " characters";
    }
    if (message.contains("Number value length")) {
      return "exceeds the length limit: a number is longer than 100 digits";
    }
    if (message.contains("Document length")) {
      return "the intake is larger than the limit of " + MAX_BYTES + " bytes (1 MiB)";
    }
    return "exceeds a limit of the reader";
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The JSONPath of a parser position: "$.concerns[1].id". */
  static String pathOf(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.inObject() && c.getCurrentName() != null) {
        parts.add("." + c.getCurrentName());
      }
    }
    StringBuilder sb = new StringBuilder("$");
    for (int i = parts.size() - 1; i >= 0; i--) {
      sb.append(parts.get(i));
    }
    return sb.toString();
  }
}
