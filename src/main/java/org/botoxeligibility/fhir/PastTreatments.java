package org.botoxeligibility.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.botoxeligibility.fhir.Codes.Dated;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.botoxeligibility.fhir.Reasons.Reason;
import org.botoxeligibility.fhir.Terminology.ProductInfo;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.TreatmentRecord;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * Past treatments (docs/fhir-mapping.md §3, §8): completed toxin Procedures (CPT or SNOMED CT)
 * and MedicationAdministrations, treatments inferred from completed orders and dispenses, their
 * response Observations, and the adverse reactions that AdverseEvents and toxin allergies name.
 */
final class PastTreatments {
  private final MappingContext ctx;
  private final Terminology terminology;
  private final Reasons reasons;
  private final ObservationIndex observations;
  private final List<Draft> treatments = new ArrayList<>();
  private final Map<Draft, Entry> responseSource = new IdentityHashMap<>();

  PastTreatments(MappingContext ctx, Terminology terminology, Reasons reasons,
      ObservationIndex observations) {
    this.ctx = ctx;
    this.terminology = terminology;
    this.reasons = reasons;
    this.observations = observations;
  }

  /** A past treatment under construction. */
  private static final class Draft {
    final Entry source;
    LocalDate date;
    ConditionCode condition;
    Product product;
    Integer units;
    Response response;
    final Map<AdverseReaction, List<String>> reactions = new LinkedHashMap<>();

    Draft(Entry source) {
      this.source = source;
    }

    TreatmentRecord build() {
      return new TreatmentRecord(date, condition, product, units, response,
          List.copyOf(reactions.keySet()));
    }
  }

  /** The past treatments, in bundle order. */
  List<TreatmentRecord> all() {
    return treatments.stream().map(Draft::build).toList();
  }

  /** Reads the completed toxin Procedures and MedicationAdministrations. */
  void read() {
    for (Entry e : ctx.record.entries) {
      boolean completed;
      Type when;
      List<CodeableConcept> reasonCode;
      List<Reference> reasonReference;
      String dateElement;
      if (e.type.equals("Procedure")) {
        if (e.resource == null) {
          ctx.use(e);
          continue;
        }
        Procedure p = (Procedure) e.resource;
        completed = p.getStatus() == Procedure.ProcedureStatus.COMPLETED;
        when = p.getPerformed();
        reasonCode = p.getReasonCode();
        reasonReference = p.getReasonReference();
        dateElement = "performed[x]";
      } else if (e.type.equals("MedicationAdministration")) {
        if (e.resource == null) {
          ctx.use(e);
          continue;
        }
        MedicationAdministration ma = (MedicationAdministration) e.resource;
        completed = ma.getStatus()
            == MedicationAdministration.MedicationAdministrationStatus.COMPLETED;
        when = ma.getEffective();
        reasonCode = ma.getReasonCode();
        reasonReference = ma.getReasonReference();
        dateElement = "effective[x]";
      } else {
        continue;
      }
      ProductInfo info = terminology.product(e);
      if (!info.toxin()) {
        continue;
      }
      ctx.use(e);
      if (!completed) {
        continue;
      }
      Dated d = Codes.date(when, true);
      if (d == null) {
        ctx.problem(e, dateElement, "a past botulinum toxin treatment needs the date it was "
            + "given");
        continue;
      }
      if (d.first().isAfter(ctx.date)) {
        continue;
      }
      Draft t = new Draft(e);
      t.date = d.last().isAfter(ctx.date) ? ctx.date : d.last();
      t.product = info.products().size() > 1 ? null : info.product();
      if (e.resource instanceof MedicationAdministration ma && ma.hasDosage()
          && ma.getDosage().hasDose()) {
        BigDecimal u = terminology.units(e, ma.getDosage().getDose(), "dosage.dose", true);
        if (u != null) {
          Integer whole = Codes.whole(u);
          if (whole == null) {
            ctx.problem(e, "dosage.dose", "units given must be a whole number, was "
                + Codes.show(u));
          } else {
            t.units = whole;
          }
        }
      }
      Reason reason = reasons.of(e, reasonCode, reasonReference);
      t.condition = reasons.treatmentCondition(reason);
      t.response = response(t);
      treatments.add(t);
    }
    inferred();
    for (int i = 0; i < treatments.size(); i++) {
      Draft t = treatments.get(i);
      String at = "/treatmentHistory/" + i;
      ctx.prov(at, t.source);
      ctx.prov(at + "/date", t.source);
      ctx.prov(at + "/product", t.source);
      if (t.units != null) {
        ctx.prov(at + "/units", t.source);
      }
      if (t.condition != null) {
        ctx.prov(at + "/condition", t.source);
      }
    }
  }

