package org.botoxeligibility.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The patient's record of a call (cds-hooks.md §3): the union of the draft orders and the
 * prefetch values, as one FHIR Bundle of type collection for the mapper. The draft orders come
 * first, so that their copy of a resource wins over a prefetched one (fhir-mapping.md §7).
 */
final class PatientRecord {
  private PatientRecord() {}

  /**
   * The prefetch keys the call does not answer: absent, or answered with an OperationOutcome
   * (the EHR's way of saying its prefetch failed). A key present with value null means "no data"
   * and is answered.
   *
   * @param call the call
   * @return the keys to fetch, in the discovery document's order
   */
  static List<String> missingKeys(HookCall call) {
    List<String> missing = new ArrayList<>();
    for (String key : Services.PREFETCH.keySet()) {
      JsonNode value = call.prefetch() == null ? null : call.prefetch().get(key);
      if (value == null || isOperationOutcome(value)) {
        missing.add(key);
      }
    }
    return missing;
  }

  private static boolean isOperationOutcome(JsonNode value) {
    return value.isObject() && "OperationOutcome".equals(value.path("resourceType").asText());
  }

  /**
   * The record as a Bundle's JSON.
   *
   * @param call the call
   * @param fetched what was fetched for the missing keys, by key
   * @return the Bundle, UTF-8 JSON
   */
  static byte[] bundle(HookCall call, Map<String, JsonNode> fetched) {
    ObjectNode bundle = JsonNodeFactory.instance.objectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "collection");
    ArrayNode entries = bundle.putArray("entry");
    addEntries(entries, call.draftOrders());
    for (String key : Services.PREFETCH.keySet()) {
      JsonNode value = fetched.containsKey(key) ? fetched.get(key)
          : call.prefetch() == null ? null : call.prefetch().get(key);
      if (value == null || value.isNull() || !value.isObject() || isOperationOutcome(value)) {
        continue;
      }
      if ("Bundle".equals(value.path("resourceType").asText())) {
        addEntries(entries, value);
      } else {
        entries.addObject().set("resource", value);
      }
    }
    try {
      return HookCall.JSON.writeValueAsBytes(bundle);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree read as JSON could not be written", e);
    }
  }

  /** A Bundle's entries, each as its fullUrl and resource (search and request data dropped). */
  private static void addEntries(ArrayNode entries, JsonNode bundle) {
    JsonNode list = bundle.get("entry");
    if (list == null || !list.isArray()) {
      return;
    }
    for (JsonNode entry : list) {
      JsonNode resource = entry.get("resource");
      if (resource == null || !resource.isObject()) {
        continue;
      }
      ObjectNode copy = entries.addObject();
      JsonNode fullUrl = entry.get("fullUrl");
      if (fullUrl != null && fullUrl.isTextual()) {
        copy.set("fullUrl", fullUrl);
      }
      copy.set("resource", resource);
    }
  }
}
