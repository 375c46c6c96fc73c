package org.botoxeligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.botoxeligibility.testing.TestEngine;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of the example bundles (seeded, bounded): the mapper returns a Mapping, never
 * anything else; a valid mapping's intake is one the engine evaluates.
 */
class HostileBundleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] NAMES = {"resourceType", "id", "status", "code", "coding",
      "system", "value", "valueQuantity", "valueInteger", "valueBoolean", "reference", "subject",
      "birthDate", "gender", "effectiveDateTime", "effectivePeriod", "performedDateTime", "focus",
      "reasonCode", "reasonReference", "dosageInstruction", "doseAndRate", "doseQuantity",
      "site", "bodySite", "verificationStatus", "clinicalStatus", "intent", "entry", "resource",
      "fullUrl", "contained", "medicationReference", "suspectEntity", "reaction", "manifestation"};

  @Test
  void mutated_bundles_give_a_mapping_and_nothing_else() throws Exception {
    List<String> seeds = new ArrayList<>();
    for (Path p : FhirExamplesTest.files()) {
      seeds.add(Files.readString(p));
    }
    Random r = new Random(20261127);
    int valid = 0;
    for (int i = 0; i < 500; i++) {
      byte[] input = mutate(seeds.get(r.nextInt(seeds.size())), r);
      FhirIntakeMapper.Options options = r.nextInt(4) == 0
          ? FhirIntakeMapper.Options.screening() : FhirIntakeMapper.Options.orders();
      Mapping[] out = new Mapping[1];
      assertThatCode(() -> out[0] = Bundles.MAPPER.map(input, Bundles.TODAY, options))
          .as("input %d", i).doesNotThrowAnyException();
      Mapping m = out[0];
      assertThat(m).isNotNull();
      assertThat(m.outcome()).isNotNull();
      assertThat(m.valid()).isEqualTo(m.problems().isEmpty()
          && m.outcome() == Mapping.Outcome.MAPPED);
      if (m.valid()) {
        valid++;
        assertThatCode(() -> TestEngine.get().evaluate(m.intake())).doesNotThrowAnyException();
      }
    }
    assertThat(valid).isGreaterThan(20);
  }

  static byte[] mutate(String seed, Random r) throws Exception {
    int mode = r.nextInt(10);
    if (mode == 0) {
      byte[] b = seed.getBytes(StandardCharsets.UTF_8);
      return Arrays.copyOf(b, r.nextInt(b.length));
    }
    if (mode == 1) {
      byte[] b = new byte[r.nextInt(300)];
      r.nextBytes(b);
      return b;
    }
    JsonNode root = JSON.readTree(seed);
    for (int n = 1 + r.nextInt(4); n > 0; n--) {
      List<JsonNode> containers = new ArrayList<>();
      collect(root, containers);
      JsonNode target = containers.get(r.nextInt(containers.size()));
      if (target instanceof ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty() || r.nextInt(4) == 0) {
          o.set(NAMES[r.nextInt(NAMES.length)], value(r));
        } else {
          String name = names.get(r.nextInt(names.size()));
          switch (r.nextInt(3)) {
            case 0 -> o.remove(name);
            case 1 -> o.set(name + (r.nextBoolean() ? "x" : ""), o.remove(name));
            default -> o.set(name, value(r));
          }
        }
      } else if (target instanceof ArrayNode a && !a.isEmpty()) {
        switch (r.nextInt(3)) {
          case 0 -> a.remove(r.nextInt(a.size()));
          case 1 -> a.add(a.get(r.nextInt(a.size())).deepCopy());
          default -> a.set(r.nextInt(a.size()), value(r));
        }
      }
    }
    return JSON.writeValueAsBytes(root);
  }

  private static JsonNode value(Random r) {
    return switch (r.nextInt(12)) {
      case 0 -> NODES.textNode("x");
      case 1 -> NODES.numberNode(new int[] {-1, 0, 1, 18, 155, 401, 700, 100000}[r.nextInt(8)]);
      case 2 -> NODES.numberNode(17.5);
      case 3 -> NODES.booleanNode(r.nextBoolean());
      case 4 -> NODES.nullNode();
      case 5 -> NODES.arrayNode();
      case 6 -> NODES.objectNode();
      case 7 -> NODES.textNode(new String[] {"2026-11-28", "2026-02-30", "1980", "2026-11",
          "2026-11-27T10:00:00+14:00", "1899-12-31"}[r.nextInt(6)]);
      case 8 -> NODES.textNode(new String[] {"Patient/p2", "#x", "urn:uuid:1", "Condition/",
          "Observation/wt-1", "http://x/Condition/cond-migraine/_history/2"}[r.nextInt(6)]);
      case 9 -> NODES.textNode(new String[] {"active", "draft", "refuted", "entered-in-error",
          "final", "G43.709", "J0586", "[lb_av]", "stone", "Bundle", "Frobnicate"}[r.nextInt(11)]);
      case 10 -> NODES.objectNode().put("resourceType", new String[] {"Patient", "Observation",
          "Condition", "MedicationRequest", "Unknown"}[r.nextInt(5)]).put("id", "m" + r.nextInt(9));
      default -> NODES.textNode("\u0000\uD800 é " + r.nextInt(1000));
    };
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      if (node.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
          collect(it.next().getValue(), out);
        }
      } else {
        node.forEach(c -> collect(c, out));
      }
    }
  }
}
