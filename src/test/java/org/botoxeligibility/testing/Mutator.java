package org.botoxeligibility.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Hostile variants of valid intakes, for fuzzing: fields dropped, renamed or duplicated, types
 * swapped, values at and beyond every bound, huge arrays and strings, deep nesting, NaN and huge
 * numbers, a byte-order mark, trailing content, truncation, or arbitrary bytes. The choices come
 * from a {@link Choices} source: a fuzzer's data or a seeded random.
 */
public final class Mutator {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Where the mutator takes its decisions from. */
  public interface Choices {
    /** A number from 0 (inclusive) to bound (exclusive). */
    int pick(int bound);

    /** Some bytes, at most max. */
    byte[] bytes(int max);

    /** The choices a coverage-guided fuzzer (Jazzer) makes. */
    static Choices of(com.code_intelligence.jazzer.api.FuzzedDataProvider data) {
      return new Choices() {
        @Override
        public int pick(int bound) {
          return data.consumeInt(0, bound - 1);
        }

        @Override
        public byte[] bytes(int max) {
          return data.consumeBytes(max);
        }
      };
    }
  }

  private static final String[] FIELDS = {
    "intakeId", "assessmentDate", "patient", "ageYears", "birthDate", "sex", "pregnant",
    "breastfeeding", "weightKg", "concerns", "id", "condition", "icd10", "sites",
    "headacheDaysPerMonth", "migraineDaysPerMonth", "headacheHoursPerDay", "monthsWithSymptoms",
    "priorTherapiesFailed", "secondaryCauseExcluded", "plannedUnits", "medicalHistory",
    "conditions", "allergies", "medications", "name", "drugClass", "infectionSites",
    "treatmentHistory", "date", "product", "units", "response", "adverseReactions", "workflow",
    "medicalExaminationCompleted", "diagnosisConfirmed", "prescriptionIssued"
  };

  /** Mutated inputs stay below this size: large enough to pass the reader's 1 MiB limit. */
  static final int MAX_CHARS = 2_000_000;

  private Mutator() {}

  /** One hostile input derived from a seed intake (JSON text). */
  public static byte[] mutate(String seed, Choices c) {
    int mode = c.pick(12);
    if (mode == 0) {
      return c.bytes(400);
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(seed);
    } catch (Exception e) {
      return seed.getBytes(StandardCharsets.UTF_8);
    }
    int rounds = 1 + c.pick(3);
    String text = tree.toString();
    for (int i = 0; i < rounds; i++) {
      tree = mutateTree(tree, c, text.length());
      text = tree.toString();
    }
    return switch (mode) {
      case 1 -> truncate(text, c);
      case 2 -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
      case 3 -> (text + new String[] {"{}", "x", "]", " {\"a\":1}", "\n{}"}[c.pick(5)])
          .getBytes(StandardCharsets.UTF_8);
      case 4 -> duplicateKey(text, c).getBytes(StandardCharsets.UTF_8);
      case 5 -> text.replaceFirst("(:\\s*)-?\\d+(\\.\\d+)?", "$1"
          + new String[] {"NaN", "Infinity", "-Infinity", "1e400", "0x10", "01", "+1"}[c.pick(7)])
          .getBytes(StandardCharsets.UTF_8);
      default -> text.getBytes(StandardCharsets.UTF_8);
    };
  }

