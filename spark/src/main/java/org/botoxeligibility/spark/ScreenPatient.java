package org.botoxeligibility.spark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Row;
import org.botoxeligibility.fhir.FhirIntakeMapper;
import org.botoxeligibility.fhir.Mapping;

/**
 * The second stage of a Bulk Data run: all the rows of one key become one outcome. A patient's
 * resources become one collection Bundle (the Patient first, then the resources in the order of
 * {@link BulkLines#TYPES}, then by file name and position), mapped in screening mode with the
 * intake id {@code bulk-} + 16 hex digits of the SHA-256 of the patient reference
 * (fhir-mapping.md §7), and evaluated with this JVM's one engine. The Medications its resources
 * refer to (joined to it before the grouping) are entries of its bundle, but not its lines: they
 * are counted once, as shared resources. Keys of problem lines and split counts pass through.
 * Never logs.
 */
public final class ScreenPatient implements MapGroupsFunction<String, Row, Row> {
  private static final long serialVersionUID = 1L;

  /** The largest record mapped, as the library's own limit for a bundle's bytes. */
  static final long MAX_RECORD_BYTES = 32L << 20;

  private static final byte[] HEAD =
      "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[".getBytes(
          StandardCharsets.US_ASCII);
  private static final byte[] ENTRY = "{\"resource\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TAIL = "]}".getBytes(StandardCharsets.US_ASCII);

  /** The kind of a Medication line joined to a patient that refers to it. */
  static final String SHARED = "SHARED";

  private final KnowledgeBaseFiles kb;
  private final LocalDate date;
  private final List<String> files;

  /**
   * A stage for one job.
   *
   * @param kb the knowledge base files
   * @param date the assessment date
   * @param files the input files, indexed as the rows' {@code fileIndex}
   */
  public ScreenPatient(KnowledgeBaseFiles kb, LocalDate date, List<String> files) {
    this.kb = kb;
    this.date = date;
    this.files = List.copyOf(files);
  }

  /** One resource line of a patient; shared: a Medication joined to it, not its own line. */
  private record Line(int typeOrder, int file, long offset, String name, byte[] json,
      boolean shared) {}

  @Override
  public Row call(String key, Iterator<Row> rows) {
    if (!key.startsWith("Patient/")) {
      return passThrough(rows.next());
    }
    List<Line> lines = new ArrayList<>();
    long bytes = 0;
    long count = 0;
    long patientLines = 0;
    boolean tooLarge = false;
    while (rows.hasNext()) {
      Row r = rows.next();
      boolean shared = r.getString(1).equals(SHARED);
      if (!shared) {
        count++;
      }
      if (r.getInt(2) == 0) {
        patientLines++;
      }
      byte[] json = (byte[]) r.get(6);
      bytes += json.length + ENTRY.length + 2;
      if (bytes > MAX_RECORD_BYTES) {
        tooLarge = true;
        json = null;
      }
      lines.add(new Line(r.getInt(2), r.getInt(3), r.getLong(4), r.getString(5),
          tooLarge ? null : json, shared));
    }
    lines.sort(Comparator.comparingInt(Line::typeOrder).thenComparingInt(Line::file)
        .thenComparingLong(Line::offset));
    long duplicates = 0;
    Set<String> seen = new HashSet<>();
    for (Line l : lines) {
      if (!l.shared && l.name.indexOf('/') > 0 && !seen.add(l.name)) {
        duplicates++;
      }
    }
    Outcomes.Builder out;
    if (patientLines == 0) {
      out = new Outcomes.Builder(Kind.PATIENT_NOT_IN_EXPORT);
      out.patient = key;
      for (Line l : lines) {
        if (l.shared) {
          continue;
        }
        String field = BulkLines.TYPES.get(l.typeOrder).equals("AllergyIntolerance")
            ? "patient" : "subject";
        out.problem(l.name + "." + field, "refers to " + key + ", who is not in the export's "
            + "Patient files (" + files.get(l.file).replaceAll(".*/", "") + " at byte "
            + l.offset + "): the resource is not assessed");
      }
    } else if (tooLarge) {
      out = new Outcomes.Builder(Kind.RECORD_PROBLEMS);
      out.patient = key;
      out.intakeId = intakeId(key);
      out.assessmentDate = date;
      out.problem("Bundle", "the patient's record (" + count + " resources) is larger than the "
          + "limit of " + MAX_RECORD_BYTES + " bytes for one bundle");
    } else {
      out = screen(key, lines);
    }
    out.resources = count;
    out.duplicates = duplicates;
    out.duplicatePatients = Math.max(0, patientLines - 1);
    return out.row();
  }

  private Outcomes.Builder screen(String patient, List<Line> lines) {
    String id = intakeId(patient);
    Engines engines = Engines.get(kb);
    Mapping m = engines.mapper().map(bundle(lines), date,
        FhirIntakeMapper.Options.screening().withIntakeId(id));
    Outcomes.Builder out;
    if (m.outcome() == Mapping.Outcome.MAPPED && m.valid()) {
      out = Outcomes.evaluate(engines, m.intake(), patient);
    } else if (m.outcome() == Mapping.Outcome.NOTHING_TO_SCREEN
        || m.outcome() == Mapping.Outcome.DECEASED) {
      out = new Outcomes.Builder(m.outcome() == Mapping.Outcome.DECEASED ? Kind.DECEASED
          : Kind.NOTHING_TO_SCREEN);
      out.patient = patient;
      out.intakeId = id;
      out.assessmentDate = date;
    } else {
      out = new Outcomes.Builder(Kind.RECORD_PROBLEMS);
      out.patient = patient;
      out.intakeId = id;
      out.assessmentDate = date;
      out.problems(m.problems());
      if (m.problems().isEmpty()) {
        out.problem("Bundle", "the mapping gave no intake (" + m.outcome() + ")");
      }
    }
    return out.reports(m);
  }

  /**
   * The bundle of a patient's lines: a collection Bundle whose entries hold the lines' bytes as
   * they were read.
   */
  private static byte[] bundle(List<Line> lines) {
    int size = HEAD.length + TAIL.length;
    for (Line l : lines) {
      size += ENTRY.length + l.json.length + 2;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    out.writeBytes(HEAD);
    boolean first = true;
    for (Line l : lines) {
      if (!first) {
        out.write(',');
      }
      first = false;
      out.writeBytes(ENTRY);
      out.writeBytes(l.json);
      out.write('}');
    }
    out.writeBytes(TAIL);
    return out.toByteArray();
  }

  /**
   * The intake id of a patient in a population job (fhir-mapping.md §7).
   *
   * @param patientReference {@code Patient/<id>}
   * @return {@code bulk-} and the first 16 hex digits of the SHA-256 of the reference's UTF-8
   */
  public static String intakeId(String patientReference) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(patientReference.getBytes(StandardCharsets.UTF_8));
      return "bulk-" + java.util.HexFormat.of().formatHex(d).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private Row passThrough(Row r) {
    Kind kind = Kind.valueOf(r.getString(1));
    Outcomes.Builder out = new Outcomes.Builder(kind);
    if (kind == Kind.COUNTS) {
      out.linesRead = r.getLong(9);
      out.blankLines = r.getLong(10);
      out.patientLines = r.getLong(11);
      out.ignored = r.getJavaMap(12);
      out.sharedLines = r.getLong(14);
      out.file = files.get(r.getInt(3));
      out.byteOffset = r.getLong(4);
      return out.row();
    }
    out.file = files.get(r.getInt(3));
    out.byteOffset = r.getLong(4);
    out.resource = r.getString(5);
    out.resources = 1;
    out.problem(r.getString(7), r.getString(8));
    return out.row();
  }
}
