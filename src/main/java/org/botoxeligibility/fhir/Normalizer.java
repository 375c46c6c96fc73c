package org.botoxeligibility.fhir;

import ca.uhn.fhir.util.FhirTerser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;

/**
 * Records as real systems write them (docs/fhir-mapping.md §8): whitespace around the text of
 * code elements is dropped, and every system is read through the aliases of fhir-systems.tsv,
 * before the mapping reads a resource (a resource's JSON before HAPI FHIR parses it, or a copy of
 * a parsed one).
 */
final class Normalizer {
  private Normalizer() {}

  /**
   * The elements whose text is a code: whitespace around their value is dropped before HAPI reads
   * them (docs/fhir-mapping.md §8: Oracle Health's published examples carry a status with a
   * trailing space).
   */
  private static final Set<String> CODE_ELEMENTS = Set.of("status", "intent", "code", "system",
      "unit", "gender", "use", "priority", "actuality", "criticality", "type", "category",
      "mode");

  /**
   * Drops the whitespace around the text of code elements and reads every {@code system} through
   * the aliases, in place.
   */
  static void normalize(JsonNode node, UnaryOperator<String> systems) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<Map.Entry<String, String>> changes = new ArrayList<>();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        JsonNode v = f.getValue();
        if (v.isTextual() && CODE_ELEMENTS.contains(f.getKey())) {
          String text = v.asText().trim();
          if (f.getKey().equals("system")) {
            text = systems.apply(text);
          }
          if (!text.equals(v.asText())) {
            changes.add(Map.entry(f.getKey(), text));
          }
        } else if (v.isArray() && CODE_ELEMENTS.contains(f.getKey())) {
          ArrayNode array = (ArrayNode) v;
          for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isTextual()) {
              array.set(i, array.get(i).asText().trim());
            } else {
              normalize(array.get(i), systems);
            }
          }
        } else {
          normalize(v, systems);
        }
      }
      changes.forEach(c -> object.put(c.getKey(), c.getValue()));
    } else if (node instanceof ArrayNode array) {
      for (JsonNode child : array) {
        normalize(child, systems);
      }
    }
  }

  /** The same normalisation as {@link #normalize(JsonNode, UnaryOperator)}, on a parsed copy. */
  static void normalize(Resource r, UnaryOperator<String> systems) {
    FhirTerser terser = FhirRecord.context().newTerser();
    for (Coding c : terser.getAllPopulatedChildElementsOfType(r, Coding.class)) {
      if (c.hasSystem()) {
        c.setSystem(systems.apply(c.getSystem().trim()));
      }
      if (c.hasCode()) {
        c.setCode(c.getCode().trim());
      }
    }
    for (Quantity q : terser.getAllPopulatedChildElementsOfType(r, Quantity.class)) {
      if (q.hasSystem()) {
        q.setSystem(systems.apply(q.getSystem().trim()));
      }
      if (q.hasCode()) {
        q.setCode(q.getCode().trim());
      }
      if (q.hasUnit()) {
        q.setUnit(q.getUnit().trim());
      }
    }
  }
}
