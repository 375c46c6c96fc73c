package org.botoxeligibility.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.engine.IntakeValidator;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.MedicalHistory;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.Workflow;
import org.botoxeligibility.knowledge.Catalog;
import org.botoxeligibility.knowledge.Policy;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * One mapping of one record (docs/fhir-mapping.md): not thread-safe, made for one call of {@link
 * FhirIntakeMapper#map}. It runs the rooms of the mapping in order over one shared {@link
 * MappingContext}, checks what concerns the record as a whole (subjects, read errors), and
 * validates the intake that results. Every problem found is collected; the intake is built from
 * what could be read.
 */
final class MappingRun {
  private static final Pattern JSON_PATH_INDEX = Pattern.compile("\\[(\\d+)]");

  private final IntakeValidator validator;
  private final MappingContext ctx;
  private final ObservationIndex observations;
  private final PatientFacts patient;
  private final OrderConcerns concerns;
  private final HistoryReader history;
  private final PastTreatments treatments;
  private final WorkflowFacts workflow;
  private final UnmappedCodings unmapped;
  private final PriorTherapies priorTherapies;

  MappingRun(FhirTables tables, Catalog catalog, Policy policy, IntakeValidator validator,
      FhirRecord record, LocalDate date, FhirIntakeMapper.Options options) {
    this.validator = validator;
    this.ctx = new MappingContext(tables, catalog, policy, record, date, options);
    Terminology terminology = new Terminology(ctx);
    Reasons reasons = new Reasons(ctx);
    this.observations = new ObservationIndex(ctx);
    this.patient = new PatientFacts(ctx, observations);
    this.concerns = new OrderConcerns(ctx, terminology, reasons);
    this.history = new HistoryReader(ctx, terminology, concerns, observations);
    this.treatments = new PastTreatments(ctx, terminology, reasons, observations);
    this.workflow = new WorkflowFacts(ctx, observations, concerns);
    this.unmapped = new UnmappedCodings(ctx, terminology);
    this.priorTherapies = new PriorTherapies(ctx, reasons, concerns);
  }

  Mapping run() {
    FhirRecord record = ctx.record;
    List<Problem> problems = ctx.problems;
    if (!record.fatal.isEmpty()) {
      return new Mapping(null, record.fatal, Map.of(), Mapping.Outcome.PROBLEMS);
    }
    patient.find();
    observations.index();
    if (ctx.options.screen()) {
      concerns.screen();
    } else {
      concerns.orders();
    }
    patient.readBirthDate();
    for (ConcernDraft c : concerns.all()) {
      observations.concernFacts(c);
      priorTherapies.read(c);
    }
    List<Comorbidity> comorbidities = new ArrayList<>();
    List<Site> infectionSites = new ArrayList<>();
    history.conditions(comorbidities, infectionSites);
    List<Allergy> allergies = history.allergies();
    List<Medication> medications = history.medications();
    treatments.read();
    treatments.adverseEvents(history.toxinAllergies());
    Workflow flags = workflow.workflow();
    checkSubjects();
    reportReadErrors();
    unmapped.collect();

    if (patient.deceased()) {
      problems.add(0, new Problem(patient.entry().name + ".deceased[x]",
          "the patient is deceased"));
      return result(null, Map.of(), Mapping.Outcome.DECEASED);
    }
    if (concerns.all().isEmpty()) {
      if (ctx.options.screen()) {
        if (problems.isEmpty()) {
          problems.add(new Problem("Bundle", "nothing to screen: no active Condition maps to a "
              + "therapeutic catalog condition"));
          return result(null, Map.of(), Mapping.Outcome.NOTHING_TO_SCREEN);
        }
        return result(null, Map.of(), Mapping.Outcome.PROBLEMS);
      }
      problems.add(0, new Problem("Bundle", "no botulinum toxin order; use --screen to assess "
          + "the patient's diagnoses"));
      return result(null, Map.of(), Mapping.Outcome.NO_TOXIN_ORDER);
    }
    Intake intake = Intake.builder()
        .intakeId(intakeId())
        .assessmentDate(ctx.date)
        .patient(patient.patient())
        .concerns(concerns.all().stream().map(ConcernDraft::build).toList())
        .medicalHistory(new MedicalHistory(comorbidities, allergies, medications, infectionSites))
        .treatmentHistory(treatments.all())
        .workflow(flags)
        .build();
    Map<String, List<String>> prov = new LinkedHashMap<>();
    ctx.provenance.forEach((k, v) -> prov.put(k, List.copyOf(v)));
    for (Problem p : validator.validate(intake, ctx.date).problems()) {
      if (ctx.suppressed.contains(p.path())) {
        continue;
      }
      List<String> resources = resourcesOf(pointer(p.path()), prov);
      problems.add(resources.isEmpty() ? p : new Problem(p.path(), p.message() + " ("
          + String.join(", ", resources) + ")"));
    }
    Mapping.Outcome outcome = problems.isEmpty() ? Mapping.Outcome.MAPPED
        : Mapping.Outcome.PROBLEMS;
    return result(intake, prov, outcome);
  }

