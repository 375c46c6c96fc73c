package org.botoxeligibility.engine;

import org.botoxeligibility.assessment.EvaluationException;

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
import org.kie.api.runtime.rule.AgendaFilter;

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

  /**
   * Stronger than a changed assessment: without each rule, a test must fail. Either an example's
   * assessment changes (its golden file no longer matches) or a rule case's own assertions fail.
   */
  @Test
  void given_each_rule_held_back_then_a_golden_example_or_a_rule_case_fails() {
    EligibilityEngine engine = TestEngine.get();
    List<Intake> examples = Examples.intakes();
    List<List<Recommendation>> golden = examples.stream()
        .map(i -> engine.evaluate(i).recommendations()).toList();
    List<RuleCase> cases = AllRuleCases.all();

    List<String> unpinned = new ArrayList<>();
    for (String rule : engine.ruleNames()) {
      boolean pinned = false;
      for (int i = 0; i < examples.size() && !pinned; i++) {
        pinned = changes(engine, examples.get(i), rule, golden.get(i));
      }
      for (int i = 0; i < cases.size() && !pinned; i++) {
        pinned = fails(engine, cases.get(i), rule);
      }
      if (!pinned) {
        unpinned.add(rule);
      }
    }
    assertThat(unpinned).as("rules whose removal no test would notice").isEmpty();
  }

  private static boolean fails(EligibilityEngine engine, RuleCase c, String rule) {
    try {
      c.then().accept(engine.evaluate(c.intake(), without(rule)));
      return false;
    } catch (AssertionError | EvaluationException e) {
      return true;
    }
  }

  private static AgendaFilter without(String rule) {
    return match -> !match.getRule().getName().equals(rule);
  }

  private static boolean changes(EligibilityEngine engine, Intake intake, String rule,
      List<Recommendation> baseline) {
    try {
      Assessment without = engine.evaluate(intake, without(rule));
      return !Objects.equals(without.recommendations(), baseline);
    } catch (EvaluationException e) {
      return true;
    }
  }
}
