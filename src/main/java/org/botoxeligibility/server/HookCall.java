package org.botoxeligibility.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A CDS Hooks 2.0 call as the service reads it (cds-hooks.md §3): the hook, its instance, the draft
 * orders, the selection (order-select), the prefetch, and where to fetch the rest. Parsing checks
 * what makes a call a 400; what the FHIR resources say is the mapping's business.
 *
 * @param hook the hook
 * @param hookInstance the call's id; it fits an intake id once prefixed with {@code cds-}
 * @param draftOrders the {@code context.draftOrders} Bundle
 * @param selections order-select's {@code context.selections}, each as given ({@code Type/id}) and
 *     as its id part; null for order-sign
 * @param prefetch the {@code prefetch} object; null when absent
 * @param patientId {@code context.patientId}, or null
 * @param fhirServer {@code fhirServer}, or null
 * @param accessToken {@code fhirAuthorization.access_token}, or null; never logged or stored
 */
record HookCall(String hook, String hookInstance, ObjectNode draftOrders, Set<String> selections,
    ObjectNode prefetch, String patientId, String fhirServer, String accessToken) {

  /** A hookInstance that makes a valid intake id as {@code cds-<hookInstance>}. */
  private static final Pattern HOOK_INSTANCE = Pattern.compile("[A-Za-z0-9._-]{1,60}");

  /** How deep a request body's JSON may nest. */
  static final int MAX_DEPTH = 64;
  /** How many digits a number of a request body may have. */
  static final int MAX_NUMBER_LENGTH = 100;

  /** The JSON reader of request bodies: no duplicate keys, bounded depth and sizes. */
  static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_DEPTH)
              .maxNumberLength(MAX_NUMBER_LENGTH)
              .maxStringLength(CdsServer.MAX_BODY_BYTES)
              .build())
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** Keeps the token out of any string made of this record. */
  @Override
  public String toString() {
    return "HookCall[hook=" + hook + ", hookInstance=" + hookInstance + "]";
  }

  /**
   * Reads a body as JSON.
   *
   * @param body the bytes
   * @return the tree
   * @throws CallRefused 400 when it is not one JSON value
   */
  static JsonNode readTree(byte[] body) throws CallRefused {
    try (JsonParser parser = JSON.createParser(body)) {
      JsonNode root = JSON.readTree(parser);
      if (root == null) {
        throw bad("the request body is empty; expected a JSON object");
      }
      if (parser.nextToken() != null) {
        throw bad("the request body holds more than one JSON value");
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw bad("the request body breaks a limit of this service: " + limit(e));
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      throw bad("the request body is not valid JSON" + (at == null ? "" : " (line "
          + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (java.io.IOException e) {
      throw bad("the request body could not be read");
    }
  }

  /** Which limit a body broke, in the service's words (Jackson's text is not passed on). */
  private static String limit(StreamConstraintsException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("nesting depth")) {
      return "JSON nested deeper than " + MAX_DEPTH + " levels";
    }
    if (m.contains("Number value length")) {
      return "a number longer than " + MAX_NUMBER_LENGTH + " digits";
    }
    if (m.contains("String value length") || m.contains("Name length")) {
      return "a string longer than " + CdsServer.MAX_BODY_BYTES + " characters";
    }
    return "a JSON value too large to read";
  }

  /**
   * Parses a call to a service.
   *
   * @param body the request body
   * @param service the service called
   * @return the call
   * @throws CallRefused 400 naming what is wrong
   */
  static HookCall parse(byte[] body, Services.Service service) throws CallRefused {
    JsonNode root = readTree(body);
    if (!root.isObject()) {
      throw bad("the request body must be a JSON object");
    }
    JsonNode hook = root.get("hook");
    if (hook == null || !hook.isTextual()) {
      throw bad("hook: missing; expected \"" + service.hook() + "\"");
    }
    if (!hook.asText().equals(service.hook())) {
      throw bad("hook: service " + service.id() + " answers the hook \"" + service.hook()
          + "\" only");
    }
    JsonNode instance = root.get("hookInstance");
    if (instance == null || !instance.isTextual()) {
      throw bad("hookInstance: missing; expected the call's UUID");
    }
    if (!HOOK_INSTANCE.matcher(instance.asText()).matches()) {
      throw bad("hookInstance: expected a UUID (1 to 60 characters of A-Z a-z 0-9 . _ -)");
    }
    JsonNode context = root.get("context");
    if (context == null || !context.isObject()) {
      throw bad("context: missing; expected an object");
    }
    JsonNode draftOrders = context.get("draftOrders");
    if (draftOrders == null || !draftOrders.isObject()
        || !"Bundle".equals(draftOrders.path("resourceType").asText())) {
      throw bad("context.draftOrders: missing; expected a FHIR Bundle of the draft orders");
    }
    Set<String> selections = null;
    if (service.hook().equals("order-select")) {
      JsonNode sel = context.get("selections");
      if (sel == null || !sel.isArray()) {
        throw bad("context.selections: missing; expected an array of order references");
      }
      Set<String> ids = new LinkedHashSet<>();
      for (JsonNode s : sel) {
        if (!s.isTextual() || s.asText().isEmpty()) {
          throw bad("context.selections: expected strings such as \"MedicationRequest/123\"");
        }
        ids.addAll(selectionForms(s.asText()));
      }
      selections = Collections.unmodifiableSet(ids);
    }
    JsonNode prefetch = root.get("prefetch");
    if (prefetch != null && !prefetch.isNull()) {
      if (!prefetch.isObject()) {
        throw bad("prefetch: expected an object of prefetch keys");
      }
      for (String key : Services.PREFETCH.keySet()) {
        JsonNode value = prefetch.get(key);
        if (value != null && !value.isNull() && !value.isObject()) {
          throw bad("prefetch." + key + ": expected a FHIR resource, a Bundle or null");
        }
      }
    }
    JsonNode server = root.get("fhirServer");
    if (server != null && !server.isNull() && !server.isTextual()) {
      throw bad("fhirServer: expected the FHIR server's base URL as a string");
    }
    JsonNode authorization = root.get("fhirAuthorization");
    String token = null;
    if (authorization != null && !authorization.isNull()) {
      JsonNode t = authorization.get("access_token");
      if (!authorization.isObject() || t == null || !t.isTextual()) {
        throw bad("fhirAuthorization: expected an object with an access_token");
      }
      token = t.asText();
    }
    JsonNode patient = context.get("patientId");
    return new HookCall(service.hook(), instance.asText(), (ObjectNode) draftOrders, selections,
        prefetch != null && prefetch.isObject() ? (ObjectNode) prefetch : null,
        patient != null && patient.isTextual() ? patient.asText() : null,
        server != null && server.isTextual() ? server.asText() : null, token);
  }

  /**
   * A selection as given and as the id part of its reference ({@code MedicationRequest/103} and
   * {@code 103}; a base URL and a {@code _history} version are dropped), so the mapper matches
   * either form.
   */
  static List<String> selectionForms(String reference) {
    List<String> forms = new ArrayList<>(3);
    forms.add(reference);
    String r = reference;
    int history = r.indexOf("/_history/");
    if (history >= 0) {
      r = r.substring(0, history);
    }
    String[] parts = r.split("/");
    if (parts.length >= 2) {
      String typeAndId = parts[parts.length - 2] + "/" + parts[parts.length - 1];
      if (!typeAndId.equals(reference)) {
        forms.add(typeAndId);
      }
      forms.add(parts[parts.length - 1]);
    }
    return forms;
  }

  /** Whether the intake's order-select selection is this call's (order-sign: every order). */
  boolean selects() {
    return selections != null;
  }

  static CallRefused bad(String message) {
    return new CallRefused(400, "invalid", message);
  }
}
