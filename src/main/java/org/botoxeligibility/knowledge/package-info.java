/**
 * The knowledge base's own types: the facts the rules and a clinic's overlay rules reason over,
 * the conclusions they insert, and the tables (catalog, thresholds, drug list) behind them.
 *
 * <p>Facts inserted per evaluation: the intake's {@code Patient}, {@code Concern}s and
 * {@code Workflow}, and {@link org.botoxeligibility.knowledge.ReportedComorbidity}, {@link
 * org.botoxeligibility.knowledge.ReportedAllergy}, {@link
 * org.botoxeligibility.knowledge.InfectedSite}, {@link
 * org.botoxeligibility.knowledge.TakenMedication}, {@link
 * org.botoxeligibility.knowledge.PastTreatment} and {@link
 * org.botoxeligibility.knowledge.AssessmentDate}. The rules derive {@link
 * org.botoxeligibility.knowledge.ConcernProfile} (a concern with its catalog row), {@link
 * org.botoxeligibility.knowledge.Risk}, {@link org.botoxeligibility.knowledge.PlannedDose}, {@link
 * org.botoxeligibility.knowledge.DoseTotal} and {@link
 * org.botoxeligibility.knowledge.DoseLimit} (each maximum dose that applies to a concern, from the
 * label's maximums of {@link org.botoxeligibility.knowledge.LabelDoseLimit}, the paediatric ones
 * and the cumulative one), and conclude {@link
 * org.botoxeligibility.knowledge.Finding}s (the reasons, with the codes of {@link
 * org.botoxeligibility.knowledge.ReasonCode}), {@link org.botoxeligibility.knowledge.Label}, {@link
 * org.botoxeligibility.knowledge.Coverage}, {@link org.botoxeligibility.knowledge.Outstanding} and
 * {@link org.botoxeligibility.knowledge.Decision}, which the engine folds into the assessment.
 * Globals: {@code policy} ({@link org.botoxeligibility.knowledge.Policy}), {@code catalog}
 * ({@link org.botoxeligibility.knowledge.Catalog}) and {@code given} ({@link
 * org.botoxeligibility.knowledge.IntakePointers}, the JSON Pointers a finding rests on).
 *
 * <p>An overlay rule author uses this package: an overlay declares a package of its own, matches
 * these facts and inserts {@code Finding}s (see the README and {@code examples/overlay}). An
 * integrator that only evaluates intakes needs little of it: {@link
 * org.botoxeligibility.knowledge.KnowledgeTables}, the tables a clinic overrides row by row from
 * a folder, to share them between the engine and the FHIR mapper.
 *
 * <p>The clinical content these types encode is docs/clinical-policy.md in the repository; the
 * contract of the library is docs/contract.md §4.
 */
package org.botoxeligibility.knowledge;
