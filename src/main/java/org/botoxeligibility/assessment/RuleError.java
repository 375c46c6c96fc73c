package org.botoxeligibility.assessment;

/**
 * One error of a knowledge base that failed to build: a rule file that does not compile, an
 * overlay that breaks a restriction, or a clinic's table that cannot be used.
 *
 * @param file the file at fault (an overlay DRL, a table), as a path or name
 * @param line the line in that file, 1-based; 0 when not known
 * @param message what is wrong, in the compiler's or the loader's words
 */
public record RuleError(String file, int line, String message) {
  /**
   * The error as the command line prints it.
   *
   * @return {@code file:line: message}, without the line when it is 0
   */
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
