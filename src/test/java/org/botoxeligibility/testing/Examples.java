package org.botoxeligibility.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.json.IntakeReader;

/** The shipped examples (examples/*.json) and their expected assessments. */
public final class Examples {
  public static final Path FOLDER = Path.of("examples");

  private Examples() {}

  /** Every example intake file, sorted by name. */
  public static List<Path> files() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path expected(Path example) {
    String name = example.getFileName().toString().replaceFirst("\\.json$", "");
    return FOLDER.resolve("expected").resolve(name + ".assessment.json");
  }

  /** Every example, read as the CLI reads it with --date {@link Intakes#TODAY}. */
  public static List<Intake> intakes() {
    IntakeReader reader = new IntakeReader(TestEngine.get().validator());
    return files().stream().map(p -> {
      try {
        IntakeReader.Result r = reader.read(Files.readAllBytes(p), Intakes.TODAY);
        if (!r.valid()) {
          throw new IllegalStateException(p + " is invalid: " + r.problems());
        }
        return r.intake();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }
}
