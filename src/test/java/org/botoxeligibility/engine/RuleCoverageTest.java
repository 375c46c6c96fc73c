package org.botoxeligibility.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.rules.AllRuleCases;
import org.botoxeligibility.testing.Examples;
import org.botoxeligibility.testing.RuleCase;
import org.botoxeligibility.testing.TestEngine;
import org.junit.jupiter.api.Test;

/**
 * Every rule must matter: for each rule of the knowledge base, the examples and the rule cases
 * are evaluated with that rule held back (an agenda filter), and at least one assessment must
 * change (or the evaluation must refuse to complete). A rule nothing notices is dead or untested.
 */
class RuleCoverageTest {

  @Test
  void given_each_rule_held_back_then_some_assessment_changes() {
    EligibilityEngine engine = TestEngine.get();
    List<Intake> corpus = new ArrayList<>(Examples.intakes());
    AllRuleCases.all().stream().map(RuleCase::intake).forEach(corpus::add);
    List<List<Recommendation>> baseline = corpus.stream()
        .map(i -> engine.evaluate(i).recommendations()).toList();

    List<String> unnoticed = new ArrayList<>();
    for (String rule : engine.ruleNames()) {
      boolean noticed = false;
      for (int i = 0; i < corpus.size() && !noticed; i++) {
        noticed = changes(engine, corpus.get(i), rule, baseline.get(i));
      }
      if (!noticed) {
        unnoticed.add(rule);
      }
    }
    assertThat(engine.ruleNames()).hasSizeGreaterThan(50);
    assertThat(unnoticed).as("rules that no example or rule case notices").isEmpty();
  }

  private static boolean changes(EligibilityEngine engine, Intake intake, String rule,
      List<Recommendation> baseline) {
    try {
      Assessment without = engine.evaluate(intake, match -> !match.getRule().getName()
          .equals(rule));
      return !Objects.equals(without.recommendations(), baseline);
    } catch (EvaluationException e) {
      return true;
    }
  }
}
