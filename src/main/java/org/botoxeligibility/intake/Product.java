package org.botoxeligibility.intake;

/** Botulinum toxin products (formats.md §1). */
public enum Product implements Coded {
  ONABOTULINUMTOXINA,
  ABOBOTULINUMTOXINA,
  INCOBOTULINUMTOXINA,
  PRABOTULINUMTOXINA,
  DAXIBOTULINUMTOXINA,
  RIMABOTULINUMTOXINB;
}
