package org.botoxeligibility.assessment;

/** One compiler error of a rule file: the file, the line (0 when unknown) and the message. */
public record RuleError(String file, int line, String message) {
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
