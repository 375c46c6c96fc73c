package org.botoxeligibility.knowledge;

import org.botoxeligibility.assessment.Category;
import org.botoxeligibility.assessment.Mechanism;
import org.botoxeligibility.assessment.LabelStatus;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Site;

/**
 * The condition catalog of docs/clinical-policy.md §2, read from rules/conditions.tsv (with the
 * paediatric maximum doses of rules/paediatric-dose-limits.tsv and the label's maximum doses of
 * rules/dose-limits.tsv), and the ICD-10-CM mapping (with the codes rules/icd10-exclusions.tsv
 * refuses). Available to every rule as the global {@code catalog}. Immutable and shared by every
 * evaluation.
 *
 * <p>A clinic's override rows are held to the bounds the tables declare: a condition's minimum
 * age may not be lowered below the built-in row's, and its typical dose stays within 1 to 600
 * units; a paediatric maximum may be lowered, never raised above the built-in row's; a label
 * maximum stays within its plausible range and its window is never shortened.
 */
public final class Catalog {
  /** The catalog's table. */
  public static final String TABLE = "conditions.tsv";

  private final Map<ConditionCode, CatalogEntry> entries;
  private final List<Icd10Prefix> icd10Prefixes;
  private final List<Icd10Exclusion> icd10Exclusions;

  private Catalog(Map<ConditionCode, CatalogEntry> entries) {
    this(entries, List.of());
  }

  private Catalog(Map<ConditionCode, CatalogEntry> entries, List<Icd10Exclusion> exclusions) {
    this.entries = Collections.unmodifiableMap(entries);
    this.icd10Exclusions = List.copyOf(exclusions);
    List<Icd10Prefix> prefixes = new ArrayList<>();
    for (CatalogEntry e : entries.values()) {
      for (String code : e.icd10()) {
        prefixes.add(new Icd10Prefix(normalizeIcd10(code), code, e.code()));
      }
    }
    this.icd10Prefixes = List.copyOf(prefixes);
  }

  /**
   * Reads the catalog from the built-in tables on the class path.
   *
   * @return the catalog
   * @throws IllegalStateException naming table, line and column when a built-in table is
   *     malformed (a broken build)
   */
  public static Catalog load() {
    return load(KnowledgeTables.builtIn());
  }

  /**
   * Reads the catalog from the knowledge base's tables (built in, or with a clinic's overrides).
   *
   * @param tables the tables
   * @return the catalog
   * @throws org.botoxeligibility.assessment.RulesBuildException when a clinic's override row is
   *     malformed, naming the override file
   */
  public static Catalog load(KnowledgeTables tables) {
    Catalog catalog = tables.load(TABLE, () -> read(tables.read(TABLE)));
    Catalog paediatric = tables.load(PAEDIATRIC_TABLE,
        () -> catalog.withPaediatricLimits(tables.read(PAEDIATRIC_TABLE)));
    Catalog limits = tables.load(DOSE_LIMITS_TABLE,
        () -> paediatric.withDoseLimits(tables.read(DOSE_LIMITS_TABLE)));
    return tables.load(ICD10_EXCLUSIONS_TABLE,
        () -> limits.withIcd10Exclusions(tables.read(ICD10_EXCLUSIONS_TABLE)));
  }

  /** The paediatric maximum doses, per indication. */
  public static final String PAEDIATRIC_TABLE = "paediatric-dose-limits.tsv";

  /** The label's maximum doses, per indication (since 1.2). */
  public static final String DOSE_LIMITS_TABLE = "dose-limits.tsv";

  /** The ICD-10-CM codes that map to no condition although a catalog prefix covers them. */
  public static final String ICD10_EXCLUSIONS_TABLE = "icd10-exclusions.tsv";

  /** The typical dose a catalog row may plan, as the intake's plannedUnits may (docs/contract.md §1). */
  private static final int MAX_TYPICAL_UNITS = 600;

