package org.botoxeligibility.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where a server says it left something out of a record (docs/fhir-mapping.md §8): an
 * OperationOutcome entry of a searchset with a warning or an error, a batch or transaction
 * response entry that is not a success, a searchset with a next page. Read from the bundle's
 * JSON, before and whatever HAPI FHIR makes of its resources.
 */
final class IncompleteRecord {
  private IncompleteRecord() {}

  /** A searchset with a next page holds only the first page of the record. */
  static void nextPage(JsonNode root, List<Mapping.Note> out) {
    JsonNode links = root.get("link");
    if (links == null || !links.isArray()) {
      return;
    }
    for (JsonNode link : links) {
      JsonNode relation = link.get("relation");
      if (relation != null && relation.isTextual() && relation.asText().trim().equals("next")) {
        out.add(new Mapping.Note(Mapping.Note.Kind.INCOMPLETE_RECORD, "Bundle.link",
            "the bundle has a next page that was not read: the record may be incomplete"));
        return;
      }
    }
  }

  /**
   * Whether an entry says the server left something out: an OperationOutcome of a searchset
   * (search.mode outcome) with an issue of severity warning, error or fatal; or a batch or
   * transaction response whose status is not a success (2xx).
   */
  static Mapping.Note leftOut(String at, JsonNode entry, JsonNode resource) {
    JsonNode response = entry.get("response");
    if (response != null && response.isObject()) {
      JsonNode status = response.get("status");
      String code = status != null && status.isTextual() ? status.asText().trim() : "";
      if (!code.startsWith("2")) {
        String why = diagnostics(response.get("outcome"), false);
        return new Mapping.Note(Mapping.Note.Kind.INCOMPLETE_RECORD, at + ".response",
            "the server answered " + (code.isEmpty() ? "no status" : FhirRecord.quote(code))
            + " for this entry" + (why == null ? "" : " (" + why + ")")
            + ": the record may be incomplete");
      }
    }
    JsonNode search = entry.get("search");
    JsonNode mode = search == null ? null : search.get("mode");
    boolean outcome = mode != null && mode.isTextual() && mode.asText().trim().equals("outcome");
    JsonNode type = resource == null ? null : resource.get("resourceType");
    if (outcome && type != null && type.isTextual()
        && type.asText().equals("OperationOutcome")) {
      String why = diagnostics(resource, true);
      if (why != null) {
        return new Mapping.Note(Mapping.Note.Kind.INCOMPLETE_RECORD, at,
            "the server says " + why + ": the record may be incomplete");
      }
    }
    return null;
  }

  /**
   * The diagnostics of an OperationOutcome's first issue that is a warning, error or fatal (its
   * diagnostics, else details.text, else its code); null when it has no such issue. With {@code
   * seriousOnly} false, any issue counts.
   */
  private static String diagnostics(JsonNode outcome, boolean seriousOnly) {
    if (outcome == null || !outcome.isObject()) {
      return null;
    }
    JsonNode issues = outcome.get("issue");
    if (issues == null || !issues.isArray()) {
      return null;
    }
    for (JsonNode issue : issues) {
      String severity = issue.path("severity").asText("").trim();
      if (seriousOnly && !severity.equals("warning") && !severity.equals("error")
          && !severity.equals("fatal")) {
        continue;
      }
      String text = issue.path("diagnostics").asText("").trim();
      if (text.isEmpty()) {
        text = issue.path("details").path("text").asText("").trim();
      }
      if (text.isEmpty()) {
        text = issue.path("code").asText("").trim();
      }
      String shown = text.isEmpty() ? "an issue" : FhirRecord.quote(text.replaceAll("\\s+", " "));
      return (severity.isEmpty() ? "" : severity + " ") + shown;
    }
    return null;
  }
}
