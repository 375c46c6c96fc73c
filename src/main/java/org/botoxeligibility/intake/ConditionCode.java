package org.botoxeligibility.intake;

/**
 * Condition codes: the catalog rows of docs/clinical-policy.md §2 and the two input aliases that
 * rules classify ({@link #MIGRAINE}, {@link #EXCESSIVE_SWEATING}). The facts of each row (category,
 * label status, minimum age, usual sites, typical units, timing, ICD-10-CM prefixes) live in
 * rules/conditions.tsv; each constant below says what it means, its category and label status.
 */
public enum ConditionCode implements Coded {
  /** Frown lines between the eyebrows; cosmetic, on label. */
  GLABELLAR_LINES,
  /** Crow's feet at the outer corners of the eyes; cosmetic, on label. */
  LATERAL_CANTHAL_LINES,
  /** Horizontal forehead lines; cosmetic, on label (treated with the frown lines). */
  FOREHEAD_LINES,
  /** Vertical neck bands of the platysma muscle; cosmetic, on label. */
  PLATYSMA_BANDS,
  /** Jaw slimming (an enlarged masseter muscle); cosmetic, off label. */
  MASSETER_HYPERTROPHY,
  /** Gums showing widely above the upper teeth in a smile; cosmetic, off label. */
  GUMMY_SMILE,
  /** Laugh lines (nasolabial folds); cosmetic, not recommended (filler is usual). */
  LAUGH_LINES,
  /** Chronic migraine (15 or more headache days a month); therapeutic, on label. */
  CHRONIC_MIGRAINE,
  /** Episodic migraine (up to 14 headache days a month); therapeutic, not recommended. */
  EPISODIC_MIGRAINE,
  /** Tension-type headache; therapeutic, not recommended. */
  TENSION_TYPE_HEADACHE,
  /** Cervical dystonia (spasmodic torticollis); therapeutic, on label. */
  CERVICAL_DYSTONIA,
  /** Neck pain without dystonia; therapeutic, off label. */
  NECK_PAIN,
  /** Shoulder and back pain; therapeutic, off label. */
  SHOULDER_BACK_PAIN,
  /** Myofascial pain from trigger points; therapeutic, off label. */
  MYOFASCIAL_TRIGGER_POINTS,
  /** Muscle spasms (the sites must be given); therapeutic, off label. */
  MUSCLE_SPASM,
  /** Teeth grinding; therapeutic, off label. */
  BRUXISM,
  /** Jaw clenching (temporomandibular disorder); therapeutic, off label. */
  JAW_CLENCHING,
  /** Limb spasticity (from age 2); therapeutic, on label. */
  SPASTICITY,
  /** Primary excessive underarm sweating; therapeutic, on label. */
  AXILLARY_HYPERHIDROSIS,
  /** Excessive palm sweating; therapeutic, off label. */
  PALMAR_HYPERHIDROSIS,
  /** Excessive foot sweating; therapeutic, off label. */
  PLANTAR_HYPERHIDROSIS,
  /** Blepharospasm, involuntary eyelid spasm (from age 12); therapeutic, on label. */
  BLEPHAROSPASM,
  /** Strabismus, misaligned eyes (from age 12); therapeutic, on label. */
  STRABISMUS,
  /** Overactive bladder; therapeutic, on label. */
  OVERACTIVE_BLADDER,
  /** Neurogenic bladder overactivity (from age 5); therapeutic, on label. */
  NEUROGENIC_DETRUSOR_OVERACTIVITY,
  /** Drooling; therapeutic, off label for onabotulinumtoxinA. */
  SIALORRHEA,
  /** Alias: migraine not yet classified; the headache days decide chronic or episodic. */
  MIGRAINE,
  /** Alias: excessive sweating; the one site given decides which hyperhidrosis. */
  EXCESSIVE_SWEATING;
}
