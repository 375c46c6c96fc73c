package org.botoxeligibility.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.assessment.Effect;

/** Assertions on the reasons of an assessment. */
public final class Reasons {
  private Reasons() {}

  public static Recommendation recommendation(Assessment a, String concernId) {
    return a.recommendations().stream().filter(r -> r.concernId().equals(concernId)).findFirst()
        .orElseThrow(() -> new AssertionError("no recommendation for " + concernId));
  }

  /** The reasons of a concern with a code. */
  public static List<Reason> reasons(Assessment a, String concernId, String code) {
    return recommendation(a, concernId).reasons().stream().filter(r -> r.code().equals(code))
        .toList();
  }

  /**
   * The single reason of a concern with a code, from a named rule, checked: its effect, and that
   * its message names each of the given facts.
   */
  public static Reason reason(Assessment a, String concernId, String code, Effect effect,
      String... messageNames) {
    List<Reason> found = reasons(a, concernId, code);
    if (found.isEmpty()) {
      fail("concern " + concernId + " has no reason " + code + "; reasons: "
          + recommendation(a, concernId).reasons().stream().map(Reason::code).toList());
    }
    assertThat(found).as("reasons %s of concern %s", code, concernId).hasSize(1);
    Reason r = found.get(0);
    assertThat(r.effect()).as("effect of %s", code).isEqualTo(effect);
    assertThat(r.message()).as("message of %s", code).contains(messageNames);
    assertThat(r.source()).as("source of %s", code).isNotBlank();
    assertThat(r.rule()).as("rule of %s", code).isNotBlank();
    return r;
  }

  /** The reason rests on (at least) these JSON Pointers of the intake. */
  public static void restsOn(Reason r, String... paths) {
    assertThat(r.evidence().stream().map(org.botoxeligibility.assessment.Evidence::path).toList())
        .as("evidence of %s", r.code()).contains(paths);
  }

  /** The concern has no reason with this code. */
  public static void noReason(Assessment a, String concernId, String code) {
    assertThat(reasons(a, concernId, code)).as("reasons %s of concern %s", code, concernId)
        .isEmpty();
  }

  public static void decision(Assessment a, String concernId, Effect decision) {
    assertThat(recommendation(a, concernId).decision()).as("decision of %s", concernId)
        .isEqualTo(decision);
  }
}
