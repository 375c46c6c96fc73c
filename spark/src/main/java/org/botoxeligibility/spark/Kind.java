package org.botoxeligibility.spark;

/** What became of a patient, an intake line or a line of an export (the outcome's {@code kind}). */
public enum Kind {
  /** Assessed: one recommendation row per concern. */
  ASSESSED,
  /** A patient without a candidate condition: counted, no row. */
  NOTHING_TO_SCREEN,
  /** A deceased patient (fhir-mapping.md §8): counted on its own line, never a candidate. */
  DECEASED,
  /** A patient whose record has problems (fhir-mapping.md §5): one problems row. */
  RECORD_PROBLEMS,
  /** An intake line that breaks formats.md §1: one problems row. */
  INVALID_INTAKE,
  /** An evaluation that failed unexpectedly: one problems row; the job then exits non-zero. */
  EVALUATION_FAILED,
  /** Resources that name a patient missing from the Patient files: one problems row. */
  PATIENT_NOT_IN_EXPORT,
  /** A resource that names no patient: one problems row. */
  NO_PATIENT_REFERENCE,
  /** A line that is not a JSON object that can be read: one problems row. */
  MALFORMED_LINE,
  /** The counts of one input split (internal: no row in any table). */
  COUNTS
}
