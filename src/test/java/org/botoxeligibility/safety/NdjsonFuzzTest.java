package org.botoxeligibility.safety;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.botoxeligibility.testing.Hostile;

/**
 * Coverage-guided fuzzing (Jazzer) of `evaluate --ndjson`: any bytes as an NDJSON stream must
 * exit 0 or 3 with every line accounted for. Corpus and regressions:
 * src/test/resources/org/botoxeligibility/safety/NdjsonFuzzTestInputs/fuzzNdjson.
 */
class NdjsonFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void fuzzNdjson(byte[] input) {
    Hostile.throughNdjson(input, 1);
  }
}
