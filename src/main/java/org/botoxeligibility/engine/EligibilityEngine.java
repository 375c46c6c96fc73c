package org.botoxeligibility.engine;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.EvaluationException;
import org.botoxeligibility.assessment.InvalidIntakeException;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.knowledge.Catalog;
import org.botoxeligibility.knowledge.DrugList;
import org.botoxeligibility.knowledge.IntakePointers;
import org.botoxeligibility.knowledge.KnowledgeTables;
import org.botoxeligibility.knowledge.Policy;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates intakes against the knowledge base (docs/contract.md §4). Build it once (building
 * takes a fraction of a second, more with overlay rules); it is immutable after construction and
 * safe to share between threads: every evaluation runs in a KieSession of its own, and the shared
 * parts (the KieBase, the catalog, the policy, the drug list) are never written after the build.
 *
 * <pre>{@code
 * EligibilityEngine engine = EligibilityEngine.withDefaultKnowledgeBase();
 * Assessment assessment = engine.evaluate(intake);
 * }</pre>
 *
 * <p>An intake built in code meets exactly the rules the JSON reader applies ({@link
 * IntakeValidator}); a broken one is refused with every problem listed, never evaluated.
 *
 * <p><b>Lifecycle.</b> An engine holds no file, socket or thread of its own that needs closing:
 * there is no {@code close()}; drop the last reference and it is garbage. (The audit sink it was
 * given belongs to the caller, who closes it when the engine is no longer used.) An engine with
 * overlay rules runs their evaluations on daemon threads that end after a few seconds idle.
 *
 * <p><b>Limits.</b> Every evaluation stops with an {@link EvaluationException} naming the rule
 * when the rules fire more than {@link Builder#firingLimit} times or insert more facts than that,
 * when its {@link Builder#deadline} passes, or when its thread is interrupted. The defaults are
 * far above what the built-in knowledge base needs for the largest intake the contract allows;
 * they exist for overlay rules that loop.
 *
 * <p><b>Overlay rules only add.</b> With overlay rules ({@link Builder#addRules}), an overlay rule
 * that modifies or deletes a fact it did not insert, inserts a fact of the engine's own types
 * other than a {@link org.botoxeligibility.knowledge.Finding}, or inserts a finding with a
 * built-in reason code, a pointer that names no place of the intake or another rule's name, stops
 * the evaluation with an {@link EvaluationException} naming the rule. The built-in knowledge base
 * also evaluates every intake on its own, and an assessment is refused when the overlay rules took
 * away any of its reasons or changed its label status, insurance, planned units or outstanding
 * requirements: an overlay can make a decision more restrictive, never less. (With overlay rules,
 * an evaluation therefore costs about twice the processor time.) An overlay rule's own exception
 * text never leaves the engine: the exception names the rule and the exception's type.
 */
public final class EligibilityEngine {
  private static final Logger LOG = LoggerFactory.getLogger(EligibilityEngine.class);

  /**
   * The default {@link Builder#firingLimit}: 100,000 rule firings (and facts inserted by rules)
   * per evaluation. The built-in knowledge base needs a few thousand (2,304 with knowledge base
   * 1.2.0) for the largest intake the contract allows (20 concerns, 100 items in each
   * medical-history list, 200 past treatments); a test keeps that below a tenth of the limit.
   */
  public static final int DEFAULT_FIRING_LIMIT = 100_000;

  /**
   * The default {@link Builder#deadline}: 10 seconds per evaluation. The built-in knowledge base
   * evaluates the largest intake the contract allows in a few milliseconds once warm, and in well
   * under a second in a fresh JVM.
   */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

  /** How long the caller waits past the deadline for an overlay evaluation to report. */
  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final InternalKnowledgeBase kieBase;
  private final KnowledgeTables tables;
  private final KieSessionsPool sessions;
  private final KieSessionsPool builtInSessions;
  private final ExecutorService overlayThreads;
  private final Catalog catalog;
  private final Policy policy;
  private final DrugList drugs;
  private final IntakeValidator validator;
  private final String knowledgeBaseVersion;
  private final List<String> ruleNames;
  private final java.util.Set<String> overlayRules;
  private final Clock clock;
  private final AuditSink audit;
  private final int firingLimit;
  private final long deadlineNanos;

  private EligibilityEngine(Builder b, InternalKnowledgeBase kieBase,
      InternalKnowledgeBase builtInOnly, String overlayHash) {
    int pool = Runtime.getRuntime().availableProcessors();
    this.kieBase = kieBase;
    this.sessions = kieBase.newKieSessionsPool(pool);
    this.builtInSessions = builtInOnly == null ? null : builtInOnly.newKieSessionsPool(pool);
    this.overlayThreads = builtInOnly == null ? null : overlayThreads();
    this.tables = b.tables;
    this.catalog = Catalog.load(tables);
    this.policy = Policy.load(tables);
    this.drugs = DrugList.load(tables);
    this.validator = new IntakeValidator(catalog);
    this.knowledgeBaseVersion = tables.version()
        + (overlayHash == null ? "" : "+overlay." + overlayHash);
    this.ruleNames = List.copyOf(KnowledgeBaseLoader.ruleNames(kieBase));
    this.overlayRules = java.util.Set.copyOf(KnowledgeBaseLoader.overlayRuleNames(kieBase));
    this.clock = b.clock;
    this.audit = b.audit;
    this.firingLimit = b.firingLimit;
    this.deadlineNanos = b.deadline.toNanos();
  }

  /**
   * The engine with the built-in knowledge base and tables, no overlay rules, no audit trail, and
   * the system clock in the default time zone.
   *
   * @return the engine
   * @throws org.botoxeligibility.assessment.RulesBuildException when the compiled rules are
   *     missing from the class path (a broken build)
   */
  public static EligibilityEngine withDefaultKnowledgeBase() {
    return builder().build();
  }

  /**
   * A builder, to add a clinic's rules or tables, an audit trail, a clock or other limits.
   *
   * @return a new builder, with the built-in knowledge base and nothing added
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an engine: the built-in knowledge base, optionally with a clinic's own rules and
   * tables, an audit trail, a clock and the limits of each evaluation. Not thread-safe; the engine
   * it builds is.
   */
  public static final class Builder {
    private final List<Path> overlays = new ArrayList<>();
    private Clock clock = Clock.systemDefaultZone();
    private AuditSink audit;
    private KnowledgeTables tables = KnowledgeTables.builtIn();
    private int firingLimit = DEFAULT_FIRING_LIMIT;
    private Duration deadline = DEFAULT_DEADLINE;

    private Builder() {}

    /**
     * Records every evaluation in an audit trail (for example {@code
     * org.botoxeligibility.json.JsonAuditLog}). A failure to record (any exception the sink
     * throws, checked ones included) fails the evaluation with an {@link EvaluationException}:
     * no assessment is returned that the trail does not hold.
     *
     * @param sink the audit trail; thread-safe if the engine is shared
     * @return this builder
     * @throws NullPointerException when {@code sink} is null
     */
    public Builder audit(AuditSink sink) {
      audit = Objects.requireNonNull(sink, "sink must not be null");
      return this;
    }

    /**
     * Adds every {@code *.drl} file of a folder (in name order) to the built-in rules, when the
     * engine is built. Overlay rules declare a package of their own (not one of the library's),
     * take no built-in rule's name, and insert {@link org.botoxeligibility.knowledge.Finding}s
     * with codes of their own (see the README and {@code examples/overlay}); they only add (see
     * the class comment). Every assessment's {@code knowledgeBaseVersion} then ends with {@code
     * +overlay.} and the first 12 hex digits of the SHA-256 of the overlay files (names and
     * bytes, in the order read). Overlay rules are code: take them only from a trusted,
     * access-controlled folder. May be called for several folders.
     *
     * @param folder the folder of DRL files; read by {@link #build()}
     * @return this builder
     * @throws NullPointerException when {@code folder} is null
     */
    public Builder addRules(Path folder) {
      overlays.add(Objects.requireNonNull(folder, "folder must not be null"));
      return this;
    }

    /**
     * Overrides the catalog, parameter and drug tables row by row from a clinic's folder (see
     * {@link KnowledgeTables#withOverrides}); the knowledge base then reports its version as
     * {@code 1.2.0+local.<12 hex digits>}. The folder is read here, at once; its rows are checked
     * when the engine is built.
     *
     * @param folder the folder of override tables
     * @return this builder
     * @throws NullPointerException when {@code folder} is null
     * @throws org.botoxeligibility.assessment.RulesBuildException when the folder cannot be read,
     *     holds no table, or holds a file not named after a built-in table
     */
    public Builder tables(Path folder) {
      tables = KnowledgeTables.withOverrides(Objects.requireNonNull(folder,
          "folder must not be null"));
      return this;
    }

    /**
     * Uses tables already read (shared with a FHIR mapper, say).
     *
     * @param value the tables
     * @return this builder
     * @throws NullPointerException when {@code value} is null
     */
    public Builder tables(KnowledgeTables value) {
      tables = Objects.requireNonNull(value, "tables must not be null");
      return this;
    }

    /**
     * The clock that gives "today" to intakes without an assessment date (default: the system
     * clock in the default time zone).
     *
     * @param value the clock; its zone decides the date
     * @return this builder
     * @throws NullPointerException when {@code value} is null
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock must not be null");
      return this;
    }

    /**
     * The most rule firings in one evaluation, and the most facts its rules may insert (default
     * {@link #DEFAULT_FIRING_LIMIT}). An evaluation that would go beyond it fails with an
     * {@link EvaluationException} naming the rule: a rule that modifies what it matches, or
     * inserts without end, loops.
     *
     * @param max the limit, at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code max} is less than 1
     */
    public Builder firingLimit(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("firingLimit must be at least 1, was " + max);
      }
      firingLimit = max;
      return this;
    }

    /**
     * The longest one evaluation may take, validation excluded (default {@link
     * #DEFAULT_DEADLINE}). An evaluation still running then fails with an {@link
     * EvaluationException} naming the rule that was firing; with overlay rules, the caller stops
     * waiting even for a consequence that never returns.
     *
     * @param value the deadline, more than zero and at most one hour
     * @return this builder
     * @throws NullPointerException when {@code value} is null
     * @throws IllegalArgumentException when {@code value} is not more than zero, or more than an
     *     hour
     */
    public Builder deadline(Duration value) {
      Objects.requireNonNull(value, "deadline must not be null");
      if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("deadline must be more than zero and at most an "
            + "hour, was " + value);
      }
      deadline = value;
      return this;
    }

    /**
     * Builds the engine: loads the compiled built-in rules, compiles the overlay rules, and reads
     * the tables. The builder may be used again afterwards.
     *
     * @return the engine
     * @throws org.botoxeligibility.assessment.RulesBuildException when an overlay does not compile
     *     or breaks a restriction, or a table cannot be used, listing each error
     */
    public EligibilityEngine build() {
      InternalKnowledgeBase kieBase = KnowledgeBaseLoader.builtIn();
      if (overlays.isEmpty()) {
        return new EligibilityEngine(this, kieBase, null, null);
      }
      MessageDigest digest = sha256();
      for (Path folder : overlays) {
        KnowledgeBaseLoader.addOverlay(kieBase, folder, digest);
      }
      String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
      return new EligibilityEngine(this, kieBase, KnowledgeBaseLoader.builtIn(), hash);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Daemon threads for overlay evaluations, created on demand and ended when idle. */
  private static ExecutorService overlayThreads() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "botox-eligibility-overlay-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Evaluates one intake. An intake without an assessment date is assessed on today's date (by the
   * builder's clock). Thread-safe.
   *
   * @param intake the intake, built in code or read from JSON
   * @return the assessment: one recommendation per concern, in the order of the concerns
   * @throws NullPointerException when {@code intake} is null
   * @throws InvalidIntakeException when the intake breaks docs/contract.md §1, listing every
   *     problem; nothing is evaluated
   * @throws EvaluationException when a rule fails, the rules contradict themselves, a limit of the
   *     evaluation is reached (firings, deadline, an interrupt), an overlay rule does what
   *     overlays may not, or the audit trail cannot record the evaluation
   */
  public Assessment evaluate(Intake intake) {
    return evaluate(Objects.requireNonNull(intake, "intake must not be null"), null);
  }

  /** Evaluates with some rules held back; for the rule-coverage test. */
  Assessment evaluate(Intake intake, AgendaFilter filter) {
    IntakeValidator.Result validation = validator.validate(intake, LocalDate.now(clock));
    if (!validation.valid()) {
      throw new InvalidIntakeException(validation.problems());
    }
    Intake valid = validation.intake();
    long start = System.nanoTime();
    long deadline = start + deadlineNanos;
    Run run = builtInSessions == null
        ? run(sessions, valid, filter, deadline, null)
        : withOverlays(valid, filter, deadline);
    Assessment assessment = run.assessment();
    if (audit != null && filter == null) {
      try {
        audit.record(valid, assessment);
      } catch (Exception e) {
        // checked exceptions too: a sink may throw one its interface does not declare
        throw new EvaluationException("the audit trail could not record intake "
            + valid.intakeId() + "; no assessment is given without it", e);
      }
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("evaluated intake {} in {} µs, {} rules fired", valid.intakeId(),
          (System.nanoTime() - start) / 1000, run.firings());
    }
    return assessment;
  }

  /** The number of rule firings the built-in knowledge base needs for an intake; for tests. */
  int firings(Intake intake) {
    Intake valid = validator.validate(intake, LocalDate.now(clock)).intake();
    KieSessionsPool pool = builtInSessions != null ? builtInSessions : sessions;
    return run(pool, valid, null, System.nanoTime() + deadlineNanos, null).firings();
  }

  /** What one session concluded. */
  private record Run(Assessment assessment, List<String> overlayRules, int firings) {}

  /**
   * Runs one intake through a session of the pool, under the limits.
   *
   * @throws EvaluationException naming what went wrong
   */
  private Run run(KieSessionsPool pool, Intake valid, AgendaFilter filter, long deadline,
      EvaluationGuard.Handle handle) {
    KieSession session = pool.newKieSession();
    EvaluationGuard guard = EvaluationGuard.of(session, valid, firingLimit, deadline,
        TimeUnit.NANOSECONDS.toMillis(deadlineNanos), handle);
    try {
      session.setGlobal("policy", policy);
      session.setGlobal("catalog", catalog);
      IntakePointers given = new IntakePointers(valid);
      session.setGlobal("given", given);
      Facts.insert(session, valid, given, drugs);
      if (filter == null) {
        session.fireAllRules();
      } else {
        session.fireAllRules(filter);
      }
      if (guard.violation() != null) {
        throw stopped(valid, guard.violation());
      }
      if (session.getGlobal("policy") != policy || session.getGlobal("catalog") != catalog
          || session.getGlobal("given") != given) {
        throw stopped(valid, "a rule replaced a global (policy, catalog or given); rules read "
            + "the globals, they never set them");
      }
      AssessmentAssembler assembler = new AssessmentAssembler();
      try {
        for (Object fact : session.getObjects()) {
          assembler.accept(fact);
        }
        return new Run(assembler.assemble(valid, knowledgeBaseVersion, guard.firedRules()),
            guard.overlayRulesFired(), guard.firings());
      } catch (EvaluationException e) {
        if (guard.overlayRulesFired().isEmpty()) {
          throw e;
        }
        throw new EvaluationException("evaluation of intake " + valid.intakeId() + " failed: "
            + e.getMessage() + "; the overlay rules that fired: "
            + names(guard.overlayRulesFired()));
      }
    } catch (EvaluationException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      if (guard.violation() != null) {
        throw stopped(valid, guard.violation());
      }
      throw RuleFailures.of(valid.intakeId(), e, overlayRules, guard.currentRule(),
          guard.currentIsOverlay());
    } finally {
      guard.reset();
      // returns the session to the pool, which resets it: no fact outlives its evaluation
      session.dispose();
    }
  }

  private static EvaluationException stopped(Intake valid, String why) {
    return new EvaluationException("evaluation of intake " + valid.intakeId() + " stopped: "
        + why);
  }

  /**
   * Evaluates with the overlay rules on a thread of their own, and with the built-in knowledge
   * base alone on the caller's, then checks that the overlay rules only added.
   */
  private Run withOverlays(Intake valid, AgendaFilter filter, long deadline) {
    EvaluationGuard.Handle handle = new EvaluationGuard.Handle();
    Future<Run> future = overlayThreads.submit(() -> run(sessions, valid, filter, deadline,
        handle));
    Run builtIn;
    try {
      builtIn = run(builtInSessions, valid, filter, deadline, null);
    } catch (RuntimeException | Error e) {
      cancel(future, handle);
      throw e;
    }
    Run overlaid = await(future, handle, valid, deadline);
    String taken = OverlayCheck.taken(builtIn.assessment(), overlaid.assessment());
    if (taken != null) {
      throw stopped(valid, "the overlay rules " + names(overlaid.overlayRules())
          + " changed what the built-in knowledge base concluded: " + taken + "; overlay rules "
          + "only add reasons, and may make a decision more restrictive, never less");
    }
    return overlaid;
  }

  private Run await(Future<Run> future, EvaluationGuard.Handle handle, Intake valid,
      long deadline) {
    try {
      return future.get(Math.max(0, deadline + GRACE_NANOS - System.nanoTime()),
          TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof EvaluationException ee) {
        throw ee;
      }
      throw RuleFailures.of(valid.intakeId(), cause, overlayRules, null, false);
    } catch (TimeoutException e) {
      String rule = handle.currentRule();
      cancel(future, handle);
      LOG.warn("intake {}: an overlay rule did not return by the deadline; its thread is left "
          + "to end on its own", valid.intakeId());
      throw stopped(valid, "the deadline of " + TimeUnit.NANOSECONDS.toMillis(deadlineNanos)
          + " ms per evaluation (EligibilityEngine.Builder.deadline) passed"
          + (rule == null ? "" : " while the rule " + EvaluationGuard.quote(rule)
              + " was running")
          + ", and the rule did not return (a loop inside its consequence?)");
    } catch (InterruptedException e) {
      cancel(future, handle);
      Thread.currentThread().interrupt();
      throw stopped(valid, "the calling thread was interrupted");
    }
  }

  /** Stops the overlay evaluation at its next firing or insert, and interrupts its thread. */
  private static void cancel(Future<Run> future, EvaluationGuard.Handle handle) {
    handle.requestStop();
    future.cancel(true);
  }

  private static String names(List<String> rules) {
    if (rules.isEmpty()) {
      return "(none fired)";
    }
    StringBuilder sb = new StringBuilder();
    for (String r : rules) {
      sb.append(sb.length() == 0 ? "" : ", ").append(EvaluationGuard.quote(r));
    }
    return sb.toString();
  }

  /**
   * The validator this engine applies, for readers that check before they evaluate (an {@code
   * IntakeReader} over it reports exactly the problems {@code evaluate} would).
   *
   * @return the validator, over this engine's catalog
   */
  public IntakeValidator validator() {
    return validator;
  }

  /**
   * The condition catalog this engine assesses with (built in, or with a clinic's overrides).
   *
   * @return the catalog
   */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * The tables this engine was built with (built in, or with a clinic's overrides).
   *
   * @return the tables
   */
  public KnowledgeTables tables() {
    return tables;
  }

  /**
   * The version every assessment of this engine reports.
   *
   * @return {@code 1.2.0}; with a clinic's tables {@code +local.<12 hex digits>} follows, and
   *     with overlay rules {@code +overlay.<12 hex digits>} (both may appear, in that order)
   */
  public String knowledgeBaseVersion() {
    return knowledgeBaseVersion;
  }

  /**
   * The names of every rule in the knowledge base, built-in and overlay, sorted.
   *
   * @return the names, unmodifiable
   */
  public List<String> ruleNames() {
    return ruleNames;
  }
}
