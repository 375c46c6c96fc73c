package org.botoxeligibility.intake;

/**
 * Botulinum toxin products of past treatments ({@code treatmentHistory[].product},
 * docs/contract.md §1). Units of different products are not interchangeable: every product counts
 * for the retreatment interval, only onabotulinumtoxinA units count against the cumulative dose.
 */
public enum Product implements Coded {
  /** OnabotulinumtoxinA (Botox, Botox Cosmetic): the product this knowledge base is for. */
  ONABOTULINUMTOXINA,
  /** AbobotulinumtoxinA (Dysport). */
  ABOBOTULINUMTOXINA,
  /** IncobotulinumtoxinA (Xeomin). */
  INCOBOTULINUMTOXINA,
  /** PrabotulinumtoxinA (Jeuveau). */
  PRABOTULINUMTOXINA,
  /** DaxibotulinumtoxinA (Daxxify). */
  DAXIBOTULINUMTOXINA,
  /** RimabotulinumtoxinB (Myobloc), a type B toxin. */
  RIMABOTULINUMTOXINB;
}
