/**
 * The intake: what clinical software tells the engine about one patient, as immutable records
 * with builders, and the code lists of the contract as enums.
 *
 * <p>Build an {@link org.botoxeligibility.intake.Intake} with {@link
 * org.botoxeligibility.intake.Intake#builder()} from a {@link org.botoxeligibility.intake.Patient},
 * one or more {@link org.botoxeligibility.intake.Concern}s, a {@link
 * org.botoxeligibility.intake.MedicalHistory} (required: an empty list means "asked, none
 * reported", a list never set means "not asked" and is refused), and optionally {@link
 * org.botoxeligibility.intake.TreatmentRecord}s and a {@link org.botoxeligibility.intake.Workflow}.
 * A field never set is "not given", and no null is ever needed; missing is never read as "no".
 * Records and builders check nothing: the engine validates an intake built in code exactly as the
 * JSON reader validates one read from JSON, and refuses it with every problem listed. Builders are
 * not thread-safe; the records are immutable, and their {@code toString} names no patient data.
 *
 * <p>The enums ({@link org.botoxeligibility.intake.ConditionCode}, {@link
 * org.botoxeligibility.intake.Site}, {@link org.botoxeligibility.intake.Comorbidity}, ...) are the
 * code lists of the contract; their constant names are the codes written in JSON.
 *
 * <p>The contract of the intake, field by field with its ranges and defaults, is docs/contract.md
 * §1 in the repository; the conditions of the catalog are in docs/clinical-policy.md §2.
 */
package org.botoxeligibility.intake;
