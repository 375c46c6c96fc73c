package org.botoxeligibility.knowledge;

import org.botoxeligibility.intake.Comorbidity;

/** A comorbidity the patient reported. */
public record ReportedComorbidity(Comorbidity code) {}
