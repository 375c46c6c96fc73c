package org.botoxeligibility.intake;

/**
 * Drug classes of current medications ({@code medicalHistory.medications[].drugClass},
 * docs/contract.md §1); a medication given by name alone is classed from the knowledge base's drug
 * list (docs/clinical-policy.md §6).
 */
public enum DrugClass implements Coded {
  /** Aminoglycoside antibiotics (gentamicin, tobramycin): potentiate the toxin. */
  AMINOGLYCOSIDE,
  /** Neuromuscular blockers (rocuronium, succinylcholine): potentiate the toxin. */
  NEUROMUSCULAR_BLOCKER,
  /**
   * Other drugs that impair neuromuscular transmission (polymyxin B, clindamycin, magnesium
   * sulfate, quinidine): potentiate the toxin.
   */
  OTHER_NEUROMUSCULAR_TRANSMISSION_INHIBITOR,
  /** Anticholinergics (oxybutynin, glycopyrrolate): anticholinergic effects may add up. */
  ANTICHOLINERGIC,
  /** Anticoagulants (warfarin, apixaban, heparin): a bleeding risk at injection. */
  ANTICOAGULANT,
  /** Antiplatelet drugs (aspirin, clopidogrel): a bleeding risk at injection. */
  ANTIPLATELET,
  /** Muscle relaxants (baclofen, tizanidine): may add to the weakness. */
  MUSCLE_RELAXANT,
  /**
   * A botulinum toxin product written as a medication (Dysport, Xeomin, Myobloc, Jeuveau,
   * Daxxify, Botox): its injection belongs in the treatment history, with its date (since 1.2).
   */
  BOTULINUM_TOXIN,
  /** Any other class: no interaction the rules know of. */
  OTHER;
}
