package org.botoxeligibility.bench;

import java.lang.management.ManagementFactory;
import org.botoxeligibility.engine.EligibilityEngine;

/**
 * Knowledge base ready in a fresh JVM: prints the milliseconds from JVM start to main, to the
 * engine built, and to the first evaluation done. Run once per fresh process (the script
 * benchmarks/cli-bench.sh runs it 5 times and takes medians).
 */
public final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long mainAt = System.currentTimeMillis();
    long t0 = System.nanoTime();
    EligibilityEngine engine = EligibilityEngine.withDefaultKnowledgeBase();
    long built = System.nanoTime();
    engine.evaluate(BenchIntakes.typical(engine));
    long evaluated = System.nanoTime();
    System.out.printf("jvm_to_main_ms=%d build_ms=%.1f first_eval_ms=%.1f main_to_ready_ms=%.1f%n",
        mainAt - jvmStart, (built - t0) / 1e6, (evaluated - built) / 1e6, (built - t0) / 1e6);
  }
}
