package org.botoxeligibility.fhir;

import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.MedicationRequest;

/** Which statuses count (docs/fhir-mapping.md §2), shared by the rooms of the mapping. */
final class Statuses {
  static final Set<String> ACTIVE_CLINICAL = Set.of("active", "recurrence", "relapse");
  static final Set<String> NOT_COUNTING = Set.of("refuted", "entered-in-error");
  /** "Intent order": the order family of docs/fhir-mapping.md §7. */
  static final Set<MedicationRequest.MedicationRequestIntent> ORDER_FAMILY = EnumSet.of(
      MedicationRequest.MedicationRequestIntent.ORDER,
      MedicationRequest.MedicationRequestIntent.ORIGINALORDER,
      MedicationRequest.MedicationRequestIntent.REFLEXORDER,
      MedicationRequest.MedicationRequestIntent.FILLERORDER,
      MedicationRequest.MedicationRequestIntent.INSTANCEORDER);

  private Statuses() {}

  /**
   * True when a Condition or AllergyIntolerance counts: clinically active, recurrence or relapse
   * (absent counts), and not refuted or entered in error.
   */
  static boolean counts(CodeableConcept clinical, CodeableConcept verification) {
    boolean active = clinical == null || !clinical.hasCoding()
        || Codes.anyCode(clinical, ACTIVE_CLINICAL);
    return active && !Codes.anyCode(verification, NOT_COUNTING);
  }
}
