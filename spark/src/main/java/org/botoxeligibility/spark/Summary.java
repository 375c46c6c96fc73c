package org.botoxeligibility.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * What a run read, assessed and wrote, and whether it all adds up (the "nothing lost" check).
 * Printed as one JSON line and written as the {@code summary} table. Mutable while the job fills
 * it in; read-only after.
 */
public final class Summary {
  /** The counts, in the order they are printed (names as in the JSON and the table). */
  final Map<String, Long> counts = new LinkedHashMap<>();
  /** Recommendations by condition, then decision. */
  final Map<String, Map<String, Long>> byCondition = new TreeMap<>();
  /** Resources of types the mapping does not read, by type. */
  final Map<String, Long> ignored = new TreeMap<>();
  /** The files read. */
  final List<String> filesRead = new ArrayList<>();
  /** Files in the input folder that were not read. */
  final List<String> filesSkipped = new ArrayList<>();
  /** The codings no table maps, the most frequent first. */
  final List<Unmapped> unmapped = new ArrayList<>();
  /** What does not add up; empty when the run reconciles. */
  final List<String> discrepancies = new ArrayList<>();
  String format;
  LocalDate assessmentDate;
  String knowledgeBaseVersion;

  /** How many codings the JSON line lists; the summary table lists them all. */
  static final int UNMAPPED_IN_JSON = 20;

  /**
   * A coding no table of the mapping maps, over the population.
   *
   * @param system the coding's system
   * @param code the code
   * @param display a display met with it, or null
   * @param resources the resources that carry it
   * @param patients the patients whose records carry it
   */
  public record Unmapped(String system, String code, String display, long resources,
      long patients) {}

  /**
   * The codings no table maps, by system and code, the most frequent first (so that a data
   * engineer sees which table rows the population needs: fhir-mapping.md §8).
   *
   * @return the codings
   */
  public List<Unmapped> unmapped() {
    return unmapped;
  }

  /**
   * A count.
   *
   * @param name its name, such as {@code patientsIn}
   * @return the count, 0 when absent
   */
  public long count(String name) {
    return counts.getOrDefault(name, 0L);
  }

  /**
   * The recommendations by condition and decision.
   *
   * @return condition → decision → count
   */
  public Map<String, Map<String, Long>> byCondition() {
    return byCondition;
  }

  /**
   * Resources of the types the mapping does not read, by type.
   *
   * @return type → count
   */
  public Map<String, Long> ignored() {
    return ignored;
  }

  /**
   * The files not read.
   *
   * @return their names
   */
  public List<String> filesSkipped() {
    return filesSkipped;
  }

  /**
   * What does not add up.
   *
   * @return one sentence per discrepancy; empty when everything is accounted for
   */
  public List<String> discrepancies() {
    return discrepancies;
  }

  /**
   * Whether every patient and line is accounted for.
   *
   * @return true when there is no discrepancy
   */
  public boolean reconciled() {
    return discrepancies.isEmpty();
  }

  void check(String what, long left, long right) {
    if (left != right) {
      discrepancies.add(what + ": " + left + " != " + right);
    }
  }

  /**
   * The summary as one line of JSON.
   *
   * @return the line, without a line break
   */
  public String json() {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("format", format);
      g.writeStringField("assessmentDate", assessmentDate.toString());
      g.writeStringField("knowledgeBaseVersion", knowledgeBaseVersion);
      for (Map.Entry<String, Long> c : counts.entrySet()) {
        g.writeNumberField(c.getKey(), c.getValue());
      }
      g.writeObjectFieldStart("byCondition");
      for (Map.Entry<String, Map<String, Long>> c : byCondition.entrySet()) {
        g.writeObjectFieldStart(c.getKey());
        for (Map.Entry<String, Long> d : c.getValue().entrySet()) {
          g.writeNumberField(d.getKey(), d.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeObjectFieldStart("ignoredResources");
      for (Map.Entry<String, Long> c : ignored.entrySet()) {
        g.writeNumberField(c.getKey(), c.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("unmapped");
      for (Unmapped u : unmapped.subList(0, Math.min(UNMAPPED_IN_JSON, unmapped.size()))) {
        g.writeStartObject();
        g.writeStringField("system", u.system());
        g.writeStringField("code", u.code());
        if (u.display() != null) {
          g.writeStringField("display", u.display());
        }
        g.writeNumberField("resources", u.resources());
        g.writeNumberField("patients", u.patients());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("filesRead", filesRead.size());
      g.writeArrayFieldStart("filesSkipped");
      for (String f : filesSkipped) {
        g.writeString(f);
      }
      g.writeEndArray();
      g.writeBooleanField("reconciled", reconciled());
      if (!reconciled()) {
        g.writeArrayFieldStart("discrepancies");
        for (String d : discrepancies) {
          g.writeString(d);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** The rows of the {@code summary} table ({@link Schemas#SUMMARY}). */
  List<Row> rows() {
    java.sql.Date date = java.sql.Date.valueOf(assessmentDate);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Long> c : counts.entrySet()) {
      rows.add(RowFactory.create("reconciliation", c.getKey(), null, null, c.getValue(), date,
          knowledgeBaseVersion, null));
    }
    rows.add(RowFactory.create("reconciliation", "reconciled", null, null,
        reconciled() ? 1L : 0L, date, knowledgeBaseVersion, null));
    for (Map.Entry<String, Map<String, Long>> c : byCondition.entrySet()) {
      for (Map.Entry<String, Long> d : c.getValue().entrySet()) {
        rows.add(RowFactory.create("decisions", "recommendations", c.getKey(), d.getKey(),
            d.getValue(), date, knowledgeBaseVersion, null));
      }
    }
    for (Map.Entry<String, Long> c : ignored.entrySet()) {
      rows.add(RowFactory.create("ignoredResources", c.getKey(), null, null, c.getValue(), date,
          knowledgeBaseVersion, null));
    }
    for (Unmapped u : unmapped) {
      rows.add(RowFactory.create("unmapped", u.system() + "|" + u.code(), null, null,
          u.resources(), date, knowledgeBaseVersion, u.display()));
    }
    return rows;
  }
}
