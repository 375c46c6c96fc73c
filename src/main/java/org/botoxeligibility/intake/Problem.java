package org.botoxeligibility.intake;

/**
 * One problem with an intake: the JSON path of the field at fault (for a rule between two fields,
 * the later one) and a sentence, e.g. {@code $.concerns[1].headacheDaysPerMonth: must be between 0
 * and 31, was 45}.
 */
public record Problem(String path, String message) {

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
