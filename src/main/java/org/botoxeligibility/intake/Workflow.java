package org.botoxeligibility.intake;

/**
 * Where the clinical workflow stands (docs/contract.md §1); every step defaults to "not done".
 * A therapeutic treatment needs all three steps before it is booked. Build one with {@link
 * #builder()} rather than with positional booleans:
 *
 * <pre>{@code
 * Workflow workflow = Workflow.builder()
 *     .medicalExaminationCompleted().diagnosisConfirmed().build();
 * }</pre>
 *
 * @param medicalExaminationCompleted the medical examination is completed ({@code
 *     MEDICAL_EVALUATION_REQUIRED} until it is)
 * @param diagnosisConfirmed the diagnosis is confirmed ({@code MEDICAL_EVALUATION_REQUIRED} until
 *     it is)
 * @param prescriptionIssued the prescription is issued (listed as outstanding until it is)
 */
public record Workflow(
    boolean medicalExaminationCompleted, boolean diagnosisConfirmed, boolean prescriptionIssued) {

  /** No step done: the default when an intake gives no workflow. */
  public static final Workflow NOTHING_DONE = new Workflow(false, false, false);

  /**
   * A builder with no step done.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Workflow}; a step not named is not done. Not thread-safe. */
  public static final class Builder {
    private boolean examined;
    private boolean diagnosed;
    private boolean prescribed;

    private Builder() {}

    /**
     * Records the medical examination as completed.
     *
     * @return this builder
     */
    public Builder medicalExaminationCompleted() {
      examined = true;
      return this;
    }

    /**
     * Records the diagnosis as confirmed.
     *
     * @return this builder
     */
    public Builder diagnosisConfirmed() {
      diagnosed = true;
      return this;
    }

    /**
     * Records the prescription as issued.
     *
     * @return this builder
     */
    public Builder prescriptionIssued() {
      prescribed = true;
      return this;
    }

    /**
     * Builds the workflow.
     *
     * @return the workflow
     */
    public Workflow build() {
      return new Workflow(examined, diagnosed, prescribed);
    }
  }
}
