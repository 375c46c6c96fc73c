package org.botoxeligibility.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Effect;
import org.botoxeligibility.assessment.Evidence;
import org.botoxeligibility.assessment.Insurance;
import org.botoxeligibility.assessment.Range;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.json.AssessmentWriter;

/**
 * Writes the cards of an assessment (cds-hooks.md §4): one per concern, in order, with the
 * indicator of its decision, a summary under 140 characters, a Markdown detail, the knowledge
 * base as source, a name-based uuid, the cancel suggestion of a refusal, override reasons, and the
 * recommendation's JSON as an extension. Thread-safe.
 */
final class Cards {
  /** The decision's code system, the card source's topic. */
  static final String DECISION_SYSTEM = "urn:botox-eligibility:decision";
  /** The extension key of the recommendation. */
  static final String EXTENSION = "org.botoxeligibility.recommendation";
  /** HL7's override reasons (CDS Hooks non-adherence reason codes). */
  static final String NON_ADHERENCE = "http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes";
  /** This service's own override reasons, where no HL7 code fits. */
  static final String LOCAL_OVERRIDE = "urn:botox-eligibility:override-reason";
  static final String CANCEL = "Cancel the botulinum toxin order";
  static final int SUMMARY_LIMIT = 139;

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final AssessmentWriter writer = new AssessmentWriter();

  /** A concern's order in the EHR ({@code MedicationRequest/123}), for the delete action. */
  interface Orders {
    /**
     * The order behind a concern.
     *
     * @param index the concern's index in the intake
     * @param concernId its id
     * @return the order's relative reference, or null when it cannot be told
     */
    String reference(int index, String concernId);
  }

