package org.botoxeligibility.knowledge;

import java.util.List;

/**
 * A patient-level risk that several facts can establish (a comorbidity, an allergy, a past
 * reaction, a medication), derived by a rule so that the rules that act on the risk need not
 * repeat its triggers.
 *
 * @param kind the risk
 * @param evidence the fact that established it, in words, for the reason's message
 * @param pointers where the intake gives that fact
 */
public record Risk(Kind kind, String evidence, List<String> pointers) {

  /** The risks that rules derive. */
  public enum Kind {
    /** Hypersensitivity to botulinum toxin. */
    BOTULINUM_TOXIN_HYPERSENSITIVITY,
    /** Difficulty swallowing or breathing. */
    SWALLOWING_OR_BREATHING,
    /** Eyelid ptosis. */
    PTOSIS,
    /** Bleeding or bruising. */
    BLEEDING
  }

  /**
   * Copies the pointers.
   *
   * @param kind the risk
   * @param evidence the fact in words
   * @param pointers where the intake gives that fact; not null
   */
  public Risk {
    pointers = List.copyOf(pointers);
  }

  /**
   * A risk resting on one intake fact.
   *
   * @param kind the risk
   * @param evidence the fact in words
   * @param pointer where the intake gives it
   * @return the risk
   */
  public static Risk of(Kind kind, String evidence, String pointer) {
    return new Risk(kind, evidence, List.of(pointer));
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Risk[redacted]";
  }
}
