package org.botoxeligibility.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.json.AssessmentWriter;
import org.botoxeligibility.json.IntakeReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The parts around the engine: strict reading and writing of the typical intake. */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PipelineBenchmark {
  private IntakeReader reader;
  private AssessmentWriter writer;
  private EligibilityEngine engine;
  private byte[] json;
  private Assessment assessment;

  @Setup
  public void setUp() {
    engine = EligibilityEngine.withDefaultKnowledgeBase();
    reader = new IntakeReader(engine.validator());
    writer = new AssessmentWriter();
    json = BenchIntakes.TYPICAL.replace("\n", "").getBytes(StandardCharsets.UTF_8);
    Intake intake = BenchIntakes.typical(engine);
    assessment = engine.evaluate(intake);
  }

  @Benchmark
  public IntakeReader.Result read() {
    return reader.read(json, BenchIntakes.DATE);
  }

  @Benchmark
  public String writeCompact() {
    return writer.compact(assessment);
  }

  @Benchmark
  public String readEvaluateWrite() {
    return writer.compact(engine.evaluate(reader.read(json, BenchIntakes.DATE).intake()));
  }
}
