package org.botoxeligibility.knowledge;

import org.botoxeligibility.intake.Allergy;

/** An allergy the patient reported. */
public record ReportedAllergy(Allergy code) {

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "ReportedAllergy[redacted]";
  }
}
