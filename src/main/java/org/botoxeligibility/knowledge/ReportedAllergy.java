package org.botoxeligibility.knowledge;

import java.util.List;
import org.botoxeligibility.intake.Allergy;

/**
 * An allergy the patient reported (once, however often it is listed).
 *
 * @param code the allergy
 * @param pointers where the intake lists it ({@code /medicalHistory/allergies/N})
 */
public record ReportedAllergy(Allergy code, List<String> pointers) {

  /**
   * Copies the pointers.
   *
   * @param code the allergy
   * @param pointers where the intake lists it; not null
   */
  public ReportedAllergy {
    pointers = List.copyOf(pointers);
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "ReportedAllergy[redacted]";
  }
}
