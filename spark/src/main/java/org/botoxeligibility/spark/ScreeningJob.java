package org.botoxeligibility.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.botoxeligibility.assessment.RuleError;
import org.botoxeligibility.assessment.RulesBuildException;

/**
 * Population screening on Apache Spark (issue 12): reads a FHIR Bulk Data export (or NDJSON
 * intakes), gives each patient's resources to the FHIR mapper in screening mode and the result
 * to the engine (one of each per executor JVM), and writes three Parquet tables under the output
 * folder: {@code recommendations} (one row per concern), {@code problems} (one row per patient or
 * line that could not be assessed) and {@code summary} (counts). It then checks that every
 * patient and every line is accounted for, prints the summary as one JSON line on standard
 * output, and exits non-zero when something does not add up.
 *
 * <p>Exit codes: 0 done; 1 the counts do not reconcile, an evaluation failed, or anything
 * unexpected; 2 usage (bad option, no input, output already there); 4 the knowledge base does not
 * build. Logs carry no patient data: the job logs nothing of a record, and Spark's console is at
 * WARN.
 */
public final class ScreeningJob {
  /** Exit code: done. */
  public static final int OK = 0;
  /** Exit code: something does not add up, an evaluation failed, or anything unexpected. */
  public static final int FAILED = 1;
  /** Exit code: usage. */
  public static final int USAGE = 2;
  /** Exit code: the knowledge base does not build. */
  public static final int RULES_FAILED = 4;

  private ScreeningJob() {}

  /**
   * Runs the job; {@code spark-submit --class org.botoxeligibility.spark.ScreeningJob}.
   *
   * @param args the command line (see {@link JobOptions#USAGE})
   */
  public static void main(String[] args) {
    QuietLogging.install();
    int code = run(args, System.out, System.err);
    System.out.flush();
    if (code != OK) {
      System.exit(code);
    }
  }

