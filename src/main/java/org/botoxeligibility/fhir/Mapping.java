package org.botoxeligibility.fhir;

import java.util.List;
import java.util.Map;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.intake.Intake;

/**
 * What the mapping made of a FHIR Bundle (docs/fhir-mapping.md §6): the intake, its problems, and
 * for each JSON Pointer of the intake the resources it came from. Evaluate the intake only when
 * {@link #valid()}; pass the provenance to {@link
 * org.botoxeligibility.assessment.Assessment#withProvenance} so that the evidence names the
 * resources.
 *
 * @param intake the intake, exactly as {@code evaluate} would take it (its assessment date set);
 *     null when the bundle could not be read, holds no toxin order (orders) or nothing to screen;
 *     with problems, what could be read (for {@code from-fhir}), never to be evaluated
 * @param problems every problem, each naming the resource and element (FHIRPath style) or, for a
 *     problem of the resulting intake, its intake path and the resource it came from; empty when
 *     the mapping succeeded
 * @param provenance the resources ({@code Type/id}) behind each JSON Pointer of the intake, such
 *     as {@code /patient/weightKg -> [Observation/w1]}; a default has no entry
 * @param outcome what kind of result this is
 */
public record Mapping(
    Intake intake, List<Problem> problems, Map<String, List<String>> provenance,
    Outcome outcome) {

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
    NOTHING_TO_SCREEN
  }

  /**
   * Copies the lists and the map.
   *
   * @param intake the intake, or null
   * @param problems the problems; not null
   * @param provenance the resources behind each pointer; not null
   * @param outcome the kind of result
   */
  public Mapping {
    problems = List.copyOf(problems);
    provenance = Map.copyOf(provenance);
  }

  /**
   * True when there is an intake and no problem.
   *
   * @return whether the intake can be evaluated
   */
  public boolean valid() {
    return outcome == Outcome.MAPPED && problems.isEmpty() && intake != null;
  }
}
