package org.botoxeligibility.intake;

/** Injection sites (formats.md §1, code list "Sites"). */
public enum Site implements Coded {
  SCALP,
  FOREHEAD,
  GLABELLA,
  PERIORBITAL,
  EYELID,
  NOSE,
  PERIORAL,
  JAW,
  TEMPLE,
  NECK,
  SHOULDER,
  UPPER_BACK,
  LOWER_BACK,
  AXILLA,
  PALM,
  SOLE,
  UPPER_LIMB,
  LOWER_LIMB,
  BLADDER,
  EXTRAOCULAR_MUSCLE,
  SALIVARY_GLAND;
}
