package org.botoxeligibility.fhir;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.intake.Intake;

/**
 * What the mapping made of a FHIR Bundle (docs/fhir-mapping.md §6, §8): the intake, its problems,
 * for each JSON Pointer of the intake the resources it came from, and what the mapping could not
 * read or wants the reader to know. Evaluate the intake only when {@link #valid()}; pass the
 * provenance to {@link org.botoxeligibility.assessment.Assessment#withProvenance} so that the
 * evidence names the resources.
 *
 * @param intake the intake, exactly as {@code evaluate} would take it (its assessment date set);
 *     null when the bundle could not be read, holds no toxin order (orders), nothing to screen, or
 *     a deceased patient; with problems, what could be read (for {@code from-fhir}), never to be
 *     evaluated
 * @param problems every problem, each naming the resource and element (FHIRPath style) or, for a
 *     problem of the resulting intake, its intake path and the resource it came from; empty when
 *     the mapping succeeded
 * @param provenance the resources ({@code Type/id}) behind each JSON Pointer of the intake, such
 *     as {@code /patient/weightKg -> [Observation/w1]}; a default has no entry
 * @param outcome what kind of result this is
 * @param unmapped the codings of counting Conditions, completed Procedures and toxin-like orders
 *     that no table of the mapping maps, one per system and code, in the order first met
 * @param unmappedConditions the counting Conditions ({@code Type/id}) that carry no ICD-10-CM
 *     coding and no coding any table maps (a SNOMED-only record the tables do not cover)
 * @param notes what the reader of the mapping should know although it is not a problem: an
 *     incomplete record, a treatment inferred from an order or a dispense, a medication named by a
 *     reference's display
 */
public record Mapping(
    Intake intake, List<Problem> problems, Map<String, List<String>> provenance,
    Outcome outcome, List<UnmappedCoding> unmapped, List<String> unmappedConditions,
    List<Note> notes) {

  /** What kind of result a mapping is. */
  public enum Outcome {
    /** An intake with no problem, of the mapping or of the intake: ready to evaluate. */
    MAPPED,
    /**
     * The bundle, or a resource the mapping must use, could not be read, or the intake it gives
     * breaks docs/contract.md §1 (exit 3, HTTP 422).
     */
    PROBLEMS,
    /**
     * Orders mode: the record holds no botulinum toxin order, or none selected (CDS Hooks: no
     * card); the problems say so first, and list any other problem found.
     */
    NO_TOXIN_ORDER,
    /** Screening mode: no active Condition maps to a therapeutic catalog condition. */
    NOTHING_TO_SCREEN,
    /**
     * The patient is deceased ({@code Patient.deceasedBoolean} true, or {@code deceasedDateTime}
     * on or before the assessment date): nothing is assessed (exit 3); the problems say so first.
     */
    DECEASED
  }

  /**
   * A coding that no table of the mapping maps, with the resources it was met in.
   *
   * @param system the coding's system (its canonical URI when the table of system aliases knows
   *     it), or "" when it has none
   * @param code the code, or ""
   * @param display the first display (or the concept's text) met with it, or null
   * @param resources the resources ({@code Type/id}) that carry it, in bundle order
   */
  public record UnmappedCoding(String system, String code, String display,
      List<String> resources) {

    /**
     * Copies the resources.
     *
     * @param system the system, not null
     * @param code the code, not null
     * @param display the display, or null
     * @param resources the resources, not null
     */
    public UnmappedCoding {
      Objects.requireNonNull(system, "system must not be null");
      Objects.requireNonNull(code, "code must not be null");
      resources = List.copyOf(resources);
    }
  }

  /**
   * Something the mapping did or found that is not a problem, for the reader of the mapping.
   *
   * @param kind what kind of note this is
   * @param resource the resource or bundle element it concerns ({@code Type/id}, {@code
   *     Bundle.entry[3]}), or {@code Bundle}
   * @param message what happened, in words; no patient data beyond what the record's own
   *     diagnostics say
   */
  public record Note(Kind kind, String resource, String message) {

    /** What kind of note. */
    public enum Kind {
      /**
       * The server said it left something out: an OperationOutcome entry of a searchset with
       * severity warning or error, a batch-response entry that is not a success, or a searchset
       * with a next page.
       */
      INCOMPLETE_RECORD,
      /** A past treatment inferred from a completed order or a dispense (no administration). */
      TREATMENT_INFERRED,
      /**
       * A medication reference that resolves to nothing is named by the reference's display.
       */
      MEDICATION_NAMED_BY_DISPLAY
    }

    /**
     * Checks the fields.
     *
     * @param kind the kind, not null
     * @param resource the resource or element, not null
     * @param message the message, not null
     */
    public Note {
      Objects.requireNonNull(kind, "kind must not be null");
      Objects.requireNonNull(resource, "resource must not be null");
      Objects.requireNonNull(message, "message must not be null");
    }

    @Override
    public String toString() {
      return resource + ": " + message;
    }
  }

  /**
   * Copies the lists and the map.
   *
   * @param intake the intake, or null
   * @param problems the problems; not null
   * @param provenance the resources behind each pointer; not null
   * @param outcome the kind of result
   * @param unmapped the codings no table maps; not null
   * @param unmappedConditions the Conditions with no mapped coding; not null
   * @param notes the notes; not null
   */
  public Mapping {
    problems = List.copyOf(problems);
    provenance = Map.copyOf(provenance);
    unmapped = List.copyOf(unmapped);
    unmappedConditions = List.copyOf(unmappedConditions);
    notes = List.copyOf(notes);
  }

  /**
   * A mapping with nothing unmapped and no notes.
   *
   * @param intake the intake, or null
   * @param problems the problems; not null
   * @param provenance the resources behind each pointer; not null
   * @param outcome the kind of result
   */
  public Mapping(Intake intake, List<Problem> problems, Map<String, List<String>> provenance,
      Outcome outcome) {
    this(intake, problems, provenance, outcome, List.of(), List.of(), List.of());
  }

  /**
   * True when there is an intake and no problem.
   *
   * @return whether the intake can be evaluated
   */
  public boolean valid() {
    return outcome == Outcome.MAPPED && problems.isEmpty() && intake != null;
  }

  /**
   * True when the server said the record it sent is incomplete (a note of kind {@link
   * Note.Kind#INCOMPLETE_RECORD}).
   *
   * @return whether the record may be incomplete
   */
  public boolean incomplete() {
    return notes.stream().anyMatch(n -> n.kind() == Note.Kind.INCOMPLETE_RECORD);
  }
}
