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
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * Past treatments (docs/fhir-mapping.md §3): completed toxin Procedures and
 * MedicationAdministrations, their response Observations, and the adverse reactions that
 * AdverseEvents and toxin allergies name.
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
        BigDecimal u = terminology.units(e, ma.getDosage().getDose(), "dosage.dose");
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
