package org.botoxeligibility.testing;

import org.botoxeligibility.engine.EligibilityEngine;

/** One engine with the built-in knowledge base, shared by every test of the JVM. */
public final class TestEngine {
  private static final EligibilityEngine ENGINE = EligibilityEngine.withDefaultKnowledgeBase();

  private TestEngine() {}

  public static EligibilityEngine get() {
    return ENGINE;
  }
}
