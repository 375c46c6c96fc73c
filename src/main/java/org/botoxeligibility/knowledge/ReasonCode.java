package org.botoxeligibility.knowledge;

/**
 * The stable reason codes of docs/clinical-policy.md §4, used by the built-in rules. Each constant
 * says when the reason applies and its effect on the decision; where the effect differs by
 * category, cosmetic comes first. A reason is a {@link Finding} with the code's name; a clinic's
 * overlay rules may use codes of their own. Part of the public contract: codes are never renamed.
 */
public enum ReasonCode {
  // patient-level
  /** Allergy to botulinum toxin, or an allergic reaction to a past treatment: NOT_ELIGIBLE. */
  BOTULINUM_TOXIN_HYPERSENSITIVITY,
  /** Allergy to human albumin, an excipient of onabotulinumtoxinA: NOT_ELIGIBLE. */
  EXCIPIENT_HYPERSENSITIVITY,
  /** Allergy to cow's milk protein: ELIGIBLE, informs (avoid abobotulinumtoxinA). */
  COW_MILK_PROTEIN_ALLERGY,
  /** Active infection or inflammation at a concern site: DEFERRED, without a date. */
  INJECTION_SITE_INFECTION,
  /** A neuromuscular disorder: NOT_ELIGIBLE / NEEDS_MEDICAL_EVALUATION. */
  NEUROMUSCULAR_DISORDER,
  /** Pregnant: DEFERRED without a date / NEEDS_MEDICAL_EVALUATION. */
  PREGNANCY,
  /** Breastfeeding: DEFERRED without a date / NEEDS_MEDICAL_EVALUATION. */
  BREASTFEEDING,
  /** Not male, aged 12 to 55, pregnancy status not given: NEEDS_MEDICAL_EVALUATION. */
  PREGNANCY_STATUS_UNKNOWN,
  /**
   * A drug that impairs neuromuscular transmission (an aminoglycoside, a blocker, ...):
   * DEFERRED without a date / ELIGIBLE_WITH_PRECAUTIONS.
   */
  NEUROMUSCULAR_TRANSMISSION_DRUG,
  /** An anticholinergic medication: ELIGIBLE_WITH_PRECAUTIONS. */
  ANTICHOLINERGIC_DRUG,
  /** A muscle relaxant: ELIGIBLE_WITH_PRECAUTIONS. */
  MUSCLE_RELAXANT_DRUG,
  /** An anticoagulant, an antiplatelet or a bleeding disorder: ELIGIBLE_WITH_PRECAUTIONS. */
  BLEEDING_RISK,
  /** A medication named alone that the drug list does not know: ELIGIBLE_WITH_PRECAUTIONS. */
  UNRECOGNIZED_MEDICATION,
  /**
   * Swallowing or breathing trouble, reported or after a past treatment: at the neck
   * NOT_ELIGIBLE / NEEDS_MEDICAL_EVALUATION; elsewhere NEEDS_MEDICAL_EVALUATION.
   */
  SWALLOWING_OR_BREATHING_RISK,
  /**
   * A drooping eyelid, reported or after a past treatment, with sites at the brow or eyes:
   * ELIGIBLE_WITH_PRECAUTIONS.
   */
  PTOSIS_RISK,
  /** Dry eye, with periorbital or eyelid sites: ELIGIBLE_WITH_PRECAUTIONS. */
  DRY_EYE_RISK,
  /** Cardiovascular disease: ELIGIBLE_WITH_PRECAUTIONS. */
  CARDIOVASCULAR_DISEASE,
  /** Body dysmorphic disorder, cosmetic concerns only: NEEDS_MEDICAL_EVALUATION. */
  BODY_DYSMORPHIC_DISORDER,
  /** Younger than the condition's minimum age: NOT_ELIGIBLE / NEEDS_MEDICAL_EVALUATION. */
  UNDER_MINIMUM_AGE,
  /** A toxin treatment less than 84 days ago: DEFERRED to 84 days after the latest. */
  RETREATMENT_INTERVAL,
  /**
   * Planned plus recent onabotulinumtoxinA units over the limit (adults 400 U, children by
   * weight): NEEDS_MEDICAL_EVALUATION.
   */
  CUMULATIVE_DOSE_LIMIT,
  /** A fact a rule needs is not given (the message names it): NEEDS_MEDICAL_EVALUATION. */
  MISSING_INFORMATION,
  /**
   * No response to the two latest treatments for the same condition:
   * NEEDS_MEDICAL_EVALUATION.
   */
  TREATMENT_NON_RESPONSE,
  /**
   * Muscle weakness or another reaction after a treatment for the same condition:
   * ELIGIBLE_WITH_PRECAUTIONS.
   */
  PRIOR_ADVERSE_REACTION,
  /** A child's planned units over the paediatric maximum: NEEDS_MEDICAL_EVALUATION. */
  PAEDIATRIC_DOSE_LIMIT,
  /** A child treated for spasticity (distant spread): ELIGIBLE_WITH_PRECAUTIONS. */
  CHILD_SPASTICITY_SPREAD_RISK,
  /**
   * The planned units exceed the label's maximum for the indication (rules/dose-limits.tsv):
   * NOT_ELIGIBLE / NEEDS_MEDICAL_EVALUATION (since 1.2).
   */
  DOSE_ABOVE_LABEL,
  /**
   * Not male, aged 12 to 55, breastfeeding not given, a cosmetic concern: ELIGIBLE, informs (ask
   * at the visit; since 1.2).
   */
  BREASTFEEDING_STATUS_UNKNOWN,
  // condition-level
  /** An alias classified as a catalog condition: ELIGIBLE, informs how. */
  CONDITION_CLASSIFIED,
  /** Off label, by the condition or by sites outside the label: ELIGIBLE_WITH_PRECAUTIONS. */
  OFF_LABEL_USE,
  /** A use that is not recommended: NOT_ELIGIBLE (the message names what is offered). */
  NOT_AN_EFFECTIVE_USE,
  /**
   * Therapeutic, and the examination or the diagnosis is not done:
   * NEEDS_MEDICAL_EVALUATION.
   */
  MEDICAL_EVALUATION_REQUIRED,
  /** Therapeutic, and no prescription yet: ELIGIBLE, informs (listed as outstanding). */
  PRESCRIPTION_REQUIRED,
  /** Every chronic migraine criterion is given and met: ELIGIBLE. */
  CHRONIC_MIGRAINE_CRITERIA_MET,
  /** A chronic migraine criterion that is given fails: NOT_ELIGIBLE. */
  CHRONIC_MIGRAINE_CRITERIA_NOT_MET,
  /** Hyperhidrosis, a secondary cause not excluded: NEEDS_MEDICAL_EVALUATION. */
  SECONDARY_CAUSE_NOT_EXCLUDED,
  /**
   * Axillary hyperhidrosis or a bladder condition without a failed first-line therapy:
   * ELIGIBLE_WITH_PRECAUTIONS.
   */
  FIRST_LINE_THERAPY_NOT_TRIED,
  /**
   * On label, but too few failed prior therapies for a payer: ELIGIBLE, informs (insurance
   * CRITERIA_NOT_MET).
   */
  PAYER_CRITERIA_NOT_MET,
  /** A bladder condition with a urinary tract infection: DEFERRED, without a date. */
  URINARY_TRACT_INFECTION,
  /**
   * A bladder condition with retention or a residual over 200 mL, not self-catheterising:
   * NOT_ELIGIBLE.
   */
  URINARY_RETENTION,
  /** Forehead lines treated without the glabella: ELIGIBLE_WITH_PRECAUTIONS. */
  FOREHEAD_WITHOUT_GLABELLAR,
  /** A bladder condition, not self-catheterising: ELIGIBLE_WITH_PRECAUTIONS. */
  URINARY_RETENTION_MONITORING,
  /**
   * Neurogenic bladder, or a bladder concern with a spinal cord injury or autonomic
   * dysreflexia: ELIGIBLE_WITH_PRECAUTIONS.
   */
  AUTONOMIC_DYSREFLEXIA_RISK,
  /** Blepharospasm (less blinking exposes the cornea): ELIGIBLE_WITH_PRECAUTIONS. */
  CORNEAL_EXPOSURE_RISK,
  /** Strabismus (bleeding behind the eye): ELIGIBLE_WITH_PRECAUTIONS. */
  RETROBULBAR_HAEMORRHAGE_RISK,
  /** Cervical dystonia: at most 100 U into the sternocleidomastoid: ELIGIBLE, informs. */
  STERNOCLEIDOMASTOID_DOSE_LIMIT,
  /** Cervical dystonia, new to onabotulinumtoxinA for it: ELIGIBLE_WITH_PRECAUTIONS. */
  LOWER_INITIAL_DOSE,
  /**
   * A bladder condition with recurrent urinary tract infections: NEEDS_MEDICAL_EVALUATION (since
   * 1.2).
   */
  RECURRENT_URINARY_TRACT_INFECTION,
  /**
   * A bladder condition: prophylactic antibiotics around the procedure, never an aminoglycoside:
   * ELIGIBLE, informs (since 1.2).
   */
  BLADDER_PROCEDURE_PROPHYLAXIS,
  /**
   * Spasticity: bronchitis and upper respiratory infections, pulmonary effects with compromised
   * respiratory status: ELIGIBLE_WITH_PRECAUTIONS (since 1.2).
   */
  SPASTICITY_RESPIRATORY_RISK
}
