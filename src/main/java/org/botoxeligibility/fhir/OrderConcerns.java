package org.botoxeligibility.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.botoxeligibility.fhir.Reasons.Reason;
import org.botoxeligibility.fhir.Terminology.ProductInfo;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.knowledge.Catalog;
import org.botoxeligibility.knowledge.CatalogEntry;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Orders into concerns (docs/fhir-mapping.md §3, §4, §7): one concern per botulinum toxin order,
 * with its condition, sites and planned units; or, screening, one per therapeutic diagnosis.
 */
final class OrderConcerns {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final MappingContext ctx;
  private final Terminology terminology;
  private final Reasons reasons;
  private final List<ConcernDraft> concerns = new ArrayList<>();

  OrderConcerns(MappingContext ctx, Terminology terminology, Reasons reasons) {
    this.ctx = ctx;
    this.terminology = terminology;
    this.reasons = reasons;
  }

  /** The concerns, in bundle order. */
  List<ConcernDraft> all() {
    return concerns;
  }

  /** The concerns of the botulinum toxin orders (draft, active, on-hold; selected ones only). */
  void orders() {
    for (Entry e : ctx.record.entries) {
      if (!e.type.equals("MedicationRequest") && !e.type.equals("ServiceRequest")) {
        continue;
      }
      if (e.resource == null) {
        ctx.use(e);
        continue;
      }
      ProductInfo info = terminology.product(e);
      if (!info.toxin()) {
        continue;
      }
      ctx.use(e);
      if (!isOrder(e)) {
        continue;
      }
      if (ctx.options.selectedOrders() != null && (e.id == null
          || !ctx.options.selectedOrders().contains(e.id))) {
        continue;
      }
      ConcernDraft c = new ConcernDraft(concerns.size(), e);
      concerns.add(c);
      boolean usable = e.id != null && ID.matcher(e.id).matches();
      c.id = usable ? e.id : "c" + concerns.size();
      if (usable) {
        ctx.prov(c.at() + "/id", e);
      }
      if (info.unnamed()) {
        ctx.problem(e, info.element(), "orders a botulinum toxin without naming the product: "
            + "name the product (units of botulinum toxin products are not interchangeable)");
      }
      if (info.products().size() == 1 && info.product() != Product.ONABOTULINUMTOXINA) {
        ctx.problem(e, info.element(), "orders " + info.product() + ": the knowledge base's "
            + "doses are onabotulinumtoxinA's, and units of botulinum toxin products are not "
            + "interchangeable");
      }
      if (e.resource instanceof MedicationRequest mr) {
        orderReason(c, mr.getReasonCode(), mr.getReasonReference());
        for (int i = 0; i < mr.getDosageInstruction().size(); i++) {
          Dosage d = mr.getDosageInstruction().get(i);
          if (d.hasSite()) {
            site(c, d.getSite(), "dosageInstruction[" + i + "].site");
          }
        }
        dose(c, mr);
        c.issued = mr.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE
            && Statuses.ORDER_FAMILY.contains(mr.getIntent())
            || ctx.options.ordersBeingSigned()
            && mr.getStatus() == MedicationRequest.MedicationRequestStatus.DRAFT
            && Statuses.ORDER_FAMILY.contains(mr.getIntent());
      } else if (e.resource instanceof ServiceRequest sr) {
        orderReason(c, sr.getReasonCode(), sr.getReasonReference());
        for (int i = 0; i < sr.getBodySite().size(); i++) {
          site(c, sr.getBodySite().get(i), "bodySite[" + i + "]");
        }
        if (sr.hasQuantityQuantity()) {
          BigDecimal units = terminology.units(e, sr.getQuantityQuantity(), "quantityQuantity");
          if (units != null) {
            setUnits(c, e, units, "quantityQuantity");
          }
        } else if (sr.hasQuantity()) {
          ctx.problem(e, "quantity[x]", "planned units are a quantityQuantity, was "
              + MappingContext.valueType(sr.getQuantity()));
        }
      }
      if (!c.sites.isEmpty()) {
        ctx.prov(c.at() + "/sites", e);
      }
    }
  }

