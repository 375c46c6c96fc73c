package org.botoxeligibility.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.knowledge.Catalog;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;

/**
 * What condition a reason names (docs/fhir-mapping.md §3, §7): an order's, a past treatment's or a
 * medication's {@code reasonCode} or the Conditions of its {@code reasonReference}, read through
 * the catalog (ICD-10-CM) and this project's own condition codes.
 */
final class Reasons {
  private final MappingContext ctx;

  Reasons(MappingContext ctx) {
    this.ctx = ctx;
  }

  /** What the codes of a reason say. */
  record Reason(String icd10, ConditionCode condition, String disagreement, List<Entry> from) {
    boolean usable() {
      return icd10 != null || condition != null;
    }
  }

  /** The Conditions of a reasonReference; one that is missing, refuted or in error is a problem. */
  List<Entry> conditions(Entry from, List<Reference> refs) {
    List<Entry> found = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      Reference r = refs.get(i);
      Entry target = ctx.record.resolve(r, from);
      String element = "reasonReference[" + i + "]";
      if (target == null) {
        ctx.problem(from, element, "refers to "
            + FhirRecord.quote(String.valueOf(r.getReference())) + ", which is not in the bundle");
        continue;
      }
      if (!target.type.equals("Condition")) {
        continue;
      }
      ctx.use(target);
      Condition cond = (Condition) target.resource;
      if (cond == null) {
        continue;
      }
      if (Codes.anyCode(cond.getVerificationStatus(), Statuses.NOT_COUNTING)) {
        ctx.problem(from, element, "refers to " + target.name + ", which is "
            + (Codes.anyCode(cond.getVerificationStatus(), Set.of("refuted")) ? "refuted"
            : "entered in error") + ": the order's reason is not a diagnosis of the patient");
        continue;
      }
      found.add(target);
    }
    return found;
  }

  /**
   * The usable codings of concepts (or of Conditions), which must agree: ICD-10-CM codes the
   * catalog maps, this project's condition codes, and SNOMED CT codes of fhir-conditions.tsv
   * (docs/fhir-mapping.md §8). A SNOMED CT condition beside an ICD-10-CM code is kept when it is
   * the more specific of the two (the ICD-10-CM code's alias classifies as it), dropped when it is
   * the less specific, and a disagreement otherwise.
   */
  Reason reason(List<CodeableConcept> concepts, List<Entry> conditions) {
    List<Coding> codings = new ArrayList<>(Codes.codings(concepts));
    List<Entry> from = new ArrayList<>();
    if (conditions != null) {
      for (Entry e : conditions) {
        Condition cond = (Condition) e.resource;
        int before = codings.size();
        codings.addAll(Codes.codings(cond.getCode()));
        if (codings.size() > before) {
          from.add(e);
        }
      }
    }
    String icd10 = null;
    ConditionCode fromIcd = null;
    ConditionCode local = null;
    ConditionCode coded = null;
    Set<String> seen = new TreeSet<>();
    boolean disagree = false;
    for (Coding c : codings) {
      String system = Codes.system(c);
      String code = Codes.code(c);
      if (system.equals(FhirTables.ICD10CM) && !code.isEmpty()) {
        Catalog.Icd10Match m = ctx.catalog.icd10(code);
        if (!m.found()) {
          continue;
        }
        seen.add(code + " (" + m.condition() + ")");
        if (icd10 == null) {
          icd10 = code;
          fromIcd = m.condition();
        } else if (m.condition() != fromIcd) {
          disagree = true;
        }
      } else if (system.equals(Codes.CONDITION)) {
        ConditionCode cc = conditionCode(code);
        if (cc == null) {
          continue;
        }
        seen.add(cc.name());
        if (local == null) {
          local = cc;
        } else if (cc != local) {
          disagree = true;
        }
      } else {
        ConditionCode cc = ctx.tables.conditionCodes.get(new FhirTables.Key(system, code));
        if (cc == null) {
          continue;
        }
        seen.add(code + " (" + cc + ")");
        if (coded == null) {
          coded = cc;
        } else if (!agree(coded, cc)) {
          disagree = true;
        } else {
          coded = specific(coded, cc);
        }
      }
    }
    ConditionCode condition = local;
    if (coded != null && !disagree) {
      if (local != null) {
        if (agree(local, coded)) {
          condition = specific(local, coded);
        } else {
          disagree = true;
        }
      } else if (fromIcd == null) {
        condition = coded;
      } else if (coded != fromIcd) {
        if (ctx.catalog.entry(fromIcd).isOrClassifiesAs(coded)) {
          condition = coded;
        } else if (!ctx.catalog.entry(coded).isOrClassifiesAs(fromIcd)) {
          disagree = true;
        }
      }
    }
    return new Reason(icd10, condition, disagree ? "the codings name different conditions: "
        + String.join(", ", seen) : null, from);
  }

  /** True when two conditions are one, or one is an alias the other may be classified as. */
  boolean agree(ConditionCode a, ConditionCode b) {
    return a == b || ctx.catalog.entry(a).isOrClassifiesAs(b)
        || ctx.catalog.entry(b).isOrClassifiesAs(a);
  }

  /** The more specific of two conditions that agree. */
  private ConditionCode specific(ConditionCode a, ConditionCode b) {
    return a != b && ctx.catalog.entry(a).isOrClassifiesAs(b) ? b : a;
  }

  /**
   * The reason of a resource: its reasonCode, else the Conditions of its reasonReference (which
   * are checked either way).
   */
  Reason of(Entry from, List<CodeableConcept> reasonCode, List<Reference> reasonReference) {
    List<Entry> referenced = conditions(from, reasonReference);
    Reason reason = reason(reasonCode, null);
    if (!reason.usable()) {
      reason = reason(List.of(), referenced);
    }
    return reason;
  }

  /**
   * The catalog condition of a past treatment's reason: the one its ICD-10-CM code maps to, else
   * its local code; left out (null) for an alias, for codings that disagree, or for none.
   */
  ConditionCode treatmentCondition(Reason reason) {
    Catalog catalog = ctx.catalog;
    ConditionCode condition = null;
    if (reason.usable() && reason.disagreement() == null) {
      if (reason.icd10() != null) {
        condition = catalog.icd10(reason.icd10()).condition();
      }
      if (condition == null || catalog.entry(condition).isAlias()) {
        condition = reason.condition();
      }
      if (condition != null && catalog.entry(condition).isAlias()) {
        condition = null;
      }
      if (reason.icd10() != null && reason.condition() != null
          && catalog.icd10(reason.icd10()).condition() != reason.condition()
          && !catalog.entry(catalog.icd10(reason.icd10()).condition()).isAlias()) {
        condition = null;
      }
    }
    return condition;
  }

  static ConditionCode conditionCode(String code) {
    try {
      return ConditionCode.valueOf(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
