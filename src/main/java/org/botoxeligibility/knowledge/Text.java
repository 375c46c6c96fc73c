package org.botoxeligibility.knowledge;

import java.math.BigDecimal;

/**
 * Reason messages that are the same bytes on every machine, whatever its default locale: for the
 * rules, built-in and overlay.
 */
public final class Text {
  private Text() {}

  /**
   * Fills a message pattern: each %s or %d takes the next argument (as String.valueOf), and %%
   * is a percent sign. Unlike String.format it ignores the default locale (which could write
   * digits of another script), so that messages are the same bytes on every machine.
   *
   * @param pattern the pattern; no other conversions than %s, %d and %%
   * @param args one argument per %s or %d
   * @return the message
   * @throws IllegalArgumentException when there are too few or too many arguments
   */
  public static String format(String pattern, Object... args) {
    StringBuilder sb = new StringBuilder(pattern.length() + 16 * args.length);
    int next = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '%' && i + 1 < pattern.length()) {
        char k = pattern.charAt(i + 1);
        if (k == 's' || k == 'd') {
          if (next >= args.length) {
            throw new IllegalArgumentException("too few arguments for: " + pattern);
          }
          sb.append(args[next++]);
          i++;
          continue;
        }
        if (k == '%') {
          sb.append('%');
          i++;
          continue;
        }
      }
      sb.append(c);
    }
    if (next != args.length) {
      throw new IllegalArgumentException("too many arguments for: " + pattern);
    }
    return sb.toString();
  }

  /**
   * A number as a clinician writes it: 6 rather than 6.0, 63.5 as is, at most two decimals.
   *
   * @param value the number
   * @return the digits, rounded half up to two decimals, trailing zeros dropped
   */
  public static String number(double value) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