  /**
   * Past treatments inferred from a completed toxin MedicationRequest or a completed toxin
   * MedicationDispense (docs/fhir-mapping.md §8: US Core systems often record no administration),
   * when no Procedure or MedicationAdministration of the same cycle is recorded: none that refers
   * to the order, and none within fhir_treatment_cycle_days of the inferred date. A completed order
   * that a counted dispense fills is the dispense's cycle. Dated by the latest date the resource
   * carries that is not after the assessment date; units when written in units, else absent.
   */
  private void inferred() {
    int cycle = ctx.policy.fhirTreatmentCycleDays();
    List<Draft> real = new ArrayList<>(treatments);
    java.util.Set<Entry> filled = java.util.Collections.newSetFromMap(
        new IdentityHashMap<>());
    List<Entry> candidates = new ArrayList<>();
    for (Entry e : ctx.record.entries) {
      if (e.resource instanceof MedicationDispense md
          && md.getStatus() == MedicationDispense.MedicationDispenseStatus.COMPLETED
          && terminology.product(e).toxin()) {
        candidates.add(e);
        for (Reference r : md.getAuthorizingPrescription()) {
          Entry order = ctx.record.resolve(r, e);
          if (order != null) {
            filled.add(order);
          }
        }
      } else if (e.resource instanceof MedicationRequest mr
          && mr.getStatus() == MedicationRequest.MedicationRequestStatus.COMPLETED
          && terminology.product(e).toxin()) {
        candidates.add(e);
      }
    }
    for (Entry e : candidates) {
      ctx.use(e);
      if (filled.contains(e) || administered(e, real)) {
        continue;
      }
      LocalDate date = latestDate(e);
      if (date == null) {
        continue;
      }
      boolean sameCycle = false;
      for (Draft t : real) {
        if (Math.abs(java.time.temporal.ChronoUnit.DAYS.between(t.date, date)) <= cycle) {
          sameCycle = true;
        }
      }
      if (sameCycle) {
        continue;
      }
      ProductInfo info = terminology.product(e);
      Draft t = new Draft(e);
      t.date = date;
      t.product = info.products().size() > 1 ? null : info.product();
      t.units = lenientUnits(e);
      Entry order = e;
      if (e.resource instanceof MedicationDispense md) {
        for (Reference r : md.getAuthorizingPrescription()) {
          Entry resolved = ctx.record.resolve(r, e);
          if (resolved != null && resolved.resource instanceof MedicationRequest) {
            order = resolved;
          }
        }
      }
      if (order.resource instanceof MedicationRequest mr) {
        t.condition = reasons.treatmentCondition(reasons.of(order, mr.getReasonCode(),
            mr.getReasonReference()));
      }
      t.response = response(t);
      treatments.add(t);
      ctx.note(Mapping.Note.Kind.TREATMENT_INFERRED, e, "a past treatment on " + date
          + " is inferred from this " + (e.resource instanceof MedicationDispense
          ? "dispense" : "completed order") + ": no administration or procedure of the same "
          + "cycle is recorded");
    }
  }