  /**
   * Runs the job in a SparkSession of its own (the master from spark-submit or the {@code
   * spark.master} system property), printing the summary line on {@code out}.
   *
   * @param args the command line
   * @param out where the summary line goes
   * @param err where diagnostics go
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    JobOptions options;
    try {
      options = JobOptions.parse(Arrays.asList(args), LocalDate.now());
    } catch (JobOptions.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(JobOptions.USAGE);
      return USAGE;
    }
    KnowledgeBaseFiles kb;
    try {
      kb = KnowledgeBaseFiles.read(options.rules() == null ? null : Path.of(options.rules()),
          options.tables() == null ? null : Path.of(options.tables()));
      Engines.get(kb);
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return RULES_FAILED;
    } catch (RulesBuildException e) {
      err.println("error: " + e.getMessage());
      for (RuleError re : e.errors()) {
        err.println(re);
      }
      return RULES_FAILED;
    }
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder()
        .appName("botox-eligibility screening");
    if (!conf.contains("spark.log.level")) {
      builder.config("spark.log.level", "WARN");
    }
    SparkSession spark = builder.getOrCreate();
    try {
      Summary summary = run(spark, options, kb);
      out.println(summary.json());
      if (!summary.reconciled()) {
        err.println("error: the counts do not reconcile: "
            + String.join("; ", summary.discrepancies()));
        return FAILED;
      }
      if (summary.count("evaluationsFailed") > 0) {
        err.println("error: " + summary.count("evaluationsFailed") + " evaluation(s) failed; "
            + "see the problems table (kind EVALUATION_FAILED)");
        return FAILED;
      }
      return OK;
    } catch (InputException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      err.println("error: the job failed: " + root.getClass().getName() + ": "
          + firstLine(root.getMessage()));
      return FAILED;
    } finally {
      spark.stop();
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The input or output folders cannot be used as they are. */
  public static final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
      super(message);
    }
  }

  /**
   * Runs the job in a given session (tests, notebooks): reads, screens, writes the three tables,
   * and reconciles.
   *
   * @param spark the session
   * @param options the options
   * @param kb the knowledge base files
   * @return the summary; check {@link Summary#reconciled()}
   * @throws InputException when there is nothing to read or the output exists
   */
  public static Summary run(SparkSession spark, JobOptions options, KnowledgeBaseFiles kb) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration hadoop = jsc.hadoopConfiguration();
    Summary summary = new Summary();
    summary.format = options.format().cliName();
    summary.assessmentDate = options.date();
    summary.knowledgeBaseVersion = Engines.get(kb).engine().knowledgeBaseVersion();

    List<FileStatus> files = listInput(options, hadoop, summary);
    org.apache.hadoop.fs.Path output = new org.apache.hadoop.fs.Path(options.output());
    checkOutput(output, hadoop, options.overwrite());
    long bytes = files.stream().mapToLong(FileStatus::getLen).sum();
    // One shuffle partition per 16 MiB of input (a few thousand patients each), at least two per
    // core; adaptive execution may merge them, also in the cached plan.
    if (!userSet(spark, "spark.sql.shuffle.partitions")) {
      spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(Math.max(
          2L * jsc.defaultParallelism(), bytes / (16L << 20) + 1)));
    }
    if (!userSet(spark, "spark.sql.optimizer.canChangeCachedPlanOutputPartitioning")) {
      spark.conf().set("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
    }

    JavaNewHadoopRDD<LongWritable, Text> raw = read(jsc, files, bytes);
    List<String> names = files.stream().map(f -> f.getPath().getName()).toList();
    Dataset<Row> outcomes;
    Dataset<Row> lines = null;
    if (options.format() == JobOptions.Format.BULK_FHIR) {
      lines = spark.createDataFrame(
          raw.mapPartitionsWithInputSplit(new BulkLines(names), false), Schemas.LINE)
          .persist(StorageLevel.MEMORY_AND_DISK());
      outcomes = withMedications(lines)
          .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
          .mapGroups(new ScreenPatient(kb, options.date(), names),
              Encoders.row(Schemas.OUTCOME));
    } else {
      JavaRDD<Row> rows = raw.mapPartitionsWithInputSplit(
          new IntakeLines(kb, options.date()), false);
      outcomes = spark.createDataFrame(rows, Schemas.OUTCOME);
    }
    outcomes = outcomes.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      write(spark, outcomes, output, summary, options);
    } finally {
      outcomes.unpersist();
      if (lines != null) {
        lines.unpersist();
      }
    }
    return summary;
  }

  /**
   * The lines of the patients with, for each patient, a copy of every Medication its resources
   * refer to ({@code medicationReference} to {@code Medication/<id>}), keyed by the patient and of
   * kind SHARED; the Medication lines themselves are not grouped (they name no patient: a shared
   * resource, never an orphan). A Medication referred to by nobody is only counted.
   */
  private static Dataset<Row> withMedications(Dataset<Row> lines) {
    Dataset<Row> medications = lines.where(col("kind").equalTo("MEDICATION"))
        .select(col("key").as("medicationKey"), col("typeOrder").as("mOrder"),
            col("fileIndex").as("mFile"), col("offset").as("mOffset"),
            col("resource").as("mResource"), col("json").as("mJson"));
    Dataset<Row> references = lines.where(col("kind").equalTo("RESOURCE")
            .and(col("medication").isNotNull()))
        .select(col("medication").as("referenced"), col("key").as("patientKey")).distinct();
    Dataset<Row> joined = references.join(medications,
            col("referenced").equalTo(col("medicationKey")))
        .select(col("patientKey").as("key"), lit(ScreenPatient.SHARED).as("kind"),
            col("mOrder").as("typeOrder"), col("mFile").as("fileIndex"),
            col("mOffset").as("offset"), col("mResource").as("resource"),
            col("mJson").as("json"), lit(null).cast("string").as("problemPath"),
            lit(null).cast("string").as("problemMessage"), lit(0L).as("linesRead"),
            lit(0L).as("blankLines"), lit(0L).as("patientLines"),
            lit(null).cast(Schemas.LINE.apply("ignored").dataType()).as("ignored"),
            lit(null).cast("string").as("medication"), lit(0L).as("sharedLines"));
    return lines.where(col("kind").notEqual("MEDICATION")).unionByName(joined);
  }

  private static boolean userSet(SparkSession spark, String key) {
    return spark.sparkContext().getConf().contains(key);
  }

  private static List<FileStatus> listInput(JobOptions options, Configuration hadoop,
      Summary summary) {
    org.apache.hadoop.fs.Path input = new org.apache.hadoop.fs.Path(options.input());
    List<FileStatus> read = new ArrayList<>();
    try {
      FileSystem fs = input.getFileSystem(hadoop);
      if (!fs.exists(input)) {
        throw new InputException("--input " + options.input() + " does not exist");
      }
      FileStatus[] listed = fs.getFileStatus(input).isDirectory() ? fs.listStatus(input)
          : new FileStatus[] {fs.getFileStatus(input)};
      Arrays.sort(listed, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      for (FileStatus f : listed) {
        String name = f.getPath().getName();
        boolean ndjson = name.endsWith(".ndjson") || name.endsWith(".ndjson.gz");
        boolean wanted = f.isFile() && ndjson && !name.startsWith(".") && !name.startsWith("_")
            && (options.format() == JobOptions.Format.INTAKE_NDJSON
                || BulkLines.TYPES.contains(typeOfFile(name)));
        if (wanted) {
          read.add(f);
          summary.filesRead.add(name);
        } else {
          summary.filesSkipped.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + options.input(), e);
    }
    if (read.isEmpty()) {
      throw new InputException("--input " + options.input() + " holds no file to read ("
          + (options.format() == JobOptions.Format.BULK_FHIR
              ? "Bulk Data files named <Type>.ndjson or <Type>.<n>.ndjson for the types "
                  + String.join(", ", BulkLines.TYPES)
              : "*.ndjson") + ")");
    }
    return read;
  }

  /** The resource type a Bulk Data file's name gives: its leading letters. */
  static String typeOfFile(String name) {
    int i = 0;
    while (i < name.length() && Character.isLetter(name.charAt(i))) {
      i++;
    }
    return name.substring(0, i);
  }

  private static void checkOutput(org.apache.hadoop.fs.Path output, Configuration hadoop,
      boolean overwrite) {
    if (overwrite) {
      return;
    }
    try {
      FileSystem fs = output.getFileSystem(hadoop);
      for (String table : List.of("recommendations", "problems", "summary")) {
        if (fs.exists(new org.apache.hadoop.fs.Path(output, table))) {
          throw new InputException("--output " + output + " already holds the " + table
              + " table (use --overwrite to replace it)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + output, e);
    }
  }

  /**
   * The lines of the files with their byte offsets; splits small enough that every core has
   * work even for a small input.
   */
  @SuppressWarnings("unchecked")
  private static JavaNewHadoopRDD<LongWritable, Text> read(JavaSparkContext jsc,
      List<FileStatus> files, long bytes) {
    try {
      Job job = Job.getInstance(jsc.hadoopConfiguration());
      FileInputFormat.setInputPaths(job,
          files.stream().map(FileStatus::getPath).toArray(org.apache.hadoop.fs.Path[]::new));
      long perCore = bytes / Math.max(1, 2L * jsc.defaultParallelism());
      FileInputFormat.setMaxInputSplitSize(job,
          Math.max(1L << 20, Math.min(128L << 20, perCore)));
      JavaPairRDD<LongWritable, Text> rdd = jsc.newAPIHadoopRDD(job.getConfiguration(),
          TextInputFormat.class, LongWritable.class, Text.class);
      return (JavaNewHadoopRDD<LongWritable, Text>) rdd;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the input", e);
    }
  }

  private static void write(SparkSession spark, Dataset<Row> outcomes,
      org.apache.hadoop.fs.Path output, Summary summary, JobOptions options) {
    SaveMode mode = options.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
    Column kb = lit(summary.knowledgeBaseVersion).as("knowledgeBaseVersion");
    String recsPath = new org.apache.hadoop.fs.Path(output, "recommendations").toString();
    String problemsPath = new org.apache.hadoop.fs.Path(output, "problems").toString();
    String summaryPath = new org.apache.hadoop.fs.Path(output, "summary").toString();

    Dataset<Row> recs = outcomes.where(col("kind").equalTo(Kind.ASSESSED.name()))
        .select(col("patient"), col("intakeId"), col("assessmentDate"),
            explode(col("recommendations")).as("r"))
        .select(Schemas.RECOMMENDATION_COLUMNS.stream().map(c -> switch (c) {
          case "patient", "intakeId", "assessmentDate" -> col(c);
          case "knowledgeBaseVersion" -> kb;
          default -> col("r." + c).as(c);
        }).toArray(Column[]::new));
    long t0 = System.nanoTime();
    recs.write().mode(mode).parquet(recsPath);
    timing("screen and write recommendations", t0);
    t0 = System.nanoTime();

    Dataset<Row> problems = outcomes.where(size(col("problems")).gt(0)
            .and(col("kind").notEqual(Kind.NOTHING_TO_SCREEN.name()))
            .and(col("kind").notEqual(Kind.DECEASED.name())))
        .select(Schemas.PROBLEM_COLUMNS.stream()
            .map(c -> c.equals("knowledgeBaseVersion") ? kb : col(c)).toArray(Column[]::new));
    problems.write().mode(mode).parquet(problemsPath);
    timing("write problems", t0);
    t0 = System.nanoTime();

    // the counts, from the outcomes (one pass over the cached rows)
    Map<String, long[]> byKind = new TreeMap<>();
    for (Row r : outcomes.groupBy("kind").agg(count(lit(1)), sum("resources"),
        sum("duplicates"), sum("duplicatePatients"), sum("linesRead"), sum("blankLines"),
        sum("patientLines"), sum(size(col("recommendations"))), sum(size(col("problems"))),
        sum("sharedLines"), sum("unmappedConditions"),
        sum(when(col("incomplete"), 1L).otherwise(0L))).collectAsList()) {
      long[] v = new long[12];
      for (int i = 0; i < 12; i++) {
        v[i] = r.isNullAt(i + 1) ? 0 : r.getLong(i + 1);
      }
      byKind.put(r.getString(0), v);
    }
    for (Row r : outcomes.where(col("kind").equalTo(Kind.COUNTS.name()))
        .select(explode(col("ignored"))).groupBy("key").agg(sum("value")).collectAsList()) {
      summary.ignored.put(r.getString(0), r.getLong(1));
    }
    for (Row r : outcomes.where(col("kind").equalTo(Kind.ASSESSED.name()))
        .select(explode(col("recommendations")).as("r"))
        .groupBy(col("r.condition"), col("r.decision")).count().collectAsList()) {
      summary.byCondition.computeIfAbsent(String.valueOf(r.get(0)), k -> new TreeMap<>())
          .put(r.getString(1), r.getLong(2));
    }
    // what the mapping could not read, by system and code, the most frequent first
    for (Row r : outcomes.select(explode(col("unmapped")).as("u"))
        .groupBy(col("u.system").as("system"), col("u.code").as("code"))
        .agg(sum("u.resources").as("resources"), count(lit(1)).as("patients"),
            first(col("u.display"), true).as("display"))
        .orderBy(col("resources").desc(), col("patients").desc(), col("system"), col("code"))
        .collectAsList()) {
      summary.unmapped.add(new Summary.Unmapped(r.getString(0), r.getString(1),
          r.isNullAt(4) ? null : r.getString(4), r.getLong(2), r.getLong(3)));
    }
    reconcile(summary, byKind, options.format());
    timing("count", t0);
    t0 = System.nanoTime();

    long recRows = spark.read().parquet(recsPath).count();
    long problemRows = spark.read().parquet(problemsPath).count();
    summary.check("recommendation rows written = recommendations of the assessed patients",
        recRows, summary.count("recommendations"));
    summary.check("problem rows written = patients and lines with problems", problemRows,
        summary.count("problemRows"));

    spark.createDataFrame(summary.rows(), Schemas.SUMMARY).coalesce(1).write().mode(mode)
        .parquet(summaryPath);
    timing("read back and write summary", t0);
  }

  /** With {@code -Dbotox.timings=true}: the time of each phase on standard error. */
  private static void timing(String phase, long start) {
    if (Boolean.getBoolean("botox.timings")) {
      System.err.printf(java.util.Locale.ROOT, "timing: %s %.2f s%n", phase,
          (System.nanoTime() - start) / 1e9);
    }
  }

  private static long get(Map<String, long[]> byKind, Kind kind, int field) {
    long[] v = byKind.get(kind.name());
    return v == null ? 0 : v[field];
  }

  private static void reconcile(Summary s, Map<String, long[]> byKind,
      JobOptions.Format format) {
    final int groups = 0;
    final int resources = 1;
    final int duplicates = 2;
    final int duplicatePatients = 3;
    final int linesRead = 4;
    final int blankLines = 5;
    final int patientLines = 6;
    final int recommendations = 7;
    final int sharedLines = 9;
    final int unmappedConditions = 10;
    final int incomplete = 11;
    long assessed = get(byKind, Kind.ASSESSED, groups);
    long nothing = get(byKind, Kind.NOTHING_TO_SCREEN, groups);
    long deceased = get(byKind, Kind.DECEASED, groups);
    long recordProblems = get(byKind, Kind.RECORD_PROBLEMS, groups);
    long invalid = get(byKind, Kind.INVALID_INTAKE, groups);
    long failed = get(byKind, Kind.EVALUATION_FAILED, groups);
    long notInExport = get(byKind, Kind.PATIENT_NOT_IN_EXPORT, groups);
    long noPatient = get(byKind, Kind.NO_PATIENT_REFERENCE, groups);
    long malformed = get(byKind, Kind.MALFORMED_LINE, groups);
    long read = get(byKind, Kind.COUNTS, linesRead);
    long blank = get(byKind, Kind.COUNTS, blankLines);
    long ignored = s.ignored.values().stream().mapToLong(Long::longValue).sum();
    long patientsIn = get(byKind, Kind.COUNTS, patientLines);
    long shared = get(byKind, Kind.COUNTS, sharedLines);
    long withProblems = recordProblems + invalid + failed;
    long assigned = 0;
    long dup = 0;
    long conditionsUnmapped = 0;
    long incompleteRecords = 0;
    for (Kind k : List.of(Kind.ASSESSED, Kind.NOTHING_TO_SCREEN, Kind.DECEASED,
        Kind.RECORD_PROBLEMS, Kind.EVALUATION_FAILED, Kind.INVALID_INTAKE)) {
      assigned += get(byKind, k, resources);
      dup += get(byKind, k, duplicates);
      patientsIn -= get(byKind, k, duplicatePatients);
      conditionsUnmapped += get(byKind, k, unmappedConditions);
      incompleteRecords += get(byKind, k, incomplete);
    }
    long recs = get(byKind, Kind.ASSESSED, recommendations);
    Map<String, Long> c = s.counts;
    c.put("patientsIn", patientsIn);
    c.put("patientsAssessed", assessed);
    c.put("patientsWithoutCandidate", nothing);
    c.put("patientsDeceased", deceased);
    c.put("patientsWithProblems", withProblems);
    c.put("evaluationsFailed", failed);
    c.put("recommendations", recs);
    c.put("problemRows", withProblems + notInExport + noPatient + malformed);
    if (format == JobOptions.Format.BULK_FHIR) {
      c.put("patientsNotInExport", notInExport);
      c.put("resourcesOfPatientsNotInExport", get(byKind, Kind.PATIENT_NOT_IN_EXPORT, resources));
      c.put("resourcesNamingNoPatient", noPatient);
      c.put("malformedLines", malformed);
    }
    c.put("linesRead", read);
    c.put("blankLines", blank);
    if (format == JobOptions.Format.BULK_FHIR) {
      c.put("resourcesOfPatients", assigned);
      c.put("sharedResources", shared);
      c.put("duplicateResources", dup);
      c.put("resourcesIgnored", ignored);
      c.put("recordsIncomplete", incompleteRecords);
      c.put("unmappedCodings", (long) s.unmapped.size());
      c.put("conditionsWithoutMappedCoding", conditionsUnmapped);
    }
    s.check("patients in = assessed + without a candidate + deceased + with problems",
        patientsIn, assessed + nothing + deceased + withProblems);
    s.check("lines read = blank + ignored + malformed + naming no patient + of patients not in "
        + "the export + of patients + shared", read, blank + ignored + malformed + noPatient
        + get(byKind, Kind.PATIENT_NOT_IN_EXPORT, resources) + assigned + shared);
  }
}
