package org.botoxeligibility.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Site;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;

/**
 * Products and terminology (docs/fhir-mapping.md §2, §7): which botulinum toxin product a resource
 * names, and which site a body-site concept names.
 */
final class Terminology {
  private final MappingContext ctx;
  private final Map<Entry, ProductInfo> products = new IdentityHashMap<>();

  Terminology(MappingContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The products a resource names, whether it is a chemodenervation procedure, and whether it
   * names a botulinum toxin without its product ("botulinum toxin type A"), and whether a coding
   * (not only a text or display) named its product or procedure.
   */
  record ProductInfo(Set<Product> products, boolean procedure, String element, boolean unnamed,
      boolean coded) {
    boolean toxin() {
      return !products.isEmpty() || procedure || unnamed;
    }

    /** A toxin whose product nothing names: a procedure code, or "botulinum toxin" alone. */
    boolean productUnknown() {
      return products.isEmpty();
    }

    /** The one product named, else onabotulinumtoxinA (a procedure code names none). */
    Product product() {
      return products.isEmpty() ? Product.ONABOTULINUMTOXINA : products.iterator().next();
    }
  }

  /**
   * The products a resource names (codings, displays, text), read once per resource: codings that
   * name different products are a problem, found the first time.
   */
  ProductInfo product(Entry e) {
    ProductInfo known = products.get(e);
    if (known != null) {
      return known;
    }
    Set<Product> found = new LinkedHashSet<>();
    boolean procedure = false;
    boolean coded = false;
    boolean[] unnamed = new boolean[1];
    String element = "code";
    List<CodeableConcept> concepts = new ArrayList<>();
    boolean procedureCodes = false;
    if (e.resource instanceof MedicationRequest mr) {
      element = medicationConcepts(e, mr.getMedication(), concepts);
    } else if (e.resource instanceof MedicationStatement ms) {
      element = medicationConcepts(e, ms.getMedication(), concepts);
    } else if (e.resource instanceof MedicationAdministration ma) {
      element = medicationConcepts(e, ma.getMedication(), concepts);
    } else if (e.resource instanceof MedicationDispense md) {
      element = medicationConcepts(e, md.getMedication(), concepts);
    } else if (e.resource instanceof ServiceRequest sr) {
      concepts.add(sr.getCode());
      procedureCodes = true;
    } else if (e.resource instanceof Procedure p) {
      concepts.add(p.getCode());
      concepts.addAll(p.getUsedCode());
      procedureCodes = true;
    } else if (e.resource instanceof AllergyIntolerance a) {
      concepts.add(a.getCode());
    }
    for (CodeableConcept cc : concepts) {
      if (cc == null) {
        continue;
      }
      for (Coding c : cc.getCoding()) {
        Product p = productOf(c);
        if (p != null) {
          found.add(p);
          coded = true;
        }
        if (procedureCodes && ctx.tables.procedureCodes.contains(
            new FhirTables.Key(Codes.system(c), Codes.code(c)))) {
          procedure = true;
          coded = true;
        }
        if (c.hasDisplay()) {
          named(c.getDisplay(), found, unnamed);
        }
      }
      if (cc.hasText()) {
        named(cc.getText(), found, unnamed);
      }
    }
    ProductInfo info = new ProductInfo(found, procedure, element, unnamed[0] && found.isEmpty(),
        coded);
    products.put(e, info);
    if (found.size() > 1) {
      ctx.problem(e, element, "the codings name different botulinum toxin products ("
          + found.stream().map(Enum::name).sorted().reduce((a, b) -> a + ", " + b).orElse("")
          + "): units of one are not units of another");
    }
    return info;
  }

  private String medicationConcepts(Entry e, Type medication, List<CodeableConcept> out) {
    if (medication instanceof CodeableConcept cc) {
      out.add(cc);
      return "medicationCodeableConcept";
    }
    if (medication instanceof Reference r) {
      Entry m = ctx.record.resolve(r, e);
      if (m != null && m.resource instanceof org.hl7.fhir.r4.model.Medication med) {
        out.add(med.getCode());
      }
      return "medicationReference";
    }
    return "medication[x]";
  }

  private void named(String text, Set<Product> found, boolean[] unnamed) {
    for (FhirTables.ProductName n : ctx.tables.productNames) {
      if (n.pattern().matcher(text).find()) {
        found.add(n.product());
      }
    }
    for (java.util.regex.Pattern p : ctx.tables.unnamedToxins) {
      if (p.matcher(text).find()) {
        unnamed[0] = true;
      }
    }
  }

  /**
   * The product a coding names: a code of the product table; an NDC in any of its written forms
   * (a package, else its product), a 10-digit NDC without hyphens only when exactly one of its
   * 11-digit forms is in the table.
   */
  Product productOf(Coding c) {
    String system = Codes.system(c);
    String code = Codes.code(c);
    if (system.equals(FhirTables.NDC)) {
      Product only = null;
      int matches = 0;
      for (String candidate : Ndc.candidates(code)) {
        Product p = ctx.tables.productCodes.get(new FhirTables.Key(FhirTables.NDC, candidate));
        if (p == null) {
          p = ctx.tables.productCodes.get(new FhirTables.Key(FhirTables.NDC,
              Ndc.product(candidate)));
        }
        if (p != null) {
          only = p;
          matches++;
        }
      }
      return matches == 1 ? only : null;
    }
    return ctx.tables.productCodes.get(new FhirTables.Key(system, code));
  }

  /** The sites a body-site concept's codings name, in order, each once. */
  List<Site> sites(CodeableConcept cc) {
    List<Site> mapped = new ArrayList<>();
    for (Coding coding : Codes.codings(cc)) {
      Site s = ctx.tables.sites.get(new FhirTables.Key(Codes.system(coding), Codes.code(coding)));
      if (s != null && !mapped.contains(s)) {
        mapped.add(s);
      }
    }
    return mapped;
  }

  /** A toxin quantity in units (U, [iU], {units}, unit, units); null with a problem otherwise. */
  BigDecimal units(Entry e, Quantity q, String element) {
    return units(e, q, element, false);
  }

  /**
   * A toxin quantity in units: U, [iU], {units}, unit or units, whatever the case (a code, else
   * the unit text; "Units" as Oracle Health writes it). Null with a problem for another unit or
   * no value; null without a problem when {@code unitless} allows a quantity with neither code
   * nor unit (Synthea writes administered doses so: the units stay absent).
   */
  BigDecimal units(Entry e, Quantity q, String element, boolean unitless) {
    if (q.getValue() == null) {
      ctx.problem(e, element + ".value", "a dose needs a value");
      return null;
    }
    String unit = q.hasCode() ? q.getCode().trim() : q.hasUnit() ? q.getUnit().trim() : null;
    if (unit == null && unitless) {
      return null;
    }
    if (unit == null || Codes.DOSE_UNITS.stream().noneMatch(unit::equalsIgnoreCase)) {
      ctx.problem(e, element + (q.hasCode() ? ".code" : ".unit"), "a botulinum toxin dose is "
          + "in units (U, [iU], {units}, unit, units), was "
          + (unit == null ? "no unit" : FhirRecord.quote(unit)));
      return null;
    }
    return q.getValue();
  }

  /**
   * True when a Condition counts (docs/fhir-mapping.md §2, §8): clinically active (or no status
   * and not abated) and not refuted or entered in error.
   */
  boolean conditionCounts(org.hl7.fhir.r4.model.Condition c) {
    return Statuses.counts(c, ctx.date);
  }

  /**
   * True when a table of the mapping reads a Condition's coding: an ICD-10-CM code the catalog,
   * the comorbidity, the infection or the pregnancy table maps; a code of this project's
   * condition system; a code of the conditions, comorbidity, infection or pregnancy table.
   */
  boolean conditionCodingMapped(Coding c) {
    String system = Codes.system(c);
    String code = Codes.code(c);
    if (code.isEmpty()) {
      return false;
    }
    FhirTables t = ctx.tables;
    if (system.equals(FhirTables.ICD10CM)) {
      return ctx.catalog.icd10(code).found()
          || FhirTables.longestPrefix(t.comorbidityIcd10, code) != null
          || FhirTables.hasPrefix(t.infectionIcd10, code)
          || FhirTables.hasPrefix(t.pregnancyIcd10, code);
    }
    if (system.equals(Codes.CONDITION)) {
      return Reasons.conditionCode(code) != null;
    }
    FhirTables.Key k = new FhirTables.Key(system, code);
    return t.comorbidityCodes.containsKey(k) || t.infectionCodes.contains(k)
        || t.conditionCodes.containsKey(k) || t.pregnancyCodes.contains(k);
  }

  /**
   * True when the product table reads a coding: a product code, or (for Procedures and
   * ServiceRequests) a chemodenervation procedure code.
   */
  boolean productCodingMapped(Coding c, boolean procedureCodes) {
    FhirTables.Key k = new FhirTables.Key(Codes.system(c), Codes.code(c));
    return productOf(c) != null
        || procedureCodes && ctx.tables.procedureCodes.contains(k);
  }
}
