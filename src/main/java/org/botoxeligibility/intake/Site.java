package org.botoxeligibility.intake;

/**
 * Injection sites, and sites of active infection (docs/contract.md §1, code list "Sites"). A
 * concern without sites is assessed at its condition's usual sites.
 */
public enum Site implements Coded {
  /** The scalp (occipital and other scalp muscles). */
  SCALP,
  /** The forehead (frontalis muscle). */
  FOREHEAD,
  /** Between the eyebrows (corrugator and procerus muscles). */
  GLABELLA,
  /** Around the eye (orbicularis oculi: crow's feet, eyelid spasm). */
  PERIORBITAL,
  /** The eyelid. */
  EYELID,
  /** The nose. */
  NOSE,
  /** Around the mouth and upper lip. */
  PERIORAL,
  /** The jaw (masseter muscle). */
  JAW,
  /** The temple (temporalis muscle). */
  TEMPLE,
  /** The neck (platysma, sternocleidomastoid, cervical paraspinal muscles). */
  NECK,
  /** The shoulder (trapezius and other shoulder muscles). */
  SHOULDER,
  /** The upper back. */
  UPPER_BACK,
  /** The lower back. */
  LOWER_BACK,
  /** The underarm. */
  AXILLA,
  /** The palm of the hand. */
  PALM,
  /** The sole of the foot. */
  SOLE,
  /** The muscles of the arm. */
  UPPER_LIMB,
  /** The muscles of the leg. */
  LOWER_LIMB,
  /** The bladder wall (detrusor muscle). */
  BLADDER,
  /** The muscles that move the eye. */
  EXTRAOCULAR_MUSCLE,
  /** The salivary glands. */
  SALIVARY_GLAND;
}
