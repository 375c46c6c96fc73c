package org.botoxeligibility.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Effect;
import org.botoxeligibility.assessment.EvaluationException;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.assessment.RuleError;
import org.botoxeligibility.assessment.RulesBuildException;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.knowledge.KnowledgeBaseResources;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.TestEngine;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clinic's overlay rules, misused as an outside trial misused them, against the real engine:
 * rules that loop, rules that take away what the built-in knowledge base concluded, built-in
 * reason codes, and the mistakes an overlay author makes. Each is refused with an exception that
 * names the rule and the reason, never hangs the caller, and never carries the overlay's own
 * exception text outward.
 */
class OverlayMisuseTest {
  private static final String HEADER = """
      package org.botoxeligibility.clinic;

      import org.botoxeligibility.assessment.Effect;
      import org.botoxeligibility.knowledge.*;
      import org.botoxeligibility.intake.*;

      global org.botoxeligibility.knowledge.IntakePointers given;

      """;

  /** A patient for whom the built-in knowledge base refuses everything: allergic, with MG. */
  private static final Intake ALLERGIC_WITH_MG = Intakes.with(ConditionCode.GLABELLAR_LINES)
      .allergy(Allergy.BOTULINUM_TOXIN).comorbidity(Comorbidity.MYASTHENIA_GRAVIS).build();

  /** The patient the looping rules start on; other patients are not touched. */
  private static final Intake AGED_77 = Intakes.with(ConditionCode.GLABELLAR_LINES).age(77)
      .build();

  @TempDir
  Path dir;

  private int folders;

  private Path overlay(String rules) {
    Path folder = dir.resolve("overlay-" + ++folders);
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("clinic.drl"), HEADER + rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  private EligibilityEngine engine(String rules) {
    return EligibilityEngine.builder().addRules(overlay(rules)).build();
  }

  private static String chain(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** The line of the DRL file where a text first appears (the header counted). */
  private static int lineOf(String rules, String text) {
    String all = HEADER + rules;
    return all.substring(0, all.indexOf(text)).split("\n", -1).length;
  }

  @Nested
  class Loops {
    private static final String TICK = """
        declare Tick
            n : int
        end

        rule "Clinic: start ticking for a patient of 77"
        when
            Patient( ageYears == 77 )
        then
            insert(new Tick(0));
        end
        """;

    @Test
    void given_a_rule_that_updates_the_profile_it_matches_then_it_is_refused_at_its_first_update() {
      EligibilityEngine engine = engine("""
          rule "Clinic: look at every concern again"
          when
              $p : ConcernProfile()
          then
              update($p);
          end
          """);

      assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
          assertThatThrownBy(() -> engine.evaluate(AGED_77))
              .isInstanceOf(EvaluationException.class)
              .hasMessageContaining("the overlay rule \"Clinic: look at every concern again\" "
                  + "modifies a ConcernProfile that no overlay rule inserted"));
    }

    @Test
    void given_a_rule_that_modifies_what_it_matches_forever_then_the_firing_limit_stops_it() {
      EligibilityEngine engine = EligibilityEngine.builder().firingLimit(5_000)
          .addRules(overlay(TICK + """
              rule "Clinic: tick again"
              when
                  $t : Tick( n >= 0 )
              then
                  modify($t) { setN($t.getN() + 1) }
              end
              """)).build();

      assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
          assertThatThrownBy(() -> engine.evaluate(AGED_77))
              .isInstanceOf(EvaluationException.class)
              .hasMessageContaining("intake TEST-1")
              .hasMessageContaining("the rule \"Clinic: tick again\" would fire beyond the limit "
                  + "of 5000 rule firings per evaluation"));
    }

    @Test
    void given_the_same_loop_and_the_default_limit_then_it_is_stopped_too() {
      EligibilityEngine engine = engine(TICK + """
          rule "Clinic: tick again"
          when
              $t : Tick( n >= 0 )
          then
              modify($t) { setN($t.getN() + 1) }
          end
          """);

      assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
          assertThatThrownBy(() -> engine.evaluate(AGED_77))
              .isInstanceOf(EvaluationException.class)
              .hasMessageContaining("would fire beyond the limit of "
                  + EligibilityEngine.DEFAULT_FIRING_LIMIT));
    }

