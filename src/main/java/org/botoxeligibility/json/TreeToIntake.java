package org.botoxeligibility.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.botoxeligibility.engine.IntakeValidator;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.DrugClass;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.MedicalHistory;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Sex;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.intake.Workflow;

/**
 * Turns a JSON tree into intake records, checking structure: objects where objects belong, no
 * unknown fields, the right JSON type for every value, known codes, and the array limits. A field
 * at fault becomes null in the records and its problem is recorded; value rules (ranges, required
 * fields, cross-field rules) are the validator's. Not thread-safe: one per read.
 */
final class TreeToIntake {
  /** Limits on list lengths (the validator's): far above any real intake, low enough to keep rules linear. */
  static final int MAX_SITES = IntakeValidator.MAX_SITES;
  static final int MAX_HISTORY_ITEMS = IntakeValidator.MAX_HISTORY_ITEMS;
  static final int MAX_TREATMENTS = IntakeValidator.MAX_TREATMENTS;
  static final int MAX_REACTIONS = IntakeValidator.MAX_REACTIONS;

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final List<Problem> problems = new ArrayList<>();
  /**
   * When true (the reader), a list over its limit is refused here, before its items are read; the
   * validator refuses it again with the same words. When false, every item is converted and the
   * limit is left to the validator alone (tests use it to compare the two ways in).
   */
  private final boolean limits;

  TreeToIntake() {
    this(true);
  }

  TreeToIntake(boolean limits) {
    this.limits = limits;
  }

  List<Problem> problems() {
    return problems;
  }

  Intake intake(JsonNode root) {
    Obj o = object(root, "$", "intake",
        "intakeId", "assessmentDate", "patient", "concerns", "medicalHistory",
        "treatmentHistory", "workflow");
    if (o == null) {
      return null;
    }
    return new Intake(
        o.string("intakeId"),
        o.date("assessmentDate"),
        patient(o.field("patient"), "$.patient"),
        o.array("concerns", IntakeValidator.MAX_CONCERNS, this::concern),
        medicalHistory(o.field("medicalHistory"), "$.medicalHistory"),
        o.array("treatmentHistory", MAX_TREATMENTS, this::treatment),
        workflow(o.field("workflow"), "$.workflow"));
  }

  private Patient patient(JsonNode node, String path) {
    Obj o = object(node, path, "patient",
        "ageYears", "birthDate", "sex", "pregnant", "breastfeeding", "weightKg");
    if (o == null) {
      return null;
    }
    return new Patient(
        o.integer("ageYears"),
        o.date("birthDate"),
        o.code("sex", Sex.class),
        o.bool("pregnant"),
        o.bool("breastfeeding"),
        o.number("weightKg"));
  }

  private Concern concern(JsonNode node, String path) {
    Obj o = object(node, path, "concern",
        "id", "condition", "icd10", "sites", "headacheDaysPerMonth", "migraineDaysPerMonth",
        "headacheHoursPerDay", "monthsWithSymptoms", "priorTherapiesFailed",
        "secondaryCauseExcluded", "plannedUnits", "postVoidResidualMl",
        "cleanIntermittentCatheterization", "utiExcludedOn");
    if (o == null) {
      return null;
    }
    return new Concern(
        o.string("id"),
        o.code("condition", ConditionCode.class),
        o.string("icd10"),
        o.codes("sites", Site.class, MAX_SITES),
        o.integer("headacheDaysPerMonth"),
        o.integer("migraineDaysPerMonth"),
        o.number("headacheHoursPerDay"),
        o.integer("monthsWithSymptoms"),
        o.integer("priorTherapiesFailed"),
        o.bool("secondaryCauseExcluded"),
        o.integer("plannedUnits"),
        o.number("postVoidResidualMl"),
        o.bool("cleanIntermittentCatheterization"),
        o.date("utiExcludedOn"));
  }

  private MedicalHistory medicalHistory(JsonNode node, String path) {
    Obj o = object(node, path, "medicalHistory",
        "conditions", "allergies", "medications", "infectionSites");
    if (o == null) {
      return null;
    }
    return new MedicalHistory(
        o.codes("conditions", Comorbidity.class, MAX_HISTORY_ITEMS),
        o.codes("allergies", Allergy.class, MAX_HISTORY_ITEMS),
        o.array("medications", MAX_HISTORY_ITEMS, this::medication),
        o.codes("infectionSites", Site.class, MAX_HISTORY_ITEMS));
  }

  private Medication medication(JsonNode node, String path) {
    Obj o = object(node, path, "medication", "name", "drugClass");
    if (o == null) {
      return null;
    }
    String name = o.string("name");
    DrugClass drugClass = o.code("drugClass", DrugClass.class);
    if (o.hasProblems()) {
      // Its problems are already listed; a placeholder keeps the validator from adding
      // "needs a name" about a field that was present but wrong. Never evaluated.
      return new Medication("(invalid)", null);
    }
    return new Medication(name, drugClass);
  }

  private TreatmentRecord treatment(JsonNode node, String path) {
    Obj o = object(node, path, "treatment",
        "date", "condition", "product", "units", "response", "adverseReactions");
    if (o == null) {
      return null;
    }
    return new TreatmentRecord(
        o.date("date"),
        o.code("condition", ConditionCode.class),
        o.code("product", Product.class),
        o.integer("units"),
        o.code("response", Response.class),
        o.codes("adverseReactions", AdverseReaction.class, MAX_REACTIONS));
  }

