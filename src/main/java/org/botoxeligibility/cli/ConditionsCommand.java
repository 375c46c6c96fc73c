package org.botoxeligibility.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.botoxeligibility.json.AssessmentWriter;
import org.botoxeligibility.knowledge.Catalog;
import org.botoxeligibility.knowledge.KnowledgeTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code conditions}: the catalog the knowledge base knows. */
@Command(name = "conditions", mixinStandardHelpOptions = true,
    description = "List the catalog of conditions the knowledge base knows.")
final class ConditionsCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--format", defaultValue = "json", description = "json (default) or text.")
  Main.Format format;

  @Option(names = "--tables", paramLabel = "DIR",
      description = "Override the knowledge base's tables row by row from DIR.")
  Path tables;

  @Override
  public Integer call() {
    Catalog catalog = Catalog.load(tables == null ? KnowledgeTables.builtIn()
        : KnowledgeTables.withOverrides(tables));
    main.stdout.print(format == Main.Format.text ? TextReport.catalog(catalog.entries())
        : new AssessmentWriter().catalog(catalog.entries()));
    main.stdout.flush();
    return Main.OK;
  }
}
