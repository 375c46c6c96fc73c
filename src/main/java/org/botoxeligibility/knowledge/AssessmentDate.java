package org.botoxeligibility.knowledge;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The assessment date of the intake, as a fact (one per evaluation), so that rules can date the
 * intake's own dates against it ({@code utiExcludedOn}, knowledge base 1.2).
 *
 * @param date the assessment date
 */
public record AssessmentDate(LocalDate date) {

  /**
   * Whole days from an earlier date to the assessment date.
   *
   * @param earlier the date, not after the assessment date (the validator sees to it)
   * @return the days, 0 for the assessment date itself
   */
  public long daysSince(LocalDate earlier) {
    return ChronoUnit.DAYS.between(earlier, date);
  }

  /** The assessment date is no patient data, but the facts keep one habit. */
  @Override
  public String toString() {
    return "AssessmentDate[redacted]";
  }
}
