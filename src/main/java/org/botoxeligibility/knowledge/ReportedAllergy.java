package org.botoxeligibility.knowledge;

import org.botoxeligibility.intake.Allergy;

/** An allergy the patient reported. */
public record ReportedAllergy(Allergy code) {}
