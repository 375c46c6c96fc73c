package org.botoxeligibility.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.cli.CliAccess;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.json.IntakeReader;
import org.botoxeligibility.assessment.Effect;

/** The outcomes allowed for hostile input, shared by the fuzz and property tests. */
public final class Hostile {
  private static final IntakeReader READER = new IntakeReader(TestEngine.get().validator());
  private static final Pattern LINE = Pattern.compile("^line (\\d+): ", Pattern.MULTILINE);

  /** The example intakes as text: the seeds that mutations start from. */
  public static final List<String> SEEDS = Examples.files().stream().map(p -> {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }).toList();

  private Hostile() {}

  /**
   * Reads any bytes: the only outcomes allowed are a valid intake whose assessment is consistent,
   * or a list of problems, each with a JSON path. Any exception propagates (and fails the test).
   */
  public static void readAndEvaluate(byte[] input) {
    IntakeReader.Result result = READER.read(input, Intakes.TODAY);
    if (!result.valid()) {
      assertThat(result.problems()).isNotEmpty();
      assertThat(result.intake()).isNull();
      result.problems().forEach(p -> {
        assertThat(p.path()).startsWith("$");
        assertThat(p.message()).isNotBlank();
      });
      return;
    }
    Assessment a = TestEngine.get().evaluate(result.intake());
    assertThat(a.recommendations()).hasSameSizeAs(result.intake().concerns());
    for (Recommendation r : a.recommendations()) {
      Effect most = r.reasons().stream().map(Reason::effect).reduce(Effect.ELIGIBLE, Effect::max);
      assertThat(r.decision()).isEqualTo(most);
    }
  }

  /**
   * Pipes any bytes through {@code evaluate --ndjson} in-process: exit code 0 or 3, no stack
   * trace, and every input line accounted for, as an assessment on standard output or as
   * "line N:" problems on standard error.
   */
  public static void throughNdjson(byte[] input, int threads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = CliAccess.run(new String[] {"evaluate", "--ndjson", "--threads",
        Integer.toString(threads), "--date", "2026-11-27"}, new ByteArrayInputStream(input),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as("exit code; stderr: %s", stderr).isIn(0, 3);
    assertThat(stderr).doesNotContain("Exception").doesNotContain("\tat ");
    long assessments = stdout.isEmpty() ? 0 : stdout.split("\n", -1).length - 1;
    Set<Long> problemLines = new HashSet<>();
    Matcher m = LINE.matcher(stderr);
    while (m.find()) {
      problemLines.add(Long.parseLong(m.group(1)));
    }
    assertThat(assessments + problemLines.size()).as("lines accounted for")
        .isEqualTo(lines(input));
    assertThat(code == 3).isEqualTo(!problemLines.isEmpty());
  }

  /** Lines as NDJSON counts them: each newline ends one; trailing bytes make one more. */
  static long lines(byte[] input) {
    long n = 0;
    for (byte b : input) {
      if (b == '\n') {
        n++;
      }
    }
    return input.length > 0 && input[input.length - 1] != '\n' ? n + 1 : n;
  }

  /** Seeds and regression inputs written to a corpus folder, for the record. */
  public static Path corpus(String name) {
    return Path.of("src/test/resources/org/botoxeligibility/safety").resolve(name);
  }
}
