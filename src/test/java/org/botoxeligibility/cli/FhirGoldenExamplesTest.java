package org.botoxeligibility.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shipped FHIR examples as golden files, through the command line with --date 2026-11-27:
 * each examples/fhir/NAME.json gives examples/fhir/expected/NAME.assessment.json (evaluate) and
 * NAME.intake.json (from-fhir), byte for byte. A bundle named screen-*.json is a record with no
 * order, read with --screen. Refresh deliberately with -Dexamples.update=true.
 */
class FhirGoldenExamplesTest {
  private static final boolean UPDATE = Boolean.getBoolean("examples.update");
  private static final Path FOLDER = Path.of("examples", "fhir");

  static List<Path> files() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> every_fhir_example_gives_its_expected_assessment_and_intake() {
    return files().stream().flatMap(file -> {
      String name = file.getFileName().toString().replaceFirst("\\.json$", "");
      return Stream.of(
          DynamicTest.dynamicTest(name + " evaluate", () -> golden(
              FOLDER.resolve("expected").resolve(name + ".assessment.json"),
              run(file, "evaluate"))),
          DynamicTest.dynamicTest(name + " from-fhir", () -> golden(
              FOLDER.resolve("expected").resolve(name + ".intake.json"),
              run(file, "from-fhir"))));
    });
  }

  private static void golden(Path expected, String out) throws IOException {
    if (UPDATE) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, out);
    }
    assertThat(expected).exists();
    assertThat(out).isEqualTo(Files.readString(expected));
  }

  static String run(Path file, String command) {
    List<String> args = new ArrayList<>(List.of(command, "--date", "2026-11-27"));
    if (file.getFileName().toString().startsWith("screen-")) {
      args.add("--screen");
    }
    args.add(file.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = CliAccess.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8)).as("stderr").isEmpty();
    assertThat(code).as("exit code").isZero();
    return out.toString(StandardCharsets.UTF_8);
  }
}
