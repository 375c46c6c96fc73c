package org.botoxeligibility.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.testing.RuleCase;
import org.botoxeligibility.testing.TestEngine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every rule case against the built-in knowledge base. */
class RuleCasesTest {

  @TestFactory
  Stream<DynamicTest> every_rule_case_holds() {
    return AllRuleCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      Assessment assessment = TestEngine.get().evaluate(c.intake());
      c.then().accept(assessment);
    }));
  }

  @Test
  void case_names_are_unique() {
    assertThat(AllRuleCases.all().stream().map(RuleCase::name)).doesNotHaveDuplicates();
  }
}
