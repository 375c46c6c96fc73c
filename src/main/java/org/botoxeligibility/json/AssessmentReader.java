package org.botoxeligibility.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Category;
import org.botoxeligibility.assessment.Effect;
import org.botoxeligibility.assessment.Evidence;
import org.botoxeligibility.assessment.Insurance;
import org.botoxeligibility.assessment.InvalidAssessmentException;
import org.botoxeligibility.assessment.LabelStatus;
import org.botoxeligibility.assessment.Mechanism;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.assessment.Range;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.assessment.Requirement;
import org.botoxeligibility.intake.ConditionCode;

/**
 * Reads assessment JSON (docs/contract.md §2, as {@link AssessmentWriter} writes it, one object
 * or one NDJSON line) back into records, for an application that stores assessments or receives
 * them from the command line or a service. Strict: an unknown field, a wrong type or an unknown
 * code is a problem, and so is a broken invariant of the contract (a decision that is not the
 * most restrictive effect among the reasons, a {@code readyToBook} or an earliest treatment date
 * that does not follow from it, an implausible date, a text holding a control or bidirectional
 * character), so that a tampered or corrupted record does not read as valid; every problem is
 * listed. Reading what the writer wrote gives an equal assessment. Assessments larger than 16 MiB
 * are refused. Thread-safe; build one and share it.
 */
public final class AssessmentReader {
  private static final int MAX_BYTES = 16 << 20;
  private final ObjectMapper mapper = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** A reader; it holds no state of its own between reads. */
  public AssessmentReader() {}

