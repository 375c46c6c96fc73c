package org.botoxeligibility.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.botoxeligibility.fhir.Codes.Dated;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Observations and their windows (docs/fhir-mapping.md §3, §7): the final Observations the mapping
 * reads, by code; the most recent within a window; what focus they have; and the local facts of
 * each concern (headache, sweating and bladder observations).
 */
final class ObservationIndex {
  static final String LOINC_PREGNANCY = "82810-3";
  static final String LOINC_BREASTFEEDING = "63895-7";
  static final String LOINC_WEIGHT = "29463-7";
  /** Choriogonadotropin (pregnancy test) [Presence] in Urine. */
  static final String LOINC_HCG = "2106-3";
  /** Bacteria identified in Urine by Culture. */
  static final String LOINC_URINE_CULTURE = "630-4";
  private static final Set<String> LOINC_READ = Set.of(LOINC_PREGNANCY, LOINC_BREASTFEEDING,
      LOINC_WEIGHT, LOINC_HCG, LOINC_URINE_CULTURE);
  /** The answers whose unconfirmed (non-final) results are read too (docs/fhir-mapping.md §8). */
  private static final Set<String> LOINC_NON_FINAL = Set.of(LOINC_PREGNANCY, LOINC_HCG);

  private final MappingContext ctx;
  private final Map<String, List<Entry>> observations = new LinkedHashMap<>();
  private final Map<String, List<Entry>> nonFinal = new LinkedHashMap<>();

  ObservationIndex(MappingContext ctx) {
    this.ctx = ctx;
  }

  /** Indexes the Observations the mapping reads: final, amended or corrected, dated, not later. */
  void index() {
    for (Entry e : ctx.ofType("Observation")) {
      Observation o = (Observation) e.resource;
      if (o == null) {
        continue;
      }
      Set<String> keys = new LinkedHashSet<>();
      for (Coding c : o.getCode().getCoding()) {
        String system = Codes.system(c);
        String code = Codes.code(c);
        if (system.equals(FhirTables.LOINC) && LOINC_READ.contains(code)) {
          keys.add(system + "|" + code);
        } else if (system.equals(Codes.OBSERVATION)) {
          keys.add(system + "|" + code);
        }
      }
      if (keys.isEmpty()) {
        continue;
      }
      ctx.use(e);
      boolean fin = o.getStatus() == Observation.ObservationStatus.FINAL
          || o.getStatus() == Observation.ObservationStatus.AMENDED
          || o.getStatus() == Observation.ObservationStatus.CORRECTED;
      boolean unconfirmed = o.getStatus() == Observation.ObservationStatus.PRELIMINARY
          || o.getStatus() == Observation.ObservationStatus.REGISTERED;
      if (!fin && !unconfirmed) {
        continue;
      }
      Dated d = date(o);
      if (d == null || d.first().isAfter(ctx.date)) {
        continue;
      }
      for (String k : keys) {
        if (fin) {
          observations.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
        } else if (k.startsWith(FhirTables.LOINC + "|")
            && LOINC_NON_FINAL.contains(k.substring(FhirTables.LOINC.length() + 1))) {
          nonFinal.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
        }
      }
    }
  }

  /** The indexed final Observations of a coding ({@code system|code}), in bundle order. */
  List<Entry> of(String system, String code) {
    return observations.getOrDefault(system + "|" + code, List.of());
  }

  /** The indexed preliminary or registered Observations of a LOINC code, in bundle order. */
  List<Entry> unconfirmed(String loinc) {
    return nonFinal.getOrDefault(FhirTables.LOINC + "|" + loinc, List.of());
  }

  /** True when an Observation is within the window (days before the assessment date). */
  boolean within(Entry e, int window) {
    LocalDate d = date((Observation) e.resource).first();
    return ChronoUnit.DAYS.between(d, ctx.date) <= window;
  }

  /**
   * A qualitative result: its interpretation's codings (and, when {@code value}, its
   * valueCodeableConcept's) through fhir-result-values.tsv; true positive, false negative, null
   * when no coding maps or they disagree.
   */
  Boolean result(Entry e, boolean value) {
    Observation o = (Observation) e.resource;
    List<Coding> codings = new ArrayList<>(Codes.codings(o.getInterpretation()));
    if (value && o.hasValueCodeableConcept()) {
      codings.addAll(o.getValueCodeableConcept().getCoding());
    }
    Set<Boolean> found = new java.util.HashSet<>();
    for (Coding c : codings) {
      Boolean r = ctx.tables.results.get(new FhirTables.Key(Codes.system(c), Codes.code(c)));
      if (r != null) {
        found.add(r);
      }
    }
    return found.size() == 1 ? found.iterator().next() : null;
  }

