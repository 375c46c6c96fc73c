package org.botoxeligibility.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.botoxeligibility.cli.CliAccess;
import org.botoxeligibility.testing.Mutator;

/**
 * Coverage-guided fuzzing (Jazzer) of FHIR input through the command line: bundles mutated from
 * the shipped FHIR examples, or any bytes, given to {@code evaluate --input fhir}. The only
 * outcomes allowed are an assessment (exit 0, JSON on standard output) or a list of problems
 * (exit 3, nothing on standard output), never a stack trace. Budget and corpus as
 * ReaderFuzzTest.
 */
class BundleFuzzTest {
  private static final List<String> SEEDS;

  static {
    try (Stream<Path> files = Files.list(Path.of("examples", "fhir"))) {
      SEEDS = files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "20s")
  void fuzzBundle(FuzzedDataProvider data) {
    boolean screen = data.consumeBoolean();
    byte[] input;
    if (data.consumeBoolean()) {
      String seed = SEEDS.get(data.consumeInt(0, SEEDS.size() - 1));
      input = Mutator.mutate(seed, Mutator.Choices.of(data));
    } else {
      input = data.consumeRemainingAsBytes();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = screen
        ? new String[] {"evaluate", "--input", "fhir", "--screen", "--date", "2026-11-27", "-"}
        : new String[] {"evaluate", "--input", "fhir", "--date", "2026-11-27", "-"};
    int code = CliAccess.run(args, new ByteArrayInputStream(input),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as("exit code; stderr: %s", stderr).isIn(0, 3);
    assertThat(stderr).doesNotContain("Exception").doesNotContain("\tat ");
    if (code == 0) {
      assertThat(stdout).startsWith("{").contains("\"recommendations\"");
      assertThat(stderr).isEmpty();
    } else {
      assertThat(stdout).isEmpty();
      assertThat(stderr).startsWith("stdin: ");
    }
  }
}
