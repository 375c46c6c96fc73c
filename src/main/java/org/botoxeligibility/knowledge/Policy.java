package org.botoxeligibility.knowledge;

import java.util.HashMap;
import java.util.Map;

/**
 * The clinical thresholds of rules/parameters.tsv, available to every rule as the global
 * {@code policy}. Each number lives in that table only.
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
    int fhirExaminationWindowDays) {

  public static final String TABLE = "parameters.tsv";

  /** Reads the thresholds from the knowledge base on the class path. */
  public static Policy load() {
    return load(KnowledgeTables.builtIn());
  }

  /**
   * Reads the thresholds from the knowledge base's tables.
   *
   * @param tables the tables
   * @return the policy
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
        r.take("fhir_examination_window_days"));
    if (!values.isEmpty()) {
      throw new IllegalStateException(TABLE + ": unknown parameters " + values.keySet());
    }
    return policy;
  }

  /** The cumulative dose limit for a child of the given weight: the lower of the two limits. */
  public double paediatricMaxUnits(double weightKg) {
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
