package org.botoxeligibility.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.botoxeligibility.fhir.Reasons.Reason;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.knowledge.Catalog;
import org.botoxeligibility.knowledge.CatalogEntry;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * Failed preventive treatments (docs/fhir-mapping.md §8): a stopped or completed
 * MedicationRequest or MedicationStatement whose reason is the concern's condition and whose drug
 * is a first-line treatment of it (prior-therapies.tsv) counts once per class in {@code
 * priorTherapiesFailed}, unless its statusReason says it worked or ran its course. A local {@code
 * prior-therapies-failed} Observation wins; none of either leaves the field absent. Reading a
 * medication history never makes a problem: what cannot be read here is simply not counted.
 */
final class PriorTherapies {
  private final MappingContext ctx;
  private final Reasons reasons;
  private final OrderConcerns concerns;

  PriorTherapies(MappingContext ctx, Reasons reasons, OrderConcerns concerns) {
    this.ctx = ctx;
    this.reasons = reasons;
    this.concerns = concerns;
  }

  /** Counts the failed first-line treatment classes of the concern, unless it already has one. */
  void read(ConcernDraft c) {
    if (c.priorTherapies != null) {
      return;
    }
    ConditionCode target = therapyCondition(concerns.catalogEntry(c));
    if (target == null) {
      return;
    }
    Map<String, List<Entry>> classes = new LinkedHashMap<>();
    for (Entry e : ctx.record.entries) {
      Type medication;
      List<CodeableConcept> statusReasons = new ArrayList<>();
      List<CodeableConcept> reasonCode;
      List<Reference> reasonReference;
      if (e.resource instanceof MedicationRequest mr) {
        if (mr.getStatus() != MedicationRequest.MedicationRequestStatus.STOPPED
            && mr.getStatus() != MedicationRequest.MedicationRequestStatus.COMPLETED) {
          continue;
        }
        medication = mr.getMedication();
        if (mr.hasStatusReason()) {
          statusReasons.add(mr.getStatusReason());
        }
        reasonCode = mr.getReasonCode();
        reasonReference = mr.getReasonReference();
      } else if (e.resource instanceof MedicationStatement ms) {
        if (ms.getStatus() != MedicationStatement.MedicationStatementStatus.STOPPED
            && ms.getStatus() != MedicationStatement.MedicationStatementStatus.COMPLETED) {
          continue;
        }
        medication = ms.getMedication();
        statusReasons.addAll(ms.getStatusReason());
        reasonCode = ms.getReasonCode();
        reasonReference = ms.getReasonReference();
      } else {
        continue;
      }
      if (didNotFail(statusReasons) || !treats(e, c, target, reasonCode, reasonReference)) {
        continue;
      }
      String name = name(e, medication);
      if (name == null) {
        continue;
      }
      for (FhirTables.PriorTherapy t : ctx.tables.priorTherapies) {
        if (t.conditions().contains(target) && t.pattern().matcher(name).find()) {
          List<Entry> from = classes.computeIfAbsent(t.drugClass(), k -> new ArrayList<>());
          if (!from.contains(e)) {
            from.add(e);
          }
        }
      }
    }
    if (classes.isEmpty()) {
      return;
    }
    c.priorTherapies = classes.size();
    for (List<Entry> from : classes.values()) {
      ctx.prov(c.at() + "/priorTherapiesFailed", from);
    }
  }

  /** The condition whose first-line treatments count: an alias's condition, else the row's. */
  private static ConditionCode therapyCondition(CatalogEntry row) {
    if (row == null) {
      return null;
    }
    return row.isAlias() ? row.aliasOf() : row.code();
  }

  /** True when a statusReason's text or a coding's display says the treatment did not fail. */
  private boolean didNotFail(List<CodeableConcept> statusReasons) {
    for (CodeableConcept cc : statusReasons) {
      List<String> texts = new ArrayList<>();
      if (cc.hasText()) {
        texts.add(cc.getText());
      }
      for (Coding c : cc.getCoding()) {
        if (c.hasDisplay()) {
          texts.add(c.getDisplay());
        }
      }
      for (String text : texts) {
        for (Pattern p : ctx.tables.notFailed) {
          if (p.matcher(text).find()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * True when the medication's reason is the concern's: a reasonReference to the concern's own
   * Condition, or a reason whose condition is the concern's (an alias standing for it).
   */
  private boolean treats(Entry e, ConcernDraft c, ConditionCode target,
      List<CodeableConcept> reasonCode, List<Reference> reasonReference) {
    List<Entry> referenced = new ArrayList<>();
    for (Reference r : reasonReference) {
      Entry cond = ctx.record.resolve(r, e);
      if (cond == null || !(cond.resource instanceof Condition condition)
          || Codes.anyCode(condition.getVerificationStatus(), Statuses.NOT_COUNTING)) {
        continue;
      }
      if (c.conditions.contains(cond)) {
        return true;
      }
      referenced.add(cond);
    }
    Reason reason = reasons.reason(reasonCode, null);
    if (!reason.usable()) {
      reason = reasons.reason(List.of(), referenced);
    }
    if (!reason.usable() || reason.disagreement() != null) {
      return false;
    }
    Catalog catalog = ctx.catalog;
    ConditionCode code = reason.condition();
    if (code == null) {
      code = catalog.icd10(reason.icd10()).condition();
    }
    return code != null && therapyCondition(catalog.entry(code)) == target;
  }

  /** The medication's name, as for current medications, without ever making a problem. */
  private String name(Entry e, Type medication) {
    CodeableConcept cc = null;
    if (medication instanceof CodeableConcept concept) {
      cc = concept;
    } else if (medication instanceof Reference r) {
      Entry m = ctx.record.resolve(r, e);
      if (m != null && m.resource instanceof org.hl7.fhir.r4.model.Medication med) {
        cc = med.getCode();
      } else if (m == null && r.hasDisplay() && !r.getDisplay().isBlank()) {
        return r.getDisplay().trim();
      }
    }
    if (cc == null) {
      return null;
    }
    if (cc.hasText() && !cc.getText().isBlank()) {
      return cc.getText().trim();
    }
    for (Coding coding : cc.getCoding()) {
      if (coding.hasDisplay() && !coding.getDisplay().isBlank()) {
        return coding.getDisplay().trim();
      }
    }
    return null;
  }
}
