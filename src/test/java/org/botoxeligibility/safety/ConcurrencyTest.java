package org.botoxeligibility.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.json.AssessmentWriter;
import org.botoxeligibility.testing.RandomIntakes;
import org.botoxeligibility.testing.TestEngine;
import org.junit.jupiter.api.Test;

/** One engine shared by 4 threads gives exactly what it gives on one. */
class ConcurrencyTest {

  @Test
  void given_one_engine_when_4_threads_evaluate_20000_mixed_intakes_then_results_equal_a_sequential_run()
      throws Exception {
    EligibilityEngine engine = TestEngine.get();
    AssessmentWriter writer = new AssessmentWriter();
    Random random = new Random(20261127);
    List<Intake> intakes = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      intakes.add(RandomIntakes.generate(random, "CONC-" + i));
    }
    List<String> sequential = intakes.stream().map(i -> writer.compact(engine.evaluate(i)))
        .toList();

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (Intake intake : intakes) {
        futures.add(pool.submit(() -> writer.compact(engine.evaluate(intake))));
      }
      List<String> parallel = new ArrayList<>();
      for (Future<String> f : futures) {
        parallel.add(f.get());
      }
      assertThat(parallel).containsExactlyElementsOf(sequential);
    } finally {
      pool.shutdownNow();
    }
  }
}
