package org.botoxeligibility.assessment;

/** Steps a therapeutic treatment needs before it is booked (formats.md §2). */
public enum Requirement {
  MEDICAL_EXAMINATION,
  CONFIRMED_DIAGNOSIS,
  PRESCRIPTION
}
