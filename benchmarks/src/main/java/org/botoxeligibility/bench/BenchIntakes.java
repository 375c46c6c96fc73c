package org.botoxeligibility.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.json.IntakeReader;

/** The intakes the benchmarks evaluate: a typical 3-concern intake and the shipped examples. */
final class BenchIntakes {
  static final LocalDate DATE = LocalDate.of(2026, 11, 27);

  /** A typical intake: three concerns (therapeutic and cosmetic), a medication, a history. */
  static final String TYPICAL = """
      {"intakeId":"BENCH-1","patient":{"ageYears":41,"sex":"FEMALE","pregnant":false,"weightKg":63.5},
       "concerns":[{"id":"c1","condition":"CHRONIC_MIGRAINE","headacheDaysPerMonth":18,"migraineDaysPerMonth":10,
                    "headacheHoursPerDay":6,"monthsWithSymptoms":14,"priorTherapiesFailed":2},
                   {"id":"c2","condition":"GLABELLAR_LINES"},
                   {"id":"c3","condition":"AXILLARY_HYPERHIDROSIS","priorTherapiesFailed":1,"secondaryCauseExcluded":true}],
       "medicalHistory":{"conditions":[],"allergies":[],"medications":[{"name":"sumatriptan"}]},
       "treatmentHistory":[{"date":"2026-06-02","condition":"CHRONIC_MIGRAINE","units":155,"response":"GOOD"}],
       "workflow":{"medicalExaminationCompleted":true,"diagnosisConfirmed":true,"prescriptionIssued":false}}
      """;

  private BenchIntakes() {}

  static Intake typical(EligibilityEngine engine) {
    return read(new IntakeReader(engine.validator()), TYPICAL.getBytes());
  }

  /** The typical intake and every example of the folder (default: ../examples or examples). */
  static List<Intake> mixed(EligibilityEngine engine) {
    IntakeReader reader = new IntakeReader(engine.validator());
    List<Intake> intakes = new ArrayList<>();
    intakes.add(read(reader, TYPICAL.getBytes()));
    Path folder = Files.isDirectory(Path.of("examples")) ? Path.of("examples") : Path.of("../examples");
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        intakes.add(read(reader, Files.readAllBytes(p)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return intakes;
  }

  private static Intake read(IntakeReader reader, byte[] json) {
    IntakeReader.Result r = reader.read(json, DATE);
    if (!r.valid()) {
      throw new IllegalStateException("benchmark intake invalid: " + r.problems());
    }
    return r.intake();
  }
}
