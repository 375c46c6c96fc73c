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
 * line and column: a broken table must never load as an empty one.
 */
final class Tsv {
  private final String table;
  private final List<Row> rows;

  private Tsv(String table, List<Row> rows) {
    this.table = table;
    this.rows = rows;
  }

  static Tsv read(String table, InputStream in) {
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
      if (rows.isEmpty()) {
        throw new IllegalStateException("knowledge-base table " + table + " has no rows");
      }
      return new Tsv(table, List.copyOf(rows));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + table, e);
    }
  }

  List<Row> rows() {
    return rows;
  }

  String table() {
    return table;
  }

  /** One row; every accessor names the table, line and column when the cell is wrong. */
  record Row(String table, int line, Map<String, String> values) {

    String text(String column) {
      String v = values.get(column);
      if (v == null) {
        throw fail(column, "no such column");
      }
      return v;
    }

    String required(String column) {
      String v = text(column);
      if (v.isEmpty()) {
        throw fail(column, "must not be empty");
      }
      return v;
    }

    String optional(String column) {
      String v = text(column);
      return v.isEmpty() ? null : v;
    }

    Integer optionalInt(String column) {
      String v = optional(column);
      try {
        return v == null ? null : Integer.valueOf(v);
      } catch (NumberFormatException e) {
        throw fail(column, "not a whole number: " + v);
      }
    }

    int requiredInt(String column) {
      Integer v = optionalInt(column);
      if (v == null) {
        throw fail(column, "must not be empty");
      }
      return v;
    }

    Range optionalRange(String column) {
      String v = optional(column);
      try {
        return v == null ? null : Range.parse(v);
      } catch (IllegalArgumentException e) {
        throw fail(column, e.getMessage());
      }
    }

    List<String> list(String column) {
      String v = optional(column);
      if (v == null) {
        return List.of();
      }
      return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    <E extends Enum<E>> E code(String column, Class<E> type) {
      return toCode(column, type, required(column));
    }

    <E extends Enum<E>> List<E> codes(String column, Class<E> type) {
      return list(column).stream().map(s -> toCode(column, type, s)).toList();
    }

    private <E extends Enum<E>> E toCode(String column, Class<E> type, String value) {
      try {
        return Enum.valueOf(type, value);
      } catch (IllegalArgumentException e) {
        throw fail(column, "unknown " + type.getSimpleName() + " " + value);
      }
    }

    IllegalStateException fail(String column, String problem) {
      return new IllegalStateException(table + " line " + line + ", column " + column + ": "
          + problem);
    }
  }
}
