package org.botoxeligibility.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;

/**
 * What stayed unmapped (docs/fhir-mapping.md §8): the codings of counting Conditions, completed
 * Procedures and toxin-like orders that no table maps, and the counting Conditions that carry no
 * ICD-10-CM and no mapped coding. A resource one of whose codings maps is read, so its other
 * codings are not listed.
 */
final class UnmappedCodings {
  private final MappingContext ctx;
  private final Terminology terminology;
  private final Map<String, Found> codings = new LinkedHashMap<>();
  private final List<String> conditions = new ArrayList<>();

  UnmappedCodings(MappingContext ctx, Terminology terminology) {
    this.ctx = ctx;
    this.terminology = terminology;
  }

  /** One unmapped coding as it is collected. */
  private static final class Found {
    final String system;
    final String code;
    String display;
    final Set<String> resources = new LinkedHashSet<>();

    Found(String system, String code) {
      this.system = system;
      this.code = code;
    }
  }

  /** Reads every Condition, Procedure and toxin-like order of the record. */
  void collect() {
    for (Entry e : ctx.record.entries) {
      if (e.resource instanceof Condition c) {
        if (!terminology.conditionCounts(c)) {
          continue;
        }
        List<Coding> all = c.getCode().getCoding();
        boolean mapped = all.stream().anyMatch(terminology::conditionCodingMapped);
        if (mapped) {
          continue;
        }
        add(e, List.of(c.getCode()));
        boolean icd10 = all.stream().anyMatch(x -> Codes.system(x).equals(FhirTables.ICD10CM)
            && !Codes.code(x).isEmpty());
        if (!icd10) {
          conditions.add(e.name);
        }
      } else if (e.resource instanceof Procedure p) {
        if (p.getStatus() != Procedure.ProcedureStatus.COMPLETED) {
          continue;
        }
        List<CodeableConcept> concepts = new ArrayList<>();
        concepts.add(p.getCode());
        concepts.addAll(p.getUsedCode());
        if (!anyMapped(concepts, true)) {
          add(e, concepts);
        }
      } else if (e.resource instanceof ServiceRequest sr) {
        order(e, List.of(sr.getCode()), true);
      } else if (e.resource instanceof MedicationRequest mr) {
        order(e, medicationConcepts(e, mr.getMedication()), false);
      } else if (e.resource instanceof MedicationAdministration ma) {
        order(e, medicationConcepts(e, ma.getMedication()), false);
      } else if (e.resource instanceof MedicationDispense md) {
        order(e, medicationConcepts(e, md.getMedication()), false);
      }
    }
  }

  /** The codings of a toxin-like order that no product table maps. */
  private void order(Entry e, List<CodeableConcept> concepts, boolean procedureCodes) {
    if (!terminology.product(e).toxin() && !mentionsToxin(concepts)) {
      return;
    }
    if (!anyMapped(concepts, procedureCodes)) {
      add(e, concepts);
    }
  }

  private List<CodeableConcept> medicationConcepts(Entry e, Type medication) {
    if (medication instanceof CodeableConcept cc) {
      return List.of(cc);
    }
    if (medication instanceof Reference r) {
      Entry m = ctx.record.resolve(r, e);
      if (m != null && m.resource instanceof org.hl7.fhir.r4.model.Medication med) {
        return List.of(med.getCode());
      }
    }
    return List.of();
  }

  private boolean anyMapped(List<CodeableConcept> concepts, boolean procedureCodes) {
    for (Coding c : Codes.codings(concepts)) {
      if (terminology.productCodingMapped(c, procedureCodes)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsToxin(List<CodeableConcept> concepts) {
    for (CodeableConcept cc : concepts) {
      if (cc == null) {
        continue;
      }
      if (cc.hasText() && cc.getText().toLowerCase(Locale.ROOT).contains("botulinum")) {
        return true;
      }
      for (Coding c : cc.getCoding()) {
        if (c.hasDisplay() && c.getDisplay().toLowerCase(Locale.ROOT).contains("botulinum")) {
          return true;
        }
      }
    }
    return false;
  }

  private void add(Entry e, List<CodeableConcept> concepts) {
    for (CodeableConcept cc : concepts) {
      if (cc == null) {
        continue;
      }
      for (Coding c : cc.getCoding()) {
        String system = Codes.system(c);
        String code = Codes.code(c);
        if (system.isEmpty() && code.isEmpty()) {
          continue;
        }
        Found f = codings.computeIfAbsent(system + "|" + code, k -> new Found(system, code));
        if (f.display == null) {
          f.display = c.hasDisplay() && !c.getDisplay().isBlank() ? c.getDisplay().trim()
              : cc.hasText() && !cc.getText().isBlank() ? cc.getText().trim() : null;
        }
        f.resources.add(e.name);
      }
    }
  }

  /** The unmapped codings, in the order first met. */
  List<Mapping.UnmappedCoding> codings() {
    List<Mapping.UnmappedCoding> out = new ArrayList<>();
    for (Found f : codings.values()) {
      out.add(new Mapping.UnmappedCoding(f.system, f.code, f.display,
          List.copyOf(f.resources)));
    }
    return out;
  }

  /** The counting Conditions with no ICD-10-CM and no mapped coding. */
  List<String> conditions() {
    return List.copyOf(conditions);
  }
}
