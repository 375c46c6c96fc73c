/**
 * The engine: evaluates intakes against the Drools knowledge base.
 *
 * <p>An integrator builds one {@link org.botoxeligibility.engine.EligibilityEngine} per process
 * ({@link org.botoxeligibility.engine.EligibilityEngine#withDefaultKnowledgeBase()}, or {@link
 * org.botoxeligibility.engine.EligibilityEngine#builder()} to add a clinic's overlay rules or
 * tables, an {@link org.botoxeligibility.engine.AuditSink} or a clock), shares it between threads,
 * and calls {@code evaluate} for each intake. {@link org.botoxeligibility.engine.IntakeValidator}
 * holds the value rules of the intake, which the engine applies to every intake it evaluates and
 * the JSON reader applies to what it reads; its constants are the contract's limits.
 *
 * <p>The contract of the library is docs/contract.md §4 in the repository, and of the intake it
 * validates, §1.
 */
package org.botoxeligibility.engine;