    @Test
    void given_a_rule_that_inserts_what_it_matches_without_end_then_the_limit_stops_it() {
      EligibilityEngine engine = EligibilityEngine.builder().firingLimit(5_000)
          .addRules(overlay(TICK + """
              rule "Clinic: one tick more"
              when
                  Tick( $n : n )
              then
                  insert(new Tick($n + 1));
              end
              """)).build();

      assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
          assertThatThrownBy(() -> engine.evaluate(AGED_77))
              .isInstanceOf(EvaluationException.class)
              .hasMessageContaining("\"Clinic: one tick more\"")
              .hasMessageContaining("limit of 5000"));
    }

    @Test
    void given_one_consequence_that_inserts_in_a_loop_then_the_insert_limit_stops_it() {
      EligibilityEngine engine = EligibilityEngine.builder().firingLimit(5_000)
          .addRules(overlay(TICK + """
              rule "Clinic: a thousand ticks at once"
              when
                  Tick( n == 0 )
              then
                  for (int i = 1; i > 0; i++) {
                      insert(new Tick(i));
                  }
              end
              """)).build();

      assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
          assertThatThrownBy(() -> engine.evaluate(AGED_77))
              .isInstanceOf(EvaluationException.class)
              .hasMessageContaining("the rule \"Clinic: a thousand ticks at once\" would insert "
                  + "beyond the limit of 5000 facts per evaluation"));
    }

    @Test
    void given_a_slow_loop_under_the_firing_limit_then_the_deadline_stops_it() {
      EligibilityEngine engine = EligibilityEngine.builder().deadline(Duration.ofMillis(500))
          .addRules(overlay(TICK + """
              rule "Clinic: tick slowly"
              when
                  $t : Tick( n >= 0 )
              then
                  long until = System.nanoTime() + 20000000L;
                  while (System.nanoTime() < until) { }
                  modify($t) { setN($t.getN() + 1) }
              end
              """)).build();

      assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
          assertThatThrownBy(() -> engine.evaluate(AGED_77))
              .isInstanceOf(EvaluationException.class)
              .hasMessageContaining("the deadline of 500 ms per evaluation")
              .hasMessageContaining("\"Clinic: tick slowly\""));
    }

    @Test
    void given_a_consequence_that_does_not_return_then_the_caller_stops_waiting_at_the_deadline() {
      // the loop ends after 8 s, so that the abandoned thread does not outlive the test run
      EligibilityEngine engine = EligibilityEngine.builder().deadline(Duration.ofSeconds(1))
          .addRules(overlay(TICK + """
              rule "Clinic: think for a long time"
              when
                  Tick( n == 0 )
              then
                  long until = System.nanoTime() + 8000000000L;
                  while (System.nanoTime() < until) { }
              end
              """)).build();

      assertTimeoutPreemptively(Duration.ofSeconds(7), () ->
          assertThatThrownBy(() -> engine.evaluate(AGED_77))
              .isInstanceOf(EvaluationException.class)
              .hasMessageContaining("the deadline of 1000 ms per evaluation")
              .hasMessageContaining("while the rule \"Clinic: think for a long time\" was "
                  + "running, and the rule did not return"));
    }

    @Test
    void given_a_function_that_calls_itself_without_end_then_the_rule_is_named() {
      EligibilityEngine engine = engine("""
          function int deeper(int n) {
              return deeper(n + 1) + 1;
          }

          rule "Clinic: count the generations"
          when
              Patient( ageYears == 77 )
          then
              deeper(0);
          end
          """);

      assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
          assertThatThrownBy(() -> engine.evaluate(AGED_77))
              .isInstanceOf(EvaluationException.class)
              .hasMessageContaining("the overlay rule \"Clinic: count the generations\" failed "
                  + "in its consequence: StackOverflowError"));
      Intake other = Intakes.with(ConditionCode.CHRONIC_MIGRAINE).build();
      assertThat(engine.evaluate(other).recommendations())
          .isEqualTo(TestEngine.get().evaluate(other).recommendations());
    }

    @Test
    void given_a_rule_with_a_timer_then_it_is_refused_at_build() {
      Path folder = overlay("""
          rule "Clinic: remind every second"
              timer (int: 0 1s)
          when
              Patient()
          then
          end
          """);

      assertThatThrownBy(() -> EligibilityEngine.builder().addRules(folder).build())
          .isInstanceOfSatisfying(RulesBuildException.class, e -> assertThat(e.errors())
              .extracting(RuleError::message).singleElement().asString()
              .contains("\"Clinic: remind every second\" has the attribute timer"));
    }

    @Test
    void given_the_caller_is_interrupted_then_the_evaluation_stops_and_the_interrupt_stays_set()
        throws Exception {
      EligibilityEngine engine = engine(TICK + """
          rule "Clinic: tick slowly"
          when
              $t : Tick( n >= 0 )
          then
              long until = System.nanoTime() + 20000000L;
              while (System.nanoTime() < until) { }
              modify($t) { setN($t.getN() + 1) }
          end
          """);
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          engine.evaluate(AGED_77);
        } catch (Throwable t) {
          thrown.set(t);
        }
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      });
      caller.start();
      Thread.sleep(300);
      caller.interrupt();
      caller.join(30_000);

      assertThat(caller.isAlive()).as("the caller returned").isFalse();
      assertThat(thrown.get()).isInstanceOf(EvaluationException.class)
          .hasMessageContaining("the calling thread was interrupted");
      assertThat(stillInterrupted.get()).isTrue();
    }

    @Test
    void given_a_loop_that_failed_then_the_engine_assesses_the_next_intakes_as_before() {
      EligibilityEngine engine = EligibilityEngine.builder().firingLimit(5_000)
          .addRules(overlay(TICK + """
              rule "Clinic: tick again"
              when
                  $t : Tick( n >= 0 )
              then
                  modify($t) { setN($t.getN() + 1) }
              end
              """)).build();
      Intake other = Intakes.with(ConditionCode.CHRONIC_MIGRAINE).build();

      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> engine.evaluate(AGED_77))
            .isInstanceOf(EvaluationException.class);
        assertThat(engine.evaluate(other).recommendations())
            .isEqualTo(TestEngine.get().evaluate(other).recommendations());
      }
    }

    @Test
    void the_default_firing_limit_is_far_above_what_the_built_in_base_needs_for_the_largest_intake() {
      int firings = TestEngine.get().firings(LargestIntake.build());

      assertThat(firings).as("firings of the largest intake").isPositive()
          .isLessThan(EligibilityEngine.DEFAULT_FIRING_LIMIT / 10);
      assertThat(TestEngine.get().evaluate(LargestIntake.build()).recommendations()).hasSize(20);
    }
  }

  @Nested
  class OnlyAdd {
    @Test
    void given_an_overlay_that_deletes_the_refusals_of_an_allergic_patient_with_mg_then_it_is_refused() {
      Recommendation builtIn = TestEngine.get().evaluate(ALLERGIC_WITH_MG).recommendations().get(0);
      assertThat(builtIn.decision()).isEqualTo(Effect.NOT_ELIGIBLE);
      assertThat(builtIn.reasons()).extracting(Reason::code)
          .contains("BOTULINUM_TOXIN_HYPERSENSITIVITY", "NEUROMUSCULAR_DISORDER");
      EligibilityEngine engine = engine("""
          rule "Clinic: our own work-up replaces the refusals"
              salience -50
          when
              $f : Finding( effect != Effect.ELIGIBLE )
          then
              delete($f);
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(ALLERGIC_WITH_MG))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("the overlay rule \"Clinic: our own work-up replaces the "
              + "refusals\" deletes a Finding that no overlay rule inserted");
    }

    @Test
    void given_an_overlay_that_deletes_through_the_session_itself_then_it_is_refused_as_well() {
      EligibilityEngine engine = engine("""
          rule "Clinic: quietly drop the refusals"
              salience -50
          when
              $f : Finding( effect == Effect.NOT_ELIGIBLE )
          then
              drools.getKieRuntime().delete(drools.getKieRuntime().getFactHandle($f));
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(ALLERGIC_WITH_MG))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("\"Clinic: quietly drop the refusals\" deletes a Finding");
    }

    @Test
    void given_an_overlay_that_deletes_the_allergy_itself_then_it_is_refused() {
      EligibilityEngine engine = engine("""
          rule "Clinic: the allergy was a misunderstanding"
              salience 500
          when
              $a : ReportedAllergy()
          then
              retract($a);
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(ALLERGIC_WITH_MG))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("\"Clinic: the allergy was a misunderstanding\" deletes a "
              + "ReportedAllergy that no overlay rule inserted");
    }

    @Test
    void given_an_overlay_that_decides_eligible_before_the_built_in_rules_then_it_is_refused() {
      EligibilityEngine engine = engine("""
          rule "Clinic: decide early"
              salience 90
          when
              $p : ConcernProfile()
          then
              insert(new Decision($p.id(), Effect.ELIGIBLE, drools.getRule().getName()));
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(ALLERGIC_WITH_MG))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("the overlay rule \"Clinic: decide early\" inserts a Decision; "
              + "an overlay adds findings");
    }

    @Test
    void given_an_overlay_that_inserts_a_second_patient_then_it_is_refused() {
      EligibilityEngine engine = engine("""
          rule "Clinic: a younger self"
              salience 500
          when
              Patient( ageYears > 60 )
          then
              insert(Patient.builder().ageYears(30).build());
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(AGED_77))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("\"Clinic: a younger self\" inserts a Patient");
    }

    @Test
    void given_an_overlay_that_clears_the_agenda_then_the_built_in_comparison_refuses_it() {
      EligibilityEngine engine = engine("""
          rule "Clinic: nothing else to do"
              salience -10
          when
              $p : ConcernProfile()
          then
              drools.getKieRuntime().getAgenda().clear();
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(ALLERGIC_WITH_MG))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("\"Clinic: nothing else to do\"");
    }

    @Test
    void given_an_overlay_that_halts_the_session_then_the_evaluation_fails_naming_it() {
      EligibilityEngine engine = engine("""
          rule "Clinic: enough"
              salience 95
          when
              $p : ConcernProfile()
          then
              drools.halt();
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(ALLERGIC_WITH_MG))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("\"Clinic: enough\"");
    }

    @Test
    void given_an_overlay_that_replaces_the_policy_then_it_is_refused() {
      EligibilityEngine engine = engine("""
          rule "Clinic: our own thresholds"
              salience 500
          when
              Patient()
          then
              drools.getKieRuntime().setGlobal("policy", Policy.load(KnowledgeTables.builtIn()));
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(ALLERGIC_WITH_MG))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("evaluation of intake TEST-1 stopped: a rule replaced a global");
    }

    @Test
    void given_an_overlay_finding_that_names_a_built_in_rule_then_it_is_refused() {
      EligibilityEngine engine = engine("""
          rule "Clinic: borrow a name"
          when
              $p : ConcernProfile()
          then
              insert(new Finding($p.id(), "CLINIC_NOTE", Effect.ELIGIBLE, "A note.", "Clinic",
                  "Chronic migraine criteria are met", null));
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(AGED_77))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("\"Clinic: borrow a name\" inserts a finding that names "
              + "another rule");
    }

    @Test
    void given_an_overlay_finding_for_a_concern_the_intake_lacks_then_it_is_refused() {
      EligibilityEngine engine = engine("""
          rule "Clinic: a concern of our own"
          when
              Patient()
          then
              insert(new Finding("c99", "CLINIC_NOTE", Effect.NOT_ELIGIBLE, "A note.", "Clinic",
                  drools.getRule().getName(), null));
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(AGED_77))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("\"Clinic: a concern of our own\" inserts a finding for a "
              + "concern the intake does not have");
    }

    @Test
    void given_an_overlay_that_adds_a_refusal_then_the_decision_is_more_restrictive_and_every_built_in_reason_stays() {
      Intake intake = Intakes.with(ConditionCode.CHRONIC_MIGRAINE).build();
      Recommendation builtIn = TestEngine.get().evaluate(intake).recommendations().get(0);
      EligibilityEngine engine = engine("""
          rule "Clinic: no migraine treatment this winter"
          when
              $p : ConcernProfile( code == ConditionCode.CHRONIC_MIGRAINE )
          then
              insert(Finding.of($p, "CLINIC_SEASONAL_PAUSE", Effect.NOT_ELIGIBLE, "Clinic policy 9",
                  drools.getRule().getName(), "The clinic pauses migraine treatment this winter.")
                  .restingOn($p.conditionPointer()));
          end
          """);

      Recommendation overlaid = engine.evaluate(intake).recommendations().get(0);

      assertThat(builtIn.decision()).isNotEqualTo(Effect.NOT_ELIGIBLE);
      assertThat(overlaid.decision()).isEqualTo(Effect.NOT_ELIGIBLE);
      assertThat(overlaid.reasons()).containsAll(builtIn.reasons());
      assertThat(overlaid.reasons()).filteredOn(r -> r.code().equals("CLINIC_SEASONAL_PAUSE"))
          .singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("Clinic: no migraine treatment this winter");
            assertThat(r.evidence()).extracting(e -> e.path())
                .containsExactly("/concerns/0/condition");
          });
      assertThat(overlaid.readyToBook()).isFalse();
      assertThat(overlaid.earliestTreatmentDate()).isNull();
    }

    @Test
    void given_the_example_overlay_then_it_only_adds() {
      EligibilityEngine engine = EligibilityEngine.builder()
          .addRules(Path.of("examples/overlay")).build();
      Intake young = Intakes.with(ConditionCode.GLABELLAR_LINES).age(19).medication("zzqx")
          .build();

      Recommendation builtIn = TestEngine.get().evaluate(young).recommendations().get(0);
      Recommendation overlaid = engine.evaluate(young).recommendations().get(0);

      assertThat(overlaid.reasons()).containsAll(builtIn.reasons());
      assertThat(overlaid.reasons()).extracting(Reason::code)
          .contains("CLINIC_YOUNG_ADULT_CONSULTATION", "CLINIC_PHARMACIST_REVIEW");
    }
  }

  @Nested
  class BuiltInCodes {
    @Test
    void given_an_overlay_that_inserts_a_pregnancy_finding_then_it_is_refused_at_build() {
      String rules = """
          rule "Clinic: treat everyone as pregnant"
          when
              $p : ConcernProfile()
          then
              insert(Finding.of($p, ReasonCode.PREGNANCY, Effect.DEFERRED, "Clinic",
                  drools.getRule().getName(), "Deferred."));
          end
          """;
      Path folder = overlay(rules);

      assertThatThrownBy(() -> EligibilityEngine.builder().addRules(folder).build())
          .isInstanceOfSatisfying(RulesBuildException.class, e -> assertThat(e.errors())
              .extracting(RuleError::toString).singleElement().asString()
              .startsWith(folder.resolve("clinic.drl") + ":" + lineOf(rules, "ReasonCode") + ": ")
              .contains("\"Clinic: treat everyone as pregnant\" uses the built-in reason code "
                  + "PREGNANCY")
              .contains("CLINIC_PREGNANCY"));
    }

    @Test
    void given_the_built_in_code_written_as_text_then_it_is_refused_at_build() {
      String rules = """
          rule "Clinic: pregnancy, spelt out"
          when
              $p : ConcernProfile()
          then
              insert(Finding.of($p, "PREGNANCY", Effect.DEFERRED, "Clinic",
                  drools.getRule().getName(), "Deferred."));
          end
          """;
      Path folder = overlay(rules);

      assertThatThrownBy(() -> EligibilityEngine.builder().addRules(folder).build())
          .isInstanceOfSatisfying(RulesBuildException.class, e -> assertThat(e.errors())
              .extracting(RuleError::toString).singleElement().asString()
              .startsWith(folder.resolve("clinic.drl") + ":" + lineOf(rules, "insert(") + ": ")
              .contains("gives its finding the built-in reason code PREGNANCY"));
    }

    @Test
    void given_the_built_in_code_computed_at_run_time_then_the_evaluation_refuses_it() {
      EligibilityEngine engine = engine("""
          rule "Clinic: pregnancy, assembled"
          when
              $p : ConcernProfile()
          then
              insert(Finding.of($p, "PREG" + "NANCY", Effect.DEFERRED, "Clinic",
                  drools.getRule().getName(), "Deferred."));
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(AGED_77))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("the overlay rule \"Clinic: pregnancy, assembled\" inserts a "
              + "finding with the built-in reason code PREGNANCY");
    }

    @Test
    void given_an_overlay_that_matches_a_built_in_finding_by_its_code_then_it_is_accepted() {
      Intake pregnant = Intakes.with(ConditionCode.GLABELLAR_LINES).sex(
          org.botoxeligibility.intake.Sex.FEMALE).pregnant(true).build();
      EligibilityEngine engine = engine("""
          rule "Clinic: offer a visit after the pregnancy"
          when
              $p : ConcernProfile( $id : id )
              Finding( concernId == $id, code == ReasonCode.PREGNANCY.name() )
          then
              insert(Finding.of($p, "CLINIC_POSTPARTUM_VISIT", Effect.ELIGIBLE, "Clinic",
                  drools.getRule().getName(), "A visit is offered after the pregnancy."));
          end
          """);

      assertThat(engine.evaluate(pregnant).recommendations().get(0).reasons())
          .extracting(Reason::code).contains("PREGNANCY", "CLINIC_POSTPARTUM_VISIT");
    }
  }

  @Nested
  class Mistakes {
    private RuleError buildError(String rules) {
      Path folder = overlay(rules);
      RulesBuildException e = org.junit.jupiter.api.Assertions.assertThrows(
          RulesBuildException.class, () -> EligibilityEngine.builder().addRules(folder).build());
      assertThat(e.errors()).hasSize(1);
      assertThat(e.errors().get(0).file()).isEqualTo(folder.resolve("clinic.drl").toString());
      return e.errors().get(0);
    }

    @Test
    void given_a_code_that_is_not_upper_snake_case_then_it_is_found_at_build() {
      String rules = """
          rule "Clinic: review"
          when
              $p : ConcernProfile()
          then
              insert(Finding.of($p, "clinic-review", Effect.ELIGIBLE, "Clinic",
                  drools.getRule().getName(), "Reviewed."));
          end
          """;

      RuleError error = buildError(rules);

      assertThat(error.line()).isEqualTo(lineOf(rules, "insert("));
      assertThat(error.message()).contains("\"Clinic: review\"")
          .contains("\"clinic-review\", which is not upper snake case");
    }

    @Test
    void given_a_pointer_without_a_slash_then_it_is_found_at_build() {
      String rules = """
          rule "Clinic: weigh"
          when
              $p : ConcernProfile()
          then
              insert(Finding.of($p, "CLINIC_WEIGH", Effect.ELIGIBLE, "Clinic",
                  drools.getRule().getName(), "Weigh the patient.")
                  .restingOn("patient/weightKg"));
          end
          """;

      RuleError error = buildError(rules);

      assertThat(error.line()).isEqualTo(lineOf(rules, ".restingOn"));
      assertThat(error.message()).contains("\"Clinic: weigh\" rests a finding on "
          + "patient/weightKg, which names no place of the intake: is not a JSON Pointer");
    }

    @Test
    void given_a_concern_field_that_does_not_exist_then_it_is_found_at_build() {
      String rules = """
          rule "Clinic: diary"
          when
              $p : ConcernProfile()
          then
              insert(Finding.of($p, "CLINIC_DIARY", Effect.ELIGIBLE, "Clinic",
                  drools.getRule().getName(), "Keep a diary.")
                  .restingOn($p.pointer("headacheDays")));
          end
          """;

      RuleError error = buildError(rules);

      assertThat(error.message()).contains("$p.pointer(\"headacheDays\")")
          .contains("the step after /concerns/0 names no field of a concern");
    }

    @Test
    void given_a_patient_field_that_does_not_exist_then_it_is_found_at_build() {
      RuleError error = buildError("""
          rule "Clinic: weight"
          when
              $p : ConcernProfile()
          then
              insert(Finding.of($p, "CLINIC_WEIGHT", Effect.ELIGIBLE, "Clinic",
                  drools.getRule().getName(), "Weigh.").restingOn(given.patient("wieght")));
          end
          """);

      assertThat(error.message()).contains("given.patient(\"wieght\")")
          .contains("the step after /patient names no field of the patient");
    }

    @Test
    void given_a_rule_name_with_a_bidirectional_character_then_it_is_found_at_build() {
      RuleError error = buildError("""
          rule "Clinic: note \u202e"
          when
              $p : ConcernProfile()
          then
          end
          """);

      assertThat(error.message()).contains("\\u202E").contains("control or bidirectional")
          .doesNotContain("\u202e");
    }

    @Test
    void given_a_code_computed_badly_at_run_time_then_the_message_names_the_rule_and_the_mistake() {
      EligibilityEngine engine = engine("""
          rule "Clinic: computed code"
          when
              $p : ConcernProfile()
          then
              insert(Finding.of($p, "clinic_" + $p.code(), Effect.ELIGIBLE, "Clinic",
                  drools.getRule().getName(), "Noted."));
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(AGED_77))
          .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.getMessage())
              .contains("the overlay rule \"Clinic: computed code\" failed in its consequence: "
                  + "its finding's code is not upper snake case")
              .doesNotContain("ConsequenceException"));
    }

    @Test
    void given_a_pointer_computed_without_a_slash_then_the_message_names_the_rule_and_the_mistake() {
      EligibilityEngine engine = engine("""
          rule "Clinic: computed pointer"
          when
              $p : ConcernProfile()
          then
              insert(Finding.of($p, "CLINIC_NOTE", Effect.ELIGIBLE, "Clinic",
                  drools.getRule().getName(), "Noted.").restingOn("patient" + "/weightKg"));
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(AGED_77))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("the overlay rule \"Clinic: computed pointer\" failed in its "
              + "consequence: a pointer of its finding's evidence does not start with /");
    }

    @Test
    void given_a_pointer_that_resolves_to_nothing_then_the_message_names_the_rule_and_where() {
      EligibilityEngine engine = engine("""
          rule "Clinic: the eighth medication"
          when
              $p : ConcernProfile()
          then
              insert(Finding.of($p, "CLINIC_NOTE", Effect.ELIGIBLE, "Clinic",
                  drools.getRule().getName(), "Noted.")
                  .restingOn("/medicalHistory/medications/" + 7));
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(AGED_77))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("the overlay rule \"Clinic: the eighth medication\" inserts a "
              + "finding resting on a pointer that names no place of the intake: "
              + "/medicalHistory/medications has 0 items, and the next step is index 7");
    }

    @Test
    void given_an_overlay_whose_exception_quotes_the_patient_then_the_text_never_leaves_the_engine() {
      EligibilityEngine engine = engine("""
          rule "Clinic: check the record"
          when
              Patient( $age : ageYears )
          then
              throw new IllegalStateException("record of Jane Roe, aged " + $age);
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(AGED_77))
          .isInstanceOfSatisfying(EvaluationException.class, e -> {
            assertThat(e.getMessage()).contains("the overlay rule \"Clinic: check the record\" "
                + "failed in its consequence: java.lang.IllegalStateException (its message is "
                + "withheld");
            assertThat(chain(e)).doesNotContain("Jane Roe").doesNotContain("aged 77")
                .doesNotContain("ConsequenceException")
                .contains("at org.botoxeligibility.clinic"); // the stack trace stays
          });
    }

    @Test
    void given_a_failing_condition_of_an_overlay_rule_then_the_rule_is_named_without_its_text() {
      EligibilityEngine engine = engine("""
          rule "Clinic: divide the age"
          when
              Patient( ageYears / 0 > 1 )
          then
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(AGED_77))
          .isInstanceOfSatisfying(EvaluationException.class, e -> {
            assertThat(e.getMessage()).contains("the overlay rule \"Clinic: divide the age\" "
                + "failed in its conditions: java.lang.ArithmeticException");
            assertThat(chain(e)).doesNotContain("ageYears / 0").doesNotContain("/ by zero");
          });
    }

    @Test
    void given_a_null_pointer_in_a_consequence_then_the_rule_is_named() {
      EligibilityEngine engine = engine("""
          rule "Clinic: read a missing weight"
          when
              $patient : Patient()
          then
              double w = $patient.weightKg();
          end
          """);

      assertThatThrownBy(() -> engine.evaluate(AGED_77))
          .isInstanceOf(EvaluationException.class)
          .hasMessageContaining("the overlay rule \"Clinic: read a missing weight\" failed in "
              + "its consequence: java.lang.NullPointerException");
    }

    @Test
    void given_an_overlay_in_a_package_of_the_library_then_it_is_refused_at_build() throws Exception {
      Path folder = dir.resolve("knowledge-package");
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("clinic.drl"), """
          package org.botoxeligibility.knowledge;

          rule "Clinic: anything"
          when
          then
          end
          """);

      assertThatThrownBy(() -> EligibilityEngine.builder().addRules(folder).build())
          .isInstanceOfSatisfying(RulesBuildException.class, e -> assertThat(e.errors())
              .extracting(RuleError::toString).singleElement().asString()
              .contains("clinic.drl:1: ")
              .contains("the package org.botoxeligibility.knowledge, which is the library's"));
    }
  }

  @Nested
  class Version {
    private final String rules = """
        rule "Clinic: a note for every concern"
        when
            $p : ConcernProfile()
        then
            insert(Finding.of($p, "CLINIC_NOTE", Effect.ELIGIBLE, "Clinic",
                drools.getRule().getName(), "Noted."));
        end
        """;

    private String expectedHash(Path folder) throws Exception {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update("clinic.drl".getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(Files.readAllBytes(folder.resolve("clinic.drl")));
      digest.update((byte) 0);
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    @Test
    void given_an_overlay_then_every_assessment_says_so_with_the_hash_of_its_files()
        throws Exception {
      Path folder = overlay(rules);
      EligibilityEngine engine = EligibilityEngine.builder().addRules(folder).build();

      String expected = KnowledgeBaseResources.version() + "+overlay." + expectedHash(folder);
      assertThat(engine.knowledgeBaseVersion()).isEqualTo(expected);
      assertThat(engine.evaluate(AGED_77).knowledgeBaseVersion()).isEqualTo(expected);
      assertThat(TestEngine.get().knowledgeBaseVersion())
          .isEqualTo(KnowledgeBaseResources.version());
    }

    @Test
    void given_tables_and_an_overlay_then_both_appear_tables_first() throws Exception {
      Path tables = dir.resolve("tables");
      Files.createDirectories(tables);
      Files.writeString(tables.resolve("parameters.tsv"), "name\tvalue\tunit\tsource\tverify"
          + "\tplausible_min\tplausible_max\n" + "chronic_migraine_min_headache_days\t20\t"
          + "headache days a month\tNorth Clinic\t\t15\t31\n");
      Path folder = overlay(rules);

      Assessment a = EligibilityEngine.builder().tables(tables).addRules(folder).build()
          .evaluate(AGED_77);

      assertThat(a.knowledgeBaseVersion()).matches(
          java.util.regex.Pattern.quote(KnowledgeBaseResources.version())
              + "\\+local\\.[0-9a-f]{12}\\+overlay\\." + expectedHash(folder));
    }

    @Test
    void given_the_same_overlay_in_another_folder_then_the_version_is_the_same_and_a_byte_changes_it()
        throws Exception {
      String first = EligibilityEngine.builder().addRules(overlay(rules)).build()
          .knowledgeBaseVersion();
      String second = EligibilityEngine.builder().addRules(overlay(rules)).build()
          .knowledgeBaseVersion();
      String changed = EligibilityEngine.builder().addRules(overlay(rules + "\n")).build()
          .knowledgeBaseVersion();

      assertThat(second).isEqualTo(first);
      assertThat(changed).isNotEqualTo(first).startsWith(KnowledgeBaseResources.version()
          + "+overlay.");
    }
  }

  @Test
  void given_limits_out_of_range_then_the_builder_names_them() {
    assertThatThrownBy(() -> EligibilityEngine.builder().firingLimit(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firingLimit");
    assertThatThrownBy(() -> EligibilityEngine.builder().deadline(null))
        .isInstanceOf(NullPointerException.class).hasMessage("deadline must not be null");
    assertThatThrownBy(() -> EligibilityEngine.builder().deadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
    assertThat(List.of(EligibilityEngine.DEFAULT_DEADLINE)).containsExactly(
        Duration.ofSeconds(10));
  }
}
