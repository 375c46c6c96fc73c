package org.botoxeligibility.intake;

/** Drug classes (formats.md §1). */
public enum DrugClass implements Coded {
  AMINOGLYCOSIDE,
  NEUROMUSCULAR_BLOCKER,
  OTHER_NEUROMUSCULAR_TRANSMISSION_INHIBITOR,
  ANTICHOLINERGIC,
  ANTICOAGULANT,
  ANTIPLATELET,
  MUSCLE_RELAXANT,
  OTHER;
}
