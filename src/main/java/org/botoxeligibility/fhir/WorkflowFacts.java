package org.botoxeligibility.fhir;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.botoxeligibility.fhir.Codes.Dated;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.botoxeligibility.intake.Workflow;
import org.botoxeligibility.knowledge.CatalogEntry;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;

/**
 * The workflow (docs/fhir-mapping.md §3, §7): whether each therapeutic concern's diagnosis is
 * confirmed and its examination done, and whether the prescription is issued.
 */
final class WorkflowFacts {
  private final MappingContext ctx;
  private final ObservationIndex observations;
  private final OrderConcerns concerns;

  WorkflowFacts(MappingContext ctx, ObservationIndex observations, OrderConcerns concerns) {
    this.ctx = ctx;
    this.observations = observations;
    this.concerns = concerns;
  }

  /** The intake's workflow flags, with their provenance. */
  Workflow workflow() {
    List<ConcernDraft> therapeutic = new ArrayList<>();
    for (ConcernDraft c : concerns.all()) {
      CatalogEntry row = concerns.catalogEntry(c);
      if (row != null && row.therapeutic()) {
        therapeutic.add(c);
      }
    }
    boolean confirmed = !therapeutic.isEmpty();
    List<Entry> dx = new ArrayList<>();
    for (ConcernDraft c : therapeutic) {
      if (c.conditions.isEmpty()) {
        confirmed = false;
      }
      for (Entry e : c.conditions) {
        dx.add(e);
        if (!confirmed(e)) {
          confirmed = false;
        }
      }
    }
    if (!dx.isEmpty()) {
      ctx.prov("/workflow/diagnosisConfirmed", dx);
    }

    boolean examined = !therapeutic.isEmpty();
    List<Entry> exams = new ArrayList<>();
    int window = ctx.policy.fhirExaminationWindowDays();
    for (ConcernDraft c : therapeutic) {
      Entry found = null;
      for (Entry e : ctx.ofType("Encounter")) {
        Encounter enc = (Encounter) e.resource;
        if (enc == null || !namesAny(e, enc, c.conditions)
            && !pointedToBy(e, c.conditions)) {
          continue;
        }
        ctx.use(e);
        if (!counts(enc)) {
          continue;
        }
        found = e;
        break;
      }
      if (found == null) {
        Entry o = observations.local(c, "medical-examination-completed", window);
        if (o != null && Boolean.TRUE.equals(observations.flag(o,
            "medical-examination-completed"))) {
          found = o;
        }
      }
      if (found == null) {
        examined = false;
      } else if (!exams.contains(found)) {
        exams.add(found);
      }
    }
    if (examined && !exams.isEmpty()) {
      ctx.prov("/workflow/medicalExaminationCompleted", exams);
    }

    boolean screen = ctx.options.screen();
    boolean issued = !screen && !concerns.all().isEmpty();
    for (ConcernDraft c : concerns.all()) {
      issued &= c.issued;
    }
    if (!screen && !concerns.all().isEmpty()) {
      List<Entry> orders = new ArrayList<>();
      concerns.all().forEach(c -> orders.add(c.source));
      ctx.prov("/workflow/prescriptionIssued", orders);
    }
    return new Workflow(examined, confirmed, issued);
  }

  /**
   * True when an Encounter counts as an examination: finished or in progress, dated (its period's
   * end, else its start) within the examination window, not after the assessment date.
   */
  private boolean counts(Encounter enc) {
    if (enc.getStatus() != Encounter.EncounterStatus.FINISHED
        && enc.getStatus() != Encounter.EncounterStatus.INPROGRESS) {
      return false;
    }
    Dated d = Codes.date(enc.getPeriod(), false);
    return d != null && !d.first().isAfter(ctx.date)
        && ChronoUnit.DAYS.between(d.first(), ctx.date)
        <= ctx.policy.fhirExaminationWindowDays();
  }

  /**
   * True when a concern's Condition is a confirmed diagnosis: verificationStatus confirmed; or,
   * without a verificationStatus, an encounter diagnosis (category encounter-diagnosis) named in
   * the diagnosis of an Encounter that counts, or pointing to one through Condition.encounter
   * (docs/fhir-mapping.md §8: US Core sends encounter diagnoses so). A problem-list item without
   * one is not; provisional, differential and unconfirmed never are.
   */
  private boolean confirmed(Entry e) {
    Condition cond = (Condition) e.resource;
    if (Codes.anyCode(cond.getVerificationStatus(), Set.of("confirmed"))) {
      return true;
    }
    if (cond.hasVerificationStatus() && cond.getVerificationStatus().hasCoding()) {
      return false;
    }
    boolean encounterDiagnosis = cond.getCategory().stream()
        .anyMatch(cc -> Codes.anyCode(cc, Set.of("encounter-diagnosis")));
    if (!encounterDiagnosis) {
      return false;
    }
    for (Entry enc : ctx.ofType("Encounter")) {
      if (!(enc.resource instanceof Encounter encounter) || !counts(encounter)) {
        continue;
      }
      if (namesAny(enc, encounter, List.of(e)) || pointedToBy(enc, List.of(e))) {
        ctx.use(enc);
        return true;
      }
    }
    return false;
  }

  /** True when one of the Conditions points to the Encounter through Condition.encounter. */
  private boolean pointedToBy(Entry encounter, List<Entry> conditions) {
    for (Entry e : conditions) {
      Condition cond = (Condition) e.resource;
      if (cond.hasEncounter() && ctx.record.resolve(cond.getEncounter(), e) == encounter) {
        return true;
      }
    }
    return false;
  }

  private boolean namesAny(Entry from, Encounter enc, List<Entry> conditions) {
    if (conditions.isEmpty()) {
      return false;
    }
    for (Encounter.DiagnosisComponent d : enc.getDiagnosis()) {
      if (conditions.contains(ctx.record.resolve(d.getCondition(), from))) {
        return true;
      }
    }
    for (Reference r : enc.getReasonReference()) {
      if (conditions.contains(ctx.record.resolve(r, from))) {
        return true;
      }
    }
    return false;
  }
}
