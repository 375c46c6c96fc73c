/**
 * FHIR R4 input: maps a patient's record, a FHIR R4 {@code Bundle}, to an intake the engine
 * evaluates, remembering which resources every intake field came from.
 *
 * <p>An integrator builds one {@link org.botoxeligibility.fhir.FhirIntakeMapper} per process
 * (over the engine's tables, so that a clinic's overrides apply to both), calls {@code map} with
 * the bundle, the assessment date and the {@link
 * org.botoxeligibility.fhir.FhirIntakeMapper.Options} (the toxin orders, or screening the
 * patient's diagnoses), and evaluates the {@link org.botoxeligibility.fhir.Mapping}'s intake when
 * it is valid. The package needs HAPI FHIR structures R4
 * ({@code ca.uhn.hapi.fhir:hapi-fhir-structures-r4}) on the class path, an optional dependency of
 * the library: an application that embeds only the engine does not load it. The code tables of
 * the mapping are data in rules/fhir-*.tsv.
 *
 * <p>The contract of the mapping is docs/fhir-mapping.md in the repository; the intake it makes
 * follows docs/contract.md §1.
 */
package org.botoxeligibility.fhir;
