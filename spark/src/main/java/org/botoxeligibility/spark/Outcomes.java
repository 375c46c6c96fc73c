package org.botoxeligibility.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.EligibilityException;
import org.botoxeligibility.assessment.InvalidIntakeException;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.assessment.Requirement;
import org.botoxeligibility.intake.Intake;

/** Builds the rows of {@link Schemas#OUTCOME} and evaluates an intake into one. */
final class Outcomes {
  private Outcomes() {}

  /** The fields an outcome row has besides its kind; all optional. */
  static final class Builder {
    private final Kind kind;
    String patient;
    String intakeId;
    LocalDate assessmentDate;
    String file;
    Long byteOffset;
    String resource;
    long resources;
    long duplicates;
    long duplicatePatients;
    long linesRead;
    long blankLines;
    long patientLines;
    Map<String, Long> ignored;
    long sharedLines;
    long unmappedConditions;
    boolean incomplete;
    final List<Row> recommendations = new ArrayList<>();
    final List<Row> problems = new ArrayList<>();
    final List<Row> unmapped = new ArrayList<>();

    Builder(Kind kind) {
      this.kind = kind;
    }

    Builder problem(String path, String message) {
      problems.add(RowFactory.create(path, message));
      return this;
    }

    Builder problems(List<Problem> list) {
      for (Problem p : list) {
        problem(p.path(), p.message());
      }
      return this;
    }

    Row row() {
      return RowFactory.create(kind.name(), patient, intakeId,
          assessmentDate == null ? null : java.sql.Date.valueOf(assessmentDate), file,
          byteOffset, resource, resources, duplicates, duplicatePatients, linesRead, blankLines,
          patientLines, ignored == null ? null : scalaMap(ignored),
          recommendations.toArray(new Row[0]), problems.toArray(new Row[0]), sharedLines,
          unmapped.toArray(new Row[0]), unmappedConditions, incomplete);
    }

    /** What the mapping could not read and whether the record was incomplete. */
    Builder reports(org.botoxeligibility.fhir.Mapping m) {
      for (org.botoxeligibility.fhir.Mapping.UnmappedCoding u : m.unmapped()) {
        unmapped.add(RowFactory.create(u.system(), u.code(), u.display(),
            (long) u.resources().size()));
      }
      unmappedConditions = m.unmappedConditions().size();
      incomplete = m.incomplete();
      return this;
    }
  }

  /**
   * Evaluates a valid intake: an assessed outcome, or the intake's problems, or a failure.
   *
   * @param engines this JVM's engines
   * @param intake the intake
   * @param patient the patient reference, or null
   * @return the outcome, with its recommendations or problems
   */
  static Builder evaluate(Engines engines, Intake intake, String patient) {
    Assessment a;
    try {
      a = engines.engine().evaluate(intake);
    } catch (InvalidIntakeException e) {
      Builder b = new Builder(patient == null ? Kind.INVALID_INTAKE : Kind.RECORD_PROBLEMS);
      b.patient = patient;
      b.intakeId = intake.intakeId();
      b.assessmentDate = intake.assessmentDate();
      return b.problems(e.problems());
    } catch (EligibilityException e) {
      return failed(intake, patient, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // an unexpected exception's message could quote anything: its type only
      return failed(intake, patient, e.getClass().getName());
    }
    Builder b = new Builder(Kind.ASSESSED);
    b.patient = patient;
    b.intakeId = a.intakeId();
    b.assessmentDate = a.assessmentDate();
    for (Recommendation r : a.recommendations()) {
      List<String> outstanding = new ArrayList<>();
      for (Requirement q : r.outstandingRequirements()) {
        outstanding.add(q.name());
      }
      List<String> codes = new ArrayList<>();
      for (Reason reason : r.reasons()) {
        codes.add(reason.code());
      }
      b.recommendations.add(RowFactory.create(r.concernId(), name(r.condition()),
          name(r.category()), name(r.labelStatus()), r.decision().name(), name(r.insurance()),
          r.readyToBook(), r.earliestTreatmentDate() == null ? null
              : java.sql.Date.valueOf(r.earliestTreatmentDate()), r.plannedUnits(),
          outstanding.toArray(new String[0]), codes.toArray(new String[0])));
    }
    return b;
  }

  private static Builder failed(Intake intake, String patient, String what) {
    Builder b = new Builder(Kind.EVALUATION_FAILED);
    b.patient = patient;
    b.intakeId = intake.intakeId();
    b.assessmentDate = intake.assessmentDate();
    return b.problem("$", "the evaluation failed: " + what);
  }

  /** A map as Spark's external row type wants it (a Scala map). */
  static scala.collection.Map<String, Long> scalaMap(Map<String, Long> map) {
    return scala.jdk.javaapi.CollectionConverters.asScala(new java.util.TreeMap<>(map));
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }
}