  private static boolean isOrder(Entry e) {
    if (e.resource instanceof MedicationRequest mr) {
      return mr.getStatus() == MedicationRequest.MedicationRequestStatus.DRAFT
          || mr.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE
          || mr.getStatus() == MedicationRequest.MedicationRequestStatus.ONHOLD;
    }
    if (e.resource instanceof ServiceRequest sr) {
      return sr.getStatus() == ServiceRequest.ServiceRequestStatus.DRAFT
          || sr.getStatus() == ServiceRequest.ServiceRequestStatus.ACTIVE
          || sr.getStatus() == ServiceRequest.ServiceRequestStatus.ONHOLD;
    }
    return false;
  }

  private void dose(ConcernDraft c, MedicationRequest mr) {
    BigDecimal total = null;
    for (int i = 0; i < mr.getDosageInstruction().size(); i++) {
      Dosage d = mr.getDosageInstruction().get(i);
      for (int j = 0; j < d.getDoseAndRate().size(); j++) {
        Dosage.DosageDoseAndRateComponent dr = d.getDoseAndRate().get(j);
        String element = "dosageInstruction[" + i + "].doseAndRate[" + j + "].doseQuantity";
        if (dr.hasDoseQuantity()) {
          BigDecimal u = terminology.units(c.source, dr.getDoseQuantity(), element);
          if (u != null) {
            total = total == null ? u : total.add(u);
          }
        } else if (dr.hasDose()) {
          ctx.problem(c.source, "dosageInstruction[" + i + "].doseAndRate[" + j + "].dose[x]",
              "planned units are a doseQuantity, was " + MappingContext.valueType(dr.getDose()));
        }
      }
    }
    if (total != null) {
      setUnits(c, c.source, total, "dosageInstruction.doseAndRate.doseQuantity");
    }
  }

  private void setUnits(ConcernDraft c, Entry e, BigDecimal units, String element) {
    Integer whole = Codes.whole(units);
    if (whole == null) {
      ctx.problem(e, element, "planned units must be a whole number, was " + Codes.show(units));
      return;
    }
    c.plannedUnits = whole;
    ctx.prov(c.at() + "/plannedUnits", e);
  }

  private void site(ConcernDraft c, CodeableConcept cc, String element) {
    List<Site> mapped = terminology.sites(cc);
    if (mapped.isEmpty()) {
      ctx.problem(c.source, element, "no coding maps to a site of this mapping (SNOMED CT body "
          + "structures of rules/fhir-sites.tsv, or " + Codes.LOCAL + "site), was "
          + MappingContext.describe(cc));
      return;
    }
    for (Site s : mapped) {
      if (!c.sites.contains(s)) {
        c.sites.add(s);
      }
    }
  }

  /** The condition of an order: its reasonCode, else the Conditions of its reasonReference. */
  private void orderReason(ConcernDraft c, List<CodeableConcept> reasonCode,
      List<Reference> reasonReference) {
    List<Entry> referenced = reasons.conditions(c.source, reasonReference);
    c.conditions.addAll(referenced);
    Reason fromCodes = reasons.reason(reasonCode, null);
    Reason reason = fromCodes;
    if (!fromCodes.usable()) {
      reason = reasons.reason(List.of(), referenced);
    }
    if (!reason.usable()) {
      if (reasonReference.isEmpty() || !referenced.isEmpty()) {
        ctx.problem(c.source, reasonCode.isEmpty() && !reasonReference.isEmpty()
            ? "reasonReference" : "reasonCode", "the order names no condition this mapping can "
            + "read: an ICD-10-CM code the catalog maps, or a code of " + Codes.CONDITION
            + " (in reasonCode or the Condition of reasonReference)");
      }
      ctx.suppressed.add("$.concerns[" + c.index + "].condition");
      return;
    }
    if (reason.disagreement() != null) {
      ctx.problem(c.source, reason == fromCodes ? "reasonCode" : "reasonReference",
          reason.disagreement());
      ctx.suppressed.add("$.concerns[" + c.index + "].condition");
      return;
    }
    c.icd10 = reason.icd10();
    c.condition = reason.condition();
    List<Entry> sources = new ArrayList<>();
    sources.add(c.source);
    if (reason != fromCodes) {
      sources.addAll(reason.from());
    }
    if (c.icd10 != null) {
      ctx.prov(c.at() + "/icd10", sources);
    }
    if (c.condition != null) {
      ctx.prov(c.at() + "/condition", sources);
    }
  }