  private static byte[] truncate(String text, Choices c) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.copyOf(b, c.pick(Math.max(1, b.length)));
  }

  private static String duplicateKey(String text, Choices c) {
    String field = FIELDS[c.pick(FIELDS.length)];
    String value = new String[] {"true", "false", "null", "1", "\"x\"", "{}", "[]"}[c.pick(7)];
    int at = text.indexOf("\"" + field + "\"");
    if (at < 0) {
      return text.replaceFirst("\\{", "{\"intakeId\":\"DUP\",");
    }
    return text.substring(0, at) + "\"" + field + "\":" + value + "," + text.substring(at);
  }

  private static JsonNode mutateTree(JsonNode root, Choices c, int size) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(c.pick(containers.size()));
    if (target instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      int op = c.pick(4);
      if (names.isEmpty() || op == 0) {
        o.set(FIELDS[c.pick(FIELDS.length)], value(c));
      } else {
        String name = names.get(c.pick(names.size()));
        switch (op) {
          case 1 -> o.remove(name);
          case 2 -> {
            JsonNode v = o.remove(name);
            o.set(rename(name, c), v);
          }
          default -> o.set(name, value(c));
        }
      }
    } else if (target instanceof ArrayNode a) {
      switch (c.pick(4)) {
        case 0 -> a.add(value(c));
        case 1 -> {
          if (!a.isEmpty()) {
            a.remove(c.pick(a.size()));
          }
        }
        case 2 -> {
          if (!a.isEmpty()) {
            JsonNode copy = a.get(c.pick(a.size()));
            int each = copy.toString().length() + 1;
            int wanted = c.pick(3) == 0 ? 5000 : 25;
            int room = Math.max(0, (MAX_CHARS - size) / each);
            for (int i = Math.min(wanted, room); i > 0; i--) {
              a.add(copy.deepCopy());
            }
          }
        }
        default -> {
          if (!a.isEmpty()) {
            a.set(c.pick(a.size()), value(c));
          }
        }
      }
    }
    return root;
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      if (node.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          collect(fields.next().getValue(), out);
        }
      } else {
        for (JsonNode child : node) {
          collect(child, out);
        }
      }
    }
  }

  private static String rename(String name, Choices c) {
    return switch (c.pick(4)) {
      case 0 -> name.substring(0, Math.max(0, name.length() - 1));
      case 1 -> name + "s";
      case 2 -> name.toUpperCase();
      default -> name.length() > 2
          ? name.charAt(1) + String.valueOf(name.charAt(0)) + name.substring(2) : name + "x";
    };
  }

  /** A value at or beyond a bound, of the wrong type, huge, or deeply nested. */
  private static JsonNode value(Choices c) {
    switch (c.pick(16)) {
      case 0: return NODES.textNode("x");
      case 1: return NODES.numberNode(new int[] {-1, 0, 1, 12, 14, 15, 31, 32, 55, 84, 120,
          121, 400, 401, 600, 601, 1000, 1001}[c.pick(18)]);
      case 2: return NODES.numberNode(41.5);
      case 3: return NODES.booleanNode(c.pick(2) == 0);
      case 4: return NODES.nullNode();
      case 5: return NODES.arrayNode();
      case 6: return NODES.objectNode();
      case 7: return NODES.textNode("x".repeat(c.pick(2) == 0 ? 10_001 : 200));
      case 8: {
        JsonNode deep = NODES.arrayNode();
        for (int i = 0; i < 40; i++) {
          deep = NODES.arrayNode().add(deep);
        }
        return deep;
      }
      case 9: return NODES.numberNode(new java.math.BigInteger("9".repeat(30)));
      case 10: return NODES.textNode(new String[] {"2026-02-30", "2030-01-01", "1900-01-01",
          "27/11/2026", "2026-11-27", "2026-11-28"}[c.pick(6)]);
      case 11: return NODES.textNode(new String[] {"FEMALE", "MALE", "CHRONIC_MIGRAINE",
          "MIGRAINE", "EXCESSIVE_SWEATING", "AXILLA", "NECK", "GENTAMICIN", "gentamicin",
          "ONABOTULINUMTOXINA", "NONE", "ALLERGIC_REACTION", "G43.709", "G43", "Z99.9"}[c.pick(15)]);
      case 12: return NODES.numberNode(Double.MAX_VALUE);
      case 13: return NODES.numberNode(-0.0);
      case 14: {
        ArrayNode a = NODES.arrayNode();
        for (int i = c.pick(30); i > 0; i--) {
          a.add(NODES.textNode(new String[] {"AXILLA", "PALM", "SOLE", "NECK", "FOREHEAD"}[c.pick(5)]));
        }
        return a;
      }
      default: return NODES.textNode("\u0000\uD800 é ☃ " + c.pick(1000));
    }
  }
}