  /**
   * The newest urine culture (LOINC 630-4) within the culture window when it is positive: an
   * active urinary infection (docs/fhir-mapping.md §8); null otherwise.
   */
  Entry positiveCulture() {
    Entry e = latest(of(FhirTables.LOINC, LOINC_URINE_CULTURE), null,
        ctx.policy.fhirUrineCultureWindowDays());
    return e != null && Boolean.TRUE.equals(result(e, false)) ? e : null;
  }

  /**
   * The date a urinary infection was excluded for the concern: the newest urine culture within
   * the window when it is negative or normal, or a local {@code uti-excluded} observation that is
   * true, whichever is newer (docs/fhir-mapping.md §8).
   */
  private LocalDate utiExcluded(ConcernDraft c) {
    int window = ctx.policy.fhirUrineCultureWindowDays();
    Entry best = null;
    Entry culture = latest(of(FhirTables.LOINC, LOINC_URINE_CULTURE), c, window);
    if (culture != null && Boolean.FALSE.equals(result(culture, false))) {
      best = culture;
    }
    Entry local = local(c, "uti-excluded", window);
    if (local != null && Boolean.TRUE.equals(flag(local, "uti-excluded"))
        && (best == null || newer(local, best))) {
      best = local;
    }
    if (best == null) {
      return null;
    }
    ctx.prov(c.at() + "/utiExcludedOn", best);
    return date((Observation) best.resource).first();
  }

  /** An Observation's date: effective[x] (a Period's end, else its start); the earliest day. */
  static Dated date(Observation o) {
    return o.hasEffective() ? Codes.date(o.getEffective(), false) : null;
  }

  /**
   * The most recent of the observations (by date, then issued; then the first) that applies to
   * the concern (null: any) and is within the window; null when none.
   */
  Entry latest(List<Entry> candidates, ConcernDraft concern, int window) {
    Entry best = null;
    for (Entry e : candidates) {
      if (concern != null && !appliesTo(e, concern)) {
        continue;
      }
      if (best == null || newer(e, best)) {
        best = e;
      }
    }
    if (best == null) {
      return null;
    }
    LocalDate d = date((Observation) best.resource).first();
    return ChronoUnit.DAYS.between(d, ctx.date) <= window ? best : null;
  }

  /** True when a is more recent than b: by date, then by issued. */
  static boolean newer(Entry a, Entry b) {
    Observation oa = (Observation) a.resource;
    Observation ob = (Observation) b.resource;
    int byDate = date(oa).first().compareTo(date(ob).first());
    if (byDate != 0) {
      return byDate > 0;
    }
    if (oa.hasIssued() && ob.hasIssued()) {
      return oa.getIssued().after(ob.getIssued());
    }
    return oa.hasIssued() && !ob.hasIssued();
  }

  /**
   * True when an Observation applies to the concern: it has no focus that resolves, or its focus
   * names the concern's order or Condition.
   */
  boolean appliesTo(Entry obs, ConcernDraft concern) {
    List<Entry> focus = focus(obs);
    if (focus.isEmpty()) {
      return true;
    }
    for (Entry f : focus) {
      if (f == concern.source || concern.conditions.contains(f)) {
        return true;
      }
    }
    return false;
  }

  /** The resources an Observation's focus resolves to (a focus that resolves to nothing is ignored). */
  List<Entry> focus(Entry obs) {
    List<Entry> focus = new ArrayList<>();
    for (Reference r : ((Observation) obs.resource).getFocus()) {
      Entry f = ctx.record.resolve(r, obs);
      if (f != null) {
        focus.add(f);
      }
    }
    return focus;
  }

  /** The most recent local observation of a code that applies to the concern, within the window. */
  Entry local(ConcernDraft c, String code, int window) {
    return latest(of(Codes.OBSERVATION, code), c, window);
  }

