package org.botoxeligibility.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.fhir.FhirIntakeMapper;
import org.botoxeligibility.fhir.Mapping;
import org.botoxeligibility.json.CanonicalIntake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a generated export in {@code local[2]}: every recommendation is what the library
 * gives for the same patient's bundle in screening mode, every patient and line is accounted
 * for, orphans and malformed lines are reported where they are, and the intake-ndjson format
 * gives the same answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningJobTest {
  private static final LocalDate DATE = SyntheticExport.DEFAULT_DATE;
  private static final int PATIENTS = 400;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tmp;

  private SparkSession spark;
  private Path export;
  private SyntheticExport.Stats stats;
  private Summary summary;
  private Engines engines;
  private int buildsBeforeRun;
  private final LogCapture logs = new LogCapture();
  /** The library's answer for each patient's bundle, computed without Spark. */
  private final Map<String, Mapping> expected = new TreeMap<>();
  private final Map<String, Assessment> assessments = new TreeMap<>();

  @BeforeAll
  void runTheJob() throws IOException {
    QuietLogging.install();
    spark = SparkSession.builder().master("local[2]").appName("screening-test")
        .config("spark.ui.enabled", "false").config("spark.log.level", "WARN")
        .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    logs.attach();
    export = tmp.resolve("export");
    stats = SyntheticExport.write(export, PATIENTS, 11, DATE);
    engines = Engines.get(KnowledgeBaseFiles.builtIn());
    buildsBeforeRun = Engines.builds();
    summary = ScreeningJob.run(spark, options(export, tmp.resolve("out"),
        JobOptions.Format.BULK_FHIR), KnowledgeBaseFiles.builtIn());
    logs.detach();

    for (Map.Entry<String, byte[]> b : ReferenceBundles.bundles(export).entrySet()) {
      Mapping m = engines.mapper().map(b.getValue(), DATE, FhirIntakeMapper.Options.screening()
          .withIntakeId(ScreenPatient.intakeId(b.getKey())));
      expected.put(b.getKey(), m);
      if (m.valid()) {
        assessments.put(b.getKey(), engines.engine().evaluate(m.intake()));
      }
    }
  }

  @AfterAll
  void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static JobOptions options(Path in, Path out, JobOptions.Format format) {
    return new JobOptions(in.toString(), out.toString(), format, DATE, null, null, false);
  }

  private List<Row> table(String dir, String name) {
    return spark.read().parquet(tmp.resolve(dir).resolve(name).toString()).collectAsList();
  }

  @Test
  void everyRecommendationIsWhatTheLibraryGivesForThePatientsBundle() {
    Map<String, Row> rows = new HashMap<>();
    for (Row r : table("out", "recommendations")) {
      assertThat(rows.put(r.<String>getAs("patient") + " " + r.getAs("concernId"), r))
          .as("one row per patient and concern").isNull();
    }
    int compared = 0;
    for (Map.Entry<String, Assessment> e : assessments.entrySet()) {
      Assessment a = e.getValue();
      for (Recommendation rec : a.recommendations()) {
        Row r = rows.remove(e.getKey() + " " + rec.concernId());
        assertThat(r).as("a row for %s %s", a.intakeId(), rec.concernId()).isNotNull();
        assertThat(r.<String>getAs("intakeId")).isEqualTo(a.intakeId());
        assertThat(r.<String>getAs("decision")).isEqualTo(rec.decision().name());
        assertThat(r.<String>getAs("condition")).isEqualTo(rec.condition().name());
        assertThat(r.<String>getAs("category")).isEqualTo(rec.category().name());
        assertThat(r.<String>getAs("labelStatus")).isEqualTo(rec.labelStatus().name());
        assertThat(r.<String>getAs("insurance")).isEqualTo(rec.insurance().name());
        assertThat(r.<Boolean>getAs("readyToBook")).isEqualTo(rec.readyToBook());
        assertThat(r.getList(r.fieldIndex("reasonCodes")))
            .isEqualTo(rec.reasons().stream().map(Reason::code).toList());
        assertThat(r.getList(r.fieldIndex("outstandingRequirements")))
            .isEqualTo(rec.outstandingRequirements().stream().map(Enum::name).toList());
        java.sql.Date earliest = r.getAs("earliestTreatmentDate");
        assertThat(earliest == null ? null : earliest.toLocalDate())
            .isEqualTo(rec.earliestTreatmentDate());
        assertThat(r.<java.sql.Date>getAs("assessmentDate").toLocalDate()).isEqualTo(DATE);
        assertThat(r.<String>getAs("knowledgeBaseVersion")).isEqualTo(a.knowledgeBaseVersion());
        compared++;
      }
    }
    assertThat(rows).as("rows the library does not give").isEmpty();
    assertThat(compared).as("a population with candidates").isGreaterThan(40);
    assertThat(assessments.values().stream().flatMap(a -> a.recommendations().stream())
        .map(r -> r.decision().name()).distinct().count())
        .as("a mix of decisions").isGreaterThanOrEqualTo(4);
  }

  @Test
  void everyPatientIsAssessedOrCountedOrReportedAsTheLibrarySays() {
    Map<String, Row> problems = new HashMap<>();
    for (Row r : table("out", "problems")) {
      if (r.getAs("kind").equals(Kind.RECORD_PROBLEMS.name())) {
        problems.put(r.getAs("patient"), r);
      }
    }
    long nothing = 0;
    long deceased = 0;
    for (Map.Entry<String, Mapping> e : expected.entrySet()) {
      Mapping m = e.getValue();
      switch (m.outcome()) {
        case NOTHING_TO_SCREEN -> nothing++;
        case DECEASED -> deceased++;
        case PROBLEMS -> {
          Row r = problems.remove(e.getKey());
          assertThat(r).as("a problems row for %s", e.getKey()).isNotNull();
          assertThat(r.<String>getAs("intakeId")).isEqualTo(ScreenPatient.intakeId(e.getKey()));
          List<String> got = new ArrayList<>();
          for (Row p : r.<Row>getList(r.fieldIndex("problems"))) {
            got.add(p.getString(0) + ": " + p.getString(1));
          }
          assertThat(got).isEqualTo(m.problems().stream()
              .map(p -> p.path() + ": " + p.message()).toList());
        }
        case MAPPED -> assertThat(assessments).containsKey(e.getKey());
        default -> throw new AssertionError("unexpected " + m.outcome());
      }
    }
    assertThat(problems).isEmpty();
    assertThat(summary.count("patientsWithoutCandidate")).isEqualTo(nothing);
    assertThat(summary.count("patientsDeceased")).isEqualTo(deceased)
        .isEqualTo(stats.deceased).isPositive();
    assertThat(summary.count("patientsAssessed")).isEqualTo(assessments.size());
    assertThat(nothing).as("most patients have no candidate").isGreaterThan(PATIENTS / 2);
  }

  @Test
  void theCountsReconcile() {
    assertThat(summary.reconciled()).as(summary.discrepancies().toString()).isTrue();
    assertThat(summary.count("patientsIn")).isEqualTo(stats.patients).isEqualTo(PATIENTS);
    assertThat(summary.count("patientsAssessed") + summary.count("patientsWithoutCandidate")
        + summary.count("patientsDeceased") + summary.count("patientsWithProblems"))
        .isEqualTo(PATIENTS);
    assertThat(summary.count("sharedResources")).isEqualTo(stats.medications).isPositive();
    assertThat(summary.count("linesRead")).isEqualTo(stats.lines);
    assertThat(summary.count("malformedLines")).isEqualTo(stats.malformed);
    assertThat(summary.count("resourcesNamingNoPatient")).isEqualTo(stats.namingNoPatient);
    assertThat(summary.count("patientsNotInExport")).isEqualTo(stats.missingPatients);
    assertThat(summary.count("resourcesOfPatientsNotInExport"))
        .isEqualTo(stats.ofMissingPatients);
    assertThat(summary.count("duplicateResources")).isEqualTo(stats.duplicates);
    assertThat(summary.count("blankLines")).isEqualTo(stats.blank);
    assertThat(summary.filesSkipped()).containsExactly("Practitioner.000.ndjson");
    long byCondition = summary.byCondition().values().stream()
        .flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    assertThat(byCondition).isEqualTo(summary.count("recommendations"));

    Map<String, Long> table = new TreeMap<>();
    for (Row r : table("out", "summary")) {
      if (r.getAs("section").equals("reconciliation")) {
        table.put(r.getAs("name"), r.getAs("count"));
      }
    }
    assertThat(table).containsEntry("patientsIn", (long) PATIENTS)
        .containsEntry("reconciled", 1L)
        .containsEntry("recommendations", summary.count("recommendations"));
    assertThat(summary.json()).startsWith("{\"format\":\"bulk-fhir\"").contains(
        "\"patientsIn\":" + PATIENTS).contains("\"reconciled\":true").doesNotContain("\n");
  }

  @Test
  void theUnmappedCodingsAreCountedBySystemAndCodeAsTheLibraryReportsThem() {
    Map<String, long[]> fromLibrary = new TreeMap<>();
    long conditions = 0;
    for (Mapping m : expected.values()) {
      conditions += m.unmappedConditions().size();
      for (Mapping.UnmappedCoding u : m.unmapped()) {
        long[] v = fromLibrary.computeIfAbsent(u.system() + "|" + u.code(), k -> new long[2]);
        v[0] += u.resources().size();
        v[1]++;
      }
    }
    Map<String, long[]> fromJob = new TreeMap<>();
    long previous = Long.MAX_VALUE;
    for (Summary.Unmapped u : summary.unmapped()) {
      assertThat(u.resources()).as("the most frequent first").isLessThanOrEqualTo(previous);
      previous = u.resources();
      fromJob.put(u.system() + "|" + u.code(), new long[] {u.resources(), u.patients()});
    }
    assertThat(fromJob.keySet()).isEqualTo(fromLibrary.keySet());
    fromLibrary.forEach((k, v) -> assertThat(fromJob.get(k)).as(k).containsExactly(v));
    // Synthea's shapes: SNOMED-only background diagnoses and a dystonia no table maps
    assertThat(fromJob).containsKeys("http://snomed.info/sct|59621000",
        "http://snomed.info/sct|15802004");
    assertThat(summary.count("conditionsWithoutMappedCoding")).isEqualTo(conditions)
        .isPositive();
    assertThat(summary.count("unmappedCodings")).isEqualTo(fromJob.size());
    assertThat(summary.json()).contains("\"unmapped\":[{\"system\":");
    long rows = table("out", "summary").stream()
        .filter(r -> r.getAs("section").equals("unmapped")).count();
    assertThat(rows).isEqualTo(fromJob.size());
  }

  @Test
  void syntheaShapedRecordsAreRead() {
    assertThat(stats.syntheaShaped).isGreaterThan(PATIENTS / 5);
    // SNOMED-only candidates screen to concerns, stopped preventives count, shared Medications
    // name current medications: every such patient is assessed as the library assesses it
    long snomedConcerns = assessments.values().stream()
        .flatMap(a -> a.recommendations().stream())
        .filter(r -> r.condition().name().equals("CHRONIC_MIGRAINE")
            || r.condition().name().equals("SPASTICITY"))
        .count();
    assertThat(snomedConcerns).isPositive();
    assertThat(expected.values().stream().filter(m -> m.intake() != null)
        .flatMap(m -> m.intake().concerns().stream())
        .anyMatch(c -> c.icd10() == null && c.condition() != null)).as("a SNOMED-only concern")
        .isTrue();
    assertThat(expected.values().stream().filter(m -> m.intake() != null)
        .flatMap(m -> m.intake().medicalHistory().medications().stream())
        .anyMatch(med -> "lisinopril 10 MG Oral Tablet".equals(med.name())))
        .as("a medication named by a shared Medication").isTrue();
  }

  @Test
  void orphansAndMalformedLinesAreReportedWhereTheyAre() throws IOException {
    Map<String, Integer> kinds = new TreeMap<>();
    for (Row r : table("out", "problems")) {
      String kind = r.getAs("kind");
      kinds.merge(kind, 1, Integer::sum);
      if (kind.equals(Kind.MALFORMED_LINE.name())
          || kind.equals(Kind.NO_PATIENT_REFERENCE.name())) {
        String line = lineAt(export.resolve(r.<String>getAs("file")), r.getAs("byteOffset"));
        if (kind.equals(Kind.NO_PATIENT_REFERENCE.name())) {
          assertThat(line).contains("\"id\":\"" + r.<String>getAs("resource").split("/")[1]
              + "\"");
        } else {
          assertThat(isResource(line)).as(line).isFalse();
        }
        assertThat(r.<String>getAs("patient")).isNull();
      }
      if (kind.equals(Kind.PATIENT_NOT_IN_EXPORT.name())) {
        assertThat(r.<String>getAs("patient")).startsWith("Patient/gone-");
        assertThat(r.getList(r.fieldIndex("problems"))).hasSize(2);
      }
    }
    assertThat(kinds.getOrDefault(Kind.MALFORMED_LINE.name(), 0)).isEqualTo((int) stats.malformed)
        .isPositive();
    assertThat(kinds.getOrDefault(Kind.NO_PATIENT_REFERENCE.name(), 0))
        .isEqualTo((int) stats.namingNoPatient).isPositive();
    assertThat(kinds.getOrDefault(Kind.PATIENT_NOT_IN_EXPORT.name(), 0))
        .isEqualTo((int) stats.missingPatients);
  }

  private static boolean isResource(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      return n != null && n.isObject() && n.has("resourceType");
    } catch (IOException e) {
      return false;
    }
  }

  /** The line that starts at a byte offset of a file. */
  private static String lineAt(Path file, long offset) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      f.seek(offset);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int b;
      while ((b = f.read()) >= 0 && b != '\n') {
        out.write(b);
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void intakeNdjsonGivesTheSameAnswers() throws IOException {
    Path in = tmp.resolve("intakes");
    Files.createDirectories(in);
    StringBuilder lines = new StringBuilder();
    for (Map.Entry<String, Mapping> e : expected.entrySet()) {
      if (e.getValue().valid()) {
        lines.append(new String(CanonicalIntake.bytes(e.getValue().intake()),
            StandardCharsets.UTF_8)).append('\n');
      }
    }
    lines.append("{\"intakeId\": \"broken\"\n\n{\"intakeId\":\"bad-1\"}\n");
    Files.writeString(in.resolve("intakes.ndjson"), lines);
    Summary s = ScreeningJob.run(spark, options(in, tmp.resolve("out-intakes"),
        JobOptions.Format.INTAKE_NDJSON), KnowledgeBaseFiles.builtIn());

    assertThat(s.reconciled()).as(s.discrepancies().toString()).isTrue();
    assertThat(s.count("patientsIn")).isEqualTo(assessments.size() + 2);
    assertThat(s.count("patientsAssessed")).isEqualTo(assessments.size());
    assertThat(s.count("patientsWithProblems")).isEqualTo(2);
    assertThat(s.count("blankLines")).isEqualTo(1);
    assertThat(s.byCondition()).isEqualTo(summary.byCondition());

    Map<String, String> fromBulk = new HashMap<>();
    for (Row r : table("out", "recommendations")) {
      fromBulk.put(r.getAs("intakeId") + " " + r.getAs("concernId"), r.getAs("decision") + " "
          + r.getList(r.fieldIndex("reasonCodes")));
    }
    Map<String, String> fromIntakes = new HashMap<>();
    for (Row r : table("out-intakes", "recommendations")) {
      assertThat(r.<String>getAs("patient")).isNull();
      fromIntakes.put(r.getAs("intakeId") + " " + r.getAs("concernId"), r.getAs("decision")
          + " " + r.getList(r.fieldIndex("reasonCodes")));
    }
    assertThat(fromIntakes).isEqualTo(fromBulk);
    List<Row> problems = table("out-intakes", "problems");
    assertThat(problems).hasSize(2).allSatisfy(r -> {
      assertThat(r.<String>getAs("kind")).isEqualTo(Kind.INVALID_INTAKE.name());
      assertThat(r.<String>getAs("file")).endsWith("intakes.ndjson");
      assertThat(r.getList(r.fieldIndex("problems"))).isNotEmpty();
    });
  }

  @Test
  void aHandfulAgreeWithTheCommandLine() throws Exception {
    Path jar = Path.of(System.getProperty("botox.root", ".."), "target", "botox-eligibility.jar");
    Assumptions.assumeTrue(Files.isRegularFile(jar), "the CLI jar is built (mvn package at the "
        + "root)");
    // The CLI has no FHIR screening yet: it evaluates the intakes the mapping made.
    List<String> ids = new ArrayList<>();
    StringBuilder ndjson = new StringBuilder();
    for (Map.Entry<String, Mapping> e : expected.entrySet()) {
      if (e.getValue().valid() && ids.size() < 8) {
        ids.add(e.getValue().intake().intakeId());
        ndjson.append(new String(CanonicalIntake.bytes(e.getValue().intake()),
            StandardCharsets.UTF_8)).append('\n');
      }
    }
    Path file = tmp.resolve("spot.ndjson");
    Files.writeString(file, ndjson);
    Process p = new ProcessBuilder("java", "-jar", jar.toString(), "evaluate", "--ndjson",
        "--date", DATE.toString(), file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();

    Map<String, String> job = new HashMap<>();
    for (Row r : table("out", "recommendations")) {
      job.put(r.getAs("intakeId") + " " + r.getAs("concernId"), r.getAs("decision") + " "
          + r.getList(r.fieldIndex("reasonCodes")));
    }
    int compared = 0;
    for (String line : out.split("\n")) {
      JsonNode a = JSON.readTree(line);
      for (JsonNode rec : a.get("recommendations")) {
        List<String> codes = new ArrayList<>();
        rec.get("reasons").forEach(r -> codes.add(r.get("code").asText()));
        assertThat(job.get(a.get("intakeId").asText() + " " + rec.get("concernId").asText()))
            .isEqualTo(rec.get("decision").asText() + " " + codes);
        compared++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(ids.size());
  }

  @Test
  void oneEngineServesEveryTaskOfTheJvm() {
    assertThat(Engines.builds()).as("no task built an engine of its own")
        .isEqualTo(buildsBeforeRun);
    assertThat(Engines.get(KnowledgeBaseFiles.builtIn())).isSameAs(engines);
  }

  @Test
  void theLogsCarryNoPatientData() {
    assertThat(logs.events()).noneSatisfy(line -> assertThat(line)
        .containsAnyOf("Patient/p", "p" + Long.toString(11, 36) + "-", "birthDate", "gone-"));
  }

  @Test
  void usageAndKnowledgeBaseErrorsExitBeforeSpark() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(ScreeningJob.run(new String[] {"--input", "x"}, o, e)).isEqualTo(ScreeningJob.USAGE);
    assertThat(ScreeningJob.run(new String[] {"--input", "x", "--output", "y", "--format", "csv"},
        o, e)).isEqualTo(ScreeningJob.USAGE);
    assertThat(ScreeningJob.run(new String[] {"--input", "x", "--output", "y", "--rules",
        tmp.resolve("no-rules").toString()}, o, e)).isEqualTo(ScreeningJob.RULES_FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--output is required")
        .contains("--format must be bulk-fhir or intake-ndjson");
    assertThat(spark.sparkContext().isStopped()).isFalse();
  }

  @Test
  void anExistingOutputIsNotOverwrittenUnlessAsked() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScreeningJob.run(spark,
        options(export, tmp.resolve("out"), JobOptions.Format.BULK_FHIR),
        KnowledgeBaseFiles.builtIn())).isInstanceOf(ScreeningJob.InputException.class)
        .hasMessageContaining("--overwrite");
  }

  @Test
  void theProblemsOfTheLibraryKeepTheirText() {
    List<Problem> any = expected.values().stream()
        .filter(m -> m.outcome() == Mapping.Outcome.PROBLEMS)
        .flatMap(m -> m.problems().stream()).toList();
    assertThat(any).as("the export has records with problems").isNotEmpty();
  }
}
