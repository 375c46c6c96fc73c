package org.botoxeligibility.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.botoxeligibility.knowledge.Catalog;
import org.botoxeligibility.knowledge.Policy;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Type;

/**
 * What every room of one mapping run shares: the record and the date it is read for, the tables,
 * and what the run collects (problems, provenance, the resources it used). Not thread-safe; one
 * per run.
 */
final class MappingContext {
  final FhirTables tables;
  final Catalog catalog;
  final Policy policy;
  final FhirRecord record;
  final LocalDate date;
  final FhirIntakeMapper.Options options;

  /** Every problem, in the order found. */
  final List<Problem> problems = new ArrayList<>();
  /** The resources behind each JSON Pointer of the intake, in the order given. */
  final Map<String, LinkedHashSet<String>> provenance = new LinkedHashMap<>();
  /** Notes for the reader of the mapping, in the order made. */
  final List<Mapping.Note> notes = new ArrayList<>();
  /** Validator paths not to report again, because the mapping already said why. */
  final Set<String> suppressed = new HashSet<>();
  private final Set<Entry> used = Collections.newSetFromMap(new IdentityHashMap<>());

  MappingContext(FhirTables tables, Catalog catalog, Policy policy, FhirRecord record,
      LocalDate date, FhirIntakeMapper.Options options) {
    this.tables = tables;
    this.catalog = catalog;
    this.policy = policy;
    this.record = record;
    this.date = date;
    this.options = options;
  }

  /** Marks a resource as read by the mapping (its read errors and subject then matter). */
  void use(Entry e) {
    used.add(e);
  }

  boolean used(Entry e) {
    return used.contains(e);
  }

  /** The entries of a type, in bundle order. */
  List<Entry> ofType(String type) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : record.entries) {
      if (e.type.equals(type)) {
        out.add(e);
      }
    }
    return out;
  }

  /** True in a CDS Hooks call (a selection, or orders being signed). */
  boolean cdsContext() {
    return options.selectedOrders() != null || options.ordersBeingSigned();
  }

  void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }

  void problem(Entry e, String element, String message) {
    problems.add(new Problem(element == null || element.isEmpty() ? e.name
        : e.name + "." + element, message));
  }

  void note(Mapping.Note.Kind kind, Entry e, String message) {
    notes.add(new Mapping.Note(kind, e.name, message));
  }

  void prov(String pointer, Entry e) {
    prov(pointer, e.name);
  }

  void prov(String pointer, String resource) {
    provenance.computeIfAbsent(pointer, k -> new LinkedHashSet<>()).add(resource);
  }

  void prov(String pointer, List<Entry> entries) {
    for (Entry e : entries) {
      prov(pointer, e);
    }
  }

  static String names(List<Entry> entries) {
    return String.join(", ", entries.stream().map(e -> e.name).toList());
  }

  /** How a value[x] is named in a problem: {@code valueQuantity}, or absent. */
  static String valueType(Type value) {
    if (value == null) {
      return "absent";
    }
    String t = value.fhirType();
    return "value" + Character.toUpperCase(t.charAt(0)) + t.substring(1);
  }

  /** A concept's codings as {@code system|code}, or its text when it has none. */
  static String describe(CodeableConcept cc) {
    List<String> parts = new ArrayList<>();
    for (Coding c : Codes.codings(cc)) {
      parts.add(Codes.system(c) + "|" + Codes.code(c));
    }
    if (parts.isEmpty()) {
      return cc.hasText() ? "text only " + FhirRecord.quote(cc.getText()) : "no coding";
    }
    return String.join(", ", parts);
  }
}