  /**
   * The response body: {@code {"cards": [...]}}.
   *
   * @param assessment the assessment, with the FHIR resources in its evidence
   * @param hookInstance the call's hookInstance, from which card uuids derive
   * @param orders the order behind each concern
   * @return the JSON
   */
  byte[] response(Assessment assessment, String hookInstance, Orders orders) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeArrayFieldStart("cards");
      List<Recommendation> recommendations = assessment.recommendations();
      for (int i = 0; i < recommendations.size(); i++) {
        Recommendation r = recommendations.get(i);
        card(g, r, assessment.knowledgeBaseVersion(), hookInstance,
            orders.reference(i, r.concernId()));
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The empty answer: no toxin order, no card. */
  static byte[] none() {
    return "{\"cards\":[]}".getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A card's uuid: name-based on the hookInstance and the concern id, so the same call gives the
   * same card.
   */
  static String uuid(String hookInstance, String concernId) {
    return UUID.nameUUIDFromBytes(("botox-eligibility card\u0000" + hookInstance + "\u0000"
        + concernId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * The refusals that rest on clinical harm (clinical-policy.md §4): the label's contraindications
   * (BOTOX PI §4: hypersensitivity to the toxin or to an excipient, urinary retention in a bladder
   * patient) and the refusals resting on its warnings of distant spread (a neuromuscular disorder,
   * swallowing or breathing trouble near the neck). A {@code NOT_ELIGIBLE} resting on any of them
   * is {@code critical}; one resting only on others (criteria not met, a use not recommended, an
   * age below the label's, a clinic overlay's own codes) is {@code warning}, as Da Vinci CRD keeps
   * {@code critical} for harm, never for coverage or unmet criteria.
   */
  static final Set<String> HARM = Set.of("BOTULINUM_TOXIN_HYPERSENSITIVITY",
      "EXCIPIENT_HYPERSENSITIVITY", "URINARY_RETENTION", "NEUROMUSCULAR_DISORDER",
      "SWALLOWING_OR_BREATHING_RISK");

  /**
   * A card's indicator: {@code info} for a concern that may be booked, {@code warning} for one
   * that needs a clinician (or another order) before booking, {@code critical} for a refusal
   * resting on clinical harm ({@link #HARM}).
   */
  static String indicator(Recommendation r) {
    return switch (r.decision()) {
      case ELIGIBLE, ELIGIBLE_WITH_PRECAUTIONS -> "info";
      case NEEDS_MEDICAL_EVALUATION, DEFERRED -> "warning";
      case NOT_ELIGIBLE -> r.reasons().stream().anyMatch(reason ->
          reason.effect() == Effect.NOT_ELIGIBLE && HARM.contains(reason.code()))
          ? "critical" : "warning";
    };
  }

  private void card(JsonGenerator g, Recommendation r, String version, String hookInstance,
      String order) throws IOException {
    String indicator = indicator(r);
    g.writeStartObject();
    g.writeStringField("uuid", uuid(hookInstance, r.concernId()));
    g.writeStringField("summary", summary(r));
    g.writeStringField("indicator", indicator);
    g.writeStringField("detail", detail(r));
    g.writeObjectFieldStart("source");
    g.writeStringField("label", "botox-eligibility knowledge base " + version);
    g.writeObjectFieldStart("topic");
    g.writeStringField("system", DECISION_SYSTEM);
    g.writeStringField("code", r.decision().name());
    g.writeStringField("display", capitalized(decision(r.decision())));
    g.writeEndObject();
    g.writeEndObject();
    if (r.decision() == Effect.NOT_ELIGIBLE) {
      g.writeArrayFieldStart("suggestions");
      g.writeStartObject();
      g.writeStringField("label", CANCEL);
      g.writeStringField("uuid", UUID.nameUUIDFromBytes(("botox-eligibility cancel\u0000"
          + hookInstance + "\u0000" + r.concernId()).getBytes(StandardCharsets.UTF_8))
          .toString());
      g.writeBooleanField("isRecommended", true);
      g.writeArrayFieldStart("actions");
      g.writeStartObject();
      g.writeStringField("type", "delete");
      g.writeStringField("description", "Remove the botulinum toxin order "
          + (order != null ? order : r.concernId()) + " (" + r.conditionName() + ")");
      if (order != null) {
        g.writeStringField("resourceId", order);
      }
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeStringField("selectionBehavior", "at-most-one");
    }
    if (!indicator.equals("info")) {
      g.writeArrayFieldStart("overrideReasons");
      overrideReason(g, NON_ADHERENCE, "cds-not-applicable", "PC CDS does not apply to patient");
      overrideReason(g, NON_ADHERENCE, "recipient-disagrees-evidence",
          "Recipient disagrees with recommendation because of issues with the evidence");
      overrideReason(g, LOCAL_OVERRIDE, "record-incomplete",
          "The record the service saw is incomplete or out of date");
      if (r.decision() == Effect.NEEDS_MEDICAL_EVALUATION) {
        overrideReason(g, LOCAL_OVERRIDE, "evaluation-done",
            "A physician has evaluated the patient and approves the treatment");
      }
      g.writeEndArray();
    }
    g.writeObjectFieldStart("extension");
    g.writeFieldName(EXTENSION);
    g.writeRawValue(writer.compact(r));
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void overrideReason(JsonGenerator g, String system, String code,
      String display) throws IOException {
    g.writeStartObject();
    g.writeStringField("system", system);
    g.writeStringField("code", code);
    g.writeStringField("display", display);
    g.writeEndObject();
  }

  /**
   * The summary: the condition's catalog name, the decision in words, and the most important
   * consequence, under 140 characters: "Chronic migraine: not eligible (chronic migraine criteria
   * not met)", "Glabellar lines: deferred until 2027-01-12 (retreatment interval)".
   */
  static String summary(Recommendation r) {
    StringBuilder s = new StringBuilder(r.conditionName()).append(": ")
        .append(decision(r.decision()));
    if (r.decision() == Effect.DEFERRED && r.earliestTreatmentDate() != null) {
      s.append(" until ").append(r.earliestTreatmentDate());
    }
    String consequence = consequence(r);
    if (consequence != null) {
      s.append(" (").append(consequence).append(')');
    }
    if (s.length() > SUMMARY_LIMIT) {
      s.setLength(SUMMARY_LIMIT - 1);
      s.append('…');
    }
    return s.toString();
  }

  /** The reasons that decide, in words; for a treatable concern, what is still to do. */
  private static String consequence(Recommendation r) {
    if (r.decision().restricts()) {
      List<String> deciding = new ArrayList<>();
      for (Reason reason : r.reasons()) {
        if (reason.effect() == r.decision()) {
          deciding.add(words(reason.code()));
        }
      }
      if (deciding.isEmpty()) {
        return null;
      }
      return deciding.size() == 1 ? deciding.get(0)
          : deciding.get(0) + " and " + (deciding.size() - 1) + " more";
    }
    if (!r.outstandingRequirements().isEmpty()) {
      return "outstanding: " + r.outstandingRequirements().stream().map(q -> words(q.name()))
          .collect(Collectors.joining(", "));
    }
    return r.readyToBook() ? "ready to book" : null;
  }

  static String decision(Effect decision) {
    return switch (decision) {
      case ELIGIBLE -> "eligible";
      case ELIGIBLE_WITH_PRECAUTIONS -> "eligible with precautions";
      case NEEDS_MEDICAL_EVALUATION -> "needs a medical evaluation";
      case DEFERRED -> "deferred";
      case NOT_ELIGIBLE -> "not eligible";
    };
  }

  private static String effectHeading(Effect effect) {
    return switch (effect) {
      case ELIGIBLE -> "Informing (no restriction)";
      case ELIGIBLE_WITH_PRECAUTIONS -> "Precautions";
      case NEEDS_MEDICAL_EVALUATION -> "Needs a medical evaluation";
      case DEFERRED -> "Deferring";
      case NOT_ELIGIBLE -> "Not eligible";
    };
  }

  /** The Markdown detail, every value from the record escaped. */
  static String detail(Recommendation r) {
    StringBuilder d = new StringBuilder();
    d.append("**").append(md(capitalized(decision(r.decision())))).append("**: ")
        .append(md(r.conditionName())).append(" (`").append(r.condition().name())
        .append("`), ").append(words(r.category().name())).append(", ")
        .append(words(r.labelStatus().name())).append("; acts on ")
        .append(r.mechanisms().stream().map(m -> words(m.name()))
            .collect(Collectors.joining(", ")))
        .append(".\n\n");
    d.append("**Reasons**\n");
    if (r.reasons().isEmpty()) {
      d.append("\nNone: nothing restricts treatment.\n");
    }
    Effect current = null;
    for (Reason reason : r.reasons()) {
      if (reason.effect() != current) {
        current = reason.effect();
        d.append("\n*").append(effectHeading(current)).append("*\n\n");
      }
      d.append("- **").append(md(reason.code())).append("**: ").append(md(reason.message()))
          .append(" Source: ").append(md(reason.source())).append(".");
      if (reason.deferredUntil() != null) {
        d.append(" Until ").append(reason.deferredUntil()).append('.');
      }
      Set<String> resources = new LinkedHashSet<>();
      Set<String> paths = new LinkedHashSet<>();
      for (Evidence e : reason.evidence()) {
        if (e.resource() != null) {
          resources.add(e.resource());
        } else {
          paths.add(e.path());
        }
      }
      if (!resources.isEmpty()) {
        d.append(" Rests on: ").append(resources.stream().map(Cards::md)
            .collect(Collectors.joining(", "))).append('.');
      } else if (!paths.isEmpty()) {
        d.append(" Rests on: ").append(paths.stream().map(Cards::md)
            .collect(Collectors.joining(", "))).append(" (no record entry: a default or a "
                + "missing fact).");
      }
      d.append('\n');
    }
    d.append("\n**Outstanding requirements**: ").append(r.outstandingRequirements().isEmpty()
        ? "none" : r.outstandingRequirements().stream().map(q -> words(q.name()))
            .collect(Collectors.joining(", "))).append(r.readyToBook() ? " (ready to book)" : "")
        .append("\n\n");
    d.append("**Earliest treatment date**: ").append(r.earliestTreatmentDate() != null
        ? r.earliestTreatmentDate().toString()
        : r.decision() == Effect.DEFERRED ? "not yet known (see the deferring reasons)"
        : "none until the reasons above are resolved").append("\n\n");
    d.append("**Insurance**: ").append(insurance(r.insurance())).append("\n\n");
    List<String> timing = new ArrayList<>();
    if (r.plannedUnits() != null) {
      timing.add(r.plannedUnits() + " units planned");
    }
    if (r.expectedOnsetDays() != null) {
      timing.add("onset in " + range(r.expectedOnsetDays()) + " days");
    }
    if (r.fullEffectDays() != null) {
      timing.add("full effect by day " + r.fullEffectDays());
    }
    if (r.expectedDurationMonths() != null) {
      timing.add("lasts " + range(r.expectedDurationMonths()) + " months");
    }
    if (r.maintenanceIntervalWeeks() != null) {
      timing.add("repeat every " + r.maintenanceIntervalWeeks() + " weeks");
    }
    if (!timing.isEmpty()) {
      d.append("**Timing**: ").append(String.join("; ", timing)).append("\n\n");
    }
    if (!r.sideEffects().isEmpty()) {
      d.append("**Side effects**: ").append(r.sideEffects().stream().map(Cards::md)
          .collect(Collectors.joining(", "))).append("\n\n");
    }
    d.append("*Decision support only: a physician makes the treatment decision.*\n");
    return d.toString();
  }

  private static String insurance(Insurance insurance) {
    return switch (insurance) {
      case LIKELY_COVERED -> "likely covered; covered treatment usually still needs prior "
          + "authorization from the payer";
      case CRITERIA_NOT_MET -> "the payer's criteria are not documented yet; document them "
          + "before asking for prior authorization";
      case UNLIKELY -> "unlikely to be covered (off-label use); prior authorization would be "
          + "needed and is rarely granted";
      case NOT_COVERED -> "not covered (cosmetic or not a recommended use)";
    };
  }

  private static String range(Range r) {
    return r.min() == r.max() ? String.valueOf(r.min()) : r.min() + "–" + r.max();
  }

  private static String words(String code) {
    return code.toLowerCase(Locale.ROOT).replace('_', ' ').replace("on label", "on-label")
        .replace("off label", "off-label");
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * Escapes text for GitHub Flavored Markdown: every ASCII punctuation character that Markdown
   * or HTML could read as syntax gets a backslash, and line breaks become spaces, so a value from
   * the record (a medication's name) can never become a link, an image, HTML or a new block.
   */
  static String md(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
        sb.append(' ');
      } else if ("\\`*_{}[]<>()#+!|~&\"".indexOf(c) >= 0) {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(' ');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
