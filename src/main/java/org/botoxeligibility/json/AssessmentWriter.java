package org.botoxeligibility.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Evidence;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.knowledge.CatalogEntry;
import org.botoxeligibility.assessment.Range;

/**
 * Writes assessments (docs/contract.md §2) and the catalog as JSON: pretty for one, compact for
 * NDJSON. The field order is fixed and absent (null) values are left out, so the same assessment
 * always gives the same bytes; {@link AssessmentReader} reads them back. Thread-safe; build one
 * and share it.
 */
public final class AssessmentWriter {
  private final JsonFactory factory = JsonFactory.builder().build();
  private final DefaultPrettyPrinter pretty;

  /** A writer, indenting by two spaces when it pretty-prints. */
  public AssessmentWriter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter p = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator(""));
    p.indentArraysWith(indenter);
    p.indentObjectsWith(indenter);
    this.pretty = p;
  }

  /**
   * One assessment, pretty-printed, as {@code evaluate} writes it for one intake.
   *
   * @param a the assessment
   * @return the JSON, ending with a newline
   * @throws NullPointerException when {@code a} is null
   */
  public String pretty(Assessment a) {
    return write(Objects.requireNonNull(a, "assessment must not be null"), true);
  }

  /**
   * One assessment on one line, for NDJSON.
   *
   * @param a the assessment
   * @return the JSON, without a newline
   * @throws NullPointerException when {@code a} is null
   */
  public String compact(Assessment a) {
    return write(Objects.requireNonNull(a, "assessment must not be null"), false);
  }

  /**
   * One assessment on one line, for NDJSON, ready to write to a stream.
   *
   * @param a the assessment
   * @return the JSON with its newline, as UTF-8 bytes
   * @throws NullPointerException when {@code a} is null
   */
  public byte[] compactLine(Assessment a) {
    Objects.requireNonNull(a, "assessment must not be null");
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      assessment(g, a);
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * One recommendation on one line, exactly as it appears inside an assessment (docs/contract.md
   * §2, evidence included); a CDS Hooks card carries it as its extension.
   *
   * @param r the recommendation
   * @return its JSON, without a newline
   * @throws NullPointerException when {@code r} is null
   */
  public String compact(Recommendation r) {
    Objects.requireNonNull(r, "recommendation must not be null");
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      recommendation(g, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private String write(Assessment a, boolean prettyPrint) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      if (prettyPrint) {
        g.setPrettyPrinter(pretty.createInstance());
      }
      assessment(g, a);
      if (prettyPrint) {
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void assessment(JsonGenerator g, Assessment a) throws IOException {
    g.writeStartObject();
    g.writeStringField("intakeId", a.intakeId());
    g.writeStringField("assessmentDate", a.assessmentDate().toString());
    g.writeStringField("knowledgeBaseVersion", a.knowledgeBaseVersion());
    g.writeArrayFieldStart("recommendations");
    for (Recommendation r : a.recommendations()) {
      recommendation(g, r);
    }
    g.writeEndArray();
    strings(g, "firedRules", a.firedRules());
    g.writeEndObject();
  }

  private static void recommendation(JsonGenerator g, Recommendation r) throws IOException {
    g.writeStartObject();
    g.writeStringField("concernId", r.concernId());
    g.writeStringField("condition", r.condition().name());
    g.writeStringField("conditionName", r.conditionName());
    g.writeStringField("category", r.category().name());
    names(g, "mechanisms", r.mechanisms());
    g.writeStringField("labelStatus", r.labelStatus().name());
    g.writeStringField("decision", r.decision().name());
    g.writeBooleanField("readyToBook", r.readyToBook());
    names(g, "outstandingRequirements", r.outstandingRequirements());
    g.writeStringField("insurance", r.insurance().name());
    optional(g, "plannedUnits", r.plannedUnits());
    if (r.earliestTreatmentDate() != null) {
      g.writeStringField("earliestTreatmentDate", r.earliestTreatmentDate().toString());
    }
    range(g, "expectedOnsetDays", r.expectedOnsetDays());
    optional(g, "fullEffectDays", r.fullEffectDays());
    range(g, "expectedDurationMonths", r.expectedDurationMonths());
    optional(g, "maintenanceIntervalWeeks", r.maintenanceIntervalWeeks());
    strings(g, "sideEffects", r.sideEffects());
    g.writeArrayFieldStart("reasons");
    for (Reason reason : r.reasons()) {
      g.writeStartObject();
      g.writeStringField("code", reason.code());
      g.writeStringField("effect", reason.effect().name());
      g.writeStringField("message", reason.message());
      g.writeStringField("source", reason.source());
      g.writeStringField("rule", reason.rule());
      if (reason.deferredUntil() != null) {
        g.writeStringField("deferredUntil", reason.deferredUntil().toString());
      }
      g.writeArrayFieldStart("evidence");
      for (Evidence e : reason.evidence()) {
        g.writeStartObject();
        g.writeStringField("path", e.path());
        if (e.resource() != null) {
          g.writeStringField("resource", e.resource());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * What the FHIR mapping made (the {@code from-fhir} command): {@code {"intake": {...},
   * "provenance": {"/patient/weightKg": ["Observation/w1"], ...}}}, pretty-printed, the
   * provenance keyed by JSON Pointer in pointer order.
   *
   * @param intake the intake, exactly as evaluate would take it (valid: a patient is required)
   * @param provenance the resources ({@code Type/id}) behind each pointer
   * @return the JSON, ending with a newline
   */
  public String mapped(org.botoxeligibility.intake.Intake intake,
      java.util.Map<String, List<String>> provenance) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(pretty.createInstance());
      g.writeStartObject();
      g.writeFieldName("intake");
      CanonicalIntake.write(g, intake);
      g.writeObjectFieldStart("provenance");
      for (var e : new java.util.TreeMap<>(provenance).entrySet()) {
        strings(g, e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The catalog, as the {@code conditions} command lists it: for each row its code, name, alias
   * facts, category, mechanisms, label status, minimum age, usual sites, typical units, timing,
   * ICD-10-CM prefixes, side effects and payer facts.
   *
   * @param entries the rows, in the order to list them (such as {@code catalog.entries()})
   * @return a pretty-printed JSON array, ending with a newline
   */
  public String catalog(Collection<CatalogEntry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(pretty.createInstance());
      g.writeStartArray();
      for (CatalogEntry e : entries) {
        g.writeStartObject();
        g.writeStringField("code", e.code().name());
        g.writeStringField("name", e.name());
        if (e.isAlias()) {
          g.writeStringField("aliasOf", e.aliasOf().name());
          names(g, "classifiesAs", e.classifiesAs());
        }
        g.writeStringField("category", e.category().name());
        names(g, "mechanisms", e.mechanisms());
        g.writeStringField("labelStatus", e.labelStatus().name());
        g.writeNumberField("minimumAge", e.minimumAge());
        names(g, "usualSites", e.usualSites());
        optional(g, "typicalUnits", e.typicalUnits());
        range(g, "expectedOnsetDays", e.onsetDays());
        optional(g, "fullEffectDays", e.fullEffectDays());
        range(g, "expectedDurationMonths", e.durationMonths());
        optional(g, "maintenanceIntervalWeeks", e.maintenanceIntervalWeeks());
        strings(g, "icd10", e.icd10());
        strings(g, "sideEffects", e.sideEffects());
        if (e.firstLineTherapy() != null) {
          g.writeStringField("firstLineTherapy", e.firstLineTherapy());
        }
        optional(g, "payerMinPriorTherapies", e.payerMinPriorTherapies());
        if (e.offeredInstead() != null) {
          g.writeStringField("offeredInstead", e.offeredInstead());
        }
        if (e.verify() != null) {
          g.writeStringField("verify", e.verify());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeRaw('\n');
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void optional(JsonGenerator g, String name, Integer value) throws IOException {
    if (value != null) {
      g.writeNumberField(name, value);
    }
  }

  private static void range(JsonGenerator g, String name, Range range) throws IOException {
    if (range != null) {
      g.writeObjectFieldStart(name);
      g.writeNumberField("min", range.min());
      g.writeNumberField("max", range.max());
      g.writeEndObject();
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void names(JsonGenerator g, String name, List<? extends Enum<?>> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (Enum<?> v : values) {
      g.writeString(v.name());
    }
    g.writeEndArray();
  }
}
