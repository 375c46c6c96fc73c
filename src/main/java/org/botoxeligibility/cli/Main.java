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
import org.botoxeligibility.engine.EvaluationException;
import org.botoxeligibility.engine.IntakeValidator;
import org.botoxeligibility.engine.RuleError;
import org.botoxeligibility.engine.RulesBuildException;
import org.botoxeligibility.intake.Problem;
import org.botoxeligibility.json.AssessmentWriter;
import org.botoxeligibility.json.IntakeReader;
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
    subcommands = {Main.Evaluate.class, Main.Validate.class, Main.Conditions.class})
public final class Main implements Callable<Integer> {
  static final int OK = 0;
  static final int UNEXPECTED = 1;
  static final int USAGE = 2;
  static final int INVALID = 3;
  static final int RULES_FAILED = 4;

  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;

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
    Main main = new Main(in, out, err);
    CommandLine cli = new CommandLine(main);
    cli.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setExitCodeExceptionMapper(e -> e instanceof RulesBuildException ? RULES_FAILED
        : UNEXPECTED);
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

  @Override
  public Integer call() {
    stderr.println("botox-eligibility: a command is needed: evaluate, validate or conditions "
        + "(see --help)");
    return USAGE;
  }

  /** --version: the project and the knowledge base. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String project = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "botox-eligibility " + (project != null ? project : "(development build)"),
        "knowledge base " + KnowledgeBaseResources.version()
      };
    }
  }

  enum Format {
    json,
    text
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

    boolean anyInvalid;
    boolean anyFailed;

    LocalDate defaultDate() {
      return date != null ? date : LocalDate.now();
    }

    List<String> inputs() {
      return files.isEmpty() ? List.of("-") : files;
    }

    String label(String file) {
      return file.equals("-") ? "stdin" : file;
    }

    /** Reads one whole input, at most one byte past the size limit. */
    byte[] readAll(String file) throws IOException {
      try (InputStream in = file.equals("-") ? nonClosing(main.stdin) : Files.newInputStream(
          Path.of(file))) {
        return in.readNBytes(IntakeReader.MAX_BYTES + 1);
      }
    }

    void problems(String prefix, List<Problem> problems) {
      anyInvalid = true;
      for (Problem p : problems) {
        main.stderr.println(prefix + p);
      }
    }

    /** Reads each input whole (or line by line with --ndjson) and hands each valid intake on. */
    void forEachIntake(IntakeReader reader, IntakeSink sink) throws IOException {
      List<String> inputs = inputs();
      for (String file : inputs) {
        if (ndjson) {
          String prefix = inputs.size() > 1 ? label(file) + ": " : "";
          readLines(file, prefix, reader, sink);
          continue;
        }
        byte[] bytes;
        try {
          bytes = readAll(file);
        } catch (NoSuchFileException e) {
          problems(label(file) + ": ", List.of(new Problem("$", "cannot be read: no such file")));
          continue;
        } catch (IOException e) {
          problems(label(file) + ": ", List.of(new Problem("$", "cannot be read: "
              + e.getClass().getSimpleName())));
          continue;
        }
        IntakeReader.Result result = reader.read(bytes, defaultDate());
        if (!result.valid()) {
          problems(label(file) + ": ", result.problems());
        } else {
          sink.accept(result, label(file) + ": ");
        }
      }
    }

    private void readLines(String file, String prefix, IntakeReader reader, IntakeSink sink)
        throws IOException {
      InputStream in;
      try {
        in = file.equals("-") ? nonClosing(main.stdin) : Files.newInputStream(Path.of(file));
      } catch (NoSuchFileException e) {
        problems(label(file) + ": ", List.of(new Problem("$", "cannot be read: no such file")));
        return;
      }
      try (in) {
        LineReader lines = new LineReader(in, IntakeReader.MAX_BYTES);
        for (LineReader.Line line; (line = lines.next()) != null; ) {
          String at = prefix + "line " + line.number() + ": ";
          if (line.tooLong()) {
            problems(at, List.of(new Problem("$", "the line is " + line.length()
                + " bytes; the limit is " + IntakeReader.MAX_BYTES + " bytes (1 MiB)")));
            continue;
          }
          if (isBlank(line.bytes())) {
            problems(at, List.of(new Problem("$", "is empty; expected an intake object")));
            continue;
          }
          IntakeReader.Result result = reader.read(line.bytes(), defaultDate());
          if (!result.valid()) {
            problems(at, result.problems());
          } else {
            sink.accept(result, at);
          }
          if (!lines.hasBuffered()) {
            sink.flush();
          }
        }
      }
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

  interface IntakeSink {
    void accept(IntakeReader.Result valid, String prefix) throws IOException;

    default void flush() throws IOException {}
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

    @Override
    public Integer call() throws IOException {
      EligibilityEngine.Builder builder = EligibilityEngine.builder();
      rules.forEach(builder::addRules);
      EligibilityEngine engine = builder.build();
      IntakeReader reader = new IntakeReader(engine.validator());
      AssessmentWriter writer = new AssessmentWriter();
      boolean single = !ndjson && inputs().size() == 1;
      OutputStream out = new BufferedOutputStream(nonClosing(main.stdout), 1 << 16);
      int[] written = {0};
      forEachIntake(reader, new IntakeSink() {
        @Override
        public void accept(IntakeReader.Result valid, String prefix) throws IOException {
          Assessment assessment;
          try {
            assessment = engine.evaluate(valid.intake());
          } catch (EvaluationException e) {
            anyFailed = true;
            main.stderr.println(prefix + "$: evaluation failed, nothing is reported for this "
                + "intake: " + e.getMessage());
            if (main.debug) {
              e.printStackTrace(main.stderr);
            }
            return;
          }
          String text;
          if (format == Format.text) {
            text = (written[0] > 0 ? "\n" : "") + TextReport.of(assessment);
          } else if (single) {
            text = writer.pretty(assessment);
          } else {
            text = writer.compact(assessment) + "\n";
          }
          out.write(text.getBytes(StandardCharsets.UTF_8));
          written[0]++;
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }
      });
      out.flush();
      return exitCode();
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Check intakes against the contract without evaluating them: prints "
          + "'FILE: valid' on standard output, or each problem on standard error.")
  static final class Validate extends IntakeCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      IntakeReader reader = new IntakeReader(new IntakeValidator(Catalog.load()));
      forEachIntake(reader, (valid, prefix) -> main.stdout.println(prefix + "valid"));
      main.stdout.flush();
      return exitCode();
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
