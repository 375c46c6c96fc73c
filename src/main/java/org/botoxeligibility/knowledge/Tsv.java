package org.botoxeligibility.knowledge;

import org.botoxeligibility.assessment.Range;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The clinician-editable tables under rules/: tab-separated, a header row, lines starting with '#'
 * are comments, an empty cell or "-" is "none". Any malformed row fails loudly, naming the table,
 * line and column: a broken table must never load as an empty one. Immutable.
 */
public final class Tsv {
  private final String table;
  private final List<String> header;
  private final List<Row> rows;
  private final Tsv builtIn;
  private final java.util.Set<String> overriddenKeys;

  private Tsv(String table, List<String> header, List<Row> rows) {
    this(table, header, rows, null, java.util.Set.of());
  }

  private Tsv(String table, List<String> header, List<Row> rows, Tsv builtIn,
      java.util.Set<String> overriddenKeys) {
    this.table = table;
    this.header = List.copyOf(header);
    this.rows = rows;
    this.builtIn = builtIn;
    this.overriddenKeys = java.util.Set.copyOf(overriddenKeys);
  }

  /**
   * Whether a row of this table is a clinic's (it came from an override file), not the built-in
   * table's.
   *
   * @param row a row of this table
   * @return true for a clinic's row
   */
  public boolean local(Row row) {
    return builtIn != null && overriddenKeys.contains(row.values().get(header.get(0)))
        && !builtIn.rows.contains(row);
  }

  /**
   * The built-in row that a clinic's row replaces.
   *
   * @param row a row of this table
   * @return the built-in row with the same key, or null when the row is built in or adds a key
   */
  public Row builtInRow(Row row) {
    if (!local(row)) {
      return null;
    }
    String key = row.values().get(header.get(0));
    for (Row r : builtIn.rows) {
      if (r.values().get(header.get(0)).equals(key)) {
        return r;
      }
    }
    return null;
  }

  /**
   * The column names, in order.
   *
   * @return the names
   */
  public List<String> header() {
    return header;
  }

