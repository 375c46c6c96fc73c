package org.botoxeligibility.knowledge;

import org.botoxeligibility.intake.Comorbidity;

/** A comorbidity the patient reported. */
public record ReportedComorbidity(Comorbidity code) {

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "ReportedComorbidity[redacted]";
  }
}
