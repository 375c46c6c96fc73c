package org.botoxeligibility.assessment;

/** Why the toxin is given: appearance or a medical condition. */
public enum Category {
  COSMETIC,
  THERAPEUTIC
}
