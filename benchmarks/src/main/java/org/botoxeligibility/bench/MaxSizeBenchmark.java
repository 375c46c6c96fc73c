package org.botoxeligibility.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.MedicalHistory;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Sex;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.json.CanonicalIntake;
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

/**
 * An intake of the largest size the contract allows (20 concerns of 25 sites, 100 items in each
 * medical-history list, 200 past treatments of 20 reactions), built in code and read from its
 * JSON: evaluating the one built in code costs what evaluating the one read from JSON costs
 * (both are validated by the engine), and a code-built intake above the limits is refused at
 * once. Library 1.x evaluated 8,000 code-built medications in 1.8 s.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class MaxSizeBenchmark {
  private EligibilityEngine engine;
  private Intake builtInCode;
  private Intake readFromJson;
  private byte[] json;
  private IntakeReader reader;
  private Intake oversized;

  @Setup
  public void setUp() {
    engine = EligibilityEngine.withDefaultKnowledgeBase();
    reader = new IntakeReader(engine.validator());
    builtInCode = largest(100);
    json = CanonicalIntake.bytes(builtInCode);
    IntakeReader.Result r = reader.read(json, BenchIntakes.DATE);
    if (!r.valid()) {
      throw new IllegalStateException("the largest intake is invalid: " + r.problems());
    }
    readFromJson = r.intake();
    oversized = largest(8000);
  }

  /** The largest valid intake, with {@code medications} medications (100 is the limit). */
  static Intake largest(int medications) {
    List<Concern> concerns = new ArrayList<>();
    List<Site> sites = new ArrayList<>(List.of(Site.values()));
    while (sites.size() < 25) {
      sites.add(Site.NECK);
    }
    for (int i = 0; i < 20; i++) {
      concerns.add(Concern.builder().id("c" + i).condition(ConditionCode.values()[i])
          .sites(sites).headacheDaysPerMonth(18).migraineDaysPerMonth(10).headacheHoursPerDay(6)
          .monthsWithSymptoms(14).priorTherapiesFailed(2).plannedUnits(10)
          .postVoidResidualMl(80).build());
    }
    List<Comorbidity> comorbidities = new ArrayList<>();
    List<Allergy> allergies = new ArrayList<>();
    List<Site> infections = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      comorbidities.add(Comorbidity.values()[i % Comorbidity.values().length]);
      allergies.add(Allergy.values()[i % Allergy.values().length]);
      infections.add(Site.values()[i % Site.values().length]);
    }
    String[] names = {"Gentamicin 40 MG/ML Injectable Solution", "warfarin", "sumatriptan",
        "Clindamycin Phosphate 1% Topical Gel", "an unlisted remedy"};
    List<Medication> meds = new ArrayList<>();
    for (int i = 0; i < medications; i++) {
      meds.add(Medication.named(names[i % names.length]));
    }
    List<TreatmentRecord> treatments = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      treatments.add(TreatmentRecord.builder().date(BenchIntakes.DATE.minusDays(100 + i))
          .condition(ConditionCode.values()[i % 26]).units(50).response(Response.NONE)
          .adverseReactions(Collections.nCopies(20, AdverseReaction.MUSCLE_WEAKNESS)).build());
    }
    return Intake.builder().intakeId("MAX-1").assessmentDate(BenchIntakes.DATE)
        .patient(Patient.builder().ageYears(40).sex(Sex.FEMALE).pregnant(false)
            .weightKg(70).build())
        .concerns(concerns)
        .medicalHistory(MedicalHistory.builder().conditions(comorbidities).allergies(allergies)
            .medications(meds).infectionSites(infections).build())
        .treatmentHistory(treatments)
        .build();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Assessment largestBuiltInCode() {
    return engine.evaluate(builtInCode);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Assessment largestReadFromJson() {
    return engine.evaluate(readFromJson);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Assessment largestReadAndEvaluated() {
    return engine.evaluate(reader.read(json, BenchIntakes.DATE).intake());
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object eightThousandMedicationsRefused() {
    try {
      return engine.evaluate(oversized);
    } catch (org.botoxeligibility.assessment.InvalidIntakeException e) {
      return e;
    }
  }
}
