package org.botoxeligibility.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.knowledge.Finding;
import org.botoxeligibility.knowledge.KnowledgeBaseResources;
import org.botoxeligibility.knowledge.ReasonCode;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.AgendaGroupPoppedEvent;
import org.kie.api.event.rule.AgendaGroupPushedEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.MatchCancelledEvent;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleFlowGroupActivatedEvent;
import org.kie.api.event.rule.RuleFlowGroupDeactivatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Watches one evaluation in a pooled session: the names of the rules that fired (for the audit
 * trail), the limits every evaluation keeps (rule firings, facts inserted by rules, the deadline,
 * the caller's interrupt), and what an overlay rule may do. One guard lives on each pooled
 * session; a session serves one evaluation at a time, and the guard is reset for each.
 *
 * <p>An overlay rule (any rule outside the built-in package) only adds: it may insert {@link
 * Finding}s of codes of its own, resting on places of the intake, named after itself, and facts of
 * types it declares; it may modify or delete only facts that overlay rules inserted. Anything else
 * stops the evaluation at once, naming the rule: the built-in facts, the built-in rules'
 * conclusions and the built-in reason codes are the knowledge base's, and an overlay may make a
 * decision more restrictive, never less.
 *
 * <p>A limit or a refusal halts the session and throws out of the listener, which ends the rule's
 * consequence; the engine then reads {@link #violation()} and reports it. The checks run at every
 * rule firing and every insert, update and delete, so a rule that loops through the engine is
 * stopped; a consequence that loops without touching the engine cannot be stopped from here (the
 * engine stops waiting for it at the deadline).
 */
final class EvaluationGuard implements AgendaEventListener, RuleRuntimeEventListener {
  /** The reason codes of the built-in knowledge base, which an overlay finding may not use. */
  static final Set<String> BUILT_IN_CODES;

  static {
    Set<String> codes = new HashSet<>();
    for (ReasonCode c : ReasonCode.values()) {
      codes.add(c.name());
    }
    BUILT_IN_CODES = Collections.unmodifiableSet(codes);
  }

  /** The packages whose types are the engine's facts: an overlay never inserts one of them. */
  private static final Set<String> LIBRARY_PACKAGES = Set.of("org.botoxeligibility.intake",
      "org.botoxeligibility.knowledge", "org.botoxeligibility.assessment",
      "org.botoxeligibility.engine");

  private final KieSession session;
  private final HashSet<String> fired = new HashSet<>(64);
  private final Set<Object> overlayFacts = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<String> overlayRulesFired = new TreeSet<>();

  private Intake intake;
  private int limit;
  private long deadline;
  private long deadlineMillis;
  private int firings;
  private int inserted;
  private volatile String current;
  private boolean currentIsOverlay;
  private volatile Handle handle;
  private String violation;

  private EvaluationGuard(KieSession session) {
    this.session = session;
  }

  /**
   * The guard of a session, attached on the session's first use, reset for a new evaluation.
   *
   * @param session the pooled session
   * @param intake the validated intake being evaluated
   * @param limit the most rule firings, and the most facts rules insert
   * @param deadline the {@link System#nanoTime()} by which the evaluation ends
   * @param deadlineMillis the deadline's length, for the message
   * @param handle where another thread asks this evaluation to stop, or null
   */
  static EvaluationGuard of(KieSession session, Intake intake, int limit, long deadline,
      long deadlineMillis, Handle handle) {
    EvaluationGuard guard = null;
    for (AgendaEventListener l : session.getAgendaEventListeners()) {
      if (l instanceof EvaluationGuard g) {
        guard = g;
      }
    }
    if (guard == null) {
      guard = new EvaluationGuard(session);
      session.addEventListener((AgendaEventListener) guard);
      session.addEventListener((RuleRuntimeEventListener) guard);
    }
    guard.reset();
    guard.intake = intake;
    guard.limit = limit;
    guard.deadline = deadline;
    guard.deadlineMillis = deadlineMillis;
    guard.handle = handle;
    if (handle != null) {
      handle.guard = guard;
    }
    return guard;
  }

  /**
   * One evaluation, as another thread sees it: the rule it is running, and a request to stop it
   * (read at the next firing or insert). It belongs to one evaluation, never to a pooled session,
   * so a late request cannot stop the session's next evaluation.
   */
  static final class Handle {
    private volatile boolean stopRequested;
    private volatile EvaluationGuard guard;

    /** Asks the evaluation to stop at its next firing or insert. */
    void requestStop() {
      stopRequested = true;
    }

    /** The rule whose consequence was running when last seen, or null. */
    String currentRule() {
      EvaluationGuard g = guard;
      return g == null || g.handle != this ? null : g.current;
    }
  }

  /** Forgets the evaluation, before the session goes back to the pool. */
  void reset() {
    fired.clear();
    overlayFacts.clear();
    overlayRulesFired.clear();
    intake = null;
    firings = 0;
    inserted = 0;
    current = null;
    currentIsOverlay = false;
    handle = null;
    violation = null;
  }

  /** The names of the rules that fired, sorted, each once. */
  List<String> firedRules() {
    String[] sorted = fired.toArray(new String[0]);
    Arrays.sort(sorted);
    return List.of(sorted);
  }

  /** The names of the overlay rules that fired, sorted. */
  List<String> overlayRulesFired() {
    return List.copyOf(overlayRulesFired);
  }

  /** Why the evaluation was stopped, or null. */
  String violation() {
    return violation;
  }

  /** The rule whose consequence is running, or null. */
  String currentRule() {
    return current;
  }

  /** Whether the rule whose consequence is running is an overlay rule. */
  boolean currentIsOverlay() {
    return currentIsOverlay;
  }

  /** The number of rule firings so far. */
  int firings() {
    return firings;
  }

  static boolean isOverlay(Rule rule) {
    return !KnowledgeBaseResources.PACKAGE.equals(rule.getPackageName());
  }

  static String quote(String ruleName) {
    return "\"" + Problem.escape(ruleName) + "\"";
  }

  // ---- the agenda ---------------------------------------------------------------------------

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    Rule rule = event.getMatch().getRule();
    current = rule.getName();
    currentIsOverlay = isOverlay(rule);
    if (currentIsOverlay) {
      overlayRulesFired.add(current);
    }
    if (violation != null) {
      stop(violation);
    }
    if (++firings > limit) {
      stop("the rule " + quote(current) + " would fire beyond the limit of " + limit
          + " rule firings per evaluation (EligibilityEngine.Builder.firingLimit): a rule that "
          + "modifies or inserts what it matches fires again and again");
    }
    checkTime();
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    fired.add(event.getMatch().getRule().getName());
    current = null;
    currentIsOverlay = false;
  }

  @Override
  public void matchCreated(MatchCreatedEvent event) {}

  @Override
  public void matchCancelled(MatchCancelledEvent event) {}

  @Override
  public void agendaGroupPopped(AgendaGroupPoppedEvent event) {}

  @Override
  public void agendaGroupPushed(AgendaGroupPushedEvent event) {}

  @Override
  public void beforeRuleFlowGroupActivated(RuleFlowGroupActivatedEvent event) {}

  @Override
  public void afterRuleFlowGroupActivated(RuleFlowGroupActivatedEvent event) {}

  @Override
  public void beforeRuleFlowGroupDeactivated(RuleFlowGroupDeactivatedEvent event) {}

  @Override
  public void afterRuleFlowGroupDeactivated(RuleFlowGroupDeactivatedEvent event) {}

  // ---- working memory -------------------------------------------------------------------------

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    if (current == null) {
      return; // the engine's own facts, inserted before the rules fire
    }
    if (violation != null) {
      stop(violation);
    }
    if (++inserted > limit) {
      stop("the rule " + quote(current) + " would insert beyond the limit of " + limit
          + " facts per evaluation (EligibilityEngine.Builder.firingLimit): a rule that inserts "
          + "without end");
    }
    checkTime();
    if (currentIsOverlay) {
      Object fact = event.getObject();
      checkOverlayInsert(fact);
      overlayFacts.add(fact);
    }
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {
    if (current == null) {
      return;
    }
    if (violation != null) {
      stop(violation);
    }
    checkTime();
    if (currentIsOverlay) {
      Object before = event.getOldObject();
      if (!overlayFacts.contains(before)) {
        stop("the overlay rule " + quote(current) + " modifies " + describe(before)
            + " that no overlay rule inserted; overlay rules only add findings, they never "
            + "change the built-in facts or conclusions");
      }
      overlayFacts.remove(before);
      overlayFacts.add(event.getObject());
    }
  }

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {
    if (current == null) {
      return;
    }
    if (violation != null) {
      stop(violation);
    }
    checkTime();
    if (currentIsOverlay && !overlayFacts.remove(event.getOldObject())) {
      stop("the overlay rule " + quote(current) + " deletes " + describe(event.getOldObject())
          + " that no overlay rule inserted; overlay rules only add findings, they never "
          + "remove the built-in facts or conclusions");
    }
  }

  // ---- checks -------------------------------------------------------------------------------

  private void checkOverlayInsert(Object fact) {
    if (fact instanceof Finding f) {
      String rule = quote(current);
      if (BUILT_IN_CODES.contains(f.code())) {
        stop("the overlay rule " + rule + " inserts a finding with the built-in reason code "
            + f.code() + "; the built-in codes are the knowledge base's own (docs/clinical-policy"
            + ".md §4): an overlay's findings use codes of its own, such as CLINIC_"
            + f.code());
      }
      if (!f.rule().equals(current)) {
        stop("the overlay rule " + rule + " inserts a finding that names another rule; a "
            + "finding names the rule that concluded it (drools.getRule().getName())");
      }
      if (!intake.concerns().stream().anyMatch(c -> c.id().equals(f.concernId()))) {
        stop("the overlay rule " + rule + " inserts a finding for a concern the intake does "
            + "not have; take the concern from a ConcernProfile (Finding.of($p, ...))");
      }
      for (String pointer : f.evidence()) {
        String problem = IntakeSchema.problem(pointer, intake);
        if (problem != null) {
          stop("the overlay rule " + rule + " inserts a finding resting on a pointer that names "
              + "no place of the intake: " + problem);
        }
      }
    } else if (LIBRARY_PACKAGES.contains(fact.getClass().getPackageName())) {
      stop("the overlay rule " + rule() + " inserts " + describe(fact) + "; an overlay adds "
          + "findings (and facts of types it declares), never the facts the built-in rules "
          + "reason over or conclude");
    }
  }

  private String rule() {
    return quote(current);
  }

  private static String describe(Object fact) {
    if (fact == null) {
      return "a fact";
    }
    String name = fact.getClass().getSimpleName();
    if (name.isEmpty()) {
      return "a fact";
    }
    boolean vowel = "AEIOU".indexOf(name.charAt(0)) >= 0;
    return (vowel ? "an " : "a ") + name;
  }

  private void checkTime() {
    if (handle != null && handle.stopRequested) {
      stop("the caller stopped waiting for the evaluation (its deadline, or an interrupt)");
    }
    if (Thread.currentThread().isInterrupted()) {
      stop("the evaluating thread was interrupted while the rule " + quote(current)
          + " was firing");
    }
    if (System.nanoTime() - deadline > 0) {
      stop("the deadline of " + deadlineMillis + " ms per evaluation "
          + "(EligibilityEngine.Builder.deadline) passed while the rule " + quote(current)
          + " was firing");
    }
  }

  private void stop(String message) {
    if (violation == null) {
      violation = message;
    }
    session.halt();
    throw new Stopped();
  }

  /** Ends the consequence or the firing that broke a limit; the engine reports the violation. */
  static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("the evaluation was stopped", null, false, false);
    }
  }
}