  /**
   * This table with another's rows laid over it, row by row: a row whose key (its first column)
   * is already here replaces that row in place; a new key is added at the end.
   */
  Tsv overlaid(Tsv overrides) {
    if (!overrides.header.equals(header)) {
      throw new IllegalStateException(overrides.table + ": the header must be the same as the "
          + "built-in " + table + "'s: " + String.join(" ", header));
    }
    String key = header.get(0);
    List<Row> merged = new ArrayList<>(rows);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Row o : overrides.rows) {
      String k = o.values().get(key);
      if (!seen.add(k)) {
        throw o.fail(key, "the override lists " + k + " twice");
      }
      boolean replaced = false;
      for (int i = 0; i < merged.size(); i++) {
        if (merged.get(i).values().get(key).equals(k)) {
          merged.set(i, o);
          replaced = true;
          break;
        }
      }
      if (!replaced) {
        merged.add(o);
      }
    }
    return new Tsv(table, header, List.copyOf(merged), this, seen);
  }

  /**
   * Reads a table.
   *
   * @param table the name used in problems ("conditions.tsv", or an override file's path)
   * @param in the bytes, UTF-8
   * @return the table
   * @throws IllegalStateException naming table, line and column when a row is malformed, or when
   *     the table is missing ({@code in} is null), has no header or no row
   * @throws java.io.UncheckedIOException when the bytes cannot be read
   */
  public static Tsv read(String table, InputStream in) {
    return read(table, in, false);
  }

  static Tsv read(String table, InputStream in, boolean mayBeEmpty) {
    if (in == null) {
      throw new IllegalStateException("knowledge-base table " + table + " is missing");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> header = null;
      List<Row> rows = new ArrayList<>();
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> cells = Arrays.asList(line.split("\t", -1));
        if (header == null) {
          header = cells.stream().map(String::trim).toList();
          continue;
        }
        if (cells.size() != header.size()) {
          throw new IllegalStateException(table + " line " + number + ": " + cells.size()
              + " cells, the header has " + header.size());
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          String v = cells.get(i).trim();
          values.put(header.get(i), v.equals("-") ? "" : v);
        }
        rows.add(new Row(table, number, values));
      }
      if (header == null) {
        throw new IllegalStateException("knowledge-base table " + table + " has no header");
      }
      if (rows.isEmpty() && !mayBeEmpty) {
        throw new IllegalStateException("knowledge-base table " + table + " has no rows");
      }
      return new Tsv(table, header, List.copyOf(rows));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + table, e);
    }
  }

  /**
   * The rows, in order, without the header and the comments.
   *
   * @return the rows
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * The table's name, as problems name it.
   *
   * @return the name given to {@link #read}
   */
  public String table() {
    return table;
  }

  /**
   * One row; every accessor names the table, line and column when the cell is wrong.
   *
   * @param table the file the row came from
   * @param line its line number in that file
   * @param values the cells by column name; an empty cell or "-" is ""
   */
  public record Row(String table, int line, Map<String, String> values) {

    /**
     * A cell as text.
     *
     * @param column the column's name
     * @return the text; "" for an empty cell or "-"
     * @throws IllegalStateException naming table, line and column when there is no such column
     */
    public String text(String column) {
      String v = values.get(column);
      if (v == null) {
        throw fail(column, "no such column");
      }
      return v;
    }

    /**
     * A cell that must not be empty.
     *
     * @param column the column's name
     * @return the text
     * @throws IllegalStateException naming table, line and column when the cell is empty or
     *     there is no such column
     */
    public String required(String column) {
      String v = text(column);
      if (v.isEmpty()) {
        throw fail(column, "must not be empty");
      }
      return v;
    }

    /**
     * A cell that may be empty.
     *
     * @param column the column's name
     * @return the text, or null for an empty cell
     * @throws IllegalStateException naming table, line and column when there is no such column
     */
    public String optional(String column) {
      String v = text(column);
      return v.isEmpty() ? null : v;
    }

    /**
     * A whole number that may be empty.
     *
     * @param column the column's name
     * @return the number, or null for an empty cell
     * @throws IllegalStateException naming table, line and column when the cell is not a whole
     *     number or there is no such column
     */
    public Integer optionalInt(String column) {
      String v = optional(column);
      try {
        return v == null ? null : Integer.valueOf(v);
      } catch (NumberFormatException e) {
        throw fail(column, "not a whole number: " + v);
      }
    }

    /**
     * A whole number that must be given.
     *
     * @param column the column's name
     * @return the number
     * @throws IllegalStateException naming table, line and column when the cell is empty, not a
     *     whole number, or there is no such column
     */
    public int requiredInt(String column) {
      Integer v = optionalInt(column);
      if (v == null) {
        throw fail(column, "must not be empty");
      }
      return v;
    }

    /**
     * A range such as "2–3" that may be empty.
     *
     * @param column the column's name
     * @return the range, or null for an empty cell
     * @throws IllegalStateException naming table, line and column when the cell is not a range
     *     or there is no such column
     */
    public Range optionalRange(String column) {
      String v = optional(column);
      try {
        return v == null ? null : Range.parse(v);
      } catch (IllegalArgumentException e) {
        throw fail(column, e.getMessage());
      }
    }

    /**
     * A comma-separated list.
     *
     * @param column the column's name
     * @return the items, trimmed, empty ones left out; empty for an empty cell
     * @throws IllegalStateException naming table, line and column when there is no such column
     */
    public List<String> list(String column) {
      String v = optional(column);
      if (v == null) {
        return List.of();
      }
      return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * A code of an enum that must be given.
     *
     * @param <E> the enum
     * @param column the column's name
     * @param type the enum's class
     * @return the constant
     * @throws IllegalStateException naming table, line and column when the cell is empty, not a
     *     constant of the enum, or there is no such column
     */
    public <E extends Enum<E>> E code(String column, Class<E> type) {
      return toCode(column, type, required(column));
    }

    /**
     * A comma-separated list of codes of an enum.
     *
     * @param <E> the enum
     * @param column the column's name
     * @param type the enum's class
     * @return the constants, in the cell's order; empty for an empty cell
     * @throws IllegalStateException naming table, line and column when an item is not a constant
     *     of the enum, or there is no such column
     */
    public <E extends Enum<E>> List<E> codes(String column, Class<E> type) {
      return list(column).stream().map(s -> toCode(column, type, s)).toList();
    }

    private <E extends Enum<E>> E toCode(String column, Class<E> type, String value) {
      try {
        return Enum.valueOf(type, value);
      } catch (IllegalArgumentException e) {
        throw fail(column, "unknown " + type.getSimpleName() + " " + value);
      }
    }

    /**
     * An exception about a cell of this row, for a loader's own checks; the caller throws it.
     *
     * @param column the column at fault
     * @param problem what is wrong
     * @return the exception, naming table, line and column
     */
    public IllegalStateException fail(String column, String problem) {
      return new IllegalStateException(table + " line " + line + ", column " + column + ": "
          + problem);
    }
  }
  /**
   * The plausible range a table declares for a number (columns {@code plausible_min} and {@code
   * plausible_max}, both ends included; knowledge base 1.2). A clinic's row may narrow the range of
   * the built-in row it replaces, never widen it; a number outside its range fails loudly, so that
   * an implausible override (a retreatment interval of -5 days, a dose limit of 0) never builds.
   */
  public static final class Plausible {
    private Plausible() {}

    /**
     * Checks a row's number against its plausible range.
     *
     * @param row the row, with columns {@code plausible_min} and {@code plausible_max}
     * @param column the column of the number, for the problem
     * @param value the number
     * @param builtIn the built-in row that the row replaces, or null
     * @throws IllegalStateException naming table, line and column when the range is malformed,
     *     wider than the built-in row's, or does not hold the number
     */
    public static void check(Row row, String column, double value, Row builtIn) {
      int min = row.requiredInt("plausible_min");
      int max = row.requiredInt("plausible_max");
      if (min > max) {
        throw row.fail("plausible_max", "must not be below plausible_min (" + min + "), was "
            + max);
      }
      if (builtIn != null) {
        int builtInMin = builtIn.requiredInt("plausible_min");
        int builtInMax = builtIn.requiredInt("plausible_max");
        if (min < builtInMin) {
          throw row.fail("plausible_min", "may narrow the built-in plausible range "
              + builtInMin + " to " + builtInMax + ", never widen it; was " + min);
        }
        if (max > builtInMax) {
          throw row.fail("plausible_max", "may narrow the built-in plausible range "
              + builtInMin + " to " + builtInMax + ", never widen it; was " + max);
        }
      }
      if (value < min || value > max) {
        throw row.fail(column, "must be within its plausible range, " + min + " to " + max
            + ", was " + Text.number(value));
      }
    }
  }
}
