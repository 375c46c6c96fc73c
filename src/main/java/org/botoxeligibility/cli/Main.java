package org.botoxeligibility.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.botoxeligibility.assessment.RuleError;
import org.botoxeligibility.assessment.RulesBuildException;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.knowledge.KnowledgeBaseResources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line (docs/contract.md §3): the wiring of its commands, each a class of its own.
 * Standard output carries results only; every diagnostic goes to standard error. Exit codes: 0
 * all evaluated, 2 usage error, 3 an input invalid, 4 the knowledge base failed to build, 1
 * anything unexpected.
 */
@Command(
    name = "botox-eligibility",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Botulinum toxin eligibility: evaluates patient intakes (or FHIR R4 records) "
        + "against the knowledge base and explains every decision.",
    subcommands = {EvaluateCommand.class, ValidateCommand.class, ConditionsCommand.class,
        FromFhirCommand.class, ServeCommand.class})
public final class Main implements Callable<Integer> {
  static final int OK = 0;
  static final int UNEXPECTED = 1;
  static final int USAGE = 2;
  static final int INVALID = 3;
  static final int RULES_FAILED = 4;

  final InputStream stdin;
  final PrintStream stdout;
  final PrintStream stderr;
  /** An engine built beforehand (tests and fuzzing share one); null builds one per run. */
  EligibilityEngine preset;

  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces of unexpected errors and the engine's debug log (which "
          + "names intake ids only).")
  boolean debug;

  private Main(InputStream stdin, PrintStream stdout, PrintStream stderr) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    Logging.configure(List.of(args).contains("--debug"));
    int code = run(args, System.in, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs the command line in-process.
   *
   * @param args the arguments
   * @param in standard input
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, null);
  }

  /**
   * Runs the command line in-process with an engine built beforehand (used when there are no
   * --rules, --tables or --audit-log), returning the exit code.
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
    stderr.println("botox-eligibility: a command is needed: evaluate, validate, conditions or "
        + "from-fhir (see --help)");
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

  /** Output formats. */
  enum Format {
    json,
    text
  }
}
