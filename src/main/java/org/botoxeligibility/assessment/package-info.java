/**
 * The answer the engine gives, and the exceptions it throws: the types an integrator reads.
 *
 * <p>An {@link org.botoxeligibility.assessment.Assessment} holds one {@link
 * org.botoxeligibility.assessment.Recommendation} per concern of the intake, each with its decision
 * (an {@link org.botoxeligibility.assessment.Effect}), category, mechanisms, label status,
 * insurance outlook, outstanding workflow steps, timing, planned units and every {@link
 * org.botoxeligibility.assessment.Reason} behind the decision, with the intake facts ({@link
 * org.botoxeligibility.assessment.Evidence}) each rests on. All of them are immutable records and
 * enums, safe to share between threads; their JSON form is written and read by the package
 * {@code org.botoxeligibility.json}.
 *
 * <p>Every exception the library throws on purpose extends {@link
 * org.botoxeligibility.assessment.EligibilityException}: {@link
 * org.botoxeligibility.assessment.InvalidIntakeException} (the intake breaks the contract; each
 * {@link org.botoxeligibility.assessment.Problem} has a JSON path and a sentence), {@link
 * org.botoxeligibility.assessment.EvaluationException}, {@link
 * org.botoxeligibility.assessment.RulesBuildException} and {@link
 * org.botoxeligibility.assessment.InvalidAssessmentException}.
 *
 * <p>The contract of these types, field by field, is docs/contract.md §2 (assessment) and §4
 * (library) in the repository; the reason codes, their effects and sources are in
 * docs/clinical-policy.md §4.
 */
package org.botoxeligibility.assessment;
