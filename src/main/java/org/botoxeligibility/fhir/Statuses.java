package org.botoxeligibility.fhir;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.botoxeligibility.fhir.Codes.Dated;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Period;

/** Which statuses count (docs/fhir-mapping.md §2), shared by the rooms of the mapping. */
final class Statuses {
  static final Set<String> ACTIVE_CLINICAL = Set.of("active", "recurrence", "relapse");
  static final Set<String> NOT_COUNTING = Set.of("refuted", "entered-in-error");
  /** The statuses a chronic disorder keeps counting under (docs/fhir-mapping.md §8). */
  static final Set<String> CHRONIC_CLINICAL = Set.of("active", "recurrence", "relapse",
      "inactive", "remission");
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

  /**
   * True when a Condition counts on the date: as {@link #counts}, and, when it has no
   * clinicalStatus, not abated on or before the date (docs/fhir-mapping.md §8: a clinicalStatus
   * that is present decides).
   */
  static boolean counts(Condition c, LocalDate date) {
    if (!counts(c.getClinicalStatus(), c.getVerificationStatus())) {
      return false;
    }
    boolean hasStatus = c.hasClinicalStatus() && c.getClinicalStatus().hasCoding();
    return hasStatus || !abated(c, date);
  }

  /**
   * True when a Condition of a chronic disorder counts: not refuted or entered in error, and
   * active, recurrent, relapsed, inactive, in remission, or of no status; abatement does not end it.
   */
  static boolean countsChronic(Condition c) {
    CodeableConcept clinical = c.getClinicalStatus();
    boolean status = clinical == null || !clinical.hasCoding()
        || Codes.anyCode(clinical, CHRONIC_CLINICAL);
    return status && !Codes.anyCode(c.getVerificationStatus(), NOT_COUNTING);
  }

  /**
   * True when a Condition's abatement[x] is a date or period on or before the date (a period by
   * its end, else its start; a partial date by its last day). An age, a range or a text cannot be
   * placed in time: such a Condition is not read as abated (a missing fact is never kinder).
   */
  static boolean abated(Condition c, LocalDate date) {
    if (!c.hasAbatement()) {
      return false;
    }
    Dated d = null;
    if (c.getAbatement() instanceof BaseDateTimeType t) {
      d = Codes.date(t);
    } else if (c.getAbatement() instanceof Period p) {
      d = Codes.date(p, false);
    }
    return d != null && !d.last().isAfter(date);
  }
}
