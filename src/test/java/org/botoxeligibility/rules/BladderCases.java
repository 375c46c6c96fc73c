package org.botoxeligibility.rules;

import java.util.List;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/bladder.drl: for each rule, a case where it applies and a near miss. */
final class BladderCases {
  private BladderCases() {}

  static List<RuleCase> cases() {
    return List.of();
  }
}