  private Catalog withDoseLimits(Tsv tsv) {
    Map<ConditionCode, List<LabelDoseLimit>> limits = new EnumMap<>(ConditionCode.class);
    java.util.Set<String> ids = new java.util.HashSet<>();
    int order = 0;
    for (Tsv.Row row : tsv.rows()) {
      Tsv.Row builtIn = tsv.builtInRow(row);
      ConditionCode together = row.optional("together_with") == null ? null
          : row.code("together_with", ConditionCode.class);
      LabelDoseLimit limit = new LabelDoseLimit(
          row.required("id"),
          row.code("condition", ConditionCode.class),
          row.codes("sites", Site.class),
          row.codes("without_sites", Site.class),
          together,
          row.requiredInt("max_units"),
          row.text("per"),
          row.optionalInt("window_days"),
          row.optionalInt("typical_units"),
          row.required("description"),
          row.required("source"),
          row.optional("verify"),
          tsv.local(row),
          order++);
      if (!ids.add(limit.id())) {
        throw row.fail("id", "listed twice: " + limit.id());
      }
      for (ConditionCode c : together == null ? List.of(limit.condition())
          : List.of(limit.condition(), together)) {
        CatalogEntry e = entries.get(c);
        if (e == null || e.isAlias()) {
          throw row.fail(c == together ? "together_with" : "condition",
              c + " is not a catalog condition");
        }
      }
      Tsv.Plausible.check(row, "max_units", limit.maxUnits(), builtIn);
      if (limit.windowDays() == null && limit.per().isEmpty()) {
        throw row.fail("per", "says how the label counts the maximum when no window is given");
      }
      if (limit.windowDays() != null) {
        if (limit.windowDays() < 1) {
          throw row.fail("window_days", "must be at least 1 day, was " + limit.windowDays());
        }
        Integer builtInWindow = builtIn == null ? null : builtIn.optionalInt("window_days");
        if (builtInWindow != null && limit.windowDays() < builtInWindow) {
          throw row.fail("window_days", "may not be shorter than the built-in row's "
              + builtInWindow + " days, was " + limit.windowDays());
        }
      } else if (builtIn != null && builtIn.optionalInt("window_days") != null) {
        throw row.fail("window_days", "may not be left out: the built-in row counts the units of "
            + "the last " + builtIn.optionalInt("window_days") + " days");
      }
      if (limit.typicalUnits() != null
          && (limit.typicalUnits() < 1 || limit.typicalUnits() > limit.maxUnits())) {
        throw row.fail("typical_units", "must be between 1 and max_units (" + limit.maxUnits()
            + "), was " + limit.typicalUnits());
      }
      limits.computeIfAbsent(limit.condition(), k -> new ArrayList<>()).add(limit);
    }
    Map<ConditionCode, CatalogEntry> with = new EnumMap<>(ConditionCode.class);
    for (Map.Entry<ConditionCode, CatalogEntry> e : entries.entrySet()) {
      List<LabelDoseLimit> own = limits.get(e.getKey());
      with.put(e.getKey(), own == null ? e.getValue() : e.getValue().withDoseLimits(own));
    }
    return new Catalog(with, icd10Exclusions);
  }

  private Catalog withIcd10Exclusions(Tsv tsv) {
    List<Icd10Exclusion> exclusions = new ArrayList<>();
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (Tsv.Row row : tsv.rows()) {
      String code = row.required("code");
      if (!ICD10_PREFIX.matcher(code).matches()) {
        throw row.fail("code", "not an ICD-10-CM code: " + code);
      }
      if (!codes.add(normalizeIcd10(code))) {
        throw row.fail("code", "listed twice: " + code);
      }
      ConditionCode condition = row.optional("condition") == null ? null
          : row.code("condition", ConditionCode.class);
      if (condition != null && (entries.get(condition) == null
          || entries.get(condition).isAlias())) {
        throw row.fail("condition", condition + " is not a catalog condition");
      }
      row.required("source");
      exclusions.add(new Icd10Exclusion(normalizeIcd10(code), condition,
          row.required("because")));
    }
    return new Catalog(entries, exclusions);
  }

