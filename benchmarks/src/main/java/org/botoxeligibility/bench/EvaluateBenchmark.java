package org.botoxeligibility.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.intake.Intake;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process evaluation, intake already parsed: the latency of one typical 3-concern intake
 * (sample mode: median and p99), and throughput of one shared engine over a mixed set of intakes
 * from 1 and 2 threads.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
public class EvaluateBenchmark {
  private EligibilityEngine engine;
  private Intake typical;
  private List<Intake> mixed;

  @Setup
  public void setUp() {
    engine = EligibilityEngine.withDefaultKnowledgeBase();
    typical = BenchIntakes.typical(engine);
    mixed = BenchIntakes.mixed(engine);
  }

  /** Per-thread position in the mixed set. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Assessment typicalLatency() {
    return engine.evaluate(typical);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public Assessment typicalThroughput2Threads() {
    return engine.evaluate(typical);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(1)
  public Assessment mixedThroughput1Thread(Cursor cursor) {
    return engine.evaluate(mixed.get(cursor.next++ % mixed.size()));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public Assessment mixedThroughput2Threads(Cursor cursor) {
    return engine.evaluate(mixed.get(cursor.next++ % mixed.size()));
  }
}
