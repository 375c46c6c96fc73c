package org.botoxeligibility.knowledge;

import java.util.List;

/**
 * A maximum dose that applies to one concern, as the rules of dosing.drl concluded it (knowledge
 * base 1.2): the label's maximum for the indication ({@code DOSE_ABOVE_LABEL}, from
 * rules/dose-limits.tsv), a child's paediatric maximum ({@code PAEDIATRIC_DOSE_LIMIT}), or the
 * cumulative limit across the intake and the recent past ({@code CUMULATIVE_DOSE_LIMIT}). The
 * reason of that code applies when the concern's planned units and the other units that count
 * against the same maximum exceed it; a rule that plans a dose change (a next step) reads the
 * units that would still pass from {@link #maxPlannedUnits()}.
 *
 * @param concernId the concern the maximum applies to
 * @param reason the reason code that the maximum backs, such as {@code DOSE_ABOVE_LABEL}
 * @param description what the maximum is for, in words ("glabellar lines", "upper limb
 *     spasticity", "an adult")
 * @param maxUnits the maximum in onabotulinumtoxinA units, unrounded (a weight-based limit can be
 *     121.8)
 * @param maximumText the maximum and how it is counted, in words ("20 units per treatment", "the
 *     lower of 6 units/kg (120 units) and 200 units")
 * @param ownUnits the concern's own planned units (0 when it has no planned dose)
 * @param otherUnits the units that count against the same maximum besides the concern's own: the
 *     planned units of the concerns it is shared with, and units given within its window
 * @param otherText those other units in words, for messages ("20 units planned for glabellar
 *     lines (concern c2)"); empty when none count
 * @param unknownUnits true when some units that would count are not known (a past treatment
 *     without units, a concern it is shared with that has no planned dose)
 * @param sharedWith the ids of the other concerns of this intake whose planned units count
 *     against it, in intake order
 * @param source the source a reason cites for the maximum (a clinic's row: its own source,
 *     followed by "(local)")
 * @param local true when the maximum rests on a clinic's number (a --tables override)
 * @param evidence JSON Pointers of the intake facts the maximum and its counted units rest on
 * @param rule the rule that concluded it
 */
public record DoseLimit(String concernId, String reason, String description, double maxUnits,
    String maximumText, int ownUnits, int otherUnits, String otherText, boolean unknownUnits,
    List<String> sharedWith, String source, boolean local, List<String> evidence, String rule) {

  /**
   * Copies the lists.
   *
   * @param concernId the concern
   * @param reason the reason code it backs
   * @param description what it is for
   * @param maxUnits the maximum, unrounded
   * @param maximumText the maximum in words
   * @param ownUnits the concern's planned units
   * @param otherUnits the other units that count
   * @param otherText the other units in words
   * @param unknownUnits whether some counted units are not known
   * @param sharedWith the concerns it is shared with; not null
   * @param source the source
   * @param local whether it rests on a clinic's number
   * @param evidence the pointers; not null
   * @param rule the rule's name
   */
  public DoseLimit {
    sharedWith = List.copyOf(sharedWith);
    evidence = List.copyOf(evidence);
  }

  /**
   * The units that count against the maximum: the concern's own and the others.
   *
   * @return the total
   */
  public int total() {
    return ownUnits + otherUnits;
  }

  /**
   * True when the units that count exceed the maximum (compared unrounded).
   *
   * @return whether the maximum is exceeded
   */
  public boolean exceeded() {
    return total() > maxUnits;
  }

  /**
   * The most units this concern could plan and stay within the maximum, rounded down, at least 0;
   * null while some counted units are not known (no number can be promised then).
   *
   * @return the units, or null
   */
  public Integer maxPlannedUnits() {
    if (unknownUnits) {
      return null;
    }
    return (int) Math.max(0, Math.floor(maxUnits - otherUnits));
  }

  /**
   * The sentence a reason's message ends with when the maximum is a clinic's number: empty for
   * the label's.
   *
   * @return the sentence, with a leading space, or ""
   */
  public String localNote() {
    return local ? " The maximum is a local number of this clinic, not the label's." : "";
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "DoseLimit[redacted]";
  }
}
