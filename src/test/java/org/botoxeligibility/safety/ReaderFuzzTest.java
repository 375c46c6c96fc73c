package org.botoxeligibility.safety;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.botoxeligibility.testing.Hostile;
import org.botoxeligibility.testing.Mutator;

/**
 * Coverage-guided fuzzing (Jazzer) of the reader and the engine. In the surefire execution "fuzz"
 * (JAZZER_FUZZ=1) it fuzzes for a fixed budget; otherwise it replays its corpus in
 * src/test/resources/org/botoxeligibility/safety/ReaderFuzzTestInputs/fuzzReader, where Jazzer
 * also keeps every input that ever failed. Longer run: see README ("Fuzzing").
 */
class ReaderFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void fuzzReader(FuzzedDataProvider data) {
    byte[] input;
    if (data.consumeBoolean()) {
      String seed = Hostile.SEEDS.get(data.consumeInt(0, Hostile.SEEDS.size() - 1));
      input = Mutator.mutate(seed, Mutator.Choices.of(data));
    } else {
      input = data.consumeRemainingAsBytes();
    }
    Hostile.readAndEvaluate(input);
  }
}
