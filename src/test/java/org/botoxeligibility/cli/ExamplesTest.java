package org.botoxeligibility.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.assessment.Effect;
import org.botoxeligibility.testing.Examples;
import org.botoxeligibility.testing.TestEngine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shipped examples as golden files: each examples/NAME.json, evaluated through the command
 * line with --date 2026-11-27, gives examples/expected/NAME.assessment.json byte for byte. To
 * refresh them after a deliberate change, run with -Dexamples.update=true and review the diff.
 */
class ExamplesTest {
  private static final boolean UPDATE = Boolean.getBoolean("examples.update");

  @TestFactory
  Stream<DynamicTest> every_example_gives_its_expected_assessment() {
    return Examples.files().stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString(), () -> {
          String out = evaluate(file);
          Path expected = Examples.expected(file);
          if (UPDATE) {
            Files.writeString(expected, out);
          }
          assertThat(expected).exists();
          assertThat(out).isEqualTo(Files.readString(expected));
          assertThat(evaluate(file)).as("a second run, byte for byte").isEqualTo(out);
        }));
  }

  @Test
  void given_a_turkish_or_arabic_default_locale_then_the_examples_give_the_same_bytes()
      throws Exception {
    java.util.Locale original = java.util.Locale.getDefault();
    try {
      for (String tag : List.of("tr-TR", "ar-SA", "hi-IN-u-nu-deva")) {
        java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
        for (Path file : Examples.files()) {
          assertThat(evaluate(file)).as(tag + " " + file)
              .isEqualTo(Files.readString(Examples.expected(file)));
        }
      }
    } finally {
      java.util.Locale.setDefault(original);
    }
  }

  @Test
  void there_are_at_least_ten_examples_each_with_an_expected_assessment() {
    assertThat(Examples.files()).hasSizeGreaterThanOrEqualTo(10);
    try (Stream<Path> expected = Files.list(Examples.FOLDER.resolve("expected"))) {
      assertThat(expected.count()).isEqualTo(Examples.files().size());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void every_example_assessment_is_complete_and_its_decisions_fold_their_reasons() {
    List<Intake> intakes = Examples.intakes();
    for (Intake intake : intakes) {
      Assessment a = TestEngine.get().evaluate(intake);
      assertThat(a.recommendations()).hasSameSizeAs(intake.concerns());
      assertThat(a.firedRules()).isNotEmpty();
      for (Recommendation r : a.recommendations()) {
        Effect mostRestrictive = r.reasons().stream().map(Reason::effect)
            .reduce(Effect.ELIGIBLE, Effect::max);
        assertThat(r.decision()).as(intake.intakeId() + " " + r.concernId())
            .isEqualTo(mostRestrictive);
        assertThat(r.mechanisms()).isNotEmpty();
        for (Reason reason : r.reasons()) {
          assertThat(List.of(reason.code(), reason.message(), reason.source(), reason.rule()))
              .allSatisfy(s -> assertThat(s).isNotBlank());
          assertThat(a.firedRules()).contains(reason.rule());
        }
      }
    }
  }

  static String evaluate(Path file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"evaluate", "--date", "2026-11-27", file.toString()},
        new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8)).as("stderr").isEmpty();
    assertThat(code).as("exit code").isZero();
    return out.toString(StandardCharsets.UTF_8);
  }
}
