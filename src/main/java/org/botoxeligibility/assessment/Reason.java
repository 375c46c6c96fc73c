package org.botoxeligibility.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * One reason behind a decision (docs/contract.md §2): a stable code, its effect, a sentence naming
 * the facts used, the source, the rule that concluded it, and the intake facts it rests on. Every
 * reason that applies is reported, not only the strongest.
 *
 * @param code the stable reason code, such as {@code PREGNANCY_STATUS_UNKNOWN}: one of
 *     docs/clinical-policy.md §4, or a code of a clinic's own overlay rules
 * @param effect the effect it has on the decision ({@link Effect#ELIGIBLE} when it only informs)
 * @param message a sentence a clinician can read, naming the facts it used
 * @param source the source: a label section, a guideline, payer or clinic policy
 * @param rule the name of the rule that concluded it
 * @param deferredUntil for a dated deferral: the first date treatment is possible; else null
 * @param evidence the intake facts it rests on, sorted by path; at least one
 */
public record Reason(
    String code, Effect effect, String message, String source, String rule,
    LocalDate deferredUntil, List<Evidence> evidence) {

  /**
   * Copies the evidence; null evidence becomes an empty list.
   *
   * @param code the reason code
   * @param effect the effect on the decision
   * @param message the sentence
   * @param source the source
   * @param rule the rule's name
   * @param deferredUntil the first possible treatment date of a dated deferral, or null
   * @param evidence the intake facts it rests on, or null for none
   */
  public Reason {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
