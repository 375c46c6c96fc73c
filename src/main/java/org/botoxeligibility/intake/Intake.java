package org.botoxeligibility.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A patient intake (docs/contract.md §1, version 1): the patient, the concerns to assess, the
 * medical history as asked, past treatments and the workflow. Build one with {@link #builder()};
 * the engine validates an intake built in code exactly as one read from JSON, and refuses it with
 * every problem listed when it breaks the contract. Immutable; its {@code toString} names the id
 * only.
 *
 * <pre>{@code
 * Intake intake = Intake.builder()
 *     .intakeId("INT-2026-0042")
 *     .patient(Patient.builder().ageYears(41).sex(Sex.FEMALE).pregnant(false).build())
 *     .concern(Concern.builder().condition(ConditionCode.GLABELLAR_LINES).build())
 *     .medicalHistory(MedicalHistory.none())
 *     .build();
 * }</pre>
 *
 * @param intakeId an opaque reference (1–64 characters of {@code A-Z a-z 0-9 . _ -}), never a name
 * @param assessmentDate the assessment date; null means the caller's default (the command's
 *     {@code --date}, else today)
 * @param patient the patient; required
 * @param concerns the concerns, 1–20; required (null is refused)
 * @param medicalHistory what was asked and reported; required
 * @param treatmentHistory past treatments, at most 200; null means none
 * @param workflow where the workflow stands; null means nothing done
 */
public record Intake(
    String intakeId,
    LocalDate assessmentDate,
    Patient patient,
    List<Concern> concerns,
    MedicalHistory medicalHistory,
    List<TreatmentRecord> treatmentHistory,
    Workflow workflow) {

  /**
   * Copies the lists; a null list of concerns stays null, for the validator to refuse. Nothing is
   * checked here.
   *
   * @param intakeId the intake's id
   * @param assessmentDate the assessment date, or null
   * @param patient the patient
   * @param concerns the concerns
   * @param medicalHistory the medical history
   * @param treatmentHistory the past treatments, or null for none
   * @param workflow the workflow, or null for nothing done
   */
  public Intake {
    concerns = Lists.copyOrNull(concerns);
    treatmentHistory = Lists.copy(treatmentHistory);
  }

  /**
   * The same intake on another assessment date.
   *
   * @param date the date, or null for the caller's default
   * @return the changed intake
   */
  public Intake withAssessmentDate(LocalDate date) {
    return new Intake(intakeId, date, patient, concerns, medicalHistory, treatmentHistory, workflow);
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
   * A builder holding this intake's fields, to change some of them.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder().intakeId(intakeId).patient(patient).medicalHistory(medicalHistory)
        .treatmentHistory(treatmentHistory).workflow(workflow);
    b.assessmentDate = assessmentDate;
    b.concerns = concerns == null ? null : new ArrayList<>(concerns);
    return b;
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Intake[" + intakeId + "]";
  }

  /** Builds an {@link Intake}. Not thread-safe. */
  public static final class Builder {
    private String intakeId;
    private LocalDate assessmentDate;
    private Patient patient;
    private List<Concern> concerns;
    private MedicalHistory medicalHistory;
    private List<TreatmentRecord> treatmentHistory = new ArrayList<>();
    private Workflow workflow;

    private Builder() {}

    /**
     * Sets the intake id.
     *
     * @param value 1–64 characters of {@code A-Z a-z 0-9 . _ -}; never patient data
     * @return this builder
     */
    public Builder intakeId(String value) {
      intakeId = value;
      return this;
    }

    /**
     * Sets the assessment date (default: the caller's date, else today).
     *
     * @param value the date, from 1900-01-01 to 2199-12-31
     * @return this builder
     */
    public Builder assessmentDate(LocalDate value) {
      assessmentDate = value;
      return this;
    }

    /**
     * Sets the patient (required).
     *
     * @param value the patient
     * @return this builder
     */
    public Builder patient(Patient value) {
      patient = value;
      return this;
    }

    /**
     * Adds a concern, after those added before (1–20 in all).
     *
     * @param value the concern
     * @return this builder
     */
    public Builder concern(Concern value) {
      if (concerns == null) {
        concerns = new ArrayList<>();
      }
      concerns.add(value);
      return this;
    }

    /**
     * Sets the concerns, replacing those added before.
     *
     * @param values the concerns; null leaves none, which the engine refuses
     * @return this builder
     */
    public Builder concerns(List<Concern> values) {
      concerns = values == null ? null : new ArrayList<>(values);
      return this;
    }

    /**
     * Sets the medical history (required; {@link MedicalHistory#none()} when nothing was reported).
     *
     * @param value the history
     * @return this builder
     */
    public Builder medicalHistory(MedicalHistory value) {
      medicalHistory = value;
      return this;
    }

    /**
     * Adds a past treatment.
     *
     * @param value the treatment
     * @return this builder
     */
    public Builder treatment(TreatmentRecord value) {
      treatmentHistory.add(value);
      return this;
    }

    /**
     * Sets the past treatments, replacing those added before.
     *
     * @param values the treatments, at most 200; null means none
     * @return this builder
     */
    public Builder treatmentHistory(List<TreatmentRecord> values) {
      treatmentHistory = values == null ? new ArrayList<>() : new ArrayList<>(values);
      return this;
    }

    /**
     * Adds past treatments.
     *
     * @param values the treatments
     * @return this builder
     */
    public Builder treatments(TreatmentRecord... values) {
      treatmentHistory.addAll(Arrays.asList(Objects.requireNonNull(values,
          "treatments must not be null")));
      return this;
    }

    /**
     * Sets the workflow (default: nothing done).
     *
     * @param value the workflow
     * @return this builder
     */
    public Builder workflow(Workflow value) {
      workflow = value;
      return this;
    }

    /**
     * Builds the intake. The engine validates it before evaluating it.
     *
     * @return the intake
     */
    public Intake build() {
      return new Intake(intakeId, assessmentDate, patient, concerns, medicalHistory,
          treatmentHistory, workflow);
    }
  }
}