  /** Reads the local headache, sweating and bladder facts of a concern. */
  void concernFacts(ConcernDraft c) {
    int window = ctx.policy.fhirObservationWindowDays();
    c.headacheDays = wholeFact(c, "headache-days-per-month", "headacheDaysPerMonth", window);
    c.migraineDays = wholeFact(c, "migraine-days-per-month", "migraineDaysPerMonth", window);
    c.headacheHours = numberFact(c, "headache-hours-per-day", "headacheHoursPerDay", window);
    c.months = wholeFact(c, "months-with-symptoms", "monthsWithSymptoms", window);
    c.priorTherapies = wholeFact(c, "prior-therapies-failed", "priorTherapiesFailed", window);
    c.secondaryCause = flagFact(c, "secondary-cause-excluded", "secondaryCauseExcluded", window);
    c.residual = residual(c, window);
    c.catheterization = flagFact(c, "clean-intermittent-catheterization",
        "cleanIntermittentCatheterization", window);
    c.utiExcludedOn = utiExcluded(c);
  }

  private Integer wholeFact(ConcernDraft c, String code, String field, int window) {
    Entry e = local(c, code, window);
    if (e == null) {
      return null;
    }
    Observation o = (Observation) e.resource;
    Integer v = null;
    if (o.hasValueIntegerType()) {
      v = o.getValueIntegerType().getValue();
    } else if (o.hasValueQuantity()) {
      BigDecimal d = o.getValueQuantity().getValue();
      v = Codes.whole(d);
      if (v == null && d != null) {
        ctx.problem(e, "valueQuantity.value", code + " is a whole number, was " + Codes.show(d));
        return null;
      }
    } else if (o.hasValue()) {
      ctx.problem(e, "value[x]", code + " is a valueInteger or valueQuantity, was "
          + MappingContext.valueType(o.getValue()));
      return null;
    }
    if (v != null) {
      ctx.prov(c.at() + "/" + field, e);
    }
    return v;
  }

  private Double numberFact(ConcernDraft c, String code, String field, int window) {
    Entry e = local(c, code, window);
    if (e == null) {
      return null;
    }
    Observation o = (Observation) e.resource;
    Double v = null;
    if (o.hasValueIntegerType() && o.getValueIntegerType().getValue() != null) {
      v = o.getValueIntegerType().getValue().doubleValue();
    } else if (o.hasValueQuantity() && o.getValueQuantity().getValue() != null) {
      v = o.getValueQuantity().getValue().doubleValue();
    } else if (o.hasValue() && !o.hasValueQuantity() && !o.hasValueIntegerType()) {
      ctx.problem(e, "value[x]", code + " is a valueQuantity or valueInteger, was "
          + MappingContext.valueType(o.getValue()));
      return null;
    }
    if (v != null) {
      ctx.prov(c.at() + "/" + field, e);
    }
    return v;
  }

  private Boolean flagFact(ConcernDraft c, String code, String field, int window) {
    Entry e = local(c, code, window);
    if (e == null) {
      return null;
    }
    Boolean v = flag(e, code);
    if (v != null) {
      ctx.prov(c.at() + "/" + field, e);
    }
    return v;
  }

  /** A local flag's valueBoolean; another value type is a problem. */
  Boolean flag(Entry e, String code) {
    Observation o = (Observation) e.resource;
    if (o.hasValueBooleanType()) {
      return o.getValueBooleanType().getValue();
    }
    if (o.hasValue()) {
      ctx.problem(e, "value[x]", code + " is a valueBoolean, was "
          + MappingContext.valueType(o.getValue()));
    }
    return null;
  }

  private Double residual(ConcernDraft c, int window) {
    String code = "post-void-residual";
    Entry e = local(c, code, window);
    if (e == null) {
      return null;
    }
    Observation o = (Observation) e.resource;
    Double v = null;
    if (o.hasValueQuantity()) {
      Quantity q = o.getValueQuantity();
      if (q.getValue() == null) {
        return null;
      }
      String unit = q.hasCode() ? q.getCode().trim() : null;
      if (unit == null) {
        ctx.problem(e, "valueQuantity.code", code + " needs the UCUM unit code mL, was absent");
        return null;
      }
      if (!unit.equals("mL") || (q.hasSystem() && !q.getSystem().trim().equals(Codes.UCUM))) {
        ctx.problem(e, "valueQuantity.code", code + " takes mL (UCUM), was "
            + FhirRecord.quote(unit));
        return null;
      }
      v = q.getValue().doubleValue();
    } else if (o.hasValueIntegerType() && o.getValueIntegerType().getValue() != null) {
      v = o.getValueIntegerType().getValue().doubleValue();
    } else if (o.hasValue()) {
      ctx.problem(e, "value[x]", code + " is a valueQuantity in mL, was "
          + MappingContext.valueType(o.getValue()));
      return null;
    }
    if (v != null) {
      ctx.prov(c.at() + "/postVoidResidualMl", e);
    }
    return v;
  }
}
