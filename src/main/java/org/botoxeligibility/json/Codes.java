package org.botoxeligibility.json;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.botoxeligibility.intake.ConditionCode;

/** Words for code lists in problem messages. */
final class Codes {
  private Codes() {}

  static String noun(Class<? extends Enum<?>> type) {
    if (type == ConditionCode.class) {
      return "condition";
    }
    String simple = type.getSimpleName();
    return simple.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }

  static String list(Class<? extends Enum<?>> type) {
    if (type == ConditionCode.class) {
      return "see `botox-eligibility conditions`";
    }
    return Arrays.stream(type.getEnumConstants()).map(Enum::name)
        .collect(Collectors.joining(", "));
  }
}
