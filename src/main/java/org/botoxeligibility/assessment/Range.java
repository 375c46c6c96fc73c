package org.botoxeligibility.assessment;

/**
 * An inclusive range of whole numbers, such as "2–3 days"; the unit is in the name of the field
 * that holds it ({@code expectedOnsetDays}, {@code expectedDurationMonths}).
 *
 * @param min the lower end, included
 * @param max the upper end, included; not below {@code min}
 */
public record Range(int min, int max) {

  /**
   * Checks the order of the ends.
   *
   * @param min the lower end
   * @param max the upper end
   * @throws IllegalArgumentException when {@code min > max}
   */
  public Range {
    if (min > max) {
      throw new IllegalArgumentException("range " + min + "-" + max + " is reversed");
    }
  }

  /**
   * Reads a range as the catalog writes it: "2-3", "2–3" (an en dash) or "3" (a single value is a
   * range of one); spaces around the dash are allowed.
   *
   * @param text the text; not null
   * @return the range
   * @throws IllegalArgumentException (a {@link NumberFormatException} for a bad number) when the
   *     text is not a range
   */
  public static Range parse(String text) {
    String[] parts = text.trim().split("\\s*[-–]\\s*");
    if (parts.length == 1) {
      int v = Integer.parseInt(parts[0]);
      return new Range(v, v);
    }
    if (parts.length != 2) {
      throw new IllegalArgumentException("not a range: " + text);
    }
    return new Range(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  /**
   * The range as the text report writes it.
   *
   * @return "2–3", or "3" for a range of one
   */
  @Override
  public String toString() {
    return min == max ? Integer.toString(min) : min + "–" + max;
  }
}
