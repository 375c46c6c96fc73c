package org.botoxeligibility.knowledge;

import java.util.HashMap;
import java.util.Map;

/**
 * The clinical thresholds of rules/parameters.tsv, available to every rule as the global
 * {@code policy}. Each number lives in that table only (where its unit and source are written);
 * a clinic may override it row by row. Immutable.
 *
 * @param chronicMigraineMinHeadacheDays chronic migraine: the fewest headache days a month (15)
 * @param chronicMigraineMonthsMoreThan chronic migraine: symptoms for more than this many months
 *     (3)
 * @param chronicMigraineMinHoursPerDay chronic migraine: the fewest headache hours a day (4)
 * @param chronicMigraineMinMigraineDays chronic migraine: the fewest migraine days a month, when
 *     given (8)
 * @param retreatmentIntervalDays the retreatment interval of a therapeutic concern in days (84, 12
 *     weeks)
 * @param cosmeticRetreatmentIntervalDays the retreatment interval of a cosmetic concern in days
 *     (90, 3 months)
 * @param cumulativeDoseWindowDays the days before the assessment date in which onabotulinumtoxinA
 *     units count toward the cumulative dose (90)
 * @param adultAge the age from which the adult limits apply, in years (18)
 * @param adultMaxCumulativeUnits adults: the most onabotulinumtoxinA units within the cumulative
 *     window (400)
 * @param paediatricMaxUnitsPerKg children: the most units per kg within the window (10)
 * @param paediatricMaxUnits children: the most units within the window, whatever the weight (340)
 * @param pregnancyStatusMinAge the youngest age at which an unknown pregnancy status is asked
 *     about (12)
 * @param pregnancyStatusMaxAge the oldest such age (55)
 * @param bladderAntiplateletHoldDays days before a bladder procedure that antiplatelets stop (3)
 * @param urinaryRetentionResidualMl the post-void residual in mL above which retention is assumed
 *     (200)
 * @param utiExclusionMaxAgeDays a urinary tract infection excluded at most this many days before
 *     the assessment date counts as excluded for a bladder injection (7)
 * @param sternocleidomastoidMaxUnits the most units into the sternocleidomastoid muscles (100)
 * @param fhirPregnancyWindowDays FHIR input: days a pregnancy status observation stays current
 * @param fhirBreastfeedingWindowDays FHIR input: days a breastfeeding status stays current
 * @param fhirWeightWindowDays FHIR input: days an adult's body weight stays current
 * @param fhirChildWeightWindowDays FHIR input: days a body weight stays current under 18
 * @param fhirObservationWindowDays FHIR input: days a headache, sweating or bladder observation
 *     stays current
 * @param fhirExaminationWindowDays FHIR input: days an encounter or examination counts as the
 *     medical examination
 * @param fhirPregnancyConditionWindowDays FHIR input: days a pregnancy on the problem list stays
 *     a current pregnancy
 * @param fhirUrineCultureWindowDays FHIR input: days a urine culture or a local uti-excluded
 *     observation is read
 * @param fhirTreatmentCycleDays FHIR input: days between a completed toxin order or a dispense and
 *     an administration of the same treatment cycle
 * @param local the parameters a clinic's table overrides, by name: the value and the source of the
 *     clinic's row (empty for the built-in table)
 */
