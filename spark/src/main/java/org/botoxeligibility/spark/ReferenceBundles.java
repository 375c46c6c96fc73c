package org.botoxeligibility.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.botoxeligibility.fhir.FhirIntakeMapper;
import org.botoxeligibility.fhir.Mapping;
import org.botoxeligibility.json.CanonicalIntake;

/**
 * A plain, single-JVM reading of a Bulk Data export into one bundle per patient, written
 * independently of the Spark job (no Spark, a whole-file read, Jackson trees) so that tests can
 * compare the job with it, and so that a benchmark can turn an export into the equivalent NDJSON
 * intakes: {@code ReferenceBundles --input DIR --output FILE [--date D]} writes the canonical
 * intake of every patient the mapping gives one for (screening mode, intake id {@code bulk-…}),
 * one per line. For exports that fit in memory.
 */
public final class ReferenceBundles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferenceBundles() {}

  /**
   * Every patient's bundle: the Patient and the resources naming it, the Patient first, then in
   * the order of {@link BulkLines#TYPES}, then by file name and line, then the Medications its
   * resources refer to (in file and line order). Lines that are not JSON objects, resources of
   * other types, and resources of patients not in the Patient files are left out.
   *
   * @param dir the export folder
   * @return {@code Patient/<id>} → the bundle's JSON, in the Patient files' order
   */
  public static Map<String, byte[]> bundles(Path dir) {
    Map<String, List<String>> byPatient = new LinkedHashMap<>();
    Map<String, List<String>> patientsFirst = new TreeMap<>();
    // Medications: by id, in file and line order; given to the patients that refer to them
    Map<String, String> medications = new LinkedHashMap<>();
    Map<String, java.util.Set<String>> referenced = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String type : BulkLines.TYPES) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (!ScreeningJob.typeOfFile(name).equals(type)) {
          continue;
        }
        try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          String line;
          while ((line = in.readLine()) != null) {
            JsonNode node;
            try {
              node = JSON.readTree(line);
            } catch (IOException e) {
              continue;
            }
            if (node == null || !node.isObject() || !node.path("resourceType").isTextual()) {
              continue;
            }
            String rt = node.get("resourceType").asText();
            String key;
            if (rt.equals("Medication")) {
              if (node.path("id").isTextual()) {
                medications.putIfAbsent(node.get("id").asText(), line);
              }
              continue;
            }
            if (rt.equals("Patient")) {
              if (!node.path("id").isTextual()) {
                continue;
              }
              key = "Patient/" + node.get("id").asText();
              byPatient.computeIfAbsent(key, k -> new ArrayList<>());
            } else {
              String field = rt.equals("AllergyIntolerance") ? "patient" : "subject";
              String ref = node.path(field).path("reference").asText("");
              if (!ref.startsWith("Patient/")) {
                continue;
              }
              key = ref;
              String med = node.path("medicationReference").path("reference").asText("");
              if (med.startsWith("Medication/")) {
                referenced.computeIfAbsent(key, k -> new java.util.HashSet<>())
                    .add(med.substring("Medication/".length()));
              }
            }
            patientsFirst.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String patient : byPatient.keySet()) {
      StringBuilder sb = new StringBuilder(
          "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
      boolean first = true;
      for (String line : patientsFirst.get(patient)) {
        sb.append(first ? "" : ",").append("{\"resource\":").append(line).append('}');
        first = false;
      }
      java.util.Set<String> ids = referenced.getOrDefault(patient, java.util.Set.of());
      for (Map.Entry<String, String> m : medications.entrySet()) {
        if (ids.contains(m.getKey())) {
          sb.append(first ? "" : ",").append("{\"resource\":").append(m.getValue())
              .append('}');
          first = false;
        }
      }
      out.put(patient, sb.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  /**
   * Writes the intakes of an export.
   *
   * @param args {@code --input DIR --output FILE [--date YYYY-MM-DD]}
   * @throws IOException when the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path input = null;
    Path output = null;
    LocalDate date = SyntheticExport.DEFAULT_DATE;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--input" -> input = Path.of(args[i + 1]);
        case "--output" -> output = Path.of(args[i + 1]);
        case "--date" -> date = LocalDate.parse(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (input == null || output == null) {
      System.err.println("usage: ReferenceBundles --input DIR --output FILE [--date D]");
      System.exit(2);
    }
    FhirIntakeMapper mapper = Engines.get(KnowledgeBaseFiles.builtIn()).mapper();
    long written = 0;
    long patients = 0;
    try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> b : bundles(input).entrySet()) {
        patients++;
        Mapping m = mapper.map(b.getValue(), date, FhirIntakeMapper.Options.screening()
            .withIntakeId(ScreenPatient.intakeId(b.getKey())));
        if (m.valid()) {
          w.write(new String(CanonicalIntake.bytes(m.intake()), StandardCharsets.UTF_8));
          w.write('\n');
          written++;
        }
      }
    }
    System.out.println("{\"patients\":" + patients + ",\"intakes\":" + written + "}");
  }
}
