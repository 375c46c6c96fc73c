package org.botoxeligibility.knowledge;

import org.botoxeligibility.assessment.Effect;

import java.time.LocalDate;

/**
 * A reason, as a rule concluded it: the rule's name is the explanation's anchor. Rules insert
 * findings; they never change them. Built-in rules use the codes of {@link ReasonCode}; a
 * clinic's overlay rules may use codes of their own (upper snake case), through the constructor.
 *
 * @param deferredUntil for a DEFERRED finding with a date: the earliest date treatment is possible
 */
public record Finding(
    String concernId,
    String code,
    Effect effect,
    String message,
    String source,
    String rule,
    LocalDate deferredUntil) {

  private static final java.util.regex.Pattern CODE =
      java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  public Finding {
    if (concernId == null || code == null || effect == null || message == null || source == null
        || rule == null) {
      throw new IllegalArgumentException("a finding needs a concern, code, effect, message, "
          + "source and rule: " + code + " from " + rule);
    }
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("a reason code is upper snake case: " + rule);
    }
    if (deferredUntil != null && effect != Effect.DEFERRED) {
      throw new IllegalArgumentException("only a DEFERRED finding has a date: " + rule);
    }
  }

  /** A finding for a concern. */
  public static Finding of(ConcernProfile concern, ReasonCode code, Effect effect, String source,
      String rule, String message) {
    return new Finding(concern.id(), code.name(), effect, message, source, rule, null);
  }

  /** A deferral to a date. */
  public static Finding deferredUntil(ConcernProfile concern, ReasonCode code, LocalDate until,
      String source, String rule, String message) {
    return new Finding(concern.id(), code.name(), Effect.DEFERRED, message, source, rule, until);
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Finding[redacted]";
  }
}
