package org.botoxeligibility.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.botoxeligibility.engine.IntakeValidator;
import org.botoxeligibility.json.IntakeReader;
import org.botoxeligibility.knowledge.Catalog;
import picocli.CommandLine.Command;

/** {@code validate}: checks inputs against the contract without evaluating them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check intakes (or FHIR R4 Bundles) against the contract without evaluating "
        + "them: prints 'FILE: valid' (or 'line N: valid') on standard output, or each problem "
        + "on standard error.")
final class ValidateCommand extends IntakeCommand implements Callable<Integer> {
  @Override
  public Integer call() throws IOException {
    processAll(new IntakeReader(new IntakeValidator(Catalog.load(knowledgeTables()))));
    return exitCode();
  }

  @Override
  Outcome process(Input valid) {
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
