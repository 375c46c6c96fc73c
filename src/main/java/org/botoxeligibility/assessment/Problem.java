package org.botoxeligibility.assessment;

/**
 * One problem with an intake: the JSON path of the field at fault (for a rule between two fields,
 * the later one) and a sentence, e.g. {@code $.concerns[1].headacheDaysPerMonth: must be between 0
 * and 31, was 45}. Control characters (and the Unicode controls that reorder text) in either part
 * are escaped as {@code \n}, {@code \t} or {@code \}{@code uXXXX}, so that an echoed value can
 * never forge a line or hide text when the problem is printed or logged.
 *
 * @param path the JSON path, {@code $} for the whole intake
 * @param message a sentence that says what was expected and what was found
 */
public record Problem(String path, String message) {

  /**
   * Escapes control characters in both parts.
   *
   * @param path the JSON path
   * @param message the sentence
   */
  public Problem {
    path = escape(path);
    message = escape(message);
  }

  /**
   * Escapes control characters: C0 and C1 controls, DEL, the line and paragraph separators, and
   * the bidirectional formatting characters. A backslash stays as it is.
   *
   * @param text the text, or null
   * @return the text with those characters escaped, or null
   */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    int i = 0;
    while (i < text.length() && !needsEscape(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return sb.toString();
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
        || (c >= '\u200E' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069') || c == '\u061C';
  }

  /**
   * The problem as the command line prints it.
   *
   * @return {@code path: message}
   */
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
