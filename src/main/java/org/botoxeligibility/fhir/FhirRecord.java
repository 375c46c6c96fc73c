package org.botoxeligibility.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.botoxeligibility.assessment.Problem;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A patient's record as the mapping reads it: the bundle's entries, each resource parsed by HAPI
 * on its own (so that a resource the mapping does not use, even of a type R4 does not know, can
 * never spoil the others), with what HAPI could not read in it, and the references between them.
 */
final class FhirRecord {
  /** The largest bundle read: a patient's record with documents attached can be large. */
  static final int MAX_BYTES = 32 << 20;
  /** The deepest nesting of JSON arrays and objects read. */
  static final int MAX_DEPTH = 100;

  /** The resource types whose every instance the mapping reads (or could read). */
  static final Set<String> TYPES = Set.of("Patient", "Condition", "AllergyIntolerance",
      "Observation", "MedicationStatement", "MedicationRequest", "Medication", "ServiceRequest",
      "Procedure", "MedicationAdministration", "MedicationDispense", "Encounter", "AdverseEvent");

  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxDocumentLength(MAX_BYTES)
          .maxStringLength(MAX_BYTES)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build());

  /** The one FHIR context of the process, created when the first bundle is mapped. */
  private static final class Context {
    static final FhirContext R4 = FhirContext.forR4();
  }

  static FhirContext context() {
    return Context.R4;
  }

  /** What HAPI could not read in a resource: the element (FHIRPath, from the resource) and why. */
  record ReadError(String element, String message) {}

  /** One entry of the bundle with a resource the mapping may read. */
  static final class Entry {
    final int index;
    final String fullUrl;
    final Resource resource;
    final String type;
    final String id;
    /** How problems and provenance name the resource: {@code Type/id}. */
    final String name;
    final List<ReadError> errors;

    Entry(int index, String fullUrl, Resource resource, String type, String id,
        List<ReadError> errors) {
      this.index = index;
      this.fullUrl = fullUrl;
      this.resource = resource;
      this.type = type;
      this.id = id;
      this.name = id != null ? type + "/" + id
          : fullUrl != null && fullUrl.startsWith("urn:") ? type + "/" + fullUrl
          : fullUrl != null ? fullUrl : "Bundle.entry[" + index + "].resource";
      this.errors = List.copyOf(errors);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  final String bundleId;
  final List<Entry> entries;
  /** Problems of the bundle as a whole; when any, nothing else is read. */
  final List<Problem> fatal;
  /** Where the server said it left something out (docs/fhir-mapping.md §8). */
  final List<Mapping.Note> incomplete;
  private final Bundle bundle;
  private final Map<String, Entry> byKey = new HashMap<>();

  private FhirRecord(String bundleId, List<Entry> entries, List<Problem> fatal, Bundle bundle,
      List<Mapping.Note> incomplete) {
    this.bundleId = bundleId;
    this.fatal = List.copyOf(fatal);
    this.incomplete = List.copyOf(incomplete);
    this.bundle = bundle;
    List<Entry> kept = new ArrayList<>();
    for (Entry e : entries) {
      if (e.id != null && byKey.containsKey(e.type + "/" + e.id)) {
        continue;
      }
      kept.add(e);
      if (e.id != null) {
        byKey.put(e.type + "/" + e.id, e);
      }
      if (e.fullUrl != null) {
        byKey.putIfAbsent("url:" + stripHistory(e.fullUrl), e);
      }
    }
    this.entries = List.copyOf(kept);
  }

  private static FhirRecord fail(String path, String message) {
    return new FhirRecord(null, List.of(), List.of(new Problem(path, message)), null, List.of());
  }

  /** Reads a bundle's JSON with no system aliases. */
  static FhirRecord parse(byte[] json) {
    return parse(json, UnaryOperator.identity());
  }

  /**
   * Reads a bundle's JSON: checks the envelope, then parses each entry's resource with HAPI,
   * after dropping the whitespace around codes and reading each system through the aliases.
   */
  static FhirRecord parse(byte[] json, UnaryOperator<String> systems) {
    if (json == null || json.length == 0) {
      return fail("Bundle", "there is nothing to read: a FHIR R4 Bundle (JSON) was expected");
    }
    if (json.length > MAX_BYTES) {
      return fail("Bundle", "the bundle is larger than the limit of " + MAX_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return fail("Bundle", "is not JSON that can be read: "
          + String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " "));
    } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
      return fail("Bundle", "is not JSON that can be read");
    }
    if (root == null || !root.isObject()) {
      return fail("Bundle", "must be a JSON object with \"resourceType\": \"Bundle\"");
    }
    JsonNode type = root.get("resourceType");
    if (type == null || !type.isTextual() || !type.asText().equals("Bundle")) {
      return fail("Bundle", "is not a FHIR Bundle: \"resourceType\" must be \"Bundle\", was "
          + (type == null ? "absent" : quote(type.isTextual() ? type.asText() : type.toString())));
    }
    FhirContext ctx = context();
    List<Problem> fatal = new ArrayList<>();
    JsonNode entryNode = root.get("entry");
    List<Entry> entries = new ArrayList<>();
    List<Mapping.Note> incomplete = new ArrayList<>();
    IncompleteRecord.nextPage(root, incomplete);
    if (entryNode != null && !entryNode.isArray() && !entryNode.isNull()) {
      fatal.add(new Problem("Bundle.entry", "must be an array of entries"));
    } else if (entryNode != null && entryNode.isArray()) {
      for (int i = 0; i < entryNode.size(); i++) {
        String at = "Bundle.entry[" + i + "]";
        JsonNode e = entryNode.get(i);
        if (!e.isObject()) {
          fatal.add(new Problem(at, "must be an object"));
          continue;
        }
        JsonNode full = e.get("fullUrl");
        String fullUrl = full != null && full.isTextual() && !full.asText().isBlank()
            ? full.asText().trim() : null;
        JsonNode res = e.get("resource");
        Mapping.Note left = IncompleteRecord.leftOut(at, e, res);
        if (left != null) {
          incomplete.add(left);
        }
        if (res == null || res.isNull()) {
          continue;
        }
        JsonNode rt = res.get("resourceType");
        if (!res.isObject() || rt == null || !rt.isTextual()) {
          fatal.add(new Problem(at + ".resource", "is not a resource: an object with a "
              + "\"resourceType\" was expected"));
          continue;
        }
        String rtype = rt.asText();
        if (!TYPES.contains(rtype)) {
          continue;
        }
        JsonNode idNode = res.get("id");
        String rawId = idNode != null && idNode.isTextual() ? idNode.asText() : null;
        Normalizer.normalize(res, systems);
        Collector errors = new Collector(res);
        Resource resource = null;
        try {
          IParser parser = ctx.newJsonParser();
          parser.setParserErrorHandler(errors);
          IBaseResource parsed = parser.parseResource(JSON.writeValueAsString(res));
          if (parsed instanceof Resource r) {
            resource = r;
          }
        } catch (JsonProcessingException | RuntimeException | StackOverflowError ex) {
          errors.errors.add(new ReadError("", "HAPI FHIR cannot read it as an R4 " + rtype
              + (ex instanceof DataFormatException ? ": " + hapiMessage(ex.getMessage()) : "")));
        }
        String id = resource != null && resource.getIdElement().hasIdPart()
            ? resource.getIdElement().getIdPart() : rawId;
        entries.add(new Entry(i, fullUrl, resource, rtype, blankToNull(id), errors.errors));
      }
    }
    JsonNode idNode = root.get("id");
    String bundleId = idNode != null && idNode.isTextual() ? idNode.asText() : null;
    Bundle bundle = shell((ObjectNode) root, ctx);
    for (Entry e : entries) {
      if (e.resource != null) {
        bundle.addEntry().setFullUrl(e.fullUrl).setResource(e.resource);
      }
    }
    return new FhirRecord(bundleId, entries, fatal, bundle, incomplete);
  }

  /** The bundle without its entries, as HAPI reads it (leniently: only its id matters here). */
  private static Bundle shell(ObjectNode root, FhirContext ctx) {
    ObjectNode copy = root.deepCopy();
    copy.remove("entry");
    try {
      IParser parser = ctx.newJsonParser();
      parser.setParserErrorHandler(new Collector(copy));
      return parser.parseResource(Bundle.class, JSON.writeValueAsString(copy));
    } catch (JsonProcessingException | RuntimeException | StackOverflowError e) {
      return new Bundle();
    }
  }

  /** A bundle parsed by the caller, with no system aliases. */
  static FhirRecord of(Bundle bundle) {
    return of(bundle, UnaryOperator.identity());
  }

  /**
   * A bundle parsed by the caller: copies of its resources (the caller's are never changed), with
   * the whitespace around codes dropped and every system read through the aliases; no read errors
   * to report.
   */
  static FhirRecord of(Bundle bundle, UnaryOperator<String> systems) {
    if (bundle == null) {
      return fail("Bundle", "there is no bundle to read");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      Bundle.BundleEntryComponent e = bundle.getEntry().get(i);
      Resource original = e.getResource();
      if (original == null || !TYPES.contains(original.fhirType())) {
        continue;
      }
      String fullUrl = e.hasFullUrl() ? e.getFullUrl().trim() : null;
      String id = logicalId(original.getIdElement(), fullUrl);
      Resource r = original.copy();
      Normalizer.normalize(r, systems);
      entries.add(new Entry(i, fullUrl, r, r.fhirType(), id, List.of()));
    }
    String id = bundle.getIdElement().hasIdPart() ? bundle.getIdElement().getIdPart() : null;
    List<Mapping.Note> incomplete = new ArrayList<>();
    try {
      // the same reading as for JSON: the caller's bundle is read, never changed
      JsonNode root = JSON.readTree(context().newJsonParser().encodeResourceToString(bundle));
      IncompleteRecord.nextPage(root, incomplete);
      JsonNode entryNode = root.path("entry");
      for (int i = 0; i < entryNode.size(); i++) {
        Mapping.Note left = IncompleteRecord.leftOut("Bundle.entry[" + i + "]", entryNode.get(i),
            entryNode.get(i).get("resource"));
        if (left != null) {
          incomplete.add(left);
        }
      }
    } catch (JsonProcessingException | RuntimeException e) {
      // a bundle HAPI cannot encode has no readable outcome entries either
    }
    return new FhirRecord(id, entries, List.of(), bundle, incomplete);
  }

  /**
   * The logical id of a resource parsed by a HAPI parser that may have replaced it by the entry's
   * full URL: the id part of an absolute URL; for a {@code urn:uuid:} the parser gave, none.
   */
  private static String logicalId(IdType id, String fullUrl) {
    if (id == null || id.isEmpty() || !id.hasIdPart()) {
      return null;
    }
    String value = id.getValue();
    if (value != null && value.startsWith("urn:")) {
      return fullUrl != null && fullUrl.equals(value) ? null : blankToNull(id.getIdPart());
    }
    return blankToNull(id.getIdPart());
  }

  /** The SHA-256 of HAPI's JSON encoding of the bundle, in hex. */
  String hash() {
    String encoded = context().newJsonParser().encodeResourceToString(bundle);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(encoded.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * Resolves a reference by the entry's full URL or by {@code Type/id}, ignoring the base URL and
   * any {@code _history}; a {@code #id} reference resolves among the resource's contained ones.
   *
   * @return the entry, or null
   */
  Entry resolve(Reference ref, Entry from) {
    if (ref == null || !ref.hasReference()) {
      return null;
    }
    String value = ref.getReference().trim();
    if (value.startsWith("#")) {
      if (from == null || !(from.resource instanceof DomainResource domain)) {
        return null;
      }
      String wanted = value.substring(1);
      for (Resource c : domain.getContained()) {
        String cid = c.getIdElement().getIdPart();
        if (cid != null && cid.replaceFirst("^#", "").equals(wanted)) {
          return new Entry(from.index, null, c, c.fhirType(), from.id + "#" + wanted, List.of());
        }
      }
      return null;
    }
    Entry e = byKey.get("url:" + stripHistory(value));
    if (e != null) {
      return e;
    }
    String key = typeAndId(value);
    return key == null ? null : byKey.get(key);
  }

  /** {@code Type/id} of a reference string, ignoring base URL and version; null when none. */
  static String typeAndId(String reference) {
    if (reference == null || reference.startsWith("urn:") || reference.startsWith("#")) {
      return null;
    }
    String[] parts = stripHistory(reference).split("/");
    if (parts.length < 2) {
      return null;
    }
    String type = parts[parts.length - 2];
    String id = parts[parts.length - 1];
    if (type.isEmpty() || id.isEmpty() || id.contains("?")) {
      return null;
    }
    return type + "/" + id;
  }

  private static String stripHistory(String url) {
    int h = url.indexOf("/_history");
    return h >= 0 ? url.substring(0, h) : url;
  }

  static String quote(String s) {
    String shown = s.length() > 60 ? s.substring(0, 60) + "…" : s;
    return "\"" + shown + "\"";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String hapiMessage(String message) {
    if (message == null) {
      return "no reason given";
    }
    String m = message.replaceFirst("^HAPI-\\d+: ", "").replaceAll("\\s+", " ");
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  /**
   * Collects what HAPI could not read in one resource, locating each element in the resource's
   * JSON (HAPI names only the element). Never logs.
   */
  private static final class Collector implements IParserErrorHandler {
    final JsonNode resource;
    final List<ReadError> errors = new ArrayList<>();

    Collector(JsonNode resource) {
      this.resource = resource;
    }

    private void add(String name, String value, String message) {
      errors.add(new ReadError(locate(resource, name, value), message));
    }

    @Override
    public void unknownElement(IParseLocation location, String name) {
      add(name, null, "is not an element of this resource in FHIR R4 (a misspelt element could "
          + "hide a fact, so a resource the mapping reads must be read whole)");
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
      String element = location == null ? null : location.getParentElementName();
      add(element, value, "cannot be read: " + (value == null ? "no value" : quote(value))
          + " (" + hapiMessage(error) + ")");
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String element,
        BaseJsonLikeValue.ValueType expected, BaseJsonLikeValue.ScalarType expectedScalar,
        BaseJsonLikeValue.ValueType found, BaseJsonLikeValue.ScalarType foundScalar) {
      add(element, null, "must be a JSON " + kind(expected, expectedScalar) + ", was a "
          + kind(found, foundScalar));
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String element) {
      add(element, null, "must not repeat: the element takes one value");
    }

    @Override
    public void containedResourceWithNoId(IParseLocation location) {}

    @Override
    public void missingRequiredElement(IParseLocation location, String element) {}

    @Override
    public void unknownAttribute(IParseLocation location, String name) {}

    @Override
    public void unknownReference(IParseLocation location, String reference) {}

    @Override
    public void invalidInternalReference(IParseLocation location, String reference) {}

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation location) {}

    private static String kind(BaseJsonLikeValue.ValueType type,
        BaseJsonLikeValue.ScalarType scalar) {
      if (type == null) {
        return "value";
      }
      if (type == BaseJsonLikeValue.ValueType.SCALAR && scalar != null) {
        return scalar.name().toLowerCase(Locale.ROOT);
      }
      return type.name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The FHIRPath of the first element named {@code name} (with the text {@code value}, when
   * given) inside a resource's JSON, such as {@code valueQuantity.value}; the name alone when it
   * is not found.
   */
  static String locate(JsonNode root, String name, String value) {
    if (name == null || name.isEmpty()) {
      return "";
    }
    String found = search(root, name, value, "");
    if (found == null && value != null) {
      found = search(root, name, null, "");
    }
    return found != null ? found : name;
  }

  private static String search(JsonNode node, String name, String value, String path) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
        if (f.getKey().equals(name) && (value == null || (f.getValue().isValueNode()
            && f.getValue().asText().equals(value)))) {
          return p;
        }
        String inner = search(f.getValue(), name, value, p);
        if (inner != null) {
          return inner;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode child = node.get(i);
        if (value != null && child.isValueNode() && child.asText().equals(value)
            && path.endsWith(name)) {
          return path + "[" + i + "]";
        }
        String inner = search(child, name, value, path + "[" + i + "]");
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }
}
