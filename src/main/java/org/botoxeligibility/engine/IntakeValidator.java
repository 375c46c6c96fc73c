package org.botoxeligibility.engine;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.MedicalHistory;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.intake.Workflow;
import org.botoxeligibility.knowledge.Catalog;

/**
 * The value rules of docs/contract.md §1 over intake records: required fields, list limits,
 * ranges, cross-field rules, unique concern ids, plausible dates, ICD-10-CM codes. It also
 * resolves defaults (assessment date, concern ids, age from birth date, condition from ICD-10-CM,
 * the workflow). The JSON reader checks types, codes and unknown fields first and then hands its
 * records here, so that an intake built in code and one read from JSON meet exactly the same
 * rules, with the same paths and words. Immutable and thread-safe.
 */
public final class IntakeValidator {
  /** The most concerns an intake may list. */
  public static final int MAX_CONCERNS = 20;
  /** The most sites a concern may list. */
  public static final int MAX_SITES = 25;
  /** The most items each medical-history list may hold. */
  public static final int MAX_HISTORY_ITEMS = 100;
  /** The most past treatments an intake may list. */
  public static final int MAX_TREATMENTS = 200;
  /** The most adverse reactions a past treatment may list. */
  public static final int MAX_REACTIONS = 20;
  /** The longest concern id, in characters. */
  public static final int MAX_ID_LENGTH = 64;
  /** The longest medication name, in characters. */
  public static final int MAX_NAME_LENGTH = 200;
  /** The earliest plausible date in an intake: assessment, birth and treatment dates. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
  /**
   * The latest plausible assessment date (birth and treatment dates may not be after the
   * assessment date).
   */
  public static final LocalDate LATEST_ASSESSMENT_DATE = LocalDate.of(2199, 12, 31);
  /**
   * The lightest plausible weight, in kg. The lightest newborns known to have survived weighed
   * about 0.21 kg, so no patient weighs less: a smaller value is a slip (grams or pounds in the
   * wrong field, a lost digit), and dose limits per kilogram computed from it would mean nothing.
   */
  public static final double MIN_WEIGHT_KG = 0.2;
  /** The heaviest plausible weight, in kg. */
  public static final double MAX_WEIGHT_KG = 400;
  private static final Pattern INTAKE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  /** An ICD-10-CM code: a letter, a digit, a character, then up to four more, the dot optional. */
  private static final Pattern ICD10 =
      Pattern.compile("[A-Za-z][0-9][0-9A-Za-z](\\.?[0-9A-Za-z]{1,4})?");

  private final Catalog catalog;

  /**
   * A validator over a catalog (for the ICD-10-CM mapping and the aliases).
   *
   * @param catalog the catalog of the knowledge base
   * @throws NullPointerException when {@code catalog} is null
   */
  public IntakeValidator(Catalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
  }

  /**
   * The problem sentence of a list over its limit, the same for JSON and for code.
   *
   * @param max the limit
   * @param size the list's size
   * @return "must have at most MAX items, was SIZE"
   */
  public static String tooMany(int max, int size) {
    return "must have at most " + max + " items, was " + size;
  }

