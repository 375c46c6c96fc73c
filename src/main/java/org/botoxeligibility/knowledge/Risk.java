package org.botoxeligibility.knowledge;

/**
 * A patient-level risk that several facts can establish (a comorbidity, an allergy, a past
 * reaction, a medication), derived by a rule so that the rules that act on the risk need not
 * repeat its triggers.
 *
 * @param evidence the fact that established it, in words, for the reason's message
 */
public record Risk(Kind kind, String evidence) {

  /** The risks that rules derive. */
  public enum Kind {
    BOTULINUM_TOXIN_HYPERSENSITIVITY,
    SWALLOWING_OR_BREATHING,
    PTOSIS,
    BLEEDING
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Risk[redacted]";
  }
}
