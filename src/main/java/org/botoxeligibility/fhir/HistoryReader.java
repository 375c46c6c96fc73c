package org.botoxeligibility.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.knowledge.CatalogEntry;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * Conditions, allergies and medications into the medical history (docs/fhir-mapping.md §3):
 * comorbidities and infection sites from Conditions, allergies from AllergyIntolerance, current
 * medications from MedicationStatement and MedicationRequest.
 */
final class HistoryReader {
  private final MappingContext ctx;
  private final Terminology terminology;
  private final OrderConcerns concerns;
  private final ObservationIndex observations;
  /** Toxin allergies with a reaction, for the adverse reactions of past treatments. */
  private final List<Entry> toxinAllergies = new ArrayList<>();

  HistoryReader(MappingContext ctx, Terminology terminology, OrderConcerns concerns,
      ObservationIndex observations) {
    this.ctx = ctx;
    this.terminology = terminology;
    this.concerns = concerns;
    this.observations = observations;
  }

  /** The AllergyIntolerances to a toxin that name a reaction (read by {@link #allergies}). */
  List<Entry> toxinAllergies() {
    return toxinAllergies;
  }

  /**
   * Comorbidities and infection sites from the Conditions that count (docs/fhir-mapping.md §2,
   * §8): active (or no status and not abated), not refuted; a chronic neuromuscular disorder of
   * the comorbidity table counts when inactive, in remission or abated too. A positive urine
   * culture is an active urinary infection.
   */
  void conditions(List<Comorbidity> comorbidities, List<Site> infectionSites) {
    Map<Comorbidity, List<Entry>> found = new LinkedHashMap<>();
    Map<Site, List<Entry>> infected = new LinkedHashMap<>();
    for (Entry e : ctx.ofType("Condition")) {
      Condition cond = (Condition) e.resource;
      if (cond == null) {
        ctx.use(e);
        continue;
      }
      Set<Comorbidity> mapped = new LinkedHashSet<>();
      boolean infection = false;
      for (Coding c : cond.getCode().getCoding()) {
        String system = Codes.system(c);
        String code = Codes.code(c);
        if (code.isEmpty()) {
          continue;
        }
        if (system.equals(FhirTables.ICD10CM)) {
          Comorbidity m = FhirTables.longestPrefix(ctx.tables.comorbidityIcd10, code);
          if (m != null) {
            mapped.add(m);
          }
          infection |= FhirTables.hasPrefix(ctx.tables.infectionIcd10, code);
        } else {
          FhirTables.Key k = new FhirTables.Key(system, code);
          Comorbidity m = ctx.tables.comorbidityCodes.get(k);
          if (m != null) {
            mapped.add(m);
          }
          infection |= ctx.tables.infectionCodes.contains(k);
        }
      }
      if (mapped.isEmpty() && !infection) {
        continue;
      }
      ctx.use(e);
      boolean counts = Statuses.counts(cond, ctx.date);
      boolean chronic = Statuses.countsChronic(cond);
      for (Comorbidity m : mapped) {
        if (counts || chronic && ctx.tables.chronic.contains(m)) {
          found.computeIfAbsent(m, x -> new ArrayList<>()).add(e);
        }
      }
      if (infection && counts) {
        for (Site s : infectionSites(cond)) {
          infected.computeIfAbsent(s, x -> new ArrayList<>()).add(e);
        }
      }
    }
    Entry culture = observations.positiveCulture();
    if (culture != null) {
      found.computeIfAbsent(Comorbidity.URINARY_TRACT_INFECTION, x -> new ArrayList<>())
          .add(culture);
    }
    found.forEach((m, from) -> {
      ctx.prov("/medicalHistory/conditions/" + comorbidities.size(), from);
      comorbidities.add(m);
    });
    infected.forEach((s, from) -> {
      ctx.prov("/medicalHistory/infectionSites/" + infectionSites.size(), from);
      infectionSites.add(s);
    });
  }

  /**
   * The sites of an infection: its bodySite through the site table; without a usable one, every
   * site of every concern (given, else the catalog's usual sites).
   */
  private List<Site> infectionSites(Condition cond) {
    List<Site> at = new ArrayList<>();
    for (CodeableConcept site : cond.getBodySite()) {
      for (Site s : terminology.sites(site)) {
        if (!at.contains(s)) {
          at.add(s);
        }
      }
    }
    if (at.isEmpty()) {
      for (ConcernDraft c : concerns.all()) {
        List<Site> sites = c.sites;
        if (sites.isEmpty()) {
          CatalogEntry row = concerns.catalogEntry(c);
          sites = row == null ? List.of() : row.usualSites();
        }
        for (Site s : sites) {
          if (!at.contains(s)) {
            at.add(s);
          }
        }
      }
    }
    return at;
  }

