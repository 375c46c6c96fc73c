package org.botoxeligibility.json;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Effect;
import org.botoxeligibility.assessment.Evidence;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.assessment.Range;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.engine.IntakeValidator;

/**
 * The invariants of docs/contract.md §2 that an assessment read back must keep, so that a
 * tampered or corrupted record does not read as valid: the decision is exactly the most
 * restrictive effect among the reasons ({@code ELIGIBLE} only when none restricts), {@code
 * readyToBook} is true exactly when the decision treats and nothing is outstanding, the earliest
 * treatment date follows from the decision and the deferrals, the dates are plausible, codes and
 * ids are written as the contract writes them, evidence is sorted, and no text holds a control or
 * bidirectional character (the engine escapes them, as a {@link Problem} does, so a raw one was
 * put there afterwards). Every problem is listed with its path.
 */
final class AssessmentChecks {
  private static final Pattern INTAKE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  /**
   * How far after the assessment date a deferral or an earliest treatment date may lie: the
   * knowledge base's longest deferral is the retreatment interval (84 days by default, a clinic
   * may lengthen it), so a date ten years out is a corrupted record, not a deferral.
   */
  private static final int MAX_YEARS_AHEAD = 10;

  private final List<Problem> problems;

  private AssessmentChecks(List<Problem> problems) {
    this.problems = problems;
  }

  /**
   * Adds a problem for every invariant the assessment breaks.
   *
   * @param a an assessment whose fields all read (no problem of type or code)
   * @param problems receives the problems
   */
  static void check(Assessment a, List<Problem> problems) {
    new AssessmentChecks(problems).assessment(a);
  }

  private void add(String path, String message) {
    problems.add(new Problem(path, message));
  }

