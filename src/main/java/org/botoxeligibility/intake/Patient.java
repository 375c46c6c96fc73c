package org.botoxeligibility.intake;

import java.time.LocalDate;

/**
 * The patient (docs/contract.md §1). Build one with {@link #builder()}: give the age or the birth
 * date; every other field not set is "not known".
 *
 * <pre>{@code
 * Patient patient = Patient.builder().ageYears(41).sex(Sex.FEMALE).pregnant(false).build();
 * }</pre>
 *
 * @param ageYears whole years on the assessment date (0–120); null when {@code birthDate} is given
 * @param birthDate the birth date; null when not given
 * @param sex the sex; null is read as {@link Sex#UNKNOWN}
 * @param pregnant whether the patient is pregnant; null means not known
 * @param breastfeeding whether the patient is breastfeeding; null means not known
 * @param weightKg the weight in kg (more than 0, at most 400); null means not given
 */
public record Patient(
    Integer ageYears,
    LocalDate birthDate,
    Sex sex,
    Boolean pregnant,
    Boolean breastfeeding,
    Double weightKg) {

  /**
   * Reads an absent sex as {@link Sex#UNKNOWN}; nothing else is checked here.
   *
   * @param ageYears the age in whole years, or null
   * @param birthDate the birth date, or null
   * @param sex the sex, or null
   * @param pregnant whether pregnant, or null (not known)
   * @param breastfeeding whether breastfeeding, or null (not known)
   * @param weightKg the weight in kg, or null
   */
  public Patient {
    sex = sex == null ? Sex.UNKNOWN : sex;
  }

  /**
   * A patient of the given age and sex, everything else not known.
   *
   * @param ageYears the age in whole years (0–120)
   * @param sex the sex, or null for unknown
   * @return the patient
   */
  public static Patient of(int ageYears, Sex sex) {
    return builder().ageYears(ageYears).sex(sex).build();
  }

  /**
   * A builder with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this patient's fields, to change some of them.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ageYears = ageYears;
    b.birthDate = birthDate;
    b.sex = sex;
    b.pregnant = pregnant;
    b.breastfeeding = breastfeeding;
    b.weightKg = weightKg;
    return b;
  }

  /**
   * The same patient with another age.
   *
   * @param age the age (0–120), or null when the birth date gives it
   * @return the changed patient
   */
  public Patient withAgeYears(Integer age) {
    Builder b = toBuilder();
    b.ageYears = age;
    return b.build();
  }

  /**
   * The same patient with another pregnancy status.
   *
   * @param value true, false, or null (not known)
   * @return the changed patient
   */
  public Patient withPregnant(Boolean value) {
    Builder b = toBuilder();
    b.pregnant = value;
    return b.build();
  }

  /**
   * The same patient with another breastfeeding status.
   *
   * @param value true, false, or null (not known)
   * @return the changed patient
   */
  public Patient withBreastfeeding(Boolean value) {
    Builder b = toBuilder();
    b.breastfeeding = value;
    return b.build();
  }

  /**
   * The same patient with another weight.
   *
   * @param value the weight in kg, or null (not given)
   * @return the changed patient
   */
  public Patient withWeightKg(Double value) {
    Builder b = toBuilder();
    b.weightKg = value;
    return b.build();
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Patient[redacted]";
  }

  /** Builds a {@link Patient}; a field never set is "not known". Not thread-safe. */
  public static final class Builder {
    private Integer ageYears;
    private LocalDate birthDate;
    private Sex sex;
    private Boolean pregnant;
    private Boolean breastfeeding;
    private Double weightKg;

    private Builder() {}

    /**
     * Sets the age in whole years on the assessment date.
     *
     * @param value 0–120
     * @return this builder
     */
    public Builder ageYears(int value) {
      ageYears = value;
      return this;
    }

    /**
     * Sets the birth date (instead of, or agreeing with, the age).
     *
     * @param value not after the assessment date
     * @return this builder
     */
    public Builder birthDate(LocalDate value) {
      birthDate = value;
      return this;
    }

    /**
     * Sets the sex.
     *
     * @param value the sex
     * @return this builder
     */
    public Builder sex(Sex value) {
      sex = value;
      return this;
    }

    /**
     * Records whether the patient is pregnant. Not set means not known.
     *
     * @param value true when pregnant
     * @return this builder
     */
    public Builder pregnant(boolean value) {
      pregnant = value;
      return this;
    }

    /**
     * Records whether the patient is breastfeeding. Not set means not known.
     *
     * @param value true when breastfeeding
     * @return this builder
     */
    public Builder breastfeeding(boolean value) {
      breastfeeding = value;
      return this;
    }

    /**
     * Sets the weight.
     *
     * @param value kg, at least 0.2 and at most 400
     * @return this builder
     */
    public Builder weightKg(double value) {
      weightKg = value;
      return this;
    }

    /**
     * Builds the patient. The engine validates it with the rest of the intake.
     *
     * @return the patient
     */
    public Patient build() {
      return new Patient(ageYears, birthDate, sex, pregnant, breastfeeding, weightKg);
    }
  }
}
