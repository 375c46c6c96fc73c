package org.botoxeligibility.assessment;

/**
 * Why the toxin is given: appearance or a medical condition (the catalog's column "cat",
 * docs/clinical-policy.md §2). The category changes the effect of several reasons (a cosmetic use
 * is refused where a therapeutic one is sent for evaluation), the insurance outlook and the
 * workflow requirements.
 */
public enum Category {
  /** For appearance (wrinkles, jaw slimming, gummy smile): never covered, no workflow steps. */
  COSMETIC,
  /** For a medical condition: needs examination, confirmed diagnosis and prescription. */
  THERAPEUTIC
}