  private Mapping result(Intake intake, Map<String, List<String>> prov,
      Mapping.Outcome outcome) {
    List<Mapping.Note> notes = new ArrayList<>(ctx.record.incomplete);
    notes.addAll(ctx.notes);
    return new Mapping(intake, ctx.problems, prov, outcome, unmapped.codings(),
        unmapped.conditions(), notes);
  }

  private String intakeId() {
    FhirRecord record = ctx.record;
    if (ctx.options.intakeId() != null) {
      return ctx.options.intakeId();
    }
    if (record.bundleId != null && OrderConcerns.ID.matcher(record.bundleId).matches()) {
      return record.bundleId;
    }
    return "fhir-" + record.hash().substring(0, 16);
  }

  /** A resource the mapping reads whose subject is another patient is a problem. */
  private void checkSubjects() {
    Entry self = patient.entry();
    if (self == null) {
      return;
    }
    for (Entry e : ctx.record.entries) {
      if (!ctx.used(e) || e == self || e.resource == null) {
        continue;
      }
      Reference subject;
      String element = "subject";
      if (e.resource instanceof AllergyIntolerance a) {
        subject = a.getPatient();
        element = "patient";
      } else if (e.resource instanceof Condition c) {
        subject = c.getSubject();
      } else if (e.resource instanceof Observation o) {
        subject = o.getSubject();
      } else if (e.resource instanceof MedicationStatement m) {
        subject = m.getSubject();
      } else if (e.resource instanceof MedicationRequest m) {
        subject = m.getSubject();
      } else if (e.resource instanceof ServiceRequest s) {
        subject = s.getSubject();
      } else if (e.resource instanceof Procedure p) {
        subject = p.getSubject();
      } else if (e.resource instanceof MedicationAdministration m) {
        subject = m.getSubject();
      } else if (e.resource instanceof MedicationDispense m) {
        subject = m.getSubject();
      } else if (e.resource instanceof Encounter enc) {
        subject = enc.getSubject();
      } else if (e.resource instanceof AdverseEvent ae) {
        subject = ae.getSubject();
      } else {
        continue;
      }
      if (subject == null || !subject.hasReference()) {
        continue;
      }
      Entry target = ctx.record.resolve(subject, e);
      if (target == self) {
        continue;
      }
      String key = FhirRecord.typeAndId(subject.getReference().trim());
      if (target == null && key != null && key.equals(self.name)) {
        continue;
      }
      ctx.problem(e, element, "refers to " + FhirRecord.quote(subject.getReference())
          + ", another patient than the record's " + self.name
          + ": a record holds one patient's resources");
    }
  }

  /** What HAPI could not read in a resource the mapping uses is a problem. */
  private void reportReadErrors() {
    for (Entry e : ctx.record.entries) {
      if (!ctx.used(e) && e.resource != null) {
        continue;
      }
      for (FhirRecord.ReadError r : e.errors) {
        ctx.problem(e, r.element(), r.message());
      }
    }
  }

  /** A validator path ($.concerns[1].id) as a JSON Pointer (/concerns/1/id). */
  static String pointer(String jsonPath) {
    if (jsonPath == null || jsonPath.equals("$")) {
      return "";
    }
    String p = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
    Matcher m = JSON_PATH_INDEX.matcher(p);
    p = m.replaceAll(".$1");
    return p.replace('.', '/');
  }

  /** The resources of a pointer, or of its nearest ancestor that has some. */
  private static List<String> resourcesOf(String pointer, Map<String, List<String>> prov) {
    String p = pointer;
    while (!p.isEmpty()) {
      List<String> r = prov.get(p);
      if (r != null) {
        return r;
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
    return List.of();
  }
}
