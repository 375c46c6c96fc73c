package org.botoxeligibility.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Immutable copies that tolerate null (as empty) and null elements (kept, for the validator to report). */
final class Lists {
  private Lists() {}

  static <T> List<T> copy(List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    return Collections.unmodifiableList(new ArrayList<>(list));
  }
}
