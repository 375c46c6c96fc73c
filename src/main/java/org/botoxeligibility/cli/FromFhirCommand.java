package org.botoxeligibility.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.fhir.Mapping;
import org.botoxeligibility.json.AssessmentWriter;
import org.botoxeligibility.knowledge.KnowledgeTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code from-fhir}: prints what the FHIR mapping made of a bundle, so that an integrator sees
 * what was read from where (docs/fhir-mapping.md §6).
 */
@Command(name = "from-fhir", mixinStandardHelpOptions = true,
    description = "Print the intake a FHIR R4 Bundle maps to, with the resources behind each "
        + "field and what the mapping could not read: {\"intake\": {...}, \"provenance\": "
        + "{JSON Pointer: [Type/id, ...]}, \"unmapped\": [...], \"unmappedConditions\": "
        + "[...], \"notes\": [...]}.")
final class FromFhirCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Assessment date (default: today); the time windows count back from it.")
  LocalDate date;

  @Option(names = "--screen",
      description = "Screen the patient's diagnoses instead of reading botulinum toxin orders.")
  boolean screen;

  @Option(names = "--tables", paramLabel = "DIR",
      description = "Override the knowledge base's tables (code tables included) from DIR.")
  Path tables;

  @Parameters(paramLabel = "BUNDLE", arity = "0..1",
      description = "The bundle file; '-' or none reads standard input.")
  String file = "-";

  @Override
  public Integer call() throws IOException {
    String label = file.equals("-") ? "stdin" : file;
    byte[] bytes;
    try (InputStream in = file.equals("-") ? Streams.nonClosing(main.stdin)
        : Files.newInputStream(Path.of(file))) {
      bytes = in.readNBytes(IntakeCommand.MAX_BUNDLE_BYTES + 1);
    } catch (NoSuchFileException e) {
      main.stderr.println(label + ": $: cannot be read: no such file");
      return Main.INVALID;
    } catch (IOException e) {
      main.stderr.println(label + ": $: cannot be read: " + (Files.isDirectory(Path.of(file))
          ? "it is a folder" : e.getClass().getSimpleName()));
      return Main.INVALID;
    }
    if (bytes.length > IntakeCommand.MAX_BUNDLE_BYTES) {
      main.stderr.println(label + ": $: is larger than the limit of "
          + IntakeCommand.MAX_BUNDLE_BYTES + " bytes");
      return Main.INVALID;
    }
    KnowledgeTables knowledge = tables == null ? KnowledgeTables.builtIn()
        : KnowledgeTables.withOverrides(tables);
    Mapping m = new FhirInput(knowledge).map(bytes, date != null ? date : LocalDate.now(), screen);
    if (!m.valid()) {
      for (Problem p : m.problems()) {
        main.stderr.println(label + ": " + p);
      }
      for (Mapping.Note n : m.notes()) {
        main.stderr.println(label + ": note: " + n);
      }
      for (Mapping.UnmappedCoding u : m.unmapped()) {
        main.stderr.println(label + ": unmapped: " + u.system() + "|" + u.code()
            + (u.display() == null ? "" : " \"" + u.display() + "\"") + " ("
            + String.join(", ", u.resources()) + ")");
      }
      return Main.INVALID;
    }
    main.stdout.print(withReports(new AssessmentWriter().mapped(m.intake(), m.provenance()), m));
    main.stdout.flush();
    return Main.OK;
  }

  /**
   * The mapped intake and provenance with what the mapping could not read and its notes
   * (docs/fhir-mapping.md §8): {@code "unmapped"} (system, code, display, resources; the codings
   * no table maps), {@code "unmappedConditions"} and {@code "notes"} (kind, resource, message),
   * pretty-printed as the writer prints the rest.
   */
  static String withReports(String mapped, Mapping m) throws IOException {
    ObjectMapper json = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .build();
    ObjectNode root = (ObjectNode) json.readTree(mapped);
    ArrayNode unmapped = root.putArray("unmapped");
    for (Mapping.UnmappedCoding u : m.unmapped()) {
      ObjectNode o = unmapped.addObject();
      o.put("system", u.system());
      o.put("code", u.code());
      if (u.display() != null) {
        o.put("display", u.display());
      }
      ArrayNode resources = o.putArray("resources");
      u.resources().forEach(resources::add);
    }
    ArrayNode conditions = root.putArray("unmappedConditions");
    m.unmappedConditions().forEach(conditions::add);
    ArrayNode notes = root.putArray("notes");
    for (Mapping.Note n : m.notes()) {
      ObjectNode o = notes.addObject();
      o.put("kind", n.kind().name());
      o.put("resource", n.resource());
      o.put("message", n.message());
    }
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator(""));
    pretty.indentArraysWith(indenter);
    pretty.indentObjectsWith(indenter);
    return json.writer(pretty).writeValueAsString(root) + "\n";
  }

}