  private Workflow workflow(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    Obj o = object(node, path, "workflow",
        "medicalExaminationCompleted", "diagnosisConfirmed", "prescriptionIssued");
    if (o == null) {
      return null;
    }
    return new Workflow(
        Boolean.TRUE.equals(o.bool("medicalExaminationCompleted")),
        Boolean.TRUE.equals(o.bool("diagnosisConfirmed")),
        Boolean.TRUE.equals(o.bool("prescriptionIssued")));
  }

  // ---- structure -------------------------------------------------------------------------

  private void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }

  /** Checks that a node is an object with only known fields; null (and a problem) otherwise. */
  private Obj object(JsonNode node, String path, String what, String... fields) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problem(path, "must be " + (what.matches("[aeiou].*") ? "an " : "a ") + what
          + " object, was " + describe(node));
      return null;
    }
    Set<String> known = new LinkedHashSet<>(Arrays.asList(fields));
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        String suggestion = closest(name, known);
        problem(path + "." + name, "is not a field of " + what
            + (suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)")
            + "; unknown fields are refused so that a misspelt field is never read as absent");
      }
    }
    return new Obj(node, path);
  }

  static String describe(JsonNode node) {
    if (node.isTextual()) {
      String t = node.textValue();
      return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
    }
    if (node.isNumber()) {
      return "the number " + node.asText();
    }
    if (node.isBoolean()) {
      return node.asText();
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    return node.isNull() ? "null" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** The known field within edit distance 2 of a misspelt one, if there is exactly one best. */
  private static String closest(String name, Set<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(name.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return 3;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Typed access to the fields of one object; each accessor records its own problems. */
  private final class Obj {
    private final JsonNode node;
    private final String path;
    private final int problemsBefore;

    Obj(JsonNode node, String path) {
      this.node = node;
      this.path = path;
      this.problemsBefore = problems.size();
    }

    boolean hasProblems() {
      return problems.size() > problemsBefore;
    }

    JsonNode field(String name) {
      return node.get(name);
    }

    private String at(String name) {
      return path + "." + name;
    }

    /** The value, or null when absent or JSON null. */
    private JsonNode value(String name) {
      JsonNode v = node.get(name);
      return v == null || v.isNull() ? null : v;
    }

    String string(String name) {
      JsonNode v = value(name);
      if (v == null) {
        return null;
      }
      if (!v.isTextual()) {
        problem(at(name), "must be a string, was " + describe(v));
        return null;
      }
      return v.textValue();
    }

    Integer integer(String name) {
      JsonNode v = value(name);
      if (v == null) {
        return null;
      }
      if (!v.isIntegralNumber()) {
        problem(at(name), "must be a whole number, was " + describe(v));
        return null;
      }
      if (!v.canConvertToInt()) {
        problem(at(name), "must be a whole number in range, was " + v.asText());
        return null;
      }
      return v.intValue();
    }

    Double number(String name) {
      JsonNode v = value(name);
      if (v == null) {
        return null;
      }
      if (!v.isNumber()) {
        problem(at(name), "must be a number, was " + describe(v));
        return null;
      }
      double d = v.doubleValue();
      if (Double.isInfinite(d) || Double.isNaN(d)) {
        problem(at(name), "must be a number in range, was " + v.asText());
        return null;
      }
      return d;
    }

    Boolean bool(String name) {
      JsonNode v = value(name);
      if (v == null) {
        return null;
      }
      if (!v.isBoolean()) {
        problem(at(name), "must be true or false, was " + describe(v));
        return null;
      }
      return v.booleanValue();
    }

    LocalDate date(String name) {
      JsonNode v = value(name);
      if (v == null) {
        return null;
      }
      if (!v.isTextual() || !DATE.matcher(v.textValue()).matches()) {
        problem(at(name), "must be a date written YYYY-MM-DD, was " + describe(v));
        return null;
      }
      try {
        return LocalDate.parse(v.textValue());
      } catch (DateTimeParseException e) {
        problem(at(name), "is not a calendar date, was " + describe(v));
        return null;
      }
    }

    <E extends Enum<E>> E code(String name, Class<E> type) {
      return toCode(value(name), at(name), type);
    }

    private <E extends Enum<E>> E toCode(JsonNode v, String where, Class<E> type) {
      if (v == null) {
        return null;
      }
      if (!v.isTextual()) {
        problem(where, "must be a code (a string), was " + describe(v));
        return null;
      }
      try {
        return Enum.valueOf(type, v.textValue());
      } catch (IllegalArgumentException e) {
        problem(where, "is not a known " + Codes.noun(type) + " code, was " + describe(v)
            + "; known codes: " + Codes.list(type));
        return null;
      }
    }

    <E extends Enum<E>> List<E> codes(String name, Class<E> type, int max) {
      return array(name, max, (item, where) -> toCode(item, where, type));
    }

    /**
     * The elements of an array field, each converted; absent or null gives null (the records
     * read null as empty where the list is optional, and the validator refuses it where required).
     */
    <T> List<T> array(String name, int max, BiFunction<JsonNode, String, T> element) {
      JsonNode v = value(name);
      if (v == null) {
        return null;
      }
      if (!v.isArray()) {
        problem(at(name), "must be an array, was " + describe(v));
        return List.of();
      }
      if (limits && v.size() > max) {
        problem(at(name), IntakeValidator.tooMany(max, v.size()));
        return List.of();
      }
      List<T> out = new ArrayList<>(v.size());
      for (int i = 0; i < v.size(); i++) {
        String where = at(name) + "[" + i + "]";
        JsonNode item = v.get(i);
        out.add(element.apply(item, where));
      }
      return out;
    }
  }
}
