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
 * @param retreatmentIntervalDays the retreatment interval in days (84, 12 weeks)
 * @param adultAge the age from which the adult limits apply, in years (18)
 * @param adultMaxCumulativeUnits adults: the most onabotulinumtoxinA units within the interval
 *     (400)
 * @param paediatricMaxUnitsPerKg children: the most units per kg within the interval (10)
 * @param paediatricMaxUnits children: the most units within the interval, whatever the weight
 *     (340)
 * @param pregnancyStatusMinAge the youngest age at which an unknown pregnancy status is asked
 *     about (12)
 * @param pregnancyStatusMaxAge the oldest such age (55)
 * @param bladderAntiplateletHoldDays days before a bladder procedure that antiplatelets stop (3)
 * @param urinaryRetentionResidualMl the post-void residual in mL above which retention is assumed
 *     (200)
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
 */
public record Policy(
    int chronicMigraineMinHeadacheDays,
    int chronicMigraineMonthsMoreThan,
    int chronicMigraineMinHoursPerDay,
    int chronicMigraineMinMigraineDays,
    int retreatmentIntervalDays,
    int adultAge,
    int adultMaxCumulativeUnits,
    int paediatricMaxUnitsPerKg,
    int paediatricMaxUnits,
    int pregnancyStatusMinAge,
    int pregnancyStatusMaxAge,
    int bladderAntiplateletHoldDays,
    int urinaryRetentionResidualMl,
    int sternocleidomastoidMaxUnits,
    int fhirPregnancyWindowDays,
    int fhirBreastfeedingWindowDays,
    int fhirWeightWindowDays,
    int fhirChildWeightWindowDays,
    int fhirObservationWindowDays,
    int fhirExaminationWindowDays,
    int fhirPregnancyConditionWindowDays,
    int fhirUrineCultureWindowDays,
    int fhirTreatmentCycleDays) {

  /** The thresholds' table. */
  public static final String TABLE = "parameters.tsv";

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
    for (Tsv.Row row : tsv.rows()) {
      String name = row.required("name");
      if (values.put(name, row.requiredInt("value")) != null) {
        throw row.fail("name", "duplicate parameter " + name);
      }
    }
    Reader r = new Reader(values);
    Policy policy = new Policy(
        r.take("chronic_migraine_min_headache_days"),
        r.take("chronic_migraine_months_more_than"),
        r.take("chronic_migraine_min_hours_per_day"),
        r.take("chronic_migraine_min_migraine_days"),
        r.take("retreatment_interval_days"),
        r.take("adult_age"),
        r.take("adult_max_cumulative_units"),
        r.take("paediatric_max_units_per_kg"),
        r.take("paediatric_max_units"),
        r.take("pregnancy_status_min_age"),
        r.take("pregnancy_status_max_age"),
        r.take("bladder_antiplatelet_hold_days"),
        r.take("urinary_retention_residual_ml"),
        r.take("sternocleidomastoid_max_units"),
        r.take("fhir_pregnancy_window_days"),
        r.take("fhir_breastfeeding_window_days"),
        r.take("fhir_weight_window_days"),
        r.take("fhir_child_weight_window_days"),
        r.take("fhir_observation_window_days"),
        r.take("fhir_examination_window_days"),
        r.take("fhir_pregnancy_condition_window_days"),
        r.take("fhir_urine_culture_window_days"),
        r.take("fhir_treatment_cycle_days"));
    if (!values.isEmpty()) {
      throw new IllegalStateException(TABLE + ": unknown parameters " + values.keySet());
    }
    return policy;
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
