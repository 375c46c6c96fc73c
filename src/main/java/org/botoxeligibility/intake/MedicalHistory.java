package org.botoxeligibility.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the patient reported when asked (docs/contract.md §1). An empty list means
 * "asked, none reported"; a null list means "not asked", and the engine refuses such an intake
 * (missing is never read as "no"). Build one with {@link #builder()}, or take {@link #none()}.
 *
 * <pre>{@code
 * MedicalHistory history = MedicalHistory.builder()
 *     .conditions(Comorbidity.DRY_EYE).allergies().medications(Medication.named("sumatriptan"))
 *     .build();
 * }</pre>
 *
 * @param conditions reported comorbidities; required (null is refused), may be empty; at most 100
 * @param allergies reported allergies; required (null is refused), may be empty; at most 100
 * @param medications current medications; required (null is refused), may be empty; at most 100
 * @param infectionSites sites with active infection or inflammation; null means none; at most
 *     100
 */
public record MedicalHistory(
    List<Comorbidity> conditions,
    List<Allergy> allergies,
    List<Medication> medications,
    List<Site> infectionSites) {

  /**
   * Copies the lists; keeps a null required list null, for the validator to refuse.
   *
   * @param conditions the comorbidities; null means not asked
   * @param allergies the allergies; null means not asked
   * @param medications the medications; null means not asked
   * @param infectionSites the infected sites, or null for none
   */
  public MedicalHistory {
    conditions = Lists.copyOrNull(conditions);
    allergies = Lists.copyOrNull(allergies);
    medications = Lists.copyOrNull(medications);
    infectionSites = Lists.copy(infectionSites);
  }

  /**
   * Asked, and nothing reported: no comorbidity, allergy, medication or infection.
   *
   * @return the history
   */
  public static MedicalHistory none() {
    return new MedicalHistory(List.of(), List.of(), List.of(), List.of());
  }

  /**
   * A builder with nothing set: each of the three required lists must be set, even when empty
   * (call {@code allergies()} with no argument for "asked, none").
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this history's lists, to change some of them.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.conditions = conditions;
    b.allergies = allergies;
    b.medications = medications;
    b.infectionSites = infectionSites;
    return b;
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "MedicalHistory[redacted]";
  }

  /**
   * Builds a {@link MedicalHistory}. The three required lists start "not asked"; setting one,
   * even to nothing, records that it was asked. Not thread-safe.
   */
  public static final class Builder {
    private List<Comorbidity> conditions;
    private List<Allergy> allergies;
    private List<Medication> medications;
    private List<Site> infectionSites = List.of();

    private Builder() {}

    /**
     * Sets the reported comorbidities; none given means "asked, none".
     *
     * @param values the comorbidities
     * @return this builder
     */
    public Builder conditions(Comorbidity... values) {
      conditions = Arrays.asList(Objects.requireNonNull(values, "conditions must not be null"));
      return this;
    }

    /**
     * Sets the reported comorbidities.
     *
     * @param values the comorbidities; empty means "asked, none"
     * @return this builder
     */
    public Builder conditions(List<Comorbidity> values) {
      conditions = values;
      return this;
    }

    /**
     * Sets the reported allergies; none given means "asked, none".
     *
     * @param values the allergies
     * @return this builder
     */
    public Builder allergies(Allergy... values) {
      allergies = Arrays.asList(Objects.requireNonNull(values, "allergies must not be null"));
      return this;
    }

    /**
     * Sets the reported allergies.
     *
     * @param values the allergies; empty means "asked, none"
     * @return this builder
     */
    public Builder allergies(List<Allergy> values) {
      allergies = values;
      return this;
    }

    /**
     * Sets the current medications; none given means "asked, none".
     *
     * @param values the medications
     * @return this builder
     */
    public Builder medications(Medication... values) {
      medications = Arrays.asList(Objects.requireNonNull(values,
          "medications must not be null"));
      return this;
    }

    /**
     * Sets the current medications.
     *
     * @param values the medications; empty means "asked, none"
     * @return this builder
     */
    public Builder medications(List<Medication> values) {
      medications = values;
      return this;
    }

    /**
     * Sets the sites with active infection or inflammation.
     *
     * @param values the sites; none means no infection
     * @return this builder
     */
    public Builder infectionSites(Site... values) {
      infectionSites = Arrays.asList(Objects.requireNonNull(values,
          "infectionSites must not be null"));
      return this;
    }

    /**
     * Sets the sites with active infection or inflammation.
     *
     * @param values the sites; empty or null means no infection
     * @return this builder
     */
    public Builder infectionSites(List<Site> values) {
      infectionSites = values;
      return this;
    }

    /**
     * Builds the history. A required list never set stays null, and the engine refuses it.
     *
     * @return the history
     */
    public MedicalHistory build() {
      return new MedicalHistory(conditions, allergies, medications, infectionSites);
    }
  }
}
