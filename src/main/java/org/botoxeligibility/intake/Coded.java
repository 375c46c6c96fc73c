package org.botoxeligibility.intake;

/**
 * An enum whose constants are the upper-snake-case codes of the public contract
 * (docs/contract.md §1), as written in JSON.
 */
public interface Coded {
  /**
   * The code, exactly as the contract and the JSON write it.
   *
   * @return the code, such as {@code MYASTHENIA_GRAVIS}
   */
  String name();

  /**
   * The code in words, lower case, for sentences.
   *
   * @return the words: {@code MYASTHENIA_GRAVIS} reads "myasthenia gravis"
   */
  default String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
