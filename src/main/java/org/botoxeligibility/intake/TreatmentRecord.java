package org.botoxeligibility.intake;

import java.time.LocalDate;
import java.util.List;

/**
 * A past botulinum toxin treatment (formats.md §1).
 *
 * @param condition null: counts for the interval and the dose, not for "same condition" rules
 * @param product null is read as {@link Product#ONABOTULINUMTOXINA}
 * @param units null means not recorded
 * @param response null is read as {@link Response#UNKNOWN}
 */
public record TreatmentRecord(
    LocalDate date,
    ConditionCode condition,
    Product product,
    Integer units,
    Response response,
    List<AdverseReaction> adverseReactions) {

  public TreatmentRecord {
    product = product == null ? Product.ONABOTULINUMTOXINA : product;
    response = response == null ? Response.UNKNOWN : response;
    adverseReactions = Lists.copy(adverseReactions);
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "TreatmentRecord[redacted]";
  }
}
