package org.botoxeligibility.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.assessment.EvaluationException;
import org.botoxeligibility.engine.IntakeValidator;
import org.botoxeligibility.assessment.RuleError;
import org.botoxeligibility.assessment.RulesBuildException;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.json.AssessmentWriter;
import org.botoxeligibility.json.IntakeReader;
import org.botoxeligibility.json.JsonAuditLog;
import org.botoxeligibility.knowledge.Catalog;
import org.botoxeligibility.knowledge.KnowledgeBaseResources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The command line (formats.md §3). Standard output carries results only; every diagnostic goes
 * to standard error. Exit codes: 0 all evaluated, 2 usage error, 3 an intake invalid, 4 the
 * knowledge base failed to build, 1 anything unexpected.
 */
@Command(
    name = "botox-eligibility",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Botulinum toxin eligibility: evaluates patient intakes against the knowledge "
        + "base and explains every decision.",
    subcommands = {Main.Evaluate.class, Main.Validate.class, Main.Conditions.class,
        ServeCommand.class})
public final class Main implements Callable<Integer> {
  static final int OK = 0;
  static final int UNEXPECTED = 1;
  static final int USAGE = 2;
  static final int INVALID = 3;
  static final int RULES_FAILED = 4;

  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;
  /** An engine built beforehand (tests and fuzzing share one); null builds one per run. */
  private EligibilityEngine preset;

  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces of unexpected errors and the engine's debug log (which "
          + "names intake ids only).")
  boolean debug;

  private Main(InputStream stdin, PrintStream stdout, PrintStream stderr) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static void main(String[] args) {
    Logging.configure(List.of(args).contains("--debug"));
    int code = run(args, System.in, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /** Runs the command line in-process, returning the exit code. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, null);
  }

  /**
   * Runs the command line in-process with an engine built beforehand (used when there are no
   * --rules and no --audit-log), returning the exit code.
   */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
      EligibilityEngine preset) {
    Main main = new Main(in, out, err);
    main.preset = preset;
    CommandLine cli = new CommandLine(main);
    cli.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE
        : e instanceof RulesBuildException ? RULES_FAILED : UNEXPECTED);
    cli.registerConverter(LocalDate.class, Main::date);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof RulesBuildException rb) {
        err.println("error: " + rb.getMessage());
        for (RuleError re : rb.errors()) {
          err.println(re);
        }
        return RULES_FAILED;
      }
      err.println("error: unexpected " + e.getClass().getSimpleName()
          + (main.debug ? ": " + e.getMessage() : " (run with --debug for details)"));
      if (main.debug) {
        e.printStackTrace(err);
      }
      return UNEXPECTED;
    });
    return cli.execute(args);
  }

  /** --date: an ISO date, or a usage error that says so in words. */
  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new CommandLine.TypeConversionException("'" + text
          + "' is not a date written YYYY-MM-DD");
    }
  }

  @Override
  public Integer call() {
    stderr.println("botox-eligibility: a command is needed: evaluate, validate or conditions "
        + "(see --help)");
    return USAGE;
  }

  /** --version: the project and the knowledge base. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      java.util.Properties p = new java.util.Properties();
      try (InputStream in = Main.class.getResourceAsStream("/org/botoxeligibility/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "botox-eligibility " + p.getProperty("version", "(unknown version)"),
        "knowledge base " + KnowledgeBaseResources.version()
      };
    }
  }

  enum Format {
    json,
    text
  }

  /** What became of one intake: its output, or its problems, or the failure of its evaluation. */
  record Outcome(byte[] output, List<Problem> problems, String failure, Throwable cause) {
    static Outcome written(byte[] output) {
      return new Outcome(output, List.of(), null, null);
    }

    static Outcome written(String output) {
      return written(output.getBytes(StandardCharsets.UTF_8));
    }

    static Outcome invalid(List<Problem> problems) {
      return new Outcome(null, problems, null, null);
    }

    static Outcome failed(String failure, Throwable cause) {
      return new Outcome(null, List.of(), failure, cause);
    }
  }

  /** Reads intakes and reports problems, shared by evaluate and validate. */
  abstract static class IntakeCommand {
    @ParentCommand Main main;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
        description = "Assessment date for intakes that give none (default: today).")
    LocalDate date;

    @Option(names = "--ndjson", description = "Read one intake per line (NDJSON), streaming.")
    boolean ndjson;

    @Parameters(paramLabel = "FILE", arity = "0..*",
        description = "Intake files; '-' or none reads standard input.")
    List<String> files = new ArrayList<>();

    private boolean anyInvalid;
    private boolean anyFailed;
    private LocalDate defaultDate;

    /** What one valid intake becomes. */
    abstract Outcome process(IntakeReader.Result valid);

    /** Writes one output, in input order, on the reading thread. */
    abstract void write(String prefix, byte[] output) throws IOException;

    abstract void flush() throws IOException;

    /** Worker threads for NDJSON. */
    int threads() {
      return 1;
    }

    LocalDate defaultDate() {
      if (defaultDate == null) {
        defaultDate = date != null ? date : LocalDate.now();
      }
      return defaultDate;
    }

    List<String> inputs() {
      return files.isEmpty() ? List.of("-") : files;
    }

    static String label(String file) {
      return file.equals("-") ? "stdin" : file;
    }

    /**
     * Reads, validates and processes one intake's bytes. Thread-safe. Anything unexpected fails
     * this intake only (exit 1 at the end), never the others, and never silently.
     */
    Outcome outcome(IntakeReader reader, byte[] bytes) {
      try {
        IntakeReader.Result result = reader.read(bytes, defaultDate());
        return result.valid() ? process(result) : Outcome.invalid(result.problems());
      } catch (RuntimeException e) {
        return Outcome.failed("unexpected " + e.getClass().getSimpleName()
            + "; nothing is reported for this intake", e);
      }
    }

    void report(String prefix, Outcome outcome) throws IOException {
      if (outcome.output() != null) {
        write(prefix, outcome.output());
      } else if (outcome.failure() != null) {
        anyFailed = true;
        main.stderr.println(prefix + "$: " + outcome.failure());
        if (main.debug && outcome.cause() != null) {
          outcome.cause().printStackTrace(main.stderr);
        }
      } else {
        anyInvalid = true;
        for (Problem p : outcome.problems()) {
          main.stderr.println(prefix + p);
        }
      }
    }

    /** Every input, whole or line by line, in order. */
    void processAll(IntakeReader reader) throws IOException {
      defaultDate();
      List<String> inputs = inputs();
      for (String file : inputs) {
        InputStream in;
        try {
          in = file.equals("-") ? nonClosing(main.stdin) : Files.newInputStream(Path.of(file));
        } catch (NoSuchFileException e) {
          report(label(file) + ": ", Outcome.invalid(List.of(new Problem("$",
              "cannot be read: no such file"))));
          continue;
        } catch (IOException e) {
          report(label(file) + ": ", Outcome.invalid(List.of(new Problem("$",
              Files.isDirectory(Path.of(file)) ? "cannot be read: it is a folder"
                  : "cannot be read: " + e.getClass().getSimpleName()))));
          continue;
        }
        try (in) {
          if (ndjson) {
            String prefix = inputs.size() > 1 ? label(file) + ": " : "";
            lines(reader, in, prefix);
          } else {
            byte[] bytes;
            try {
              bytes = in.readNBytes(IntakeReader.MAX_BYTES + 1);
            } catch (IOException e) {
              report(label(file) + ": ", Outcome.invalid(List.of(new Problem("$",
                  Files.isDirectory(Path.of(file)) ? "cannot be read: it is a folder"
                      : "cannot be read: " + e.getClass().getSimpleName()))));
              continue;
            }
            report(label(file) + ": ", outcome(reader, bytes));
          }
        }
      }
      flush();
    }

    private void lines(IntakeReader reader, InputStream in, String prefix) throws IOException {
      NdjsonPipeline<Outcome> pipeline = new NdjsonPipeline<>(line -> {
        if (line.tooLong()) {
          return Outcome.invalid(List.of(new Problem("$", "the line is " + line.length()
              + " bytes; the limit is " + IntakeReader.MAX_BYTES + " bytes (1 MiB)")));
        }
        if (isBlank(line.bytes())) {
          return Outcome.invalid(List.of(new Problem("$", "is empty; expected an intake object")));
        }
        return outcome(reader, line.bytes());
      }, threads());
      long[] number = {0};
      pipeline.run(new LineReader(in, IntakeReader.MAX_BYTES), new NdjsonPipeline.Sink<>() {
        @Override
        public void accept(Outcome outcome) throws IOException {
          number[0]++;
          report(prefix + "line " + number[0] + ": ", outcome);
        }

        @Override
        public void flush() throws IOException {
          IntakeCommand.this.flush();
        }
      });
    }

    private static boolean isBlank(byte[] bytes) {
      for (byte b : bytes) {
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return true;
    }

    int exitCode() {
      return anyFailed ? UNEXPECTED : anyInvalid ? INVALID : OK;
    }
  }

  @Command(name = "evaluate", mixinStandardHelpOptions = true,
      description = "Evaluate intakes and write their assessments to standard output.")
  static final class Evaluate extends IntakeCommand implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "json",
        description = "json (default) or text (a report to read at the desk).")
    Format format;

    @Option(names = "--rules", paramLabel = "DIR",
        description = "Add a clinic's own DRL files from DIR to the built-in knowledge base. "
            + "Rules are code: use only a trusted, access-controlled folder.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--audit-log", paramLabel = "FILE",
        description = "Append one JSON line per evaluation to FILE: time, intake id, SHA-256 of "
            + "the canonical intake, knowledge-base version, decisions, reason codes, fired "
            + "rules.")
    Path auditLog;

    @Option(names = "--threads", paramLabel = "N",
        description = "Worker threads for --ndjson (default: the number of processors).")
    Integer threads;

    private EligibilityEngine engine;
    private AssessmentWriter writer;
    private boolean single;
    private OutputStream out;
    private int written;

    @Override
    int threads() {
      return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    @Override
    public Integer call() throws IOException {
      EligibilityEngine.Builder builder = EligibilityEngine.builder();
      rules.forEach(builder::addRules);
      JsonAuditLog audit;
      try {
        audit = auditLog == null ? null : JsonAuditLog.appendingTo(auditLog);
      } catch (IOException e) {
        main.stderr.println("error: cannot open the audit log " + auditLog + " for appending ("
            + e.getClass().getSimpleName() + "); nothing was evaluated");
        return USAGE;
      }
      try {
        if (audit != null) {
          builder.audit(audit);
        }
        engine = main.preset != null && rules.isEmpty() && audit == null ? main.preset
            : builder.build();
        writer = new AssessmentWriter();
        single = !ndjson && inputs().size() == 1;
        out = new BufferedOutputStream(nonClosing(main.stdout), 1 << 16);
        processAll(new IntakeReader(engine.validator()));
        return exitCode();
      } finally {
        if (audit != null) {
          audit.close();
        }
      }
    }

    @Override
    Outcome process(IntakeReader.Result valid) {
      Assessment assessment;
      try {
        assessment = engine.evaluate(valid.intake());
      } catch (EvaluationException e) {
        return Outcome.failed("evaluation failed, nothing is reported for this intake: "
            + e.getMessage(), e);
      }
      if (format == Format.text) {
        return Outcome.written(TextReport.of(assessment));
      }
      return single ? Outcome.written(writer.pretty(assessment))
          : Outcome.written(writer.compactLine(assessment));
    }

    @Override
    void write(String prefix, byte[] output) throws IOException {
      if (format == Format.text && written > 0) {
        out.write('\n');
      }
      out.write(output);
      written++;
    }

    @Override
    void flush() throws IOException {
      out.flush();
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Check intakes against the contract without evaluating them: prints "
          + "'FILE: valid' (or 'line N: valid') on standard output, or each problem on "
          + "standard error.")
  static final class Validate extends IntakeCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      processAll(new IntakeReader(new IntakeValidator(Catalog.load())));
      return exitCode();
    }

    @Override
    Outcome process(IntakeReader.Result valid) {
      return Outcome.written("valid");
    }

    @Override
    void write(String prefix, byte[] output) {
      main.stdout.println(prefix + new String(output, StandardCharsets.UTF_8));
    }

    @Override
    void flush() {
      main.stdout.flush();
    }
  }

  @Command(name = "conditions", mixinStandardHelpOptions = true,
      description = "List the catalog of conditions the knowledge base knows.")
  static final class Conditions implements Callable<Integer> {
    @ParentCommand Main main;

    @Option(names = "--format", defaultValue = "json", description = "json (default) or text.")
    Format format;

    @Override
    public Integer call() {
      Catalog catalog = Catalog.load();
      main.stdout.print(format == Format.text ? TextReport.catalog(catalog.entries())
          : new AssessmentWriter().catalog(catalog.entries()));
      main.stdout.flush();
      return OK;
    }
  }

  private static InputStream nonClosing(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }

  private static OutputStream nonClosing(PrintStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
