package org.botoxeligibility.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.botoxeligibility.assessment.Problem;

/**
 * What became of one input: its output (with, at most, one warning line for standard error), or
 * its problems, or the failure of its evaluation.
 */
record Outcome(byte[] output, List<Problem> problems, String failure, Throwable cause,
    String warning) {
  Outcome(byte[] output, List<Problem> problems, String failure, Throwable cause) {
    this(output, problems, failure, cause, null);
  }

  static Outcome written(byte[] output) {
    return new Outcome(output, List.of(), null, null);
  }

  /** The same outcome with a warning line written before its output. */
  Outcome withWarning(String text) {
    return new Outcome(output, problems, failure, cause, text);
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