  /**
   * Screening: every active, not refuted, not abated Condition whose ICD-10-CM code, or SNOMED CT
   * code (fhir-conditions.tsv), maps to a therapeutic catalog condition becomes a concern; a
   * catalog condition met twice is one concern.
   */
  void screen() {
    Set<ConditionCode> met = EnumSet.noneOf(ConditionCode.class);
    for (Entry e : ctx.ofType("Condition")) {
      Condition cond = (Condition) e.resource;
      if (cond == null) {
        continue;
      }
      ConditionCode mapped = null;
      String icd10 = null;
      Set<ConditionCode> all = new LinkedHashSet<>();
      Set<ConditionCode> coded = new LinkedHashSet<>();
      for (Coding c : cond.getCode().getCoding()) {
        if (Codes.system(c).equals(FhirTables.ICD10CM) && !Codes.code(c).isEmpty()) {
          Catalog.Icd10Match m = ctx.catalog.icd10(Codes.code(c));
          if (m.found() && ctx.catalog.entry(m.condition()).therapeutic()) {
            all.add(m.condition());
            if (mapped == null) {
              mapped = m.condition();
              icd10 = Codes.code(c);
            }
          }
        } else {
          ConditionCode cc = ctx.tables.conditionCodes.get(
              new FhirTables.Key(Codes.system(c), Codes.code(c)));
          if (cc != null && ctx.catalog.entry(cc).therapeutic()) {
            coded.add(cc);
          }
        }
      }
      if (mapped == null && coded.isEmpty()) {
        continue;
      }
      ctx.use(e);
      if (!Statuses.counts(cond, ctx.date)) {
        continue;
      }
      if (all.size() > 1) {
        ctx.problem(e, "code", "the ICD-10-CM codings name different conditions: " + all);
        continue;
      }
      Reason reason = coded.isEmpty() ? null : reasons.reason(List.of(cond.getCode()), null);
      if (reason != null && reason.disagreement() != null) {
        ctx.problem(e, "code", reason.disagreement());
        continue;
      }
      ConditionCode condition = reason == null ? null : reason.condition();
      if (!met.add(mapped != null ? mapped : condition)) {
        continue;
      }
      ConcernDraft c = new ConcernDraft(concerns.size(), e);
      c.conditions.add(e);
      concerns.add(c);
      c.id = e.id != null && ID.matcher(e.id).matches() ? e.id : "c" + concerns.size();
      if (e.id != null && ID.matcher(e.id).matches()) {
        ctx.prov(c.at() + "/id", e);
      }
      c.icd10 = icd10;
      c.condition = condition;
      if (icd10 != null) {
        ctx.prov(c.at() + "/icd10", e);
      }
      if (condition != null) {
        ctx.prov(c.at() + "/condition", e);
      }
    }
  }

  /** The catalog row of a concern, or null when its codes do not name one. */
  CatalogEntry catalogEntry(ConcernDraft c) {
    if (c.condition != null) {
      return ctx.catalog.entry(c.condition);
    }
    if (c.icd10 != null) {
      Catalog.Icd10Match m = ctx.catalog.icd10(c.icd10);
      return m.found() ? ctx.catalog.entry(m.condition()) : null;
    }
    return null;
  }
}
