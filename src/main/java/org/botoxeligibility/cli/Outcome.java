package org.botoxeligibility.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.botoxeligibility.assessment.Problem;

/** What became of one input: its output, or its problems, or the failure of its evaluation. */
record Outcome(byte[] output, List<Problem> problems, String failure, Throwable cause) {
  static Outcome written(byte[] output) {
    return new Outcome(output, List.of(), null, null);
  }

  static Outcome written(String output) {
    return written(output.getBytes(StandardCharsets.UTF_8));
  }

  static Outcome invalid(List<Problem> problems) {
    return new Outcome(null, problems, null, null);
  }

  static Outcome failed(String failure, Throwable cause) {
    return new Outcome(null, List.of(), failure, cause);
  }
}
