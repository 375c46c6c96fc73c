package org.botoxeligibility.rules;

import java.util.List;
import org.botoxeligibility.testing.RuleCase;

/** Cases for the rules of rules/prior-therapy.drl: for each rule, a case where it applies and a near miss. */
final class PriorTherapyCases {
  private PriorTherapyCases() {}

  static List<RuleCase> cases() {
    return List.of();
  }
}
