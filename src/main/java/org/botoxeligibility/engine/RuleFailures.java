package org.botoxeligibility.engine;

import java.util.Collection;
import org.botoxeligibility.assessment.EvaluationException;
import org.botoxeligibility.knowledge.Finding;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Turns an exception out of the rules into an {@link EvaluationException} that names the rule and
 * what went wrong. An overlay rule's own exception text never travels outward (it may quote the
 * patient's facts): the message names the rule and the exception's type, and the cause keeps the
 * stack trace, for the author of the rule, without the text. The mistakes an overlay author makes
 * with a {@link Finding} (a code that is not upper snake case, a pointer without {@code /}, a date
 * on a finding that does not defer) are named in words of the library's own.
 */
final class RuleFailures {
  private RuleFailures() {}

  /**
   * The exception to throw for a failed evaluation.
   *
   * @param intakeId the intake's id, the only identifier a message names
   * @param e what the rules threw
   * @param overlayRules the names of the overlay rules (empty without overlays)
   * @param running the rule whose consequence was running when it was thrown, or null
   * @param runningIsOverlay whether that rule is an overlay rule
   */
  static EvaluationException of(String intakeId, Throwable e, Collection<String> overlayRules,
      String running, boolean runningIsOverlay) {
    String prefix = "evaluation of intake " + intakeId + " failed: ";
    // a condition of an overlay rule, evaluated when some rule (or the engine) inserted a fact
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message == null || !message.startsWith("Error evaluating constraint")) {
        continue;
      }
      for (String name : overlayRules) {
        if (message.contains("Rule \"" + name + "\"")) {
          Throwable root = root(t);
          return new EvaluationException(prefix + "the overlay rule "
              + EvaluationGuard.quote(name) + " failed in its conditions: " + explain(root),
              withheld(root));
        }
      }
    }
    ConsequenceException consequence = find(e, ConsequenceException.class);
    if (consequence != null && consequence.getRule() != null) {
      String name = consequence.getRule().getName();
      Throwable root = consequence.getCause() != null ? root(consequence.getCause()) : consequence;
      if (EvaluationGuard.isOverlay(consequence.getRule())) {
        return new EvaluationException(prefix + "the overlay rule " + EvaluationGuard.quote(name)
            + " failed in its consequence: " + explain(root), withheld(root));
      }
      if (overlayRules.isEmpty()) {
        return new EvaluationException(prefix + "the rule " + EvaluationGuard.quote(name)
            + " failed: " + root.getClass().getSimpleName(), e);
      }
      return new EvaluationException(prefix + "the rule " + EvaluationGuard.quote(name)
          + " failed: " + root.getClass().getSimpleName(), withheld(root));
    }
    if (running != null && runningIsOverlay) {
      Throwable root = root(e);
      return new EvaluationException(prefix + "the overlay rule "
          + EvaluationGuard.quote(running) + " failed in its consequence: " + explain(root),
          withheld(root));
    }
    if (overlayRules.isEmpty()) {
      return new EvaluationException(prefix + e.getClass().getSimpleName(), e);
    }
    // with overlays, any text may be an overlay's
    return new EvaluationException(prefix + e.getClass().getSimpleName(), withheld(e));
  }

  /** The mistake in words of the library's own, or the exception's type alone. */
  static String explain(Throwable root) {
    String message = root.getMessage();
    StackTraceElement[] trace = root.getStackTrace();
    boolean fromFinding = root instanceof IllegalArgumentException && message != null
        && trace.length > 0 && trace[0].getClassName().equals(Finding.class.getName());
    if (fromFinding) {
      if (message.startsWith("a reason code is upper snake case")) {
        return "its finding's code is not upper snake case (a capital letter, then capitals, "
            + "digits and _, at most 64 characters in all, such as CLINIC_CONSULTATION)";
      }
      if (message.startsWith("evidence is a JSON Pointer")) {
        return "a pointer of its finding's evidence does not start with / (take pointers from "
            + "the facts: $p.pointer(\"plannedUnits\"), $m.pointer(), given.patient(\"weightKg\"))";
      }
      if (message.startsWith("only a DEFERRED finding has a date")) {
        return "its finding has a deferral date but its effect is not DEFERRED";
      }
      if (message.startsWith("a finding needs")) {
        return "its finding lacks a part: the concern, code, effect, message, source or rule is "
            + "null";
      }
    }
    if (root instanceof StackOverflowError) {
      return "StackOverflowError (a function that calls itself without end?)";
    }
    return root.getClass().getName() + " (its message is withheld: it may hold patient data)";
  }

  /** The exception's type and stack trace, without its message. */
  static Throwable withheld(Throwable root) {
    Withheld w = new Withheld(root.getClass().getName()
        + " (its message is withheld: it may hold patient data)");
    w.setStackTrace(root.getStackTrace());
    return w;
  }

  private static Throwable root(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return r;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /** The type and stack trace of an exception whose message stays inside the engine. */
  static final class Withheld extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Withheld(String message) {
      super(message, null, false, true);
    }
  }
}
