package org.botoxeligibility.testing;

import java.util.function.Consumer;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.intake.Intake;

/**
 * One rule test: an intake and what its assessment must show. Rule tests list their cases, so
 * that the rule-coverage test can evaluate the same intakes with each rule held back.
 *
 * @param name given/when/then in words
 */
public record RuleCase(String name, Intake intake, Consumer<Assessment> then) {

  public static RuleCase of(String name, Intakes given, Consumer<Assessment> then) {
    return new RuleCase(name, given.build(), then);
  }

  @Override
  public String toString() {
    return name;
  }
}
