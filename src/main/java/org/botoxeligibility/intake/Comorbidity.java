package org.botoxeligibility.intake;

/**
 * Reported comorbidities ({@code medicalHistory.conditions}, docs/contract.md §1). Each constant
 * names the reason it leads to (docs/clinical-policy.md §4).
 */
public enum Comorbidity implements Coded {
  /** Myasthenia gravis: a neuromuscular disorder ({@code NEUROMUSCULAR_DISORDER}). */
  MYASTHENIA_GRAVIS,
  /** Lambert-Eaton myasthenic syndrome: a neuromuscular disorder. */
  LAMBERT_EATON_SYNDROME,
  /** Amyotrophic lateral sclerosis (ALS): a neuromuscular disorder. */
  AMYOTROPHIC_LATERAL_SCLEROSIS,
  /** A motor neuropathy: a neuromuscular disorder. */
  MOTOR_NEUROPATHY,
  /** Another disorder of nerve or muscle: a neuromuscular disorder. */
  OTHER_NEUROMUSCULAR_DISORDER,
  /** Difficulty swallowing ({@code SWALLOWING_OR_BREATHING_RISK}). */
  DYSPHAGIA,
  /** Compromised breathing function ({@code SWALLOWING_OR_BREATHING_RISK}). */
  RESPIRATORY_COMPROMISE,
  /** A drooping eyelid ({@code PTOSIS_RISK} near the eyes). */
  EYELID_PTOSIS,
  /** Dry eye ({@code DRY_EYE_RISK} for periorbital and eyelid sites). */
  DRY_EYE,
  /** A disorder of blood clotting ({@code BLEEDING_RISK}). */
  BLEEDING_DISORDER,
  /** Heart or blood vessel disease ({@code CARDIOVASCULAR_DISEASE}). */
  CARDIOVASCULAR_DISEASE,
  /** Urinary retention ({@code URINARY_RETENTION} for bladder concerns). */
  URINARY_RETENTION,
  /** A current urinary tract infection (defers bladder concerns). */
  URINARY_TRACT_INFECTION,
  /** Body dysmorphic disorder (evaluation first for cosmetic concerns). */
  BODY_DYSMORPHIC_DISORDER,
  /** A spinal cord injury ({@code AUTONOMIC_DYSREFLEXIA_RISK}, bladder; since 1.1). */
  SPINAL_CORD_INJURY,
  /** Autonomic dysreflexia ({@code AUTONOMIC_DYSREFLEXIA_RISK}, bladder; since 1.1). */
  AUTONOMIC_DYSREFLEXIA,
  /**
   * Recurrent urinary tract infections (more than two in six months: the trials excluded them;
   * {@code RECURRENT_URINARY_TRACT_INFECTION}, bladder; since 1.2). Not an active infection.
   */
  RECURRENT_URINARY_TRACT_INFECTION;
}
