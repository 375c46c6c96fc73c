package org.botoxeligibility.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Immutable copies that tolerate null elements (kept, for the validator to report). */
final class Lists {
  private Lists() {}

  /** A copy; null becomes an empty list. */
  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : copyOrNull(list);
  }

  /** A copy; null stays null (a required list that was not given). */
  static <T> List<T> copyOrNull(List<T> list) {
    if (list == null) {
      return null;
    }
    if (list.isEmpty()) {
      return List.of();
    }
    return Collections.unmodifiableList(new ArrayList<>(list));
  }
}
