package org.botoxeligibility.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * The first read of a Bulk Data export: each line of each file becomes a row keyed by the patient
 * it belongs to ({@code Patient/<id>}), with its bytes untouched, or a problem row keyed by its
 * own position, or is counted (blank lines, resource types the mapping does not read). Each input
 * split ends with one row of its counts, from which the job reconciles what it read with what it
 * assessed. Reads only the top-level fields it needs ({@code resourceType}, {@code id}, {@code
 * subject} or {@code patient}, {@code medicationReference}) and checks that the line is one JSON
 * object; never logs. A Medication line is keyed by its id, to be joined to the patients whose
 * resources refer to it; it is counted as a shared resource.
 */
public final class BulkLines
    implements Function2<InputSplit, Iterator<Tuple2<LongWritable, Text>>, Iterator<Row>> {
  private static final long serialVersionUID = 1L;

  /**
   * The resource types read, in the order their resources take in a patient's bundle (the
   * Patient first; then, within a type, by file name and position in the file). Medication, the
   * last, names no patient: it is a shared resource, given to every patient whose resources
   * refer to it (fhir-mapping.md §8), never an orphan.
   */
  public static final List<String> TYPES = List.of("Patient", "Condition", "Observation",
      "AllergyIntolerance", "MedicationStatement", "MedicationRequest", "ServiceRequest",
      "Procedure", "MedicationAdministration", "MedicationDispense", "Encounter",
      "AdverseEvent", "Medication");

  /** The type order of Medication, the shared resource. */
  public static final int MEDICATION = TYPES.indexOf("Medication");

  /** The key prefix of a Medication line, joined to the patients that refer to it. */
  public static final String MEDICATION_KEY = "~medication:";

  /** A FHIR id (R4: 1–64 of letters, digits, '-' and '.'). */
  static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxDocumentLength(Long.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build())
      .build();

  private final Map<String, Integer> fileIndex;

  /**
   * A reader of the given files.
   *
   * @param files the input files' names (one folder), in the order whose index the rows carry
   */
  public BulkLines(List<String> files) {
    TreeMap<String, Integer> index = new TreeMap<>();
    for (int i = 0; i < files.size(); i++) {
      index.put(files.get(i), i);
    }
    this.fileIndex = index;
  }

  @Override
  public Iterator<Row> call(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
    FileSplit fs = (FileSplit) split;
    Integer file = fileIndex.get(fs.getPath().getName());
    if (file == null) {
      throw new IllegalStateException("an input split of a file the job did not list");
    }
    return new PartitionIterator(file, fs.getStart(), lines);
  }

  /** The rows of one split, then its counts. */
  private static final class PartitionIterator implements Iterator<Row> {
    private final int file;
    private final long splitStart;
    private final Iterator<Tuple2<LongWritable, Text>> lines;
    private final TreeMap<String, Long> ignored = new TreeMap<>();
    private long linesRead;
    private long blank;
    private long patients;
    private long shared;
    private Row next;
    private boolean countsGiven;

    PartitionIterator(int file, long splitStart, Iterator<Tuple2<LongWritable, Text>> lines) {
      this.file = file;
      this.splitStart = splitStart;
      this.lines = lines;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (lines.hasNext()) {
          Tuple2<LongWritable, Text> t = lines.next();
          linesRead++;
          next = read(t._1().get(), t._2());
        } else if (!countsGiven) {
          countsGiven = true;
          next = RowFactory.create("~counts:" + file + ":" + splitStart, Kind.COUNTS.name(), -1,
              file, splitStart, null, null, null, null, linesRead, blank, patients,
              Outcomes.scalaMap(ignored), null, shared);
        } else {
          return false;
        }
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }

    private Row read(long offset, Text text) {
      byte[] bytes = Arrays.copyOf(text.getBytes(), text.getLength());
      int start = 0;
      if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
          && (bytes[2] & 0xff) == 0xbf) {
        start = 3;
      }
      boolean isBlank = true;
      for (int i = start; i < bytes.length && isBlank; i++) {
        isBlank = bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r';
      }
      if (isBlank) {
        blank++;
        return null;
      }
      if (start > 0) {
        bytes = Arrays.copyOfRange(bytes, start, bytes.length);
      }
      Head head = Head.read(bytes);
      String lineKey = "~line:" + file + ":" + offset;
      if (head.error != null) {
        return problem(lineKey, Kind.MALFORMED_LINE, offset, null, "line", head.error);
      }
      int order = TYPES.indexOf(head.type);
      if (order < 0) {
        ignored.merge(head.type, 1L, Long::sum);
        return null;
      }
      String name = head.id != null ? head.type + "/" + head.id : head.type;
      if (order == MEDICATION) {
        shared++;
        if (head.id == null || !FHIR_ID.matcher(head.id).matches()) {
          return null; // counted as shared; nothing can refer to it
        }
        return RowFactory.create(MEDICATION_KEY + head.id, "MEDICATION", order, file, offset,
            name, bytes, null, null, 0L, 0L, 0L, null, null, 0L);
      }
      if (order == 0) {
        if (head.id == null || !FHIR_ID.matcher(head.id).matches()) {
          return problem(lineKey, Kind.MALFORMED_LINE, offset, name, "Patient.id",
              head.id == null ? "is missing: the Patient's resources cannot be joined to it"
                  : "is not a FHIR id (1 to 64 letters, digits, '-' or '.'): the Patient's "
                      + "resources cannot be joined to it");
        }
        patients++;
        return resource("Patient/" + head.id, order, offset, name, bytes, null);
      }
      String field = head.type.equals("AllergyIntolerance") ? "patient" : "subject";
      String reference = head.type.equals("AllergyIntolerance") ? head.patient : head.subject;
      String path = name + "." + field;
      if (reference == null) {
        return problem(lineKey, Kind.NO_PATIENT_REFERENCE, offset, name, path,
            head.referenceError != null && head.referenceField.equals(field)
                ? head.referenceError
                : "names no patient: " + field + ".reference is absent, so the resource "
                    + "cannot be given to a patient and is not assessed");
      }
      String patient = patientKey(reference);
      if (patient == null) {
        return problem(lineKey, Kind.NO_PATIENT_REFERENCE, offset, name, path + ".reference",
            "\"" + shorten(reference) + "\" names no patient of the export (Patient/<id>, "
                + "relative or absolute): the resource is not assessed");
      }
      return resource(patient, order, offset, name, bytes,
          head.medication == null ? null : medicationKey(head.medication));
    }

    private Row resource(String key, int order, long offset, String name, byte[] json,
        String medication) {
      return RowFactory.create(key, "RESOURCE", order, file, offset, name, json, null, null,
          0L, 0L, 0L, null, medication, 0L);
    }

    private Row problem(String key, Kind kind, long offset, String name, String path,
        String message) {
      return RowFactory.create(key, kind.name(), -1, file, offset, name, null, path, message,
          0L, 0L, 0L, null, null, 0L);
    }
  }

  /**
   * {@code Patient/<id>} of a reference to a Patient, relative or absolute, ignoring any {@code
   * _history}; null when it does not name a Patient by a FHIR id.
   *
   * @param reference the reference's text
   * @return the key, or null
   */
  public static String patientKey(String reference) {
    String r = reference.trim();
    int h = r.indexOf("/_history");
    if (h >= 0) {
      r = r.substring(0, h);
    }
    if (r.startsWith("urn:") || r.startsWith("#") || r.contains("?")) {
      return null;
    }
    String[] parts = r.split("/");
    if (parts.length < 2 || !parts[parts.length - 2].equals("Patient")
        || !FHIR_ID.matcher(parts[parts.length - 1]).matches()) {
      return null;
    }
    return "Patient/" + parts[parts.length - 1];
  }

  /**
   * The join key of a reference to a Medication ({@code Medication/<id>}, relative or absolute,
   * any {@code _history} ignored); null when it names no Medication by a FHIR id (a contained
   * {@code #id} needs no join).
   *
   * @param reference the reference's text
   * @return the key, or null
   */
  public static String medicationKey(String reference) {
    String r = reference.trim();
    int h = r.indexOf("/_history");
    if (h >= 0) {
      r = r.substring(0, h);
    }
    if (r.startsWith("urn:") || r.startsWith("#") || r.contains("?")) {
      return null;
    }
    String[] parts = r.split("/");
    if (parts.length < 2 || !parts[parts.length - 2].equals("Medication")
        || !FHIR_ID.matcher(parts[parts.length - 1]).matches()) {
      return null;
    }
    return MEDICATION_KEY + parts[parts.length - 1];
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** The top-level fields of a resource that the grouping needs. */
  static final class Head {
    String type;
    String id;
    String subject;
    String patient;
    String medication;
    String referenceField;
    String referenceError;
    String error;

    static Head read(byte[] bytes) {
      Head h = new Head();
      try (JsonParser p = JSON.createParser(bytes)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          h.error = "is not a JSON object: each line of a Bulk Data file holds one resource";
          return h;
        }
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          t = p.nextToken();
          switch (name) {
            case "resourceType" -> h.type = t == JsonToken.VALUE_STRING ? p.getText() : skip(p);
            case "id" -> h.id = t == JsonToken.VALUE_STRING ? p.getText() : skip(p);
            case "medicationReference" -> {
              if (t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                  String f = p.currentName();
                  JsonToken v = p.nextToken();
                  if (f.equals("reference") && v == JsonToken.VALUE_STRING) {
                    h.medication = p.getText();
                  } else {
                    p.skipChildren();
                  }
                }
              } else {
                p.skipChildren();
              }
            }
            case "subject", "patient" -> {
              String ref = null;
              if (t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                  String f = p.currentName();
                  JsonToken v = p.nextToken();
                  if (f.equals("reference") && v == JsonToken.VALUE_STRING) {
                    ref = p.getText();
                  } else {
                    p.skipChildren();
                  }
                }
              } else {
                p.skipChildren();
                h.referenceField = name;
                h.referenceError = "names no patient: " + name + " must be a Reference (a JSON "
                    + "object), so the resource cannot be given to a patient and is not assessed";
              }
              if (name.equals("subject")) {
                h.subject = ref;
              } else {
                h.patient = ref;
              }
            }
            default -> p.skipChildren();
          }
        }
        if (t != JsonToken.END_OBJECT) {
          h.error = "is not a JSON object that can be read";
          return h;
        }
        if (p.nextToken() != null) {
          h.error = "holds more than one JSON value: each line of a Bulk Data file holds one "
              + "resource";
          return h;
        }
      } catch (JsonProcessingException e) {
        // Jackson's message may quote the line's content: only the position is kept
        JsonLocation at = e.getLocation();
        h.error = "is not JSON that can be read" + (at == null ? ""
            : " (error at byte " + (at.getByteOffset() >= 0 ? at.getByteOffset()
                : at.getColumnNr()) + " of the line)");
        return h;
      } catch (IOException | RuntimeException e) {
        h.error = "is not JSON that can be read";
        return h;
      }
      if (h.type == null || h.type.isBlank()) {
        h.error = "has no \"resourceType\": it is not a FHIR resource";
      }
      return h;
    }

    private static String skip(JsonParser p) throws IOException {
      p.skipChildren();
      return null;
    }
  }
}