  private void assessment(Assessment a) {
    if (!INTAKE_ID.matcher(a.intakeId()).matches()) {
      add("$.intakeId", "must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
    }
    LocalDate date = a.assessmentDate();
    if (date.isBefore(IntakeValidator.EARLIEST_DATE)
        || date.isAfter(IntakeValidator.LATEST_ASSESSMENT_DATE)) {
      add("$.assessmentDate", "must be a date from " + IntakeValidator.EARLIEST_DATE + " to "
          + IntakeValidator.LATEST_ASSESSMENT_DATE);
    }
    text("$.knowledgeBaseVersion", a.knowledgeBaseVersion());
    if (a.recommendations().isEmpty()
        || a.recommendations().size() > IntakeValidator.MAX_CONCERNS) {
      add("$.recommendations", "must hold 1 to " + IntakeValidator.MAX_CONCERNS
          + " recommendations, one per concern");
    }
    Set<String> fired = new HashSet<>();
    for (int i = 0; i < a.firedRules().size(); i++) {
      String rule = a.firedRules().get(i);
      String at = "$.firedRules[" + i + "]";
      if (text(at, rule) && !fired.add(rule)) {
        add(at, "is listed twice");
      }
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < a.recommendations().size(); i++) {
      Recommendation r = a.recommendations().get(i);
      String at = "$.recommendations[" + i + "]";
      if (text(at + ".concernId", r.concernId())
          && r.concernId().length() > IntakeValidator.MAX_ID_LENGTH) {
        add(at + ".concernId", "must be 1 to " + IntakeValidator.MAX_ID_LENGTH + " characters");
      }
      if (!ids.add(r.concernId())) {
        add(at + ".concernId", "is the concern id of an earlier recommendation");
      }
      recommendation(r, at, date, fired);
    }
  }

  private void recommendation(Recommendation r, String at, LocalDate date, Set<String> fired) {
    text(at + ".conditionName", r.conditionName());
    for (int i = 0; i < r.sideEffects().size(); i++) {
      text(at + ".sideEffects[" + i + "]", r.sideEffects().get(i));
    }
    if (r.mechanisms().isEmpty()) {
      add(at + ".mechanisms", "must name at least one mechanism");
    } else if (new HashSet<>(r.mechanisms()).size() != r.mechanisms().size()) {
      add(at + ".mechanisms", "must not name a mechanism twice");
    }
    if (new HashSet<>(r.outstandingRequirements()).size() != r.outstandingRequirements().size()) {
      add(at + ".outstandingRequirements", "must not name a requirement twice");
    }
    if (r.plannedUnits() != null && r.plannedUnits() < 1) {
      add(at + ".plannedUnits", "must be at least 1");
    }
    notNegative(at + ".fullEffectDays", r.fullEffectDays());
    notNegative(at + ".maintenanceIntervalWeeks", r.maintenanceIntervalWeeks());
    range(at + ".expectedOnsetDays", r.expectedOnsetDays());
    range(at + ".expectedDurationMonths", r.expectedDurationMonths());

    Effect mostRestrictive = Effect.ELIGIBLE;
    LocalDate latestDeferral = null;
    boolean everyDeferralDated = true;
    for (int i = 0; i < r.reasons().size(); i++) {
      Reason reason = r.reasons().get(i);
      String p = at + ".reasons[" + i + "]";
      reason(reason, p, date, fired);
      mostRestrictive = mostRestrictive.max(reason.effect());
      if (reason.effect() == Effect.DEFERRED) {
        if (reason.deferredUntil() == null) {
          everyDeferralDated = false;
        } else if (latestDeferral == null || reason.deferredUntil().isAfter(latestDeferral)) {
          latestDeferral = reason.deferredUntil();
        }
      }
    }
    Effect d = r.decision();
    if (d != mostRestrictive) {
      add(at + ".decision", "is " + d + ", but the most restrictive effect among the reasons is "
          + mostRestrictive + " (the decision is exactly that effect, and ELIGIBLE only when no "
          + "reason restricts)");
    }
    boolean treatable = d == Effect.ELIGIBLE || d == Effect.ELIGIBLE_WITH_PRECAUTIONS;
    boolean ready = treatable && r.outstandingRequirements().isEmpty();
    if (r.readyToBook() != ready) {
      add(at + ".readyToBook", "is " + r.readyToBook() + ", but it is true exactly when the "
          + "decision is ELIGIBLE or ELIGIBLE_WITH_PRECAUTIONS and nothing is outstanding");
    }
    LocalDate earliest = treatable ? date
        : d == Effect.DEFERRED && everyDeferralDated ? latestDeferral : null;
    if (!java.util.Objects.equals(r.earliestTreatmentDate(), earliest)) {
      add(at + ".earliestTreatmentDate", earliest == null
          ? "must be absent for a " + d + " decision" + (d == Effect.DEFERRED
              ? " with a deferral that has no date" : "")
          : "must be " + earliest + (treatable ? ", the assessment date, for a " + d + " decision"
              : ", the latest deferral date"));
    }
  }

  private void reason(Reason reason, String at, LocalDate date, Set<String> fired) {
    if (!CODE.matcher(reason.code()).matches()) {
      add(at + ".code", "must be upper snake case (A-Z, 0-9 and _, at most 64 characters)");
    }
    text(at + ".message", reason.message());
    text(at + ".source", reason.source());
    if (text(at + ".rule", reason.rule()) && !fired.contains(reason.rule())) {
      add(at + ".rule", "is not among the fired rules");
    }
    LocalDate until = reason.deferredUntil();
    if (until != null) {
      if (reason.effect() != Effect.DEFERRED) {
        add(at + ".deferredUntil", "is only given for a DEFERRED reason");
      } else if (until.isBefore(date) || until.isAfter(date.plusYears(MAX_YEARS_AHEAD))) {
        add(at + ".deferredUntil", "must be a date from the assessment date to "
            + MAX_YEARS_AHEAD + " years after it");
      }
    }
    if (reason.evidence().isEmpty()) {
      add(at + ".evidence", "must list at least one intake fact (docs/contract.md §2)");
    }
    Evidence previous = null;
    for (int i = 0; i < reason.evidence().size(); i++) {
      Evidence e = reason.evidence().get(i);
      String p = at + ".evidence[" + i + "]";
      text(p + ".path", e.path());
      if (e.resource() != null) {
        text(p + ".resource", e.resource());
      }
      if (previous != null && Evidence.ORDER.compare(previous, e) >= 0) {
        add(p, "must come after the one before it: evidence is sorted by path, each once");
      }
      previous = e;
    }
  }

  private void notNegative(String at, Integer value) {
    if (value != null && value < 0) {
      add(at, "must not be negative");
    }
  }

  private void range(String at, Range range) {
    if (range != null && range.min() < 0) {
      add(at + ".min", "must not be negative");
    }
  }

  /** A text field: not blank, no control or bidirectional character; true when it passes. */
  private boolean text(String at, String value) {
    if (value.isBlank()) {
      add(at, "must not be blank");
      return false;
    }
    if (!Problem.escape(value).equals(value)) {
      add(at, "holds a control or bidirectional character, which the engine never writes");
      return false;
    }
    return true;
  }
}
