package org.botoxeligibility.engine;

import org.botoxeligibility.assessment.EvaluationException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.assessment.InvalidIntakeException;
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
 */
public final class EligibilityEngine {
  private static final Logger LOG = LoggerFactory.getLogger(EligibilityEngine.class);

  private final InternalKnowledgeBase kieBase;
  private final KnowledgeTables tables;
  private final KieSessionsPool sessions;
  private final Catalog catalog;
  private final Policy policy;
  private final DrugList drugs;
  private final IntakeValidator validator;
  private final String knowledgeBaseVersion;
  private final List<String> ruleNames;
  private final Clock clock;
  private final AuditSink audit;

  private EligibilityEngine(InternalKnowledgeBase kieBase, KnowledgeTables tables, Clock clock,
      AuditSink audit) {
    this.kieBase = kieBase;
    this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    this.tables = tables;
    this.catalog = Catalog.load(tables);
    this.policy = Policy.load(tables);
    this.drugs = DrugList.load(tables);
    this.validator = new IntakeValidator(catalog);
    this.knowledgeBaseVersion = tables.version();
    this.ruleNames = List.copyOf(KnowledgeBaseLoader.ruleNames(kieBase));
    this.clock = clock;
    this.audit = audit;
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
   * A builder, to add a clinic's rules or tables, an audit trail or a clock.
   *
   * @return a new builder, with the built-in knowledge base and nothing added
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an engine: the built-in knowledge base, optionally with a clinic's own rules and
   * tables, an audit trail and a clock. Not thread-safe; the engine it builds is.
   */
  public static final class Builder {
    private final List<Path> overlays = new ArrayList<>();
    private Clock clock = Clock.systemDefaultZone();
    private AuditSink audit;
    private KnowledgeTables tables = KnowledgeTables.builtIn();

    private Builder() {}

    /**
     * Records every evaluation in an audit trail (for example {@code
     * org.botoxeligibility.json.JsonAuditLog}). A failure to record fails the evaluation with an
     * {@link EvaluationException}: no assessment is returned that the trail does not hold.
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
     * engine is built. Overlay rules declare a package of their own (not {@code
     * org.botoxeligibility.rules}), take no built-in rule's name, and insert {@link
     * org.botoxeligibility.knowledge.Finding}s like the built-in rules (see the README and
     * {@code examples/overlay}). Overlay rules are code: take them only from a trusted,
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
     * {@code 1.1.0+local.<12 hex digits>}. The folder is read here, at once; its rows are checked
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
     * Builds the engine: loads the compiled built-in rules, compiles the overlay rules, and reads
     * the tables. The builder may be used again afterwards.
     *
     * @return the engine
     * @throws org.botoxeligibility.assessment.RulesBuildException when an overlay does not compile
     *     or breaks a restriction, or a table cannot be used, listing each error
     */
    public EligibilityEngine build() {
      InternalKnowledgeBase kieBase = KnowledgeBaseLoader.builtIn();
      for (Path folder : overlays) {
        KnowledgeBaseLoader.addOverlay(kieBase, folder);
      }
      return new EligibilityEngine(kieBase, tables, clock, audit);
    }
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
   * @throws EvaluationException when a rule fails, the rules contradict themselves, or the audit
   *     trail cannot record the evaluation
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
    KieSession session = sessions.newKieSession();
    FiredRules fired = FiredRules.of(session);
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
      AssessmentAssembler assembler = new AssessmentAssembler();
      for (Object fact : session.getObjects()) {
        assembler.accept(fact);
      }
      Assessment assessment = assembler.assemble(valid, knowledgeBaseVersion, fired.names());
      if (audit != null && filter == null) {
        try {
          audit.record(valid, assessment);
        } catch (RuntimeException e) {
          throw new EvaluationException("the audit trail could not record intake "
              + valid.intakeId() + "; no assessment is given without it", e);
        }
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug("evaluated intake {} in {} µs, {} rules fired", valid.intakeId(),
            (System.nanoTime() - start) / 1000, fired.names().size());
      }
      return assessment;
    } catch (EvaluationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EvaluationException("evaluation of intake " + valid.intakeId() + " failed: "
          + e.getClass().getSimpleName(), e);
    } finally {
      fired.clear();
      // returns the session to the pool, which resets it: no fact outlives its evaluation
      session.dispose();
    }
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
   * @return {@code 1.1.0}, or {@code 1.1.0+local.<12 hex digits>} with a clinic's tables
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
