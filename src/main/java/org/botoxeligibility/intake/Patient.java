package org.botoxeligibility.intake;

import java.time.LocalDate;

/**
 * The patient (formats.md §1).
 *
 * @param ageYears whole years on the assessment date; null only when {@code birthDate} is given
 * @param sex null is read as {@link Sex#UNKNOWN}
 * @param pregnant null means not known
 * @param breastfeeding null means not known
 * @param weightKg null means not given
 */
public record Patient(
    Integer ageYears,
    LocalDate birthDate,
    Sex sex,
    Boolean pregnant,
    Boolean breastfeeding,
    Double weightKg) {

  public Patient {
    sex = sex == null ? Sex.UNKNOWN : sex;
  }

  /** A patient of the given age and sex, everything else not known. */
  public static Patient of(int ageYears, Sex sex) {
    return new Patient(ageYears, null, sex, null, null, null);
  }

  public Patient withAgeYears(Integer age) {
    return new Patient(age, birthDate, sex, pregnant, breastfeeding, weightKg);
  }

  public Patient withPregnant(Boolean value) {
    return new Patient(ageYears, birthDate, sex, value, breastfeeding, weightKg);
  }

  public Patient withBreastfeeding(Boolean value) {
    return new Patient(ageYears, birthDate, sex, pregnant, value, weightKg);
  }

  public Patient withWeightKg(Double value) {
    return new Patient(ageYears, birthDate, sex, pregnant, breastfeeding, value);
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Patient[redacted]";
  }
}
