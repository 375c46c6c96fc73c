package org.botoxeligibility.spark;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a synthetic FHIR Bulk Data export for tests and benchmarks, its files numbered as bulk
 * servers number them: {@code Patient.000.ndjson}, {@code Condition.000.ndjson} and {@code
 * Condition.001.ndjson}, {@code Observation.000.ndjson} and {@code .001}, one file for each other
 * type the job reads (with {@code Medication.000.ndjson}, whose resources name no patient), plus
 * a {@code Practitioner.000.ndjson} that the job skips. Deterministic: the same seed, number of patients and
 * date give the same bytes, and patient {@code i} is the same whatever the number of patients.
 *
 * <p>The mix: most patients have no candidate condition (hypertension, diabetes, asthma … with
 * their vitals, laboratory results, medications and visits); some have chronic migraine (with
 * headache-diary observations of {@code urn:botox-eligibility:observation}), cervical dystonia,
 * spasticity (children with weights, some in {@code [lb_av]}), bladder conditions (post-void
 * residual, self-catheterisation), hyperhidrosis, or another catalog condition; with allergies,
 * current medications (RxNorm-like text), past treatments (Procedure with CPT, administrations
 * with HCPCS), adverse events, pregnancy status, toxin orders (which screening ignores) and
 * examinations. A few lines are malformed, a few resources name no patient or a patient missing
 * from Patient.ndjson, a few are exported twice, and a few records have problems (a partial
 * birth date, a weight in stone). About a third of the patients are written in Synthea's shapes
 * (fhir-mapping.md §8): conditions in SNOMED CT only (some that no table maps, reported as
 * unmapped), stopped MedicationRequests of migraine preventives linked to the migraine, orders
 * that refer to a shared Medication, toxin injections as SNOMED CT 404909007 with Dysport by
 * RxNorm and doses without a unit. Some patients are deceased. Nothing in it is real.
 *
 * <p>{@code SyntheticExport --patients N --seed S --output DIR [--date YYYY-MM-DD]}: the date
 * the record is dated against (default 2026-11-27); run the job with the same {@code --date}.
 */
public final class SyntheticExport {
  /** The date generated records are dated against, unless given. */
  public static final LocalDate DEFAULT_DATE = LocalDate.of(2026, 11, 27);

  private static final String ICD = "http://hl7.org/fhir/sid/icd-10-cm";
  private static final String SCT = "http://snomed.info/sct";
  private static final String LOINC = "http://loinc.org";
  private static final String UCUM = "http://unitsofmeasure.org";
  private static final String CPT = "http://www.ama-assn.org/go/cpt";
  private static final String HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
  private static final String LOCAL_OBS = "urn:botox-eligibility:observation";
  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  private static final String CLINICAL =
      "http://terminology.hl7.org/CodeSystem/condition-clinical";
  private static final String VERIFICATION =
      "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  private static final String ALLERGY_CLINICAL =
      "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
  private static final String ALLERGY_VERIFICATION =
      "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";

  private static final JsonFactory JSON = new JsonFactory();

  /** Background diagnoses (no candidate): ICD-10-CM code, display. */
  private static final String[][] BACKGROUND = {
      {"I10", "Essential (primary) hypertension"},
      {"E11.9", "Type 2 diabetes mellitus without complications"},
      {"J45.909", "Unspecified asthma, uncomplicated"},
      {"E78.5", "Hyperlipidemia, unspecified"},
      {"F32.9", "Major depressive disorder, single episode, unspecified"},
      {"F41.1", "Generalized anxiety disorder"},
      {"E03.9", "Hypothyroidism, unspecified"},
      {"K21.9", "Gastro-esophageal reflux disease without esophagitis"},
      {"M17.11", "Unilateral primary osteoarthritis, right knee"},
      {"J30.9", "Allergic rhinitis, unspecified"}};

  /** Risky comorbidities: ICD-10-CM code, display. */
  private static final String[][] RISKY = {
      {"G70.00", "Myasthenia gravis without (acute) exacerbation"},
      {"R13.10", "Dysphagia, unspecified"},
      {"D68.9", "Coagulation defect, unspecified"},
      {"H02.409", "Unspecified ptosis of unspecified eyelid"},
      {"I25.10", "Atherosclerotic heart disease of native coronary artery"},
      {"N39.0", "Urinary tract infection, site not specified"},
      {"L03.90", "Cellulitis, unspecified"}};