  private static final java.util.regex.Pattern ICD10_PREFIX =
      java.util.regex.Pattern.compile("[A-Za-z][0-9][0-9A-Za-z](\\.?[0-9A-Za-z]{1,4})?");

  private Catalog withPaediatricLimits(Tsv tsv) {
    Map<ConditionCode, List<PaediatricDoseLimit>> limits = new EnumMap<>(ConditionCode.class);
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Tsv.Row row : tsv.rows()) {
      PaediatricDoseLimit limit = new PaediatricDoseLimit(
          row.required("id"),
          row.code("condition", ConditionCode.class),
          row.codes("sites", Site.class),
          row.codes("without_sites", Site.class),
          row.requiredInt("units_per_kg"),
          row.requiredInt("max_units"),
          row.required("description"),
          row.required("source"),
          tsv.local(row));
      if (!ids.add(limit.id())) {
        throw row.fail("id", "listed twice: " + limit.id());
      }
      CatalogEntry e = entries.get(limit.condition());
      if (e == null || e.isAlias()) {
        throw row.fail("condition", limit.condition() + " is not a catalog condition");
      }
      if (limit.unitsPerKg() <= 0 || limit.maxUnits() <= 0) {
        throw row.fail("max_units", "limits must be positive");
      }
      Tsv.Row builtIn = tsv.builtInRow(row);
      if (builtIn != null) {
        for (String column : List.of("units_per_kg", "max_units")) {
          if (row.requiredInt(column) > builtIn.requiredInt(column)) {
            throw row.fail(column, "a clinic may lower a paediatric maximum, never raise it above "
                + "the built-in " + builtIn.requiredInt(column) + ", was "
                + row.requiredInt(column));
          }
        }
      }
      limits.computeIfAbsent(limit.condition(), k -> new ArrayList<>()).add(limit);
    }
    Map<ConditionCode, CatalogEntry> with = new EnumMap<>(ConditionCode.class);
    for (Map.Entry<ConditionCode, CatalogEntry> e : entries.entrySet()) {
      List<PaediatricDoseLimit> own = limits.get(e.getKey());
      with.put(e.getKey(), own == null ? e.getValue() : e.getValue().withPaediatricLimits(own));
    }
    return new Catalog(with, icd10Exclusions);
  }

  static Catalog read(InputStream in) {
    return read(Tsv.read(TABLE, in));
  }

  static Catalog read(Tsv tsv) {
    Map<ConditionCode, CatalogEntry> conditions = new EnumMap<>(ConditionCode.class);
    List<Tsv.Row> aliases = new ArrayList<>();
    for (Tsv.Row row : tsv.rows()) {
      ConditionCode code = row.code("code", ConditionCode.class);
      if (row.optional("alias_of") != null) {
        aliases.add(row);
        continue;
      }
      CatalogEntry entry = new CatalogEntry(
          code,
          row.required("name"),
          "C".equals(row.required("category")) ? Category.COSMETIC
              : "T".equals(row.required("category")) ? Category.THERAPEUTIC
              : failCategory(row),
          row.code("label", LabelStatus.class),
          row.codes("mechanisms", Mechanism.class),
          row.requiredInt("minimum_age"),
          row.codes("usual_sites", Site.class),
          row.optionalInt("typical_units"),
          row.optionalRange("onset_days"),
          row.optionalInt("full_effect_days"),
          row.optionalRange("duration_months"),
          row.optionalInt("maintenance_weeks"),
          row.list("icd10"),
          row.list("side_effects"),
          row.optional("first_line_therapy"),
          row.optionalInt("payer_min_prior_therapies"),
          row.optional("offered_instead"),
          row.optional("not_recommended_source"),
          row.optional("not_recommended_because"),
          null,
          List.of(),
          row.optional("verify"),
          List.of(),
          row.optional("interval_source"),
          List.of(),
          List.of());
      checkOverride(tsv, row, entry);
      List<Site> labelled = new ArrayList<>(entry.usualSites());
      for (Site extra : row.codes("labelled_sites", Site.class)) {
        if (!labelled.contains(extra)) {
          labelled.add(extra);
        }
      }
      if (entry.labelStatus() == LabelStatus.ON_LABEL) {
        entry = new CatalogEntry(entry.code(), entry.name(), entry.category(),
            entry.labelStatus(), entry.mechanisms(), entry.minimumAge(), entry.usualSites(),
            entry.typicalUnits(), entry.onsetDays(), entry.fullEffectDays(),
            entry.durationMonths(), entry.maintenanceIntervalWeeks(), entry.icd10(),
            entry.sideEffects(), entry.firstLineTherapy(), entry.payerMinPriorTherapies(),
            entry.offeredInstead(), entry.notRecommendedSource(), entry.notRecommendedBecause(),
            null, List.of(), entry.verify(), labelled, entry.intervalSource(), List.of(),
            List.of());
      } else if (!row.codes("labelled_sites", Site.class).isEmpty()) {
        throw row.fail("labelled_sites", "only an ON_LABEL row has labelled sites");
      }
      if (entry.labelStatus() == LabelStatus.NOT_RECOMMENDED
          && (entry.notRecommendedSource() == null || entry.notRecommendedBecause() == null)) {
        throw row.fail("not_recommended_because", "a NOT_RECOMMENDED row says why and who says so");
      }
      if (entry.mechanisms().isEmpty()) {
        throw row.fail("mechanisms", "at least one mechanism is needed");
      }
      if (conditions.put(code, entry) != null) {
        throw row.fail("code", "duplicate row for " + code);
      }
    }
    for (Tsv.Row row : aliases) {
      ConditionCode alias = row.code("code", ConditionCode.class);
      ConditionCode target = row.code("alias_of", ConditionCode.class);
      CatalogEntry defaultRow = conditions.get(target);
      if (defaultRow == null || defaultRow.isAlias()) {
        throw row.fail("alias_of", target + " is not a catalog condition");
      }
      List<ConditionCode> targets = row.codes("classifies_as", ConditionCode.class);
      for (ConditionCode t : targets) {
        if (!conditions.containsKey(t) || conditions.get(t).isAlias()) {
          throw row.fail("classifies_as", t + " is not a catalog condition");
        }
      }
      if (!targets.contains(target)) {
        throw row.fail("classifies_as", "must include the default row " + target);
      }
      CatalogEntry entry = defaultRow.asAlias(alias, row.required("name"), row.list("icd10"),
          targets);
      if (conditions.put(alias, entry) != null) {
        throw row.fail("code", "duplicate row for " + alias);
      }
    }
    for (ConditionCode code : ConditionCode.values()) {
      if (!conditions.containsKey(code)) {
        throw new IllegalStateException(TABLE + " has no row for " + code);
      }
    }
    return new Catalog(conditions);
  }

  /** A clinic's row may not lower the minimum age, and plans a typical dose of 1 to 600 units. */
  private static void checkOverride(Tsv tsv, Tsv.Row row, CatalogEntry entry) {
    if (entry.typicalUnits() != null
        && (entry.typicalUnits() < 1 || entry.typicalUnits() > MAX_TYPICAL_UNITS)) {
      throw row.fail("typical_units", "must be between 1 and " + MAX_TYPICAL_UNITS + ", was "
          + entry.typicalUnits());
    }
    Tsv.Row builtIn = tsv.builtInRow(row);
    if (builtIn != null && entry.minimumAge() < builtIn.requiredInt("minimum_age")) {
      throw row.fail("minimum_age", "a clinic may raise a minimum age, never lower it below the "
          + "built-in " + builtIn.requiredInt("minimum_age") + ", was " + entry.minimumAge());
    }
  }

  private static Category failCategory(Tsv.Row row) {
    throw row.fail("category", "must be C (cosmetic) or T (therapeutic)");
  }

  /**
   * The row of a condition or alias; every code has one.
   *
   * @param code the code
   * @return the row
   * @throws NullPointerException when {@code code} is null
   */
  public CatalogEntry entry(ConditionCode code) {
    return entries.get(java.util.Objects.requireNonNull(code, "code must not be null"));
  }

  /**
   * The label's maximum doses that concerns of two conditions share (rows of rules/dose-limits.tsv
   * with {@code together_with}: forehead and glabellar lines), in the table's order.
   *
   * @return the rows
   */
  public List<LabelDoseLimit> sharedDoseLimits() {
    return entries.values().stream().flatMap(e -> e.doseLimits().stream())
        .filter(LabelDoseLimit::shared)
        .sorted(java.util.Comparator.comparingInt(LabelDoseLimit::order)).toList();
  }

  /**
   * Every row: the catalog conditions, then the aliases.
   *
   * @return the rows, unmodifiable, in the order of {@link ConditionCode}
   */
  public Collection<CatalogEntry> entries() {
    return entries.values();
  }

  /**
   * Maps an ICD-10-CM code to a condition: case-insensitive, with or without the dot; the catalog
   * prefix that matches the most characters wins (docs/clinical-policy.md §3), and a code under an
   * exclusion of rules/icd10-exclusions.tsv at least as long maps to none, the problem naming why.
   *
   * @param code the code, such as {@code G43.709}
   * @return the condition, or why there is none (no prefix matches, or the code is shorter than
   *     the prefixes it could extend)
   * @throws NullPointerException when {@code code} is null
   */
  public Icd10Match icd10(String code) {
    String normalized = normalizeIcd10(java.util.Objects.requireNonNull(code,
        "code must not be null"));
    Icd10Exclusion excluded = null;
    for (Icd10Exclusion x : icd10Exclusions) {
      if (normalized.startsWith(x.normalized())
          && (excluded == null || x.normalized().length() > excluded.normalized().length())) {
        excluded = x;
      }
    }
    Icd10Prefix best = null;
    boolean extendable = false;
    for (Icd10Prefix p : icd10Prefixes) {
      if (normalized.startsWith(p.normalized())) {
        if (best == null || p.normalized().length() > best.normalized().length()) {
          best = p;
        }
      } else if (p.normalized().startsWith(normalized)) {
        extendable = true;
      }
    }
    if (excluded != null
        && (best == null || excluded.normalized().length() >= best.normalized().length())) {
      return new Icd10Match(null, excluded.condition() == null
          ? "maps to no catalog condition: " + excluded.because()
          : "does not map to " + entries.get(excluded.condition()).name().toLowerCase(Locale.ROOT)
              + " (" + excluded.condition() + "): " + excluded.because());
    }
    if (best != null) {
      return new Icd10Match(best.condition(), null);
    }
    if (extendable) {
      return new Icd10Match(null, "is not specific enough to map to a catalog condition");
    }
    return new Icd10Match(null, "is not a code the catalog maps to a condition");
  }

  static String normalizeIcd10(String code) {
    return code.trim().replace(".", "").toUpperCase(Locale.ROOT);
  }

  /**
   * The result of an ICD-10-CM lookup: a condition, or why there is none.
   *
   * @param condition the condition; null when none was found
   * @param problem why none was found, as a problem sentence; null when found
   */
  public record Icd10Match(ConditionCode condition, String problem) {
    /**
     * Whether a condition was found.
     *
     * @return true when {@link #condition()} is not null
     */
    public boolean found() {
      return condition != null;
    }
  }

  private record Icd10Prefix(String normalized, String written, ConditionCode condition) {}

  private record Icd10Exclusion(String normalized, ConditionCode condition, String because) {}
}