public record Policy(
    int chronicMigraineMinHeadacheDays,
    int chronicMigraineMonthsMoreThan,
    int chronicMigraineMinHoursPerDay,
    int chronicMigraineMinMigraineDays,
    int retreatmentIntervalDays,
    int cosmeticRetreatmentIntervalDays,
    int cumulativeDoseWindowDays,
    int adultAge,
    int adultMaxCumulativeUnits,
    int paediatricMaxUnitsPerKg,
    int paediatricMaxUnits,
    int pregnancyStatusMinAge,
    int pregnancyStatusMaxAge,
    int bladderAntiplateletHoldDays,
    int urinaryRetentionResidualMl,
    int utiExclusionMaxAgeDays,
    int sternocleidomastoidMaxUnits,
    int fhirPregnancyWindowDays,
    int fhirBreastfeedingWindowDays,
    int fhirWeightWindowDays,
    int fhirChildWeightWindowDays,
    int fhirObservationWindowDays,
    int fhirExaminationWindowDays,
    int fhirPregnancyConditionWindowDays,
    int fhirUrineCultureWindowDays,
    int fhirTreatmentCycleDays,
    Map<String, LocalNumber> local) {

  /** The thresholds' table. */
  public static final String TABLE = "parameters.tsv";

  /**
   * A parameter that a clinic's table sets (a local number, not the label's).
   *
   * @param name the parameter, such as {@code retreatment_interval_days}
   * @param value its value
   * @param source the clinic's row's source
   */
  public record LocalNumber(String name, int value, String source) {}

  /**
   * Copies the local numbers.
   *
   * @param chronicMigraineMinHeadacheDays see the record
   * @param chronicMigraineMonthsMoreThan see the record
   * @param chronicMigraineMinHoursPerDay see the record
   * @param chronicMigraineMinMigraineDays see the record
   * @param retreatmentIntervalDays see the record
   * @param cosmeticRetreatmentIntervalDays see the record
   * @param cumulativeDoseWindowDays see the record
   * @param adultAge see the record
   * @param adultMaxCumulativeUnits see the record
   * @param paediatricMaxUnitsPerKg see the record
   * @param paediatricMaxUnits see the record
   * @param pregnancyStatusMinAge see the record
   * @param pregnancyStatusMaxAge see the record
   * @param bladderAntiplateletHoldDays see the record
   * @param urinaryRetentionResidualMl see the record
   * @param utiExclusionMaxAgeDays see the record
   * @param sternocleidomastoidMaxUnits see the record
   * @param fhirPregnancyWindowDays see the record
   * @param fhirBreastfeedingWindowDays see the record
   * @param fhirWeightWindowDays see the record
   * @param fhirChildWeightWindowDays see the record
   * @param fhirObservationWindowDays see the record
   * @param fhirExaminationWindowDays see the record
   * @param fhirPregnancyConditionWindowDays see the record
   * @param fhirUrineCultureWindowDays see the record
   * @param fhirTreatmentCycleDays see the record
   * @param local the local numbers by name; not null
   */
  public Policy {
    local = Map.copyOf(local);
  }

  /**
   * Reads the thresholds from the built-in table on the class path.
   *
   * @return the policy
   * @throws IllegalStateException when a parameter is missing, unknown or not a whole number
   */
  public static Policy load() {
    return load(KnowledgeTables.builtIn());
  }

  /**
   * Reads the thresholds from the knowledge base's tables.
   *
   * @param tables the tables
   * @return the policy
   * @throws org.botoxeligibility.assessment.RulesBuildException when a clinic's override row is
   *     malformed, naming the override file
   */
  public static Policy load(KnowledgeTables tables) {
    return tables.load(TABLE, () -> read(tables.read(TABLE)));
  }

  private static Policy read(Tsv tsv) {
    Map<String, Integer> values = new HashMap<>();
    Map<String, LocalNumber> local = new java.util.TreeMap<>();
    for (Tsv.Row row : tsv.rows()) {
      String name = row.required("name");
      int value = row.requiredInt("value");
      String source = row.required("source");
      Tsv.Plausible.check(row, "value", value, tsv.builtInRow(row));
      if (values.put(name, value) != null) {
        throw row.fail("name", "duplicate parameter " + name);
      }
      if (tsv.local(row)) {
        local.put(name, new LocalNumber(name, value, source));
      }
    }
    Reader r = new Reader(values);
    Policy policy = new Policy(
        r.take("chronic_migraine_min_headache_days"),
        r.take("chronic_migraine_months_more_than"),
        r.take("chronic_migraine_min_hours_per_day"),
        r.take("chronic_migraine_min_migraine_days"),
        r.take("retreatment_interval_days"),
        r.take("cosmetic_retreatment_interval_days"),
        r.take("cumulative_dose_window_days"),
        r.take("adult_age"),
        r.take("adult_max_cumulative_units"),
        r.take("paediatric_max_units_per_kg"),
        r.take("paediatric_max_units"),
        r.take("pregnancy_status_min_age"),
        r.take("pregnancy_status_max_age"),
        r.take("bladder_antiplatelet_hold_days"),
        r.take("urinary_retention_residual_ml"),
        r.take("uti_exclusion_max_age_days"),
        r.take("sternocleidomastoid_max_units"),
        r.take("fhir_pregnancy_window_days"),
        r.take("fhir_breastfeeding_window_days"),
        r.take("fhir_weight_window_days"),
        r.take("fhir_child_weight_window_days"),
        r.take("fhir_observation_window_days"),
        r.take("fhir_examination_window_days"),
        r.take("fhir_pregnancy_condition_window_days"),
        r.take("fhir_urine_culture_window_days"),
        r.take("fhir_treatment_cycle_days"),
        local);
    if (!values.isEmpty()) {
      throw new IllegalStateException(TABLE + ": unknown parameters " + values.keySet());
    }
    return policy;
  }

  /**
   * The retreatment interval of a concern: {@link #cosmeticRetreatmentIntervalDays} for a
   * cosmetic one, {@link #retreatmentIntervalDays} for a therapeutic one.
   *
   * @param cosmetic whether the concern is cosmetic
   * @return the interval in days
   */
  public int retreatmentIntervalDays(boolean cosmetic) {
    return cosmetic ? cosmeticRetreatmentIntervalDays : retreatmentIntervalDays;
  }

  /**
   * The cumulative dose limit for a child of the given weight, unrounded.
   *
   * @param weightKg the weight in kg
   * @return the lower of {@code paediatricMaxUnitsPerKg} times the weight and {@code
   *     paediatricMaxUnits}, in units
   */
  public double paediatricLimitFor(double weightKg) {
    return Math.min(paediatricMaxUnitsPerKg * weightKg, paediatricMaxUnits);
  }

  /**
   * Whether a clinic's table sets this parameter.
   *
   * @param parameter the parameter's name in parameters.tsv, such as {@code
   *     retreatment_interval_days}
   * @return true for a local number
   */
  public boolean isLocal(String parameter) {
    return local.containsKey(parameter);
  }

  /**
   * Whether a clinic's table sets any of these parameters.
   *
   * @param parameters the parameters' names
   * @return true when one of them is a local number
   */
  public boolean anyLocal(String... parameters) {
    for (String p : parameters) {
      if (local.containsKey(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The source a reason cites when it rests on these parameters: the built-in source when none of
   * them is local; else the source of each clinic's row (knowledge base 1.2: a reason resting on an
   * overridden number cites that row's source, not the label), followed by the built-in source
   * when some of the parameters are still the built-in ones.
   *
   * @param builtInSource the source the reason cites with the built-in numbers
   * @param parameters the parameters the reason rests on
   * @return the source
   */
  public String source(String builtInSource, String... parameters) {
    java.util.Set<String> clinic = new java.util.LinkedHashSet<>();
    boolean allLocal = true;
    for (String p : parameters) {
      LocalNumber n = local.get(p);
      if (n == null) {
        allLocal = false;
      } else {
        clinic.add(n.source());
      }
    }
    if (clinic.isEmpty()) {
      return builtInSource;
    }
    String own = String.join("; ", clinic) + " (local)";
    return allLocal ? own : own + "; " + builtInSource;
  }

  /**
   * The sentence a reason's message ends with when it rests on local numbers: empty when none of
   * the parameters is local, else " Local numbers of this clinic, not the label's: NAME = VALUE
   * (SOURCE)."
   *
   * @param parameters the parameters the reason rests on
   * @return the sentence, with a leading space, or ""
   */
  public String localNote(String... parameters) {
    java.util.List<String> named = new java.util.ArrayList<>();
    for (String p : parameters) {
      LocalNumber n = local.get(p);
      if (n != null && !named.contains(n.name() + " = " + n.value() + " (" + n.source() + ")")) {
        named.add(n.name() + " = " + n.value() + " (" + n.source() + ")");
      }
    }
    if (named.isEmpty()) {
      return "";
    }
    return (named.size() == 1 ? " A local number of this clinic, not the label's: "
        : " Local numbers of this clinic, not the label's: ") + String.join(", ", named) + ".";
  }

  private record Reader(Map<String, Integer> values) {
    int take(String name) {
      Integer v = values.remove(name);
      if (v == null) {
        throw new IllegalStateException(TABLE + " has no parameter " + name);
      }
      return v;
    }
  }
}