  /**
   * The SNOMED CT codes Synthea writes instead of ICD-10-CM (its records code conditions in SNOMED
   * CT only): ICD-10-CM code → SNOMED CT code, display. Codes the mapping's tables map (migraine,
   * cerebral palsy, sialorrhea, urinary infection, ischaemic heart disease, myasthenia,
   * dysphagia) and codes they do not (the background diagnoses: reported as unmapped).
   */
  private static final Map<String, String[]> SNOMED_OF = Map.ofEntries(
      Map.entry("I10", new String[] {"59621000", "Essential hypertension (disorder)"}),
      Map.entry("E11.9", new String[] {"44054006", "Diabetes mellitus type 2 (disorder)"}),
      Map.entry("J45.909", new String[] {"195967001", "Asthma (disorder)"}),
      Map.entry("E78.5", new String[] {"55822004", "Hyperlipidemia (disorder)"}),
      Map.entry("F32.9", new String[] {"370143000", "Major depressive disorder (disorder)"}),
      Map.entry("F41.1", new String[] {"21897009", "Generalized anxiety disorder (disorder)"}),
      Map.entry("E03.9", new String[] {"40930008", "Hypothyroidism (disorder)"}),
      Map.entry("K21.9", new String[] {"235595009", "Gastroesophageal reflux disease "
          + "(disorder)"}),
      Map.entry("M17.11", new String[] {"239873007", "Osteoarthritis of knee (disorder)"}),
      Map.entry("J30.9", new String[] {"61582004", "Allergic rhinitis (disorder)"}),
      Map.entry("G43.709", new String[] {"124171000119105", "Chronic intractable migraine "
          + "without aura (disorder)"}),
      Map.entry("G43.719", new String[] {"124171000119105", "Chronic intractable migraine "
          + "without aura (disorder)"}),
      Map.entry("G43.909", new String[] {"37796009", "Migraine (disorder)"}),
      Map.entry("G80.0", new String[] {"128188000", "Cerebral palsy (disorder)"}),
      Map.entry("G80.1", new String[] {"128188000", "Cerebral palsy (disorder)"}),
      Map.entry("G80.2", new String[] {"128188000", "Cerebral palsy (disorder)"}),
      Map.entry("K11.7", new String[] {"53827007", "Excessive salivation (disorder)"}),
      Map.entry("N39.0", new String[] {"301011002", "Escherichia coli urinary tract infection "
          + "(disorder)"}),
      Map.entry("I25.10", new String[] {"414545008", "Ischemic heart disease (disorder)"}),
      Map.entry("G70.00", new String[] {"91637004", "Myasthenia gravis (disorder)"}),
      Map.entry("R13.10", new String[] {"40739000", "Dysphagia (disorder)"}));

  /**
   * The Medications of Medication.ndjson that Synthea-shaped orders refer to (shared by every
   * patient whose order names them): id, RxNorm code, display; the last is referred to by nobody.
   */
  private static final String[][] MEDICATIONS = {
      {"med-topiramate-25", "199888", "topiramate 25 MG Oral Tablet"},
      {"med-propranolol-40", "856422", "Propranolol Hydrochloride 40 MG Oral Tablet"},
      {"med-lisinopril-10", "314076", "lisinopril 10 MG Oral Tablet"},
      {"med-unused", "197361", "Amlodipine 5 MG Oral Tablet"}};

  /** Everyday medications (RxNorm-like text). */
  private static final String[] EVERYDAY = {"Lisinopril 10 MG Oral Tablet",
      "Metformin hydrochloride 500 MG Oral Tablet", "Atorvastatin 20 MG Oral Tablet",
      "Amlodipine 5 MG Oral Tablet", "Levothyroxine Sodium 0.05 MG Oral Tablet",
      "Sertraline 50 MG Oral Tablet", "Omeprazole 20 MG Delayed Release Oral Capsule",
      "Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "Cetirizine Hydrochloride 10 MG Oral Tablet",
      "Vitamin D3 1000 UNT Oral Tablet"};

  /** Medications that matter to the rules (RxNorm-like text). */
  private static final String[] RELEVANT = {"Gentamicin 40 MG/ML Injectable Solution",
      "Baclofen 10 MG Oral Tablet", "Tizanidine 4 MG Oral Tablet",
      "Oxybutynin chloride 5 MG Oral Tablet", "Warfarin Sodium 5 MG Oral Tablet",
      "Apixaban 5 MG Oral Tablet", "Clopidogrel 75 MG Oral Tablet",
      "Topiramate 25 MG Oral Tablet", "Sumatriptan 50 MG Oral Tablet",
      "Propranolol Hydrochloride 40 MG Oral Tablet", "Zolpidem tartrate 10 MG Oral Tablet"};

  private final Path dir;
  private final LocalDate date;
  private final long seed;
  private final int patients;
  private final Map<String, Out> files = new LinkedHashMap<>();
  private final Stats stats = new Stats();

  /** What was written: counts for the caller and the tests. */
  public static final class Stats {
    /** Patients in Patient.ndjson. */
    public long patients;
    /** Lines written, every file the job reads. */
    public long lines;
    /** Malformed lines (not a JSON object, no resourceType, a Patient without id). */
    public long malformed;
    /** Resources that name no patient. */
    public long namingNoPatient;
    /** Resources of patients missing from Patient.ndjson. */
    public long ofMissingPatients;
    /** Patients missing from Patient.ndjson that resources name. */
    public long missingPatients;
    /** Lines written a second time. */
    public long duplicates;
    /** Blank lines. */
    public long blank;
    /** Deceased patients (deceasedDateTime before the date). */
    public long deceased;
    /** Lines of Medication.ndjson: shared resources that name no patient. */
    public long medications;
    /** Patients written in Synthea's shapes (SNOMED CT only, stopped orders, Medications). */
    public long syntheaShaped;
  }

  private static final class Out {
    final OutputStream stream;

    Out(Path p) throws IOException {
      stream = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
    }
  }

  private SyntheticExport(Path dir, int patients, long seed, LocalDate date) {
    this.dir = dir;
    this.patients = patients;
    this.seed = seed;
    this.date = date;
  }