  /** The allergies of the AllergyIntolerances that count. */
  List<Allergy> allergies() {
    Map<Allergy, List<Entry>> found = new LinkedHashMap<>();
    for (Entry e : ctx.ofType("AllergyIntolerance")) {
      ctx.use(e);
      AllergyIntolerance a = (AllergyIntolerance) e.resource;
      if (a == null || !Statuses.counts(a.getClinicalStatus(), a.getVerificationStatus())) {
        continue;
      }
      Set<Allergy> mapped = new LinkedHashSet<>();
      boolean none = false;
      for (Coding c : a.getCode().getCoding()) {
        FhirTables.Key k = new FhirTables.Key(Codes.system(c), Codes.code(c));
        if (ctx.tables.allergies.containsKey(k)) {
          Allergy al = ctx.tables.allergies.get(k);
          if (al == null) {
            none = true;
          } else {
            mapped.add(al);
          }
        }
      }
      Terminology.ProductInfo info = terminology.product(e);
      if (!info.products().isEmpty()) {
        mapped.add(Allergy.BOTULINUM_TOXIN);
      }
      if (mapped.isEmpty()) {
        if (none) {
          continue;
        }
        mapped.add(Allergy.OTHER);
      }
      if (mapped.contains(Allergy.BOTULINUM_TOXIN) && a.getReaction().stream()
          .anyMatch(r -> r.hasManifestation())) {
        toxinAllergies.add(e);
      }
      for (Allergy al : mapped) {
        found.computeIfAbsent(al, x -> new ArrayList<>()).add(e);
      }
    }
    List<Allergy> allergies = new ArrayList<>();
    found.forEach((al, from) -> {
      ctx.prov("/medicalHistory/allergies/" + allergies.size(), from);
      allergies.add(al);
    });
    return allergies;
  }

  /** The current medications: MedicationStatements and MedicationRequests that are not toxins. */
  List<Medication> medications() {
    List<Medication> medications = new ArrayList<>();
    for (Entry e : ctx.record.entries) {
      boolean current;
      Type medication;
      if (e.type.equals("MedicationStatement")) {
        ctx.use(e);
        MedicationStatement ms = (MedicationStatement) e.resource;
        if (ms == null) {
          continue;
        }
        current = ms.getStatus() == MedicationStatement.MedicationStatementStatus.ACTIVE
            || ms.getStatus() == MedicationStatement.MedicationStatementStatus.INTENDED
            || ms.getStatus() == MedicationStatement.MedicationStatementStatus.ONHOLD;
        medication = ms.getMedication();
      } else if (e.type.equals("MedicationRequest")) {
        ctx.use(e);
        MedicationRequest mr = (MedicationRequest) e.resource;
        if (mr == null) {
          continue;
        }
        MedicationRequest.MedicationRequestStatus s = mr.getStatus();
        current = (s == MedicationRequest.MedicationRequestStatus.ACTIVE
            || s == MedicationRequest.MedicationRequestStatus.ONHOLD
            || s == MedicationRequest.MedicationRequestStatus.DRAFT && ctx.cdsContext())
            && (Statuses.ORDER_FAMILY.contains(mr.getIntent())
            || mr.getIntent() == MedicationRequest.MedicationRequestIntent.PLAN);
        medication = mr.getMedication();
      } else {
        continue;
      }
      if (!current || terminology.product(e).toxin()) {
        continue;
      }
      List<Entry> from = new ArrayList<>();
      from.add(e);
      String name = medicationName(e, medication, from);
      if (name == null) {
        continue;
      }
      ctx.prov("/medicalHistory/medications/" + medications.size(), from);
      medications.add(Medication.named(name));
    }
    return medications;
  }

  /**
   * The name of medication[x]: the Medication's or the concept's text, else the first display; a
   * reference that resolves to nothing is named by its display (a note), else is a problem.
   */
  String medicationName(Entry e, Type medication, List<Entry> from) {
    CodeableConcept cc = null;
    String element = "medicationCodeableConcept";
    if (medication instanceof CodeableConcept c) {
      cc = c;
    } else if (medication instanceof Reference r) {
      element = "medicationReference";
      Entry m = ctx.record.resolve(r, e);
      if (m == null && r.hasDisplay() && !r.getDisplay().isBlank()) {
        ctx.note(Mapping.Note.Kind.MEDICATION_NAMED_BY_DISPLAY, e, "medicationReference "
            + FhirRecord.quote(String.valueOf(r.getReference())) + " is not in the bundle; "
            + "the medication is named by the reference's display");
        return r.getDisplay().trim();
      }
      if (m == null || !m.type.equals("Medication")) {
        ctx.problem(e, element, "refers to " + FhirRecord.quote(String.valueOf(r.getReference()))
            + ", which is not a Medication in the bundle: the medication cannot be named");
        return null;
      }
      ctx.use(m);
      if (m.resource != null) {
        cc = ((org.hl7.fhir.r4.model.Medication) m.resource).getCode();
      }
      if (m.fullUrl != null || !m.name.contains("#")) {
        from.add(m);
      }
    }
    if (cc != null) {
      if (cc.hasText() && !cc.getText().isBlank()) {
        return cc.getText().trim();
      }
      for (Coding c : cc.getCoding()) {
        if (c.hasDisplay() && !c.getDisplay().isBlank()) {
          return c.getDisplay().trim();
        }
      }
    }
    ctx.problem(e, element, "the medication has no text or coding display to name it (the drug "
        + "list matches names)");
    return null;
  }
}