  /**
   * True when a recorded Procedure or MedicationAdministration refers to the order or dispense
   * (MedicationAdministration.request, Procedure.basedOn; a dispense through the order it fills).
   */
  private boolean administered(Entry e, List<Draft> real) {
    List<Entry> orders = new ArrayList<>();
    orders.add(e);
    if (e.resource instanceof MedicationDispense md) {
      for (Reference r : md.getAuthorizingPrescription()) {
        Entry order = ctx.record.resolve(r, e);
        if (order != null) {
          orders.add(order);
        }
      }
    }
    for (Draft t : real) {
      List<Reference> refs = new ArrayList<>();
      if (t.source.resource instanceof MedicationAdministration ma && ma.hasRequest()) {
        refs.add(ma.getRequest());
      } else if (t.source.resource instanceof Procedure p) {
        refs.addAll(p.getBasedOn());
      }
      for (Reference r : refs) {
        if (orders.contains(ctx.record.resolve(r, t.source))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The latest date an order or a dispense carries, not after the assessment date: authoredOn,
   * the validity period, the dosage timing's events and bounds (an order); whenHandedOver,
   * whenPrepared (a dispense).
   */
  private LocalDate latestDate(Entry e) {
    List<Dated> dates = new ArrayList<>();
    if (e.resource instanceof MedicationRequest mr) {
      dates.add(mr.hasAuthoredOnElement() ? Codes.date(mr.getAuthoredOnElement()) : null);
      if (mr.hasDispenseRequest() && mr.getDispenseRequest().hasValidityPeriod()) {
        dates.add(Codes.date(mr.getDispenseRequest().getValidityPeriod().getStartElement()));
        dates.add(Codes.date(mr.getDispenseRequest().getValidityPeriod().getEndElement()));
      }
      for (org.hl7.fhir.r4.model.Dosage d : mr.getDosageInstruction()) {
        if (!d.hasTiming()) {
          continue;
        }
        for (org.hl7.fhir.r4.model.DateTimeType event : d.getTiming().getEvent()) {
          dates.add(Codes.date(event));
        }
        if (d.getTiming().hasRepeat() && d.getTiming().getRepeat().hasBoundsPeriod()) {
          org.hl7.fhir.r4.model.Period bounds = d.getTiming().getRepeat().getBoundsPeriod();
          dates.add(Codes.date(bounds.getStartElement()));
          dates.add(Codes.date(bounds.getEndElement()));
        }
      }
    } else if (e.resource instanceof MedicationDispense md) {
      dates.add(md.hasWhenHandedOverElement() ? Codes.date(md.getWhenHandedOverElement())
          : null);
      dates.add(md.hasWhenPreparedElement() ? Codes.date(md.getWhenPreparedElement()) : null);
    }
    LocalDate latest = null;
    for (Dated d : dates) {
      if (d == null || d.first().isAfter(ctx.date)) {
        continue;
      }
      LocalDate day = d.last().isAfter(ctx.date) ? ctx.date : d.last();
      if (latest == null || day.isAfter(latest)) {
        latest = day;
      }
    }
    return latest;
  }

  /**
   * The units an inferred treatment carries when written in units (the order's doses added up; a
   * dispense's quantity, else its dosage): whole numbers only; anything else leaves them absent.
   */
  private Integer lenientUnits(Entry e) {
    List<org.hl7.fhir.r4.model.Quantity> quantities = new ArrayList<>();
    List<org.hl7.fhir.r4.model.Dosage> dosages = new ArrayList<>();
    if (e.resource instanceof MedicationRequest mr) {
      dosages.addAll(mr.getDosageInstruction());
    } else if (e.resource instanceof MedicationDispense md) {
      if (md.hasQuantity()) {
        quantities.add(md.getQuantity());
      } else {
        dosages.addAll(md.getDosageInstruction());
      }
    }
    for (org.hl7.fhir.r4.model.Dosage d : dosages) {
      for (org.hl7.fhir.r4.model.Dosage.DosageDoseAndRateComponent dr : d.getDoseAndRate()) {
        if (dr.hasDoseQuantity()) {
          quantities.add(dr.getDoseQuantity());
        }
      }
    }
    BigDecimal total = null;
    for (org.hl7.fhir.r4.model.Quantity q : quantities) {
      String unit = q.hasCode() ? q.getCode().trim() : q.hasUnit() ? q.getUnit().trim() : null;
      if (q.getValue() == null || unit == null
          || Codes.DOSE_UNITS.stream().noneMatch(unit::equalsIgnoreCase)) {
        return null;
      }
      total = total == null ? q.getValue() : total.add(q.getValue());
    }
    return total == null ? null : Codes.whole(total);
  }

  private Response response(Draft t) {
    String code = "treatment-response";
    Entry best = null;
    for (Entry e : observations.of(Codes.OBSERVATION, code)) {
      if (observations.focus(e).contains(t.source)
          && (best == null || ObservationIndex.newer(e, best))) {
        best = e;
      }
    }
    if (best == null) {
      return null;
    }
    Observation o = (Observation) best.resource;
    if (!o.hasValueCodeableConcept()) {
      ctx.problem(best, "value[x]", code + " is a valueCodeableConcept of " + Codes.RESPONSE
          + " (GOOD, PARTIAL, NONE, UNKNOWN), was " + MappingContext.valueType(o.getValue()));
      return null;
    }
    for (Coding c : o.getValueCodeableConcept().getCoding()) {
      if (Codes.system(c).equals(Codes.RESPONSE)) {
        try {
          Response r = Response.valueOf(Codes.code(c));
          responseSource.put(t, best);
          return r;
        } catch (IllegalArgumentException ex) {
          ctx.problem(best, "valueCodeableConcept", code + " takes GOOD, PARTIAL, NONE or "
              + "UNKNOWN of " + Codes.RESPONSE + ", was " + FhirRecord.quote(Codes.code(c)));
          return null;
        }
      }
    }
    ctx.problem(best, "valueCodeableConcept", code + " needs a coding of " + Codes.RESPONSE
        + " (GOOD, PARTIAL, NONE, UNKNOWN)");
    return null;
  }

  /**
   * The adverse reactions of past treatments: from AdverseEvents whose suspect entity is the
   * treatment, and from toxin allergies (to the latest treatment not after the reaction's onset).
   */
  void adverseEvents(List<Entry> toxinAllergies) {
    for (Entry e : ctx.ofType("AdverseEvent")) {
      AdverseEvent ae = (AdverseEvent) e.resource;
      if (ae == null) {
        continue;
      }
      if (ae.getActuality() == AdverseEvent.AdverseEventActuality.POTENTIAL) {
        continue;
      }
      for (AdverseEvent.AdverseEventSuspectEntityComponent s : ae.getSuspectEntity()) {
        Entry target = ctx.record.resolve(s.getInstance(), e);
        for (Draft t : treatments) {
          if (t.source == target) {
            ctx.use(e);
            for (AdverseReaction r : reactions(List.of(ae.getEvent()))) {
              t.reactions.computeIfAbsent(r, x -> new ArrayList<>()).add(e.name);
            }
          }
        }
      }
    }
    for (Entry e : toxinAllergies) {
      AllergyIntolerance a = (AllergyIntolerance) e.resource;
      for (AllergyIntolerance.AllergyIntoleranceReactionComponent r : a.getReaction()) {
        if (!r.hasManifestation()) {
          continue;
        }
        Dated onset = r.hasOnsetElement() ? Codes.date(r.getOnsetElement()) : null;
        if (onset == null && a.hasOnsetDateTimeType()) {
          onset = Codes.date(a.getOnsetDateTimeType());
        }
        Draft target = null;
        for (Draft t : treatments) {
          if (onset != null && t.date.isAfter(onset.last())) {
            continue;
          }
          if (target == null || t.date.isAfter(target.date)) {
            target = t;
          }
        }
        if (target == null) {
          continue;
        }
        target.reactions.computeIfAbsent(AdverseReaction.ALLERGIC_REACTION,
            x -> new ArrayList<>()).add(e.name);
        for (AdverseReaction reaction : reactions(r.getManifestation())) {
          target.reactions.computeIfAbsent(reaction, x -> new ArrayList<>()).add(e.name);
        }
      }
    }
    for (int i = 0; i < treatments.size(); i++) {
      Draft t = treatments.get(i);
      int k = 0;
      for (Map.Entry<AdverseReaction, List<String>> r : t.reactions.entrySet()) {
        for (String name : r.getValue()) {
          ctx.prov("/treatmentHistory/" + i + "/adverseReactions/" + k, name);
        }
        k++;
      }
      Entry response = responseSource.get(t);
      if (response != null) {
        ctx.prov("/treatmentHistory/" + i + "/response", response);
      }
    }
  }

  private List<AdverseReaction> reactions(List<CodeableConcept> concepts) {
    List<AdverseReaction> out = new ArrayList<>();
    for (CodeableConcept cc : concepts) {
      boolean any = false;
      for (Coding c : Codes.codings(cc)) {
        AdverseReaction r = ctx.tables.reactions.get(
            new FhirTables.Key(Codes.system(c), Codes.code(c)));
        if (r != null) {
          any = true;
          if (!out.contains(r)) {
            out.add(r);
          }
        }
      }
      if (!any && !out.contains(AdverseReaction.OTHER)) {
        out.add(AdverseReaction.OTHER);
      }
    }
    return out;
  }
}