  /**
   * Generates an export.
   *
   * @param args {@code --patients N --seed S --output DIR [--date YYYY-MM-DD]}
   * @throws IOException when the folder cannot be written
   */
  public static void main(String[] args) throws IOException {
    int n = 1000;
    long seed = 1;
    Path out = null;
    LocalDate date = DEFAULT_DATE;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--patients" -> n = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--output" -> out = Path.of(args[i + 1]);
        case "--date" -> date = LocalDate.parse(args[i + 1]);
        default -> {
          System.err.println("usage: SyntheticExport --patients N --seed S --output DIR "
              + "[--date YYYY-MM-DD]");
          System.exit(2);
        }
      }
    }
    if (out == null || args.length % 2 != 0) {
      System.err.println("usage: SyntheticExport --patients N --seed S --output DIR "
          + "[--date YYYY-MM-DD]");
      System.exit(2);
    }
    Stats s = write(out, n, seed, date);
    System.out.println("{\"patients\":" + s.patients + ",\"lines\":" + s.lines
        + ",\"malformedLines\":" + s.malformed + ",\"resourcesNamingNoPatient\":"
        + s.namingNoPatient + ",\"patientsNotInExport\":" + s.missingPatients
        + ",\"resourcesOfPatientsNotInExport\":" + s.ofMissingPatients
        + ",\"duplicateLines\":" + s.duplicates + ",\"blankLines\":" + s.blank
        + ",\"deceased\":" + s.deceased + ",\"medications\":" + s.medications
        + ",\"syntheaShaped\":" + s.syntheaShaped
        + ",\"assessmentDate\":\"" + date + "\",\"output\":\"" + out + "\"}");
  }

  /**
   * Writes an export into a folder (created if needed; files of the same names are replaced).
   *
   * @param dir the folder
   * @param patients the number of patients
   * @param seed the seed
   * @param date the date records are dated against
   * @return what was written
   * @throws IOException when the folder cannot be written
   */
  public static Stats write(Path dir, int patients, long seed, LocalDate date)
      throws IOException {
    Files.createDirectories(dir);
    SyntheticExport x = new SyntheticExport(dir, patients, seed, date);
    try {
      for (int i = 0; i < patients; i++) {
        x.patient(i);
      }
      x.practitioners();
      x.medications();
    } finally {
      for (Out o : x.files.values()) {
        o.stream.close();
      }
    }
    return x.stats;
  }

  // ---------------------------------------------------------------- output

  private void line(String type, int patient, byte[] json) {
    // Bulk Data servers (and Synthea's bulk exporter) number the files: Patient.000.ndjson
    String name = switch (type) {
      case "Condition", "Observation" -> type + (patient < patients / 2 ? ".000" : ".001");
      default -> type + ".000";
    } + ".ndjson";
    try {
      Out o = files.get(name);
      if (o == null) {
        o = new Out(dir.resolve(name));
        files.put(name, o);
      }
      o.stream.write(json);
      o.stream.write('\n');
      if (!type.equals("Practitioner")) {
        stats.lines++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A resource under construction: a JSON object written with Jackson. */
  private static final class Res {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    final JsonGenerator g;

    Res(String type, String id) {
      try {
        g = JSON.createGenerator(bytes, JsonEncoding.UTF8);
        g.writeStartObject();
        g.writeStringField("resourceType", type);
        if (id != null) {
          g.writeStringField("id", id);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Res str(String name, String value) {
      try {
        g.writeStringField(name, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Res num(String name, Number value) {
      try {
        g.writeFieldName(name);
        if (value instanceof Integer i) {
          g.writeNumber(i);
        } else {
          g.writeNumber(value.doubleValue());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Res bool(String name, boolean value) {
      try {
        g.writeBooleanField(name, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Res ref(String name, String reference) {
      try {
        g.writeObjectFieldStart(name);
        g.writeStringField("reference", reference);
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Res refs(String name, String... references) {
      try {
        g.writeArrayFieldStart(name);
        for (String r : references) {
          g.writeStartObject();
          g.writeStringField("reference", r);
          g.writeEndObject();
        }
        g.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** A CodeableConcept with one coding (system may be null) and an optional text. */
    Res concept(String name, String system, String code, String display, String text) {
      try {
        g.writeObjectFieldStart(name);
        if (code != null) {
          g.writeArrayFieldStart("coding");
          g.writeStartObject();
          if (system != null) {
            g.writeStringField("system", system);
          }
          g.writeStringField("code", code);
          if (display != null) {
            g.writeStringField("display", display);
          }
          g.writeEndObject();
          g.writeEndArray();
        }
        if (text != null) {
          g.writeStringField("text", text);
        }
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Res coding(String name, String system, String code, String display) {
      try {
        g.writeObjectFieldStart(name);
        g.writeStringField("system", system);
        g.writeStringField("code", code);
        g.writeStringField("display", display);
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Res concepts(String name, String system, String code, String display) {
      try {
        g.writeArrayFieldStart(name);
        g.writeStartObject();
        g.writeArrayFieldStart("coding");
        g.writeStartObject();
        g.writeStringField("system", system);
        g.writeStringField("code", code);
        if (display != null) {
          g.writeStringField("display", display);
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Res quantity(String name, double value, String unit) {
      try {
        g.writeObjectFieldStart(name);
        if (value == Math.rint(value)) {
          g.writeNumberField("value", (long) value);
        } else {
          g.writeNumberField("value", value);
        }
        g.writeStringField("unit", unit);
        g.writeStringField("system", UCUM);
        g.writeStringField("code", unit);
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Res period(String name, String start, String end) {
      try {
        g.writeObjectFieldStart(name);
        g.writeStringField("start", start);
        if (end != null) {
          g.writeStringField("end", end);
        }
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Res dosage(int units) {
      try {
        g.writeObjectFieldStart("dosage");
        g.writeObjectFieldStart("dose");
        g.writeNumberField("value", units);
        g.writeStringField("unit", "U");
        g.writeStringField("system", UCUM);
        g.writeStringField("code", "U");
        g.writeEndObject();
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** An administered dose as Synthea writes it: a value, no unit. */
    Res unitlessDose(double value) {
      try {
        g.writeObjectFieldStart("dosage");
        g.writeObjectFieldStart("dose");
        g.writeNumberField("value", value);
        g.writeEndObject();
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Res suspect(String reference) {
      try {
        g.writeArrayFieldStart("suspectEntity");
        g.writeStartObject();
        g.writeObjectFieldStart("instance");
        g.writeStringField("reference", reference);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Res reaction(String code, String display) {
      try {
        g.writeArrayFieldStart("reaction");
        g.writeStartObject();
        g.writeArrayFieldStart("manifestation");
        g.writeStartObject();
        g.writeArrayFieldStart("coding");
        g.writeStartObject();
        g.writeStringField("system", SCT);
        g.writeStringField("code", code);
        g.writeStringField("display", display);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    byte[] done() {
      try {
        g.writeEndObject();
        g.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
  }

  // ---------------------------------------------------------------- one patient

  /** What is being generated for one patient. */
  private final class Person {
    final int index;
    final SplittableRandom r;
    final String id;
    final String ref;
    int seq;
    int age;
    boolean female;
    /** Coded as Synthea codes: SNOMED CT only, stopped orders, Medication references. */
    boolean synthea;

    Person(int index) {
      this.index = index;
      this.r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L);
      this.id = "p" + Long.toString(seed, 36) + "-" + index;
      this.ref = "Patient/" + id;
    }

    String next(String prefix) {
      return prefix + "-" + id + "-" + (++seq);
    }

    boolean chance(double p) {
      return r.nextDouble() < p;
    }

    int between(int lo, int hi) {
      return lo + r.nextInt(hi - lo + 1);
    }

    String daysAgo(int lo, int hi) {
      return date.minusDays(between(lo, hi)).toString();
    }

    <T> T pick(T[] values) {
      return values[r.nextInt(values.length)];
    }
  }

  private void patient(int i) {
    Person p = new Person(i);
    // a few resources name a patient the export does not hold
    if (p.chance(0.002) || i % 250 == 9) {
      String ghost = "Patient/gone-" + p.id;
      stats.missingPatients++;
      stats.ofMissingPatients += 2;
      line("Condition", i, condition(p, p.next("cond"), ghost, "I10", "Essential (primary) hypertension",
          "active", "confirmed"));
      line("Observation", i, vital(p, ghost, "8867-4", "Heart rate", 72, "/min", 40));
    }
    double kind = p.r.nextDouble();
    boolean child = kind >= 0.86 && kind < 0.88;
    p.age = child ? p.between(2, 17) : p.between(18, 90);
    p.female = p.chance(kind >= 0.88 && kind < 0.92 ? 0.75 : 0.55);
    p.synthea = p.chance(0.35);
    if (p.synthea) {
      stats.syntheaShaped++;
    }
    writePatient(p);

    // background: every patient
    int nBackground = p.between(0, 3);
    List<String> conditions = new ArrayList<>();
    for (int k = 0; k < nBackground; k++) {
      String[] c = p.pick(BACKGROUND);
      String cid = p.next("cond");
      conditions.add(cid);
      line("Condition", i, condition(p, cid, p.ref, c[0], c[1],
          p.chance(0.85) ? "active" : "resolved", "confirmed"));
    }
    for (int k = p.between(0, 3); k > 0; k--) {
      line("MedicationStatement", i, medication(p, p.pick(EVERYDAY)));
    }
    if (p.synthea && p.chance(0.5)) {
      // an everyday order referring to a Medication of Medication.ndjson
      line("MedicationRequest", i, new Res("MedicationRequest", p.next("mr"))
          .str("status", "active").str("intent", "order")
          .ref("medicationReference", "Medication/" + MEDICATIONS[2][0]).ref("subject", p.ref)
          .str("authoredOn", p.daysAgo(10, 300)).done());
    }
    if (p.synthea && p.chance(0.1)) {
      line("Condition", i, synthea(p, p.next("cond"), "15802004", "Dystonia (disorder)"));
    }
    if (p.chance(0.6)) {
      line("Observation", i, vital(p, p.ref, "85354-6", "Blood pressure panel", 0, null, 200));
    }
    if (p.chance(0.3)) {
      line("Observation", i, vital(p, p.ref, "4548-4", "Hemoglobin A1c", 5.4 + p.between(0, 40)
          / 10.0, "%", 300));
    }
    if (!child && p.chance(0.7)) {
      line("Observation", i, weight(p, 50 + p.between(0, 600) / 10.0, "kg", 0, 300));
    }
    if (p.chance(0.5)) {
      line("Encounter", i, encounter(p, null, p.between(5, 400)));
    }
    if (p.chance(0.1)) {
      line("Procedure", i, new Res("Procedure", p.next("proc")).str("status", "completed")
          .concept("code", CPT, "45378", "Colonoscopy, flexible; diagnostic", null)
          .ref("subject", p.ref).str("performedDateTime", p.daysAgo(30, 2000)).done());
    }
    if (p.chance(0.15)) {
      line("AllergyIntolerance", i, allergy(p, "91936005", "Allergy to penicillin", false));
    } else if (p.chance(0.2)) {
      line("AllergyIntolerance", i, allergy(p, "716186003", "No known allergy", false));
    }
    if (p.female && p.age >= 15 && p.age <= 50 && p.chance(0.4)) {
      boolean pregnant = p.chance(0.05);
      line("Observation", i, new Res("Observation", p.next("obs")).str("status", "final")
          .concept("code", LOINC, "82810-3", "Pregnancy status", null).ref("subject", p.ref)
          .str("effectiveDateTime", p.daysAgo(0, 45))
          .concept("valueCodeableConcept", LOINC, pregnant ? "LA15173-0" : "LA26683-5",
              pregnant ? "Pregnant" : "Not pregnant", null).done());
    }
    // record problems
    if (p.chance(0.004)) {
      // a weight in a unit the mapping does not know
      line("Observation", i, weight(p, 11.5, "[stn_i]", 0, 100));
    }

    // candidates
    if (kind < 0.80) {
      noise(p);
      return;
    }
    if (kind < 0.84) {
      migraine(p);
    } else if (kind < 0.86) {
      candidate(p, "G24.3", "Spasmodic torticollis", true);
    } else if (kind < 0.88) {
      spasticityChild(p);
    } else if (kind < 0.89) {
      candidate(p, "I69.351", "Hemiplegia and hemiparesis following cerebral infarction "
          + "affecting right dominant side", true);
    } else if (kind < 0.92) {
      bladder(p);
    } else if (kind < 0.95) {
      hyperhidrosis(p);
    } else {
      String[][] other = {{"G24.5", "Blepharospasm"},
          {"G44.209", "Tension-type headache, unspecified, not intractable"},
          {"M54.2", "Cervicalgia"}, {"F45.8", "Other somatoform disorders"},
          {"K11.7", "Disturbances of salivary secretion"},
          {"H50.00", "Unspecified esotropia"}, {"G43.909", "Migraine, unspecified, not "
              + "intractable, without status migrainosus"}, {"N32.81", "Overactive bladder"}};
      String[] c = p.pick(other);
      String cid = candidate(p, c[0], c[1], false);
      if (c[0].startsWith("G43") && p.chance(0.7)) {
        diary(p, cid, p.between(4, 20));
      }
    }
    risks(p);
    noise(p);
  }

  private void writePatient(Person p) {
    Res res = new Res("Patient", p.id);
    res.str("gender", p.female ? "female" : "male");
    LocalDate birth = date.minusYears(p.age).minusDays(p.between(1, 360));
    if (p.chance(0.003) || p.index % 150 == 7) {
      res.str("birthDate", String.valueOf(birth.getYear())); // partial: a problem
    } else {
      res.str("birthDate", birth.toString());
    }
    res.concept("maritalStatus", "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus",
        p.chance(0.5) ? "M" : "S", null, null);
    if (p.chance(0.01) || p.index % 97 == 13) {
      // Synthea keeps the dead: deceasedDateTime before the date
      res.str("deceasedDateTime", date.minusDays(p.between(1, 9000)) + "T04:12:00-05:00");
      stats.deceased++;
    }
    stats.patients++;
    line("Patient", p.index, res.done());
  }

  private String candidate(Person p, String icd, String display, boolean examined) {
    String cid = p.next("cond");
    String verification = p.chance(0.8) ? "confirmed" : p.chance(0.5) ? "provisional"
        : "unconfirmed";
    line("Condition", p.index, condition(p, cid, p.ref, icd, display,
        p.chance(0.95) ? "active" : "resolved", verification));
    if (p.chance(examined ? 0.7 : 0.5)) {
      line("Encounter", p.index, encounter(p, cid, p.between(1, 120)));
    }
    if (p.chance(0.3)) {
      // an order for the toxin: screening ignores orders
      line("MedicationRequest", p.index, new Res("MedicationRequest", p.next("mr"))
          .str("status", "active").str("intent", "order")
          .concept("medicationCodeableConcept", HCPCS, "J0585", "Injection, onabotulinumtoxinA, "
              + "1 unit", "Botox 100 UNIT Injection").ref("subject", p.ref)
          .str("authoredOn", p.daysAgo(0, 20)).refs("reasonReference", "Condition/" + cid)
          .done());
    }
    if (p.chance(0.35)) {
      pastTreatment(p, cid, icd);
    }
    return cid;
  }

  private void migraine(Person p) {
    String icd = p.chance(0.7) ? "G43.709" : "G43.719";
    String cid = candidate(p, icd, icd.equals("G43.709") ? "Chronic migraine without aura, not "
        + "intractable, without status migrainosus" : "Chronic migraine without aura, "
        + "intractable, without status migrainosus", true);
    if (p.chance(0.85)) {
      diary(p, cid, p.chance(0.8) ? p.between(15, 28) : p.between(6, 14));
    }
    if (p.chance(0.5)) {
      line("MedicationStatement", p.index, medication(p, p.chance(0.5)
          ? "Topiramate 25 MG Oral Tablet" : "Sumatriptan 50 MG Oral Tablet"));
    }
    if (p.synthea) {
      // Synthea's failed preventives: stopped orders whose reason is the migraine, some by a
      // reference to a shared Medication
      for (int k = p.between(0, 2); k > 0; k--) {
        String[] med = MEDICATIONS[p.between(0, 1)];
        Res mr = new Res("MedicationRequest", p.next("mr")).str("status", "stopped")
            .str("intent", "order");
        if (p.chance(0.5)) {
          mr.ref("medicationReference", "Medication/" + med[0]);
        } else {
          mr.concept("medicationCodeableConcept", RXNORM, med[1], med[2], med[2]);
        }
        line("MedicationRequest", p.index, mr.ref("subject", p.ref)
            .str("authoredOn", p.daysAgo(200, 900)).refs("reasonReference", "Condition/" + cid)
            .done());
      }
    }
  }

  private void diary(Person p, String cid, int headacheDays) {
    String focus = p.chance(0.5) ? "Condition/" + cid : null;
    int age = p.between(0, p.chance(0.9) ? 80 : 150);
    line("Observation", p.index, local(p, "headache-days-per-month", focus, age, headacheDays));
    if (p.chance(0.8)) {
      line("Observation", p.index, local(p, "migraine-days-per-month", focus, age,
          Math.max(0, headacheDays - p.between(0, 8))));
    }
    if (p.chance(0.7)) {
      line("Observation", p.index, new Res("Observation", p.next("obs")).str("status", "final")
          .concept("code", LOCAL_OBS, "headache-hours-per-day", null, null)
          .ref("subject", p.ref).str("effectiveDateTime", date.minusDays(age).toString())
          .quantity("valueQuantity", p.between(2, 24), "h").done());
    }
    line("Observation", p.index, local(p, "months-with-symptoms", focus, age, p.between(1, 60)));
    if (p.chance(0.8)) {
      line("Observation", p.index, local(p, "prior-therapies-failed", focus, age,
          p.between(0, 4)));
    }
    if (p.chance(0.6)) {
      line("Observation", p.index, new Res("Observation", p.next("obs")).str("status", "final")
          .concept("code", LOCAL_OBS, "secondary-cause-excluded", null, null)
          .ref("subject", p.ref).str("effectiveDateTime", date.minusDays(age).toString())
          .bool("valueBoolean", p.chance(0.9)).done());
    }
  }

  private void spasticityChild(Person p) {
    String[][] codes = {{"G80.0", "Spastic quadriplegic cerebral palsy"},
        {"G80.1", "Spastic diplegic cerebral palsy"},
        {"G80.2", "Spastic hemiplegic cerebral palsy"}};
    String[] c = p.pick(codes);
    String cid = candidate(p, c[0], c[1], true);
    if (p.synthea && p.chance(0.5)) {
      // Synthea's toxin injection: SNOMED CT 404909007, and Dysport by RxNorm, no unit
      int ago = p.between(20, 300);
      String day = date.minusDays(ago).toString();
      line("Procedure", p.index, new Res("Procedure", p.next("proc")).str("status", "completed")
          .concept("code", SCT, "404909007", "Injection of botulinum toxin (procedure)",
              "Injection of botulinum toxin (procedure)")
          .ref("subject", p.ref).period("performedPeriod", day + "T10:00:00-05:00",
              day + "T10:30:00-05:00").refs("reasonReference", "Condition/" + cid).done());
      line("MedicationAdministration", p.index, new Res("MedicationAdministration",
          p.next("madm")).str("status", "completed")
          .concept("medicationCodeableConcept", RXNORM, "1789958",
              "Dysport botulinum toxin A 300 UNT Injection",
              "Dysport botulinum toxin A 300 UNT Injection")
          .ref("subject", p.ref).str("effectiveDateTime", day + "T10:00:00-05:00")
          .unitlessDose(1.0).done());
    }
    double kg = 10 + p.age * 2.6 + p.between(0, 80) / 10.0;
    if (p.chance(0.1)) {
      return; // no weight: a reason of its own
    }
    if (p.chance(0.25)) {
      line("Observation", p.index, weight(p, Math.round(kg / 0.45359237 * 10) / 10.0, "[lb_av]",
          0, 120));
    } else {
      line("Observation", p.index, weight(p, kg, "kg", 0, 120));
    }
    if (p.chance(0.5)) {
      line("MedicationStatement", p.index, medication(p, "Baclofen 10 MG Oral Tablet"));
    }
  }

  private void bladder(Person p) {
    boolean neurogenic = p.chance(0.5);
    String cid = candidate(p, neurogenic ? "N31.9" : "N32.81", neurogenic
        ? "Neuromuscular dysfunction of bladder, unspecified" : "Overactive bladder", false);
    if (neurogenic && p.chance(0.6)) {
      line("Condition", p.index, condition(p, p.next("cond"), p.ref, "G35",
          "Multiple sclerosis", "active", "confirmed"));
    }
    if (p.chance(0.8)) {
      line("Observation", p.index, new Res("Observation", p.next("obs")).str("status", "final")
          .concept("code", LOCAL_OBS, "post-void-residual", null, null).ref("subject", p.ref)
          .str("effectiveDateTime", p.daysAgo(0, 100))
          .quantity("valueQuantity", p.between(20, 400), "mL").done());
    }
    if (p.chance(0.6)) {
      line("Observation", p.index, new Res("Observation", p.next("obs")).str("status", "final")
          .concept("code", LOCAL_OBS, "clean-intermittent-catheterization", null, null)
          .ref("subject", p.ref).str("effectiveDateTime", p.daysAgo(0, 100))
          .bool("valueBoolean", p.chance(0.5)).done());
    }
    if (p.chance(0.5)) {
      line("Observation", p.index, local(p, "prior-therapies-failed",
          p.chance(0.5) ? "Condition/" + cid : null, p.between(0, 100), p.between(0, 3)));
    }
    if (p.chance(0.4)) {
      line("MedicationStatement", p.index, medication(p, "Oxybutynin chloride 5 MG Oral Tablet"));
    }
  }

  private void hyperhidrosis(Person p) {
    boolean axilla = p.chance(0.7);
    String cid = candidate(p, axilla ? "L74.510" : "L74.512", axilla
        ? "Primary focal hyperhidrosis, axilla" : "Primary focal hyperhidrosis, palms", false);
    if (p.chance(0.5)) {
      line("Observation", p.index, local(p, "prior-therapies-failed", "Condition/" + cid,
          p.between(0, 120), p.between(0, 2)));
    }
  }

  private void risks(Person p) {
    if (p.chance(0.08)) {
      String[] c = p.pick(RISKY);
      line("Condition", p.index, condition(p, p.next("cond"), p.ref, c[0], c[1], "active",
          "confirmed"));
    }
    if (p.chance(0.25)) {
      line(p.chance(0.5) ? "MedicationStatement" : "MedicationRequest", p.index,
          p.chance(0.5) ? medication(p, p.pick(RELEVANT))
              : medicationRequest(p, p.pick(RELEVANT)));
    }
    if (p.chance(0.02)) {
      line("AllergyIntolerance", p.index, allergy(p, "11894001", "Botulinum toxin", true));
    } else if (p.chance(0.01)) {
      line("AllergyIntolerance", p.index, allergy(p, "52454007", "Albumin", false));
    }
  }

  private void pastTreatment(Person p, String cid, String icd) {
    int ago = p.chance(0.4) ? p.between(10, 80) : p.between(85, 400);
    String proc;
    if (p.chance(0.6)) {
      proc = p.next("proc");
      line("Procedure", p.index, new Res("Procedure", proc).str("status", "completed")
          .concept("code", CPT, p.pick(new String[] {"64615", "64616", "64642", "64650",
              "52287", "67345"}), "Chemodenervation", null)
          .ref("subject", p.ref).str("performedDateTime", date.minusDays(ago).toString())
          .refs("reasonReference", "Condition/" + cid).done());
    } else {
      proc = p.next("madm");
      line("MedicationAdministration", p.index, new Res("MedicationAdministration", proc)
          .str("status", "completed")
          .concept("medicationCodeableConcept", HCPCS, "J0585", "Injection, onabotulinumtoxinA, "
              + "1 unit", "Botox 100 UNIT Injection")
          .ref("subject", p.ref).str("effectiveDateTime", date.minusDays(ago).toString())
          .concepts("reasonCode", ICD, icd, null)
          .dosage(p.pick(new Integer[] {50, 100, 155, 200})).done());
    }
    if (p.chance(0.15)) {
      String type = proc.startsWith("proc") ? "Procedure" : "MedicationAdministration";
      line("AdverseEvent", p.index, new Res("AdverseEvent", p.next("ae"))
          .str("actuality", "actual").ref("subject", p.ref)
          .concept("event", SCT, p.chance(0.5) ? "11934000" : "26544005", null, null)
          .str("date", date.minusDays(Math.max(0, ago - 7)).toString())
          .suspect(type + "/" + proc).done());
    }
    if (p.chance(0.5)) {
      String[] responses = {"GOOD", "PARTIAL", "NONE", "UNKNOWN"};
      String type = proc.startsWith("proc") ? "Procedure" : "MedicationAdministration";
      line("Observation", p.index, new Res("Observation", p.next("obs")).str("status", "final")
          .concept("code", LOCAL_OBS, "treatment-response", null, null).ref("subject", p.ref)
          .str("effectiveDateTime", date.minusDays(Math.max(0, ago - 20)).toString())
          .refs("focus", type + "/" + proc)
          .concept("valueCodeableConcept", "urn:botox-eligibility:response", p.pick(responses),
              null, null).done());
    }
  }

  /** Malformed lines, orphans and duplicates, now and then. */
  private void noise(Person p) {
    if (p.chance(0.002) || p.index % 200 == 3) {
      stats.malformed++;
      line("Observation", p.index, ("{\"resourceType\":\"Observation\",\"id\":\""
          + p.next("obs") + "\",\"status\":\"fin").getBytes(StandardCharsets.UTF_8));
    }
    if (p.chance(0.001)) {
      stats.malformed++;
      line("Encounter", p.index, "{\"status\":\"finished\"}".getBytes(StandardCharsets.UTF_8));
    }
    if (p.chance(0.002) || p.index % 200 == 5) {
      stats.namingNoPatient++;
      line("Condition", p.index, new Res("Condition", p.next("cond"))
          .concept("code", ICD, "I10", "Essential (primary) hypertension", null).done());
    }
    if (p.chance(0.001)) {
      stats.namingNoPatient++;
      line("Observation", p.index, new Res("Observation", p.next("obs")).str("status", "final")
          .concept("code", LOINC, "8867-4", "Heart rate", null)
          .ref("subject", "Group/ward-" + p.between(1, 9))
          .str("effectiveDateTime", p.daysAgo(0, 30)).done());
    }
    if (p.chance(0.002)) {
      stats.duplicates++;
      byte[] again = vital(p, p.ref, "8302-2", "Body height", 150 + p.between(0, 50), "cm", 200);
      line("Observation", p.index, again);
      line("Observation", p.index, again);
    }
    if (p.chance(0.0005)) {
      stats.blank++;
      line("Encounter", p.index, new byte[0]);
    }
  }

  /** Medication.ndjson: the shared Medications, one referred to by nobody. */
  private void medications() {
    for (String[] m : MEDICATIONS) {
      stats.medications++;
      line("Medication", 0, new Res("Medication", m[0])
          .concept("code", RXNORM, m[1], m[2], m[2]).str("status", "active").done());
    }
  }

  private void practitioners() {
    for (int k = 0; k < 3; k++) {
      line("Practitioner", 0, new Res("Practitioner", "pr-" + k).str("gender", "female")
          .done());
    }
  }

  // ---------------------------------------------------------------- resources

  private byte[] condition(Person p, String id, String subject, String icd, String display,
      String clinical, String verification) {
    String[] snomed = SNOMED_OF.get(icd);
    if (p.synthea && snomed != null) {
      return new Res("Condition", id)
          .concept("clinicalStatus", CLINICAL, clinical, null, null)
          .concept("verificationStatus", VERIFICATION, verification, null, null)
          .concepts("category", "http://terminology.hl7.org/CodeSystem/condition-category",
              "encounter-diagnosis", "Encounter Diagnosis")
          .concept("code", SCT, snomed[0], snomed[1], snomed[1])
          .ref("subject", subject).str("onsetDateTime", p.daysAgo(100, 3000))
          .str("recordedDate", p.daysAgo(100, 3000)).done();
    }
    return new Res("Condition", id)
        .concept("clinicalStatus", CLINICAL, clinical, null, null)
        .concept("verificationStatus", VERIFICATION, verification, null, null)
        .concepts("category", "http://terminology.hl7.org/CodeSystem/condition-category",
            "problem-list-item", "Problem List Item")
        .concept("code", ICD, icd, display, display)
        .ref("subject", subject).str("onsetDateTime", p.daysAgo(100, 3000)).done();
  }

  /** A Condition as Synthea writes one: SNOMED CT only, active, confirmed. */
  private byte[] synthea(Person p, String id, String code, String display) {
    return new Res("Condition", id)
        .concept("clinicalStatus", CLINICAL, "active", null, null)
        .concept("verificationStatus", VERIFICATION, "confirmed", null, null)
        .concept("code", SCT, code, display, display)
        .ref("subject", p.ref).str("onsetDateTime", p.daysAgo(100, 3000)).done();
  }

  private byte[] vital(Person p, String subject, String loinc, String display, double value,
      String unit, int maxAge) {
    Res res = new Res("Observation", p.next("obs")).str("status", "final")
        .concepts("category", "http://terminology.hl7.org/CodeSystem/observation-category",
            "vital-signs", "Vital Signs")
        .concept("code", LOINC, loinc, display, null).ref("subject", subject)
        .str("effectiveDateTime", p.daysAgo(0, maxAge));
    if (unit != null) {
      res.quantity("valueQuantity", value, unit);
    }
    return res.done();
  }

  private byte[] weight(Person p, double value, String unit, int minAge, int maxAge) {
    return new Res("Observation", p.next("obs")).str("status", "final")
        .concepts("category", "http://terminology.hl7.org/CodeSystem/observation-category",
            "vital-signs", "Vital Signs")
        .concept("code", LOINC, "29463-7", "Body weight", null).ref("subject", p.ref)
        .str("effectiveDateTime", p.daysAgo(minAge, maxAge))
        .quantity("valueQuantity", Math.round(value * 10) / 10.0, unit).done();
  }

  private byte[] local(Person p, String code, String focus, int ageDays, int value) {
    Res res = new Res("Observation", p.next("obs")).str("status", "final")
        .concept("code", LOCAL_OBS, code, null, null).ref("subject", p.ref)
        .str("effectiveDateTime", date.minusDays(ageDays).toString()).num("valueInteger", value);
    if (focus != null) {
      res.refs("focus", focus);
    }
    return res.done();
  }

  private byte[] medication(Person p, String text) {
    return new Res("MedicationStatement", p.next("ms")).str("status", "active")
        .concept("medicationCodeableConcept", null, null, null, text).ref("subject", p.ref)
        .period("effectivePeriod", p.daysAgo(30, 1500), null).done();
  }

  private byte[] medicationRequest(Person p, String text) {
    return new Res("MedicationRequest", p.next("mr")).str("status", "active")
        .str("intent", "order")
        .concept("medicationCodeableConcept", null, null, null, text).ref("subject", p.ref)
        .str("authoredOn", p.daysAgo(0, 200)).done();
  }

  private byte[] allergy(Person p, String code, String display, boolean reaction) {
    Res res = new Res("AllergyIntolerance", p.next("al"))
        .concept("clinicalStatus", ALLERGY_CLINICAL, "active", null, null)
        .concept("verificationStatus", ALLERGY_VERIFICATION, "confirmed", null, null)
        .concept("code", SCT, code, display, null).ref("patient", p.ref);
    if (reaction) {
      res.reaction("11934000", "Ptosis of eyelid");
    }
    return res.done();
  }

  private byte[] encounter(Person p, String conditionId, int daysAgo) {
    String day = date.minusDays(daysAgo).toString();
    Res res = new Res("Encounter", p.next("enc")).str("status", "finished")
        .coding("class", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory")
        .ref("subject", p.ref).period("period", day + "T09:00:00-05:00",
            day + "T09:30:00-05:00");
    if (conditionId != null) {
      res.refs("reasonReference", "Condition/" + conditionId);
    }
    return res.done();
  }
}
