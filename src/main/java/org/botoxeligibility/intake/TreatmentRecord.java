package org.botoxeligibility.intake;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A past botulinum toxin treatment, of any product (docs/contract.md §1). Build one with {@link
 * #builder()}:
 *
 * <pre>{@code
 * TreatmentRecord last = TreatmentRecord.builder().date(LocalDate.of(2026, 6, 2))
 *     .condition(ConditionCode.CHRONIC_MIGRAINE).units(155).response(Response.GOOD).build();
 * }</pre>
 *
 * @param date the treatment date; required, not after the assessment date
 * @param condition what was treated; null counts for the interval and the dose, not for the
 *     "same condition" rules
 * @param product the product; null is read as {@link Product#ONABOTULINUMTOXINA}
 * @param units units given (1–1000); null means not recorded
 * @param response the response; null is read as {@link Response#UNKNOWN}
 * @param adverseReactions adverse reactions after it, at most 20; null means none
 */
public record TreatmentRecord(
    LocalDate date,
    ConditionCode condition,
    Product product,
    Integer units,
    Response response,
    List<AdverseReaction> adverseReactions) {

  /**
   * Applies the defaults of docs/contract.md §1 and copies the reactions.
   *
   * @param date the treatment date
   * @param condition what was treated, or null
   * @param product the product, or null for onabotulinumtoxinA
   * @param units the units given, or null
   * @param response the response, or null for unknown
   * @param adverseReactions the reactions, or null for none
   */
  public TreatmentRecord {
    product = product == null ? Product.ONABOTULINUMTOXINA : product;
    response = response == null ? Response.UNKNOWN : response;
    adverseReactions = Lists.copy(adverseReactions);
  }

  /**
   * A builder with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "TreatmentRecord[redacted]";
  }

  /** Builds a {@link TreatmentRecord}. Not thread-safe. */
  public static final class Builder {
    private LocalDate date;
    private ConditionCode condition;
    private Product product;
    private Integer units;
    private Response response;
    private List<AdverseReaction> adverseReactions = List.of();

    private Builder() {}

    /**
     * Sets the treatment date (required).
     *
     * @param value not after the assessment date
     * @return this builder
     */
    public Builder date(LocalDate value) {
      date = value;
      return this;
    }

    /**
     * Sets what was treated.
     *
     * @param value the catalog code
     * @return this builder
     */
    public Builder condition(ConditionCode value) {
      condition = value;
      return this;
    }

    /**
     * Sets the product (default onabotulinumtoxinA).
     *
     * @param value the product
     * @return this builder
     */
    public Builder product(Product value) {
      product = value;
      return this;
    }

    /**
     * Sets the units given.
     *
     * @param value 1–1000
     * @return this builder
     */
    public Builder units(int value) {
      units = value;
      return this;
    }

    /**
     * Sets the response (default unknown).
     *
     * @param value the response
     * @return this builder
     */
    public Builder response(Response value) {
      response = value;
      return this;
    }

    /**
     * Sets the adverse reactions after this treatment.
     *
     * @param values the reactions
     * @return this builder
     */
    public Builder adverseReactions(AdverseReaction... values) {
      adverseReactions = Arrays.asList(Objects.requireNonNull(values,
          "adverseReactions must not be null"));
      return this;
    }

    /**
     * Sets the adverse reactions after this treatment.
     *
     * @param values the reactions
     * @return this builder
     */
    public Builder adverseReactions(List<AdverseReaction> values) {
      adverseReactions = values;
      return this;
    }

    /**
     * Builds the record. The engine validates it with the rest of the intake.
     *
     * @return the record
     */
    public TreatmentRecord build() {
      return new TreatmentRecord(date, condition, product, units, response, adverseReactions);
    }
  }
}