  /**
   * The outcome of a validation.
   *
   * @param problems every problem, each with its JSON path; empty when the intake is valid
   * @param intake when valid, the intake with its defaults resolved (the same instance when there
   *     was nothing to resolve); null when not valid
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
   * Validates an intake, collecting every problem.
   *
   * @param intake the intake
   * @param defaultDate the assessment date when the intake gives none
   * @return the problems, or the valid intake with its defaults resolved
   * @throws NullPointerException when an argument is null
   */
  public Result validate(Intake intake, LocalDate defaultDate) {
    Objects.requireNonNull(intake, "intake must not be null");
    Objects.requireNonNull(defaultDate, "defaultDate must not be null");
    Run run = new Run();
    LocalDate date = intake.assessmentDate() != null ? intake.assessmentDate() : defaultDate;
    if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_ASSESSMENT_DATE)) {
      run.add("$.assessmentDate", "must be a date from " + EARLIEST_DATE + " to "
          + LATEST_ASSESSMENT_DATE + ", was " + date);
      date = date.isBefore(EARLIEST_DATE) ? EARLIEST_DATE : LATEST_ASSESSMENT_DATE;
    }
    if (intake.intakeId() == null) {
      run.add("$.intakeId", "is required");
    } else if (!INTAKE_ID.matcher(intake.intakeId()).matches()) {
      run.add("$.intakeId", "must be 1 to 64 characters of A-Z a-z 0-9 . _ - (an opaque "
          + "reference, never a name), was " + quoteShort(intake.intakeId()));
    }
    Patient patient = validatePatient(run, intake.patient(), date);
    List<Concern> concerns = validateConcerns(run, intake.concerns(), date);
    validateHistory(run, intake.medicalHistory());
    validateTreatments(run, intake.treatmentHistory(), date);
    if (!run.problems.isEmpty()) {
      return new Result(List.copyOf(run.problems), null);
    }
    Workflow workflow = intake.workflow() != null ? intake.workflow() : Workflow.NOTHING_DONE;
    if (date.equals(intake.assessmentDate()) && patient == intake.patient()
        && workflow == intake.workflow() && sameElements(concerns, intake.concerns())) {
      return new Result(List.of(), intake);
    }
    return new Result(List.of(), new Intake(intake.intakeId(), date, patient, concerns,
        intake.medicalHistory(), intake.treatmentHistory(), workflow));
  }

  private Patient validatePatient(Run run, Patient p, LocalDate date) {
    if (p == null) {
      run.add("$.patient", "is required");
      return null;
    }
    Integer age = p.ageYears();
    if (age != null) {
      run.range("$.patient.ageYears", age, 0, 120);
    }
    if (p.birthDate() != null) {
      if (p.birthDate().isBefore(EARLIEST_DATE)) {
        run.add("$.patient.birthDate", "must not be before " + EARLIEST_DATE + ", was "
            + p.birthDate());
      } else if (p.birthDate().isAfter(date)) {
        run.add("$.patient.birthDate", "must not be after the assessment date " + date + ", was "
            + p.birthDate());
      } else {
        int fromBirth = Period.between(p.birthDate(), date).getYears();
        if (age != null && age != fromBirth) {
          run.add("$.patient.birthDate", "gives age " + fromBirth + " on " + date
              + ", but ageYears is " + age);
        }
        if (age == null) {
          age = fromBirth;
          run.range("$.patient.birthDate", age, 0, 120);
        }
      }
    } else if (age == null) {
      run.add("$.patient.ageYears", "is required (or give birthDate)");
    }
    if (p.weightKg() != null) {
      double w = p.weightKg();
      if (Double.isNaN(w) || w < MIN_WEIGHT_KG || w > MAX_WEIGHT_KG) {
        run.add("$.patient.weightKg", "must be at least " + MIN_WEIGHT_KG + " and at most "
            + num(MAX_WEIGHT_KG) + ", was " + num(w));
      }
    }
    return age != null && age.equals(p.ageYears()) ? p : p.withAgeYears(age);
  }

  private List<Concern> validateConcerns(Run run, List<Concern> concerns, LocalDate date) {
    if (concerns == null) {
      run.add("$.concerns", "is required (1 to " + MAX_CONCERNS + " concerns)");
      return List.of();
    }
    if (concerns.isEmpty()) {
      run.add("$.concerns", "must list 1 to " + MAX_CONCERNS + " concerns, was empty");
      return concerns;
    }
    if (concerns.size() > MAX_CONCERNS) {
      run.add("$.concerns", tooMany(MAX_CONCERNS, concerns.size()));
      return List.of();
    }
    List<Concern> resolved = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < concerns.size(); i++) {
      String at = "$.concerns[" + i + "]";
      Concern c = concerns.get(i);
      if (c == null) {
        run.add(at, "must be a concern, was null");
        continue;
      }
      String id = c.id();
      if (id != null && (id.isBlank() || id.length() > MAX_ID_LENGTH)) {
        run.add(at + ".id", "must be 1 to " + MAX_ID_LENGTH + " characters, not blank");
      } else if (id != null && !Problem.escape(id).equals(id)) {
        // an id is echoed in assessments, reports and logs: it must not forge a line or reorder
        // the text around it
        run.add(at + ".id", "must not hold control or bidirectional characters");
      }
      String effectiveId = id != null ? id : "c" + (i + 1);
      Integer earlier = ids.putIfAbsent(effectiveId, i);
      if (earlier != null) {
        run.add(at + ".id", (id == null ? "the default id " : "") + "\"" + effectiveId
            + "\" is already used by $.concerns[" + earlier + "]");
      }
      ConditionCode condition = c.condition();
      if (c.icd10() != null && !ICD10.matcher(c.icd10().trim()).matches()) {
        run.add(at + ".icd10", "is not written as an ICD-10-CM code (such as G43.709), was "
            + quoteShort(c.icd10()));
      } else if (c.icd10() != null) {
        Catalog.Icd10Match match = catalog.icd10(c.icd10());
        if (!match.found()) {
          run.add(at + ".icd10", match.problem() + ", was " + quoteShort(c.icd10()));
        } else if (condition == null) {
          condition = match.condition();
        } else if (!classifies(match.condition(), condition)) {
          run.add(at + ".icd10", quoteShort(c.icd10()) + " maps to " + match.condition()
              + ", which does not agree with condition " + condition);
        }
      } else if (condition == null) {
        run.add(at + ".condition", "is required (or give icd10)");
      }
      if (c.sites().size() > MAX_SITES) {
        run.add(at + ".sites", tooMany(MAX_SITES, c.sites().size()));
      } else {
        for (int s = 0; s < c.sites().size(); s++) {
          if (c.sites().get(s) == null) {
            run.add(at + ".sites[" + s + "]", "must be a site code, was null");
          }
        }
      }
      run.range(at + ".headacheDaysPerMonth", c.headacheDaysPerMonth(), 0, 31);
      run.range(at + ".migraineDaysPerMonth", c.migraineDaysPerMonth(), 0, 31);
      if (c.headacheHoursPerDay() != null) {
        double h = c.headacheHoursPerDay();
        if (Double.isNaN(h) || h < 0 || h > 24) {
          run.add(at + ".headacheHoursPerDay", "must be between 0 and 24, was " + num(h));
        }
      }
      if (c.headacheDaysPerMonth() != null && c.migraineDaysPerMonth() != null
          && c.migraineDaysPerMonth() > c.headacheDaysPerMonth()) {
        run.add(at + ".migraineDaysPerMonth", "must not be more than headacheDaysPerMonth ("
            + c.headacheDaysPerMonth() + "), was " + c.migraineDaysPerMonth());
      }
      run.range(at + ".monthsWithSymptoms", c.monthsWithSymptoms(), 0, 1200);
      run.range(at + ".priorTherapiesFailed", c.priorTherapiesFailed(), 0, 20);
      run.range(at + ".plannedUnits", c.plannedUnits(), 1, 600);
      if (c.postVoidResidualMl() != null) {
        double v = c.postVoidResidualMl();
        if (Double.isNaN(v) || v < 0 || v > 2000) {
          run.add(at + ".postVoidResidualMl", "must be between 0 and 2000, was " + num(v));
        }
      }
      if (c.utiExcludedOn() != null) {
        if (c.utiExcludedOn().isBefore(EARLIEST_DATE)) {
          run.add(at + ".utiExcludedOn", "must not be before " + EARLIEST_DATE + ", was "
              + c.utiExcludedOn());
        } else if (c.utiExcludedOn().isAfter(date)) {
          run.add(at + ".utiExcludedOn", "must not be after the assessment date " + date
              + ", was " + c.utiExcludedOn());
        }
      }
      resolved.add(effectiveId.equals(c.id()) && condition == c.condition() ? c
          : c.withId(effectiveId).withCondition(condition));
    }
    return resolved;
  }

  /**
   * True when {@code specific} is {@code general}, or one of the conditions the alias {@code
   * general} can be classified as. A condition agrees with its ICD-10-CM code when the code maps
   * to the same condition, or to an alias the condition classifies (CHRONIC_MIGRAINE with
   * G43.909, migraine unspecified): the condition refines the code. The reverse, an alias with a
   * specific code (MIGRAINE with G43.709), is a contradiction (the alias says "not classified
   * yet", the code says classified, and the concern's own facts may say otherwise), so it is a
   * problem, not a guess.
   */
  private boolean classifies(ConditionCode general, ConditionCode specific) {
    return catalog.entry(general).isOrClassifiesAs(specific);
  }

  private void validateHistory(Run run, MedicalHistory h) {
    if (h == null) {
      run.add("$.medicalHistory", "is required (an intake must say what was asked; empty lists "
          + "mean none reported)");
      return;
    }
    codeList(run, "$.medicalHistory.conditions", h.conditions(), true);
    codeList(run, "$.medicalHistory.allergies", h.allergies(), true);
    List<Medication> medications = h.medications();
    if (medications == null) {
      run.add("$.medicalHistory.medications", REQUIRED_LIST);
    } else if (medications.size() > MAX_HISTORY_ITEMS) {
      run.add("$.medicalHistory.medications", tooMany(MAX_HISTORY_ITEMS, medications.size()));
    } else {
      for (int i = 0; i < medications.size(); i++) {
        String at = "$.medicalHistory.medications[" + i + "]";
        Medication m = medications.get(i);
        if (m == null) {
          run.add(at, "must be a medication, was null");
        } else if (m.name() == null && m.drugClass() == null) {
          run.add(at, "needs a name, a drugClass, or both");
        } else if (m.name() != null
            && (m.name().isBlank() || m.name().length() > MAX_NAME_LENGTH)) {
          run.add(at + ".name", "must be 1 to " + MAX_NAME_LENGTH + " characters, not blank");
        }
      }
    }
    codeList(run, "$.medicalHistory.infectionSites", h.infectionSites(), false);
  }

  private void validateTreatments(Run run, List<TreatmentRecord> history, LocalDate date) {
    if (history.size() > MAX_TREATMENTS) {
      run.add("$.treatmentHistory", tooMany(MAX_TREATMENTS, history.size()));
      return;
    }
    for (int i = 0; i < history.size(); i++) {
      String at = "$.treatmentHistory[" + i + "]";
      TreatmentRecord t = history.get(i);
      if (t == null) {
        run.add(at, "must be a treatment, was null");
        continue;
      }
      if (t.date() == null) {
        run.add(at + ".date", "is required");
      } else if (t.date().isBefore(EARLIEST_DATE)) {
        run.add(at + ".date", "must not be before " + EARLIEST_DATE + ", was " + t.date());
      } else if (t.date().isAfter(date)) {
        run.add(at + ".date", "must not be after the assessment date " + date + ", was "
            + t.date());
      }
      run.range(at + ".units", t.units(), 1, 1000);
      if (t.adverseReactions().size() > MAX_REACTIONS) {
        run.add(at + ".adverseReactions", tooMany(MAX_REACTIONS, t.adverseReactions().size()));
      } else {
        nullElements(run, at + ".adverseReactions", t.adverseReactions());
      }
    }
  }

  private static boolean sameElements(List<?> a, List<?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  private static final String REQUIRED_LIST = "is required (an empty list means none reported)";

  /** A list of codes: required or not, within the limit, no null element. */
  private static void codeList(Run run, String path, List<?> list, boolean required) {
    if (list == null) {
      if (required) {
        run.add(path, REQUIRED_LIST);
      }
    } else if (list.size() > MAX_HISTORY_ITEMS) {
      run.add(path, tooMany(MAX_HISTORY_ITEMS, list.size()));
    } else {
      nullElements(run, path, list);
    }
  }

  private static void nullElements(Run run, String path, List<?> list) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        run.add(path + "[" + i + "]", "must be a code, was null");
      }
    }
  }

  private static String num(double v) {
    return v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v) : Double.toString(v);
  }

  static String quoteShort(String s) {
    String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    return "\"" + shown + "\"";
  }

  private static final class Run {
    final List<Problem> problems = new ArrayList<>();

    void add(String path, String message) {
      problems.add(new Problem(path, message));
    }

    void range(String path, Integer value, int min, int max) {
      if (value != null && (value < min || value > max)) {
        add(path, "must be between " + min + " and " + max + ", was " + value);
      }
    }
  }
}
