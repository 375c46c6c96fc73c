package org.botoxeligibility.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.testing.Intakes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maximum doses that apply to a concern are facts a rule can read (knowledge base 1.2, for
 * the next steps that plan a dose change): an overlay rule reports every {@link DoseLimit} of each
 * concern, with the units the concern could still plan and what it is shared with.
 */
class DoseLimitFactsTest {
  private static final String OVERLAY = """
      package org.botoxeligibility.clinic;

      import org.botoxeligibility.assessment.Effect;
      import org.botoxeligibility.knowledge.ConcernProfile;
      import org.botoxeligibility.knowledge.DoseLimit;
      import org.botoxeligibility.knowledge.Finding;
      import org.botoxeligibility.knowledge.Text;

      rule "Test overlay: every dose limit is reported"
      when
          $p : ConcernProfile( $id : id )
          $l : DoseLimit( concernId == $id )
      then
          insert(Finding.of($p, "TEST_DOSE_LIMIT", Effect.ELIGIBLE, "test", drools.getRule().getName(),
              $l.reason() + " max " + Text.number($l.maxUnits()) + " own " + $l.ownUnits()
              + " other " + $l.otherUnits() + " plannable " + $l.maxPlannedUnits()
              + " shared " + $l.sharedWith() + " exceeded " + $l.exceeded())
              .restingOn($l.evidence()));
      end
      """;

  private static EligibilityEngine engine;

  @BeforeAll
  static void overlay(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("limits.drl"), OVERLAY);
    engine = EligibilityEngine.builder().addRules(dir).build();
  }

  @Test
  void given_forehead_and_glabellar_lines_then_each_has_its_own_the_pair_and_the_cumulative_maximum() {
    Assessment a = engine.evaluate(Intakes.patient()
        .concern(Concern.of("c1", ConditionCode.FOREHEAD_LINES)
            .withSites(List.of(Site.FOREHEAD, Site.GLABELLA)).withPlannedUnits(25))
        .concern(Concern.of("c2", ConditionCode.GLABELLAR_LINES).withPlannedUnits(16)).build());

    assertThat(limits(a, "c1")).containsExactlyInAnyOrder(
        "CUMULATIVE_DOSE_LIMIT max 400 own 25 other 16 plannable 384 shared [c2] exceeded false",
        "DOSE_ABOVE_LABEL max 40 own 25 other 0 plannable 40 shared [] exceeded false",
        "DOSE_ABOVE_LABEL max 40 own 25 other 16 plannable 24 shared [c2] exceeded true");
    assertThat(limits(a, "c2")).containsExactlyInAnyOrder(
        "CUMULATIVE_DOSE_LIMIT max 400 own 16 other 25 plannable 375 shared [c1] exceeded false",
        "DOSE_ABOVE_LABEL max 20 own 16 other 0 plannable 20 shared [] exceeded false",
        "DOSE_ABOVE_LABEL max 40 own 16 other 25 plannable 15 shared [c1] exceeded true");
  }

  @Test
  void given_blepharospasm_with_units_given_within_30_days_then_what_is_left_of_its_maximum_is_plannable() {
    Assessment a = engine.evaluate(Intakes.patient()
        .concern(Concern.of("c1", ConditionCode.BLEPHAROSPASM).withPlannedUnits(150))
        .treated(29, ConditionCode.BLEPHAROSPASM, 60, Response.GOOD).build());

    assertThat(limits(a, "c1")).contains(
        "DOSE_ABOVE_LABEL max 200 own 150 other 60 plannable 140 shared [] exceeded true",
        "CUMULATIVE_DOSE_LIMIT max 400 own 150 other 60 plannable 340 shared [] exceeded false");
  }

  @Test
  void given_a_past_dose_not_known_then_no_plannable_units_are_promised() {
    Assessment a = engine.evaluate(Intakes.patient()
        .concern(Concern.of("c1", ConditionCode.BLEPHAROSPASM).withPlannedUnits(150))
        .treated(10, ConditionCode.BLEPHAROSPASM, null, Response.GOOD).build());

    assertThat(limits(a, "c1")).contains(
        "DOSE_ABOVE_LABEL max 200 own 150 other 0 plannable null shared [] exceeded false",
        "CUMULATIVE_DOSE_LIMIT max 400 own 150 other 0 plannable null shared [] exceeded false");
    Reason cumulative = reasons(a, "c1").stream()
        .filter(r -> r.message().startsWith("CUMULATIVE")).findFirst().orElseThrow();
    assertThat(cumulative.evidence()).anyMatch(e -> e.path().equals("/treatmentHistory/0/units"));
  }

  @Test
  void given_a_child_then_the_paediatric_maximum_is_a_fact_too_and_no_label_maximum_of_that_indication() {
    Assessment a = engine.evaluate(Intakes.patient()
        .concern(Intakes.bladder("c1", ConditionCode.NEUROGENIC_DETRUSOR_OVERACTIVITY).withPlannedUnits(130))
        .age(8).weightKg(20.0).build());

    assertThat(limits(a, "c1")).containsExactlyInAnyOrder(
        "PAEDIATRIC_DOSE_LIMIT max 120 own 130 other 0 plannable 120 shared [] exceeded true",
        "CUMULATIVE_DOSE_LIMIT max 200 own 130 other 0 plannable 200 shared [] exceeded false");
  }

  private static List<String> limits(Assessment a, String concernId) {
    return reasons(a, concernId).stream().map(Reason::message).toList();
  }

  private static List<Reason> reasons(Assessment a, String concernId) {
    return a.recommendations().stream().filter(r -> r.concernId().equals(concernId)).findFirst()
        .orElseThrow().reasons().stream().filter(r -> r.code().equals("TEST_DOSE_LIMIT")).toList();
  }
}
