package org.botoxeligibility.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.EvaluationException;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.json.AssessmentWriter;
import org.botoxeligibility.json.IntakeReader;
import org.botoxeligibility.json.JsonAuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate}: intakes or FHIR Bundles in, assessments out (docs/contract.md §3). */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Evaluate intakes (or FHIR R4 Bundles) and write their assessments to "
        + "standard output.")
final class EvaluateCommand extends IntakeCommand implements Callable<Integer> {
  @Option(names = "--format", defaultValue = "json",
      description = "json (default) or text (a report to read at the desk).")
  Main.Format format;

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
    builder.tables(knowledgeTables());
    JsonAuditLog audit;
    try {
      audit = auditLog == null ? null : JsonAuditLog.appendingTo(auditLog);
    } catch (IOException e) {
      main.stderr.println("error: cannot open the audit log " + auditLog + " for appending ("
          + e.getClass().getSimpleName() + "); nothing was evaluated");
      return Main.USAGE;
    }
    try {
      if (audit != null) {
        builder.audit(audit);
      }
      engine = main.preset != null && rules.isEmpty() && audit == null && tables == null
          ? main.preset : builder.build();
      writer = new AssessmentWriter();
      single = !ndjson && inputs().size() == 1;
      out = new BufferedOutputStream(Streams.nonClosing(main.stdout), 1 << 16);
      processAll(new IntakeReader(engine.validator()));
      return exitCode();
    } finally {
      if (audit != null) {
        audit.close();
      }
    }
  }

  @Override
  Outcome process(Input valid) {
    Assessment assessment;
    try {
      assessment = engine.evaluate(valid.intake());
    } catch (EvaluationException e) {
      return Outcome.failed("evaluation failed, nothing is reported for this input: "
          + e.getMessage(), e);
    }
    if (!valid.provenance().isEmpty()) {
      assessment = assessment.withProvenance(valid.provenance());
    }
    Outcome written;
    if (format == Main.Format.text) {
      written = Outcome.written(TextReport.of(assessment));
    } else {
      written = single ? Outcome.written(writer.pretty(assessment))
          : Outcome.written(writer.compactLine(assessment));
    }
    String incomplete = FhirInput.incompleteWarning(valid.mapping());
    return incomplete == null ? written : written.withWarning(incomplete);
  }

  @Override
  void write(String prefix, byte[] output) throws IOException {
    if (format == Main.Format.text && written > 0) {
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
