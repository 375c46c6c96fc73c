/**
 * JSON in and out: the strict intake reader, the assessment writer and reader, the canonical form
 * of an intake and a JSON-lines audit trail.
 *
 * <p>{@link org.botoxeligibility.json.IntakeReader} reads an intake and reports every problem with
 * its JSON path (give it the engine's validator, so that it refuses exactly what the engine
 * would); {@link org.botoxeligibility.json.AssessmentWriter} writes an assessment byte for byte
 * the same every time, and {@link org.botoxeligibility.json.AssessmentReader} reads it back into
 * records. {@link org.botoxeligibility.json.JsonAuditLog} is an audit trail for the engine that
 * records no patient data, only the intake's id and hash, decisions, reason codes and rules. All
 * of them are thread-safe.
 *
 * <p>The JSON formats are docs/contract.md §1 (intake) and §2 (assessment) in the repository.
 */
package org.botoxeligibility.json;
