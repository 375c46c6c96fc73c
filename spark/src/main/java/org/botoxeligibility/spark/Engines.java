package org.botoxeligibility.spark;

import java.nio.file.Path;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.fhir.FhirIntakeMapper;
import org.botoxeligibility.json.IntakeReader;

/**
 * One engine, one FHIR mapper and one intake reader per JVM (a Spark executor, or the driver in
 * local mode), built on first use and shared by every task of that JVM: building the knowledge
 * base takes a fraction of a second and the engine is thread-safe, so a task never builds its
 * own. Double-checked locking on a volatile field; the instance is rebuilt only if a later job in
 * the same JVM asks for other knowledge base files (tests, local runs).
 */
public final class Engines {
  private static volatile Engines current;
  private static final Object LOCK = new Object();
  private static int builds;

  private final String key;
  private final EligibilityEngine engine;
  private final FhirIntakeMapper mapper;
  private final IntakeReader reader;

  private Engines(String key, EligibilityEngine engine) {
    this.key = key;
    this.engine = engine;
    this.mapper = FhirIntakeMapper.create(engine.tables());
    this.reader = new IntakeReader(engine.validator());
  }

  /**
   * The engines of this JVM for the given knowledge base, built on the first call.
   *
   * @param kb the knowledge base files
   * @return the shared engines
   * @throws org.botoxeligibility.assessment.RulesBuildException when the rules or tables are
   *     broken
   */
  public static Engines get(KnowledgeBaseFiles kb) {
    Engines e = current;
    if (e != null && e.key.equals(kb.key())) {
      return e;
    }
    synchronized (LOCK) {
      e = current;
      if (e == null || !e.key.equals(kb.key())) {
        e = new Engines(kb.key(), build(kb));
        builds++;
        current = e;
      }
      return e;
    }
  }

  private static EligibilityEngine build(KnowledgeBaseFiles kb) {
    EligibilityEngine.Builder builder = EligibilityEngine.builder();
    if (kb.hasRules() || kb.hasTables()) {
      Path root = kb.materialize();
      if (kb.hasRules()) {
        builder.addRules(root.resolve("rules"));
      }
      if (kb.hasTables()) {
        builder.tables(root.resolve("tables"));
      }
    }
    return builder.build();
  }

  /**
   * How many times this JVM built the engines (for tests of the one-per-JVM rule).
   *
   * @return the number of builds
   */
  public static int builds() {
    synchronized (LOCK) {
      return builds;
    }
  }

  /**
   * The engine.
   *
   * @return the engine
   */
  public EligibilityEngine engine() {
    return engine;
  }

  /**
   * The FHIR mapper, over the engine's tables.
   *
   * @return the mapper
   */
  public FhirIntakeMapper mapper() {
    return mapper;
  }

  /**
   * The strict intake reader, with the engine's validator.
   *
   * @return the reader
   */
  public IntakeReader reader() {
    return reader;
  }
}
