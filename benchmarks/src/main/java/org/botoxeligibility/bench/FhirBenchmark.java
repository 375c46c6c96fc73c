package org.botoxeligibility.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.fhir.FhirIntakeMapper;
import org.botoxeligibility.fhir.Mapping;
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

/**
 * FHIR R4 input in process: a realistic US Core-shaped bundle (a chronic migraine order with a
 * headache diary, examples/fhir/chronic-migraine-order.json) parsed with HAPI and mapped to an
 * intake, and mapped, evaluated and cited (the assessment's evidence names the resources).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
public class FhirBenchmark {
  private EligibilityEngine engine;
  private FhirIntakeMapper mapper;
  private byte[] bundle;

  @Setup
  public void setUp() throws IOException {
    engine = EligibilityEngine.withDefaultKnowledgeBase();
    mapper = FhirIntakeMapper.create(engine.tables());
    try (InputStream in = FhirBenchmark.class.getResourceAsStream("/chronic-migraine-order.json")) {
      bundle = in.readAllBytes();
    }
    Mapping m = mapper.map(bundle, BenchIntakes.DATE, FhirIntakeMapper.Options.orders());
    if (!m.valid()) {
      throw new IllegalStateException("the bundle does not map: " + m.problems());
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Mapping map() {
    return mapper.map(bundle, BenchIntakes.DATE, FhirIntakeMapper.Options.orders());
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Assessment mapAndEvaluate() {
    Mapping m = mapper.map(bundle, BenchIntakes.DATE, FhirIntakeMapper.Options.orders());
    return engine.evaluate(m.intake()).withProvenance(m.provenance());
  }
}
