package org.botoxeligibility.safety;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.botoxeligibility.testing.Hostile;
import org.botoxeligibility.testing.Mutator;

/**
 * Hostile input in every CI run (seeded generators; the coverage-guided fuzzing of the same
 * targets is ReaderFuzzTest and NdjsonFuzzTest). The only outcomes allowed: a consistent
 * assessment or the reader's problems; never another exception, a hang, or running out of memory.
 */
class HostileInputTest {

  @Provide
  Arbitrary<byte[]> hostile() {
    return Arbitraries.randomValue(r -> Mutator.mutate(
        Hostile.SEEDS.get(r.nextInt(Hostile.SEEDS.size())), choices(r)));
  }

  @Property(tries = 2000)
  void the_reader_and_engine_survive_mutated_intakes(@ForAll("hostile") byte[] input) {
    Hostile.readAndEvaluate(input);
  }

  @Property(tries = 200)
  void every_ndjson_line_is_accounted_for(@ForAll("ndjsonBatches") byte[] input) {
    Hostile.throughNdjson(input, 2);
  }

  @Provide
  Arbitrary<byte[]> ndjsonBatches() {
    return Arbitraries.randomValue(r -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = 1 + r.nextInt(12); i > 0; i--) {
        String seed = Hostile.SEEDS.get(r.nextInt(Hostile.SEEDS.size())).replace("\n", " ");
        byte[] line = r.nextInt(3) == 0 ? seed.getBytes(StandardCharsets.UTF_8)
            : Mutator.mutate(seed, choices(r));
        out.writeBytes(line);
        if (r.nextInt(10) > 0 || i > 1) {
          out.write('\n');
        }
      }
      return out.toByteArray();
    });
  }

  /** Every input that ever broke the reader or the NDJSON path, replayed on every run. */
  @Example
  void the_regression_corpus_survives() throws IOException {
    for (Path file : corpusFiles("ReaderFuzzTestInputs")) {
      Hostile.readAndEvaluate(Files.readAllBytes(file));
    }
    for (Path file : corpusFiles("NdjsonFuzzTestInputs")) {
      Hostile.throughNdjson(Files.readAllBytes(file), 2);
    }
  }

  private static List<Path> corpusFiles(String name) throws IOException {
    Path root = Path.of("src/test/resources/org/botoxeligibility/safety").resolve(name);
    if (!Files.isDirectory(root)) {
      root = Path.of("src/test/resources/org/botoxeligibility/cli").resolve(name);
    }
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> list = files.filter(Files::isRegularFile).sorted().toList();
      if (list.isEmpty()) {
        throw new UncheckedIOException(new IOException("empty corpus " + root));
      }
      return list;
    }
  }

  static Mutator.Choices choices(Random r) {
    return new Mutator.Choices() {
      @Override
      public int pick(int bound) {
        return r.nextInt(bound);
      }

      @Override
      public byte[] bytes(int max) {
        byte[] b = new byte[r.nextInt(max + 1)];
        r.nextBytes(b);
        return b;
      }
    };
  }
}
