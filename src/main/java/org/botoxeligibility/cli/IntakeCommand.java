package org.botoxeligibility.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.fhir.Mapping;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.json.IntakeReader;
import org.botoxeligibility.knowledge.KnowledgeTables;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Reads inputs (intakes, or FHIR R4 Bundles) and reports problems, shared by evaluate and
 * validate: each FILE whole, or standard input, or NDJSON line by line in constant memory.
 */
abstract class IntakeCommand {
  /** The largest FHIR Bundle read (a file, or a line with --input fhir). */
  static final int MAX_BUNDLE_BYTES = 32 << 20;

  @ParentCommand Main main;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Assessment date for inputs that give none (default: today).")
  LocalDate date;

  @Option(names = "--ndjson", description = "Read one input per line (NDJSON), streaming.")
  boolean ndjson;

  @Option(names = "--input", paramLabel = "auto|intake|fhir", defaultValue = "auto",
      description = "What the inputs are: intakes, FHIR R4 Bundles, or auto (default: a Bundle "
          + "is recognised by its top-level resourceType).")
  InputFormat input;

  @Option(names = "--screen",
      description = "For FHIR Bundles: screen the patient's diagnoses instead of reading "
          + "botulinum toxin orders.")
  boolean screen;

  @Option(names = "--tables", paramLabel = "DIR",
      description = "Override the knowledge base's tables row by row from DIR (the version "
          + "becomes <version>+local.<hash>).")
  Path tables;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Input files; '-' or none reads standard input.")
  List<String> files = new ArrayList<>();

  private boolean anyInvalid;
  private boolean anyFailed;
  private LocalDate defaultDate;
  private KnowledgeTables knowledgeTables;
  private FhirInput fhir;

  /** One input read: a valid intake and, for a bundle, the resources behind its fields. */
  record Input(Intake intake, Map<String, List<String>> provenance, Mapping mapping) {}

  /** What one valid input becomes. */
  abstract Outcome process(Input valid);

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

  /** The knowledge base's tables: built in, or with --tables (read once). */
  KnowledgeTables knowledgeTables() {
    if (knowledgeTables == null) {
      knowledgeTables = tables == null ? KnowledgeTables.builtIn()
          : KnowledgeTables.withOverrides(tables);
    }
    return knowledgeTables;
  }

  List<String> inputs() {
    return files.isEmpty() ? List.of("-") : files;
  }

  static String label(String file) {
    return file.equals("-") ? "stdin" : file;
  }

  /**
   * Reads, validates and processes one input's bytes. Thread-safe. Anything unexpected fails
   * this input only (exit 1 at the end), never the others, and never silently.
   */
  Outcome outcome(IntakeReader reader, byte[] bytes) {
    try {
      boolean bundle = input == InputFormat.fhir
          || (input == InputFormat.auto && InputFormat.isBundle(bytes));
      if (bundle) {
        Mapping m = fhir().map(bytes, defaultDate(), screen);
        if (!m.valid()) {
          return Outcome.invalid(m.problems());
        }
        return process(new Input(m.intake(), m.provenance(), m));
      }
      if (input == InputFormat.intake && InputFormat.isBundle(bytes)) {
        return Outcome.invalid(List.of(new Problem("$", "is a FHIR Bundle, and --input intake "
            + "takes intakes only; use --input fhir or auto")));
      }
      if (bytes.length > IntakeReader.MAX_BYTES) {
        return Outcome.invalid(List.of(new Problem("$", "the intake is larger than the limit of "
            + IntakeReader.MAX_BYTES + " bytes (1 MiB)")));
      }
      IntakeReader.Result result = reader.read(bytes, defaultDate());
      return result.valid() ? process(new Input(result.intake(), Map.of(), null))
          : Outcome.invalid(result.problems());
    } catch (RuntimeException e) {
      return Outcome.failed("unexpected " + e.getClass().getSimpleName()
          + "; nothing is reported for this input", e);
    }
  }

  private synchronized FhirInput fhir() {
    if (fhir == null) {
      fhir = new FhirInput(knowledgeTables());
    }
    return fhir;
  }

  void report(String prefix, Outcome outcome) throws IOException {
    if (outcome.warning() != null) {
      main.stderr.println(prefix + "warning: " + outcome.warning());
    }
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
        in = file.equals("-") ? Streams.nonClosing(main.stdin)
            : Files.newInputStream(Path.of(file));
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
            bytes = in.readNBytes(MAX_BUNDLE_BYTES + 1);
          } catch (IOException e) {
            report(label(file) + ": ", Outcome.invalid(List.of(new Problem("$",
                Files.isDirectory(Path.of(file)) ? "cannot be read: it is a folder"
                    : "cannot be read: " + e.getClass().getSimpleName()))));
            continue;
          }
          if (bytes.length > MAX_BUNDLE_BYTES) {
            report(label(file) + ": ", Outcome.invalid(List.of(new Problem("$",
                "is larger than the limit of " + MAX_BUNDLE_BYTES + " bytes"))));
            continue;
          }
          report(label(file) + ": ", outcome(reader, bytes));
        }
      }
    }
    flush();
  }

  /** The longest NDJSON line read: 1 MiB (an intake), 32 MiB with --input fhir. */
  private int lineLimit() {
    return input == InputFormat.fhir ? MAX_BUNDLE_BYTES : IntakeReader.MAX_BYTES;
  }

  private void lines(IntakeReader reader, InputStream in, String prefix) throws IOException {
    int limit = lineLimit();
    NdjsonPipeline<Outcome> pipeline = new NdjsonPipeline<>(line -> {
      if (line.tooLong()) {
        return Outcome.invalid(List.of(new Problem("$", "the line is " + line.length()
            + " bytes; the limit is " + limit + " bytes"
            + (limit == IntakeReader.MAX_BYTES ? " (1 MiB)" : ""))));
      }
      if (isBlank(line.bytes())) {
        return Outcome.invalid(List.of(new Problem("$", "is empty; expected an intake object")));
      }
      return outcome(reader, line.bytes());
    }, threads());
    long[] number = {0};
    pipeline.run(new LineReader(in, limit), new NdjsonPipeline.Sink<>() {
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
    return anyFailed ? Main.UNEXPECTED : anyInvalid ? Main.INVALID : Main.OK;
  }
}
