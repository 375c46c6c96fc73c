package org.botoxeligibility.knowledge;

import org.botoxeligibility.assessment.Effect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A reason, as a rule concluded it: the rule's name is the explanation's anchor. Rules insert
 * findings; they never change them. Built-in rules use the codes of {@link ReasonCode}; a
 * clinic's overlay rules may use codes of their own (upper snake case), through the constructor.
 *
 * <p>Every finding says which intake facts it rests on, as JSON Pointers into the intake as it was
 * given ({@link #restingOn}); the facts the rules match offer their pointers ({@link
 * ConcernProfile#pointer(String)}, {@link TakenMedication#pointer()}, {@link
 * PastTreatment#pointer()}, {@link IntakePointers}). A finding that names none rests on its
 * concern ({@code /concerns/N}).
 *
 * @param concernId the concern the finding is about ({@link ConcernProfile#id()})
 * @param code the reason code: upper snake case, at most 64 characters
 * @param effect its effect on the decision
 * @param message a sentence naming the facts used
 * @param source the source, such as "BOTOX PI §4" or "Clinic policy"
 * @param rule the name of the rule that concluded it
 * @param deferredUntil for a DEFERRED finding with a date: the earliest date treatment is
 *     possible; else null
 * @param evidence JSON Pointers of the intake facts it rests on; empty means the concern
 */
public record Finding(
    String concernId,
    String code,
    Effect effect,
    String message,
    String source,
    String rule,
    LocalDate deferredUntil,
    List<String> evidence) {

  private static final java.util.regex.Pattern CODE =
      java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  /**
   * Checks the finding, so that a broken rule fails the evaluation rather than give a reason
   * without its parts.
   *
   * @param concernId the concern; not null
   * @param code the reason code; not null
   * @param effect the effect; not null
   * @param message the sentence; not null
   * @param source the source; not null
   * @param rule the rule's name; not null
   * @param deferredUntil the deferral date, only with {@code DEFERRED}; or null
   * @param evidence JSON Pointers, each starting with {@code /}; or null for none
   * @throws IllegalArgumentException when a required part is null, the code is not upper snake
   *     case, a date is given with another effect than {@code DEFERRED}, or a pointer does not
   *     start with {@code /}
   */
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
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    for (String pointer : evidence) {
      if (!pointer.startsWith("/")) {
        throw new IllegalArgumentException("evidence is a JSON Pointer starting with /: " + rule);
      }
    }
  }

  /**
   * A finding without evidence, for a clinic's overlay rules that use codes of their own.
   *
   * @param concernId the concern
   * @param code the reason code (upper snake case)
   * @param effect the effect
   * @param message the sentence
   * @param source the source
   * @param rule the rule's name
   * @param deferredUntil the deferral date, or null
   */
  public Finding(String concernId, String code, Effect effect, String message, String source,
      String rule, LocalDate deferredUntil) {
    this(concernId, code, effect, message, source, rule, deferredUntil, List.of());
  }

  /**
   * The same finding resting also on these intake facts.
   *
   * @param pointers JSON Pointers into the intake, such as {@code /patient/weightKg}
   * @return the finding with the evidence added
   */
  public Finding restingOn(String... pointers) {
    List<String> all = new ArrayList<>(evidence);
    all.addAll(Arrays.asList(pointers));
    return new Finding(concernId, code, effect, message, source, rule, deferredUntil, all);
  }

  /**
   * The same finding resting also on these intake facts.
   *
   * @param pointers JSON Pointers into the intake
   * @return the finding with the evidence added
   */
  public Finding restingOn(Collection<String> pointers) {
    return restingOn(pointers.toArray(String[]::new));
  }

  /**
   * A finding of a built-in reason code for a concern; add its evidence with {@link #restingOn}.
   *
   * @param concern the concern
   * @param code the reason code
   * @param effect the effect
   * @param source the source, such as "BOTOX PI §4"
   * @param rule the rule's name ({@code drools.getRule().getName()})
   * @param message the sentence, naming the facts used
   * @return the finding, without evidence yet
   */
  public static Finding of(ConcernProfile concern, ReasonCode code, Effect effect, String source,
      String rule, String message) {
    return new Finding(concern.id(), code.name(), effect, message, source, rule, null, List.of());
  }

  /**
   * A finding of a clinic's own code for a concern.
   *
   * @param concern the concern
   * @param code the reason code (upper snake case)
   * @param effect the effect
   * @param source the source
   * @param rule the rule's name ({@code drools.getRule().getName()})
   * @param message the sentence
   * @return the finding
   */
  public static Finding of(ConcernProfile concern, String code, Effect effect, String source,
      String rule, String message) {
    return new Finding(concern.id(), code, effect, message, source, rule, null, List.of());
  }

  /**
   * A deferral to a date: a {@code DEFERRED} finding with the earliest date treatment is
   * possible.
   *
   * @param concern the concern
   * @param code the reason code
   * @param until the earliest treatment date
   * @param source the source
   * @param rule the rule's name
   * @param message the sentence
   * @return the finding, without evidence yet
   */
  public static Finding deferredUntil(ConcernProfile concern, ReasonCode code, LocalDate until,
      String source, String rule, String message) {
    return new Finding(concern.id(), code.name(), Effect.DEFERRED, message, source, rule, until,
        List.of());
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "Finding[redacted]";
  }
}