  /**
   * Reads one assessment.
   *
   * @param json UTF-8 JSON of one assessment
   * @return the assessment
   * @throws NullPointerException when {@code json} is null
   * @throws InvalidAssessmentException listing every problem, with its JSON path
   */
  public Assessment read(byte[] json) {
    Objects.requireNonNull(json, "json must not be null");
    if (json.length > MAX_BYTES) {
      throw new InvalidAssessmentException(List.of(new Problem("$",
          "the assessment is larger than " + MAX_BYTES + " bytes")));
    }
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidAssessmentException(List.of(new Problem("$",
          "is not valid JSON: " + e.getOriginalMessage())));
    } catch (IOException e) {
      throw new InvalidAssessmentException(List.of(new Problem("$", "cannot be read")));
    }
    Walk w = new Walk();
    Assessment a = w.assessment(root);
    if (w.problems.isEmpty()) {
      AssessmentChecks.check(a, w.problems);
    }
    if (!w.problems.isEmpty()) {
      throw new InvalidAssessmentException(w.problems);
    }
    return a;
  }

  /**
   * Reads one assessment from text.
   *
   * @param json the JSON text
   * @return the assessment
   * @throws NullPointerException when {@code json} is null
   * @throws InvalidAssessmentException listing every problem
   */
  public Assessment read(String json) {
    return read(Objects.requireNonNull(json, "json must not be null")
        .getBytes(StandardCharsets.UTF_8));
  }

  private static final class Walk {
    final List<Problem> problems = new ArrayList<>();

    Assessment assessment(JsonNode n) {
      if (!object(n, "$", Set.of("intakeId", "assessmentDate", "knowledgeBaseVersion",
          "recommendations", "firedRules"))) {
        return null;
      }
      return new Assessment(
          text(n, "$", "intakeId", true),
          date(n, "$", "assessmentDate", true),
          text(n, "$", "knowledgeBaseVersion", true),
          list(n, "$", "recommendations", true, this::recommendation),
          list(n, "$", "firedRules", true, (e, at) -> string(e, at)));
    }

    Recommendation recommendation(JsonNode n, String at) {
      if (!object(n, at, Set.of("concernId", "condition", "conditionName", "category",
          "mechanisms", "labelStatus", "decision", "readyToBook", "outstandingRequirements",
          "insurance", "plannedUnits", "earliestTreatmentDate", "expectedOnsetDays",
          "fullEffectDays", "expectedDurationMonths", "maintenanceIntervalWeeks", "sideEffects",
          "reasons"))) {
        return null;
      }
      return new Recommendation(
          text(n, at, "concernId", true),
          code(n, at, "condition", ConditionCode.class, true),
          text(n, at, "conditionName", true),
          code(n, at, "category", Category.class, true),
          list(n, at, "mechanisms", true, (e, p) -> code(e, p, Mechanism.class)),
          code(n, at, "labelStatus", LabelStatus.class, true),
          code(n, at, "decision", Effect.class, true),
          bool(n, at, "readyToBook"),
          list(n, at, "outstandingRequirements", true, (e, p) -> code(e, p, Requirement.class)),
          code(n, at, "insurance", Insurance.class, true),
          integer(n, at, "plannedUnits"),
          date(n, at, "earliestTreatmentDate", false),
          range(n, at, "expectedOnsetDays"),
          integer(n, at, "fullEffectDays"),
          range(n, at, "expectedDurationMonths"),
          integer(n, at, "maintenanceIntervalWeeks"),
          list(n, at, "sideEffects", true, (e, p) -> string(e, p)),
          list(n, at, "reasons", true, this::reason));
    }

    Reason reason(JsonNode n, String at) {
      if (!object(n, at, Set.of("code", "effect", "message", "source", "rule",
          "deferredUntil", "evidence"))) {
        return null;
      }
      return new Reason(
          text(n, at, "code", true),
          code(n, at, "effect", Effect.class, true),
          text(n, at, "message", true),
          text(n, at, "source", true),
          text(n, at, "rule", true),
          date(n, at, "deferredUntil", false),
          list(n, at, "evidence", false, this::evidence));
    }

    Evidence evidence(JsonNode n, String at) {
      if (!object(n, at, Set.of("path", "resource"))) {
        return null;
      }
      String path = text(n, at, "path", true);
      if (path != null && !path.isEmpty() && !path.startsWith("/")) {
        problems.add(new Problem(at + ".path", "must be a JSON Pointer starting with /"));
        return null;
      }
      return path == null ? null : new Evidence(path, text(n, at, "resource", false));
    }

    Range range(JsonNode parent, String at, String name) {
      JsonNode n = parent.get(name);
      if (n == null || n.isNull()) {
        return null;
      }
      String p = at + "." + name;
      if (!object(n, p, Set.of("min", "max"))) {
        return null;
      }
      Integer min = integer(n, p, "min");
      Integer max = integer(n, p, "max");
      if (min == null || max == null || min > max) {
        problems.add(new Problem(p, "must hold min and max, min not above max"));
        return null;
      }
      return new Range(min, max);
    }

    boolean object(JsonNode n, String at, Set<String> fields) {
      if (n == null || !n.isObject()) {
        problems.add(new Problem(at, "must be an object"));
        return false;
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!fields.contains(f)) {
          problems.add(new Problem(at + "." + f, "is not a field of an assessment"));
        }
      }
      return true;
    }

    String text(JsonNode n, String at, String name, boolean required) {
      JsonNode v = n.get(name);
      if (v == null || v.isNull()) {
        if (required) {
          problems.add(new Problem(at + "." + name, "is required"));
        }
        return null;
      }
      return string(v, at + "." + name);
    }

    String string(JsonNode v, String at) {
      if (!v.isTextual()) {
        problems.add(new Problem(at, "must be a string"));
        return null;
      }
      return v.textValue();
    }

    Integer integer(JsonNode n, String at, String name) {
      JsonNode v = n.get(name);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        problems.add(new Problem(at + "." + name, "must be a whole number"));
        return null;
      }
      return v.intValue();
    }

    boolean bool(JsonNode n, String at, String name) {
      JsonNode v = n.get(name);
      if (v == null || !v.isBoolean()) {
        problems.add(new Problem(at + "." + name, "must be true or false"));
        return false;
      }
      return v.booleanValue();
    }

    LocalDate date(JsonNode n, String at, String name, boolean required) {
      String s = text(n, at, name, required);
      if (s == null) {
        return null;
      }
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        problems.add(new Problem(at + "." + name, "must be a date written YYYY-MM-DD"));
        return null;
      }
    }

    <E extends Enum<E>> E code(JsonNode n, String at, String name, Class<E> type,
        boolean required) {
      JsonNode v = n.get(name);
      if (v == null || v.isNull()) {
        if (required) {
          problems.add(new Problem(at + "." + name, "is required"));
        }
        return null;
      }
      return code(v, at + "." + name, type);
    }

    <E extends Enum<E>> E code(JsonNode v, String at, Class<E> type) {
      String s = string(v, at);
      if (s == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, s);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(at, "is not a known " + type.getSimpleName() + " code"));
        return null;
      }
    }

    <T> List<T> list(JsonNode n, String at, String name, boolean required,
        java.util.function.BiFunction<JsonNode, String, T> element) {
      JsonNode v = n.get(name);
      String p = at + "." + name;
      if (v == null || v.isNull()) {
        if (required) {
          problems.add(new Problem(p, "is required"));
        }
        return List.of();
      }
      if (!v.isArray()) {
        problems.add(new Problem(p, "must be an array"));
        return List.of();
      }
      List<T> out = new ArrayList<>(v.size());
      for (int i = 0; i < v.size(); i++) {
        T t = element.apply(v.get(i), p + "[" + i + "]");
        if (t != null) {
          out.add(t);
        }
      }
      return out;
    }
  }
}
