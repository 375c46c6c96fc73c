package org.botoxeligibility.intake;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One concern the patient raises (docs/contract.md §1): what is to be treated, and the facts the
 * condition's rules need. Every optional field is null when not given: missing is never read as
 * zero or "no". Build one with {@link #builder()}:
 *
 * <pre>{@code
 * Concern migraine = Concern.builder()
 *     .condition(ConditionCode.CHRONIC_MIGRAINE)
 *     .headacheDaysPerMonth(18).migraineDaysPerMonth(10).headacheHoursPerDay(6)
 *     .monthsWithSymptoms(14).priorTherapiesFailed(2)
 *     .build();
 * }</pre>
 *
 * @param id the concern's id, unique within the intake; null means "c1", "c2", ... by position
 * @param condition a catalog code or alias; null when only {@code icd10} is given (one of the two
 *     is required; when both are given they must agree)
 * @param icd10 an ICD-10-CM code the catalog maps to a condition; null when not given
 * @param sites injection sites, at most 25; empty means "the condition's usual sites"
 * @param headacheDaysPerMonth headache days a month (0–31); null when not given
 * @param migraineDaysPerMonth migraine days a month (0–31, at most the headache days); null when
 *     not given
 * @param headacheHoursPerDay headache hours a day (0–24); null when not given
 * @param monthsWithSymptoms months with symptoms (0–1200); null when not given
 * @param priorTherapiesFailed first-line therapies tried without adequate response or not
 *     tolerated (0–20; migraine: preventive drug classes, hyperhidrosis: topical agents, bladder:
 *     anticholinergic medications); null when not given
 * @param secondaryCauseExcluded a work-up has excluded a secondary cause (hyperhidrosis); null
 *     when not given
 * @param plannedUnits onabotulinumtoxinA units planned for this concern (1–600); null means the
 *     catalog's default
 * @param postVoidResidualMl bladder concerns: the latest post-void residual urine volume in mL
 *     (0–2000); null when not given
 * @param cleanIntermittentCatheterization bladder concerns: the patient routinely performs clean
 *     intermittent self-catheterization; null means not known
 * @param utiExcludedOn bladder concerns: the date a urinary tract infection was last excluded (a
 *     negative urinalysis or culture, or a clinician's exclusion), not after the assessment date;
 *     null when not given (since knowledge base 1.2)
 */
public record Concern(
    String id,
    ConditionCode condition,
    String icd10,
    List<Site> sites,
    Integer headacheDaysPerMonth,
    Integer migraineDaysPerMonth,
    Double headacheHoursPerDay,
    Integer monthsWithSymptoms,
    Integer priorTherapiesFailed,
    Boolean secondaryCauseExcluded,
    Integer plannedUnits,
    Double postVoidResidualMl,
    Boolean cleanIntermittentCatheterization,
    LocalDate utiExcludedOn) {

  /**
   * Copies the sites; null becomes an empty list (the condition's usual sites). Nothing is
   * checked here: the engine validates the concern with the rest of the intake.
   *
   * @param id the id, or null
   * @param condition the catalog code, or null
   * @param icd10 the ICD-10-CM code, or null
   * @param sites the sites, or null
   * @param headacheDaysPerMonth headache days a month, or null
   * @param migraineDaysPerMonth migraine days a month, or null
   * @param headacheHoursPerDay headache hours a day, or null
   * @param monthsWithSymptoms months with symptoms, or null
   * @param priorTherapiesFailed failed first-line therapies, or null
   * @param secondaryCauseExcluded whether a secondary cause is excluded, or null
   * @param plannedUnits planned units, or null
   * @param postVoidResidualMl the post-void residual in mL, or null
   * @param cleanIntermittentCatheterization whether the patient self-catheterises, or null
   * @param utiExcludedOn when a urinary tract infection was last excluded, or null
   */
  public Concern {
    sites = Lists.copy(sites);
  }

  /**
   * A concern named by its condition code only.
   *
   * @param id the concern's id, or null for the default
   * @param condition the catalog code or alias
   * @return the concern, every other field not given
   */
  public static Concern of(String id, ConditionCode condition) {
    return builder().id(id).condition(condition).build();
  }

  /**
   * A builder with nothing set: every field not set stays "not given".
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this concern's fields, to change some of them.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.condition = condition;
    b.icd10 = icd10;
    b.sites = sites;
    b.headacheDaysPerMonth = headacheDaysPerMonth;
    b.migraineDaysPerMonth = migraineDaysPerMonth;
    b.headacheHoursPerDay = headacheHoursPerDay;
    b.monthsWithSymptoms = monthsWithSymptoms;
    b.priorTherapiesFailed = priorTherapiesFailed;
    b.secondaryCauseExcluded = secondaryCauseExcluded;
    b.plannedUnits = plannedUnits;
    b.postVoidResidualMl = postVoidResidualMl;
    b.cleanIntermittentCatheterization = cleanIntermittentCatheterization;
    b.utiExcludedOn = utiExcludedOn;
    return b;
  }

  /**
   * The same concern with another id.
   *
   * @param value the id, or null for the default by position
   * @return the changed concern
   */
  public Concern withId(String value) {
    return toBuilder().id(value).build();
  }

  /**
   * The same concern with another condition.
   *
   * @param value the condition, or null when an ICD-10-CM code gives it
   * @return the changed concern
   */
  public Concern withCondition(ConditionCode value) {
    return toBuilder().condition(value).build();
  }

  /**
   * The same concern with other sites.
   *
   * @param value the sites; empty means the condition's usual sites
   * @return the changed concern
   */
  public Concern withSites(List<Site> value) {
    return toBuilder().sites(value).build();
  }

  /**
   * The same concern with other headache facts.
   *
   * @param headacheDays headache days a month (0–31), or null
   * @param migraineDays migraine days a month (0–31), or null
   * @param hoursPerDay headache hours a day (0–24), or null
   * @param months months with symptoms (0–1200), or null
   * @return the changed concern
   */
  public Concern withHeadache(Integer headacheDays, Integer migraineDays, Double hoursPerDay,
      Integer months) {
    Builder b = toBuilder();
    b.headacheDaysPerMonth = headacheDays;
    b.migraineDaysPerMonth = migraineDays;
    b.headacheHoursPerDay = hoursPerDay;
    b.monthsWithSymptoms = months;
    return b.build();
  }

  /**
   * The same concern with another count of failed first-line therapies.
   *
   * @param value the count (0–20), or null
   * @return the changed concern
   */
  public Concern withPriorTherapiesFailed(Integer value) {
    Builder b = toBuilder();
    b.priorTherapiesFailed = value;
    return b.build();
  }

  /**
   * The same concern with another secondary-cause flag.
   *
   * @param value the flag, or null
   * @return the changed concern
   */
  public Concern withSecondaryCauseExcluded(Boolean value) {
    Builder b = toBuilder();
    b.secondaryCauseExcluded = value;
    return b.build();
  }

  /**
   * The same concern with other planned units.
   *
   * @param value the units (1–600), or null for the catalog's default
   * @return the changed concern
   */
  public Concern withPlannedUnits(Integer value) {
    Builder b = toBuilder();
    b.plannedUnits = value;
    return b.build();
  }

  /**
   * The same concern with other bladder facts.
   *
   * @param residualMl the post-void residual in mL (0–2000), or null
   * @param selfCatheterizes whether the patient routinely self-catheterises, or null (not known)
   * @return the changed concern
   */
  public Concern withBladder(Double residualMl, Boolean selfCatheterizes) {
    Builder b = toBuilder();
    b.postVoidResidualMl = residualMl;
    b.cleanIntermittentCatheterization = selfCatheterizes;
    return b.build();
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Concern[redacted]";
  }

  /**
   * Builds a {@link Concern}. A field never set is "not given"; setters take plain values, so
   * that no null is ever needed. Not thread-safe.
   */
  public static final class Builder {
    private String id;
    private ConditionCode condition;
    private String icd10;
    private List<Site> sites = List.of();
    private Integer headacheDaysPerMonth;
    private Integer migraineDaysPerMonth;
    private Double headacheHoursPerDay;
    private Integer monthsWithSymptoms;
    private Integer priorTherapiesFailed;
    private Boolean secondaryCauseExcluded;
    private Integer plannedUnits;
    private Double postVoidResidualMl;
    private Boolean cleanIntermittentCatheterization;
    private LocalDate utiExcludedOn;

    private Builder() {}

    /**
     * Sets the id.
     *
     * @param value 1–64 characters, unique within the intake; never patient data
     * @return this builder
     */
    public Builder id(String value) {
      id = value;
      return this;
    }

    /**
     * Sets the condition by its catalog code (or an alias that the rules classify).
     *
     * @param value the code
     * @return this builder
     */
    public Builder condition(ConditionCode value) {
      condition = value;
      return this;
    }

    /**
     * Sets the condition by an ICD-10-CM code (with or without the dot).
     *
     * @param value the code, such as {@code G43.709} or {@code G43709}
     * @return this builder
     */
    public Builder icd10(String value) {
      icd10 = value;
      return this;
    }

    /**
     * Sets the injection sites.
     *
     * @param values the sites; none means the condition's usual sites
     * @return this builder
     */
    public Builder sites(Site... values) {
      sites = Arrays.asList(Objects.requireNonNull(values, "sites must not be null"));
      return this;
    }

    /**
     * Sets the injection sites.
     *
     * @param values the sites; empty means the condition's usual sites
     * @return this builder
     */
    public Builder sites(List<Site> values) {
      sites = values;
      return this;
    }

    /**
     * Sets the headache days a month.
     *
     * @param value 0–31
     * @return this builder
     */
    public Builder headacheDaysPerMonth(int value) {
      headacheDaysPerMonth = value;
      return this;
    }

    /**
     * Sets the migraine days a month.
     *
     * @param value 0–31, at most the headache days
     * @return this builder
     */
    public Builder migraineDaysPerMonth(int value) {
      migraineDaysPerMonth = value;
      return this;
    }

    /**
     * Sets the headache hours a day.
     *
     * @param value 0–24
     * @return this builder
     */
    public Builder headacheHoursPerDay(double value) {
      headacheHoursPerDay = value;
      return this;
    }

    /**
     * Sets the months with symptoms.
     *
     * @param value 0–1200
     * @return this builder
     */
    public Builder monthsWithSymptoms(int value) {
      monthsWithSymptoms = value;
      return this;
    }

    /**
     * Sets the first-line therapies tried without adequate response or not tolerated.
     *
     * @param value 0–20
     * @return this builder
     */
    public Builder priorTherapiesFailed(int value) {
      priorTherapiesFailed = value;
      return this;
    }

    /**
     * Records whether a work-up has excluded a secondary cause (hyperhidrosis).
     *
     * @param value true when excluded
     * @return this builder
     */
    public Builder secondaryCauseExcluded(boolean value) {
      secondaryCauseExcluded = value;
      return this;
    }

    /**
     * Sets the units planned for this concern.
     *
     * @param value 1–600
     * @return this builder
     */
    public Builder plannedUnits(int value) {
      plannedUnits = value;
      return this;
    }

    /**
     * Sets the latest post-void residual urine volume (bladder concerns).
     *
     * @param value 0–2000 mL
     * @return this builder
     */
    public Builder postVoidResidualMl(double value) {
      postVoidResidualMl = value;
      return this;
    }

    /**
     * Records whether the patient routinely performs clean intermittent self-catheterization
     * (bladder concerns). Not set means not known.
     *
     * @param value true when the patient routinely self-catheterises
     * @return this builder
     */
    public Builder cleanIntermittentCatheterization(boolean value) {
      cleanIntermittentCatheterization = value;
      return this;
    }

    /**
     * Records when a urinary tract infection was last excluded (bladder concerns): the date of a
     * negative urinalysis or culture, or of a clinician's exclusion. Not set means not known.
     *
     * @param value the date, not after the assessment date
     * @return this builder
     */
    public Builder utiExcludedOn(LocalDate value) {
      utiExcludedOn = value;
      return this;
    }

    /**
     * Builds the concern. The engine validates it with the rest of the intake.
     *
     * @return the concern
     */
    public Concern build() {
      return new Concern(id, condition, icd10, sites, headacheDaysPerMonth, migraineDaysPerMonth,
          headacheHoursPerDay, monthsWithSymptoms, priorTherapiesFailed, secondaryCauseExcluded,
          plannedUnits, postVoidResidualMl, cleanIntermittentCatheterization, utiExcludedOn);
    }
  }
}
