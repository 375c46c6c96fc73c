package org.botoxeligibility.assessment;

/** An inclusive range of whole numbers, such as "2–3 days". */
public record Range(int min, int max) {

  public Range {
    if (min > max) {
      throw new IllegalArgumentException("range " + min + "-" + max + " is reversed");
    }
  }

  /** Reads "2-3", "2–3" or "3" (a single value is a range of one). */
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

  @Override
  public String toString() {
    return min == max ? Integer.toString(min) : min + "–" + max;
  }
}
