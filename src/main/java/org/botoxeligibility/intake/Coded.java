package org.botoxeligibility.intake;

/** An enum whose constants are the upper-snake-case codes of the public contract. */
public interface Coded {
  String name();

  /** The code in words, lower case, for sentences: {@code MYASTHENIA_GRAVIS} reads "myasthenia gravis". */
  default String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
