package org.botoxeligibility.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;

/**
 * Overlay rules only add: compares the assessment of the built-in knowledge base alone with the
 * one made with the overlay rules. Every built-in reason is still there (the same code, effect,
 * message, source, rule and evidence), the decision is at least as restrictive, and what the
 * built-in rules alone conclude (condition, category, label status, insurance, planned units,
 * outstanding requirements) is unchanged. This holds whatever an overlay did (deleted a fact,
 * cleared the agenda, halted the session, inserted a fact that blocks a built-in rule): it is the
 * backstop of the checks {@link EvaluationGuard} makes as the overlay's rules fire.
 */
final class OverlayCheck {
  private OverlayCheck() {}

  /**
   * What the overlay rules took away or changed, or null when they only added.
   *
   * @param builtIn the built-in knowledge base's assessment
   * @param overlaid the assessment with the overlay rules
   * @return a sentence naming no patient data, or null
   */
  static String taken(Assessment builtIn, Assessment overlaid) {
    if (builtIn.recommendations().size() != overlaid.recommendations().size()) {
      return "the number of recommendations changed";
    }
    for (int i = 0; i < builtIn.recommendations().size(); i++) {
      Recommendation b = builtIn.recommendations().get(i);
      Recommendation o = overlaid.recommendations().get(i);
      String concern = "the concern at /concerns/" + i;
      if (o.decision().rank() < b.decision().rank()) {
        return "the decision of " + concern + " is " + o.decision()
            + ", less restrictive than the built-in knowledge base's " + b.decision();
      }
      List<Reason> remaining = new ArrayList<>(o.reasons());
      for (Reason r : b.reasons()) {
        if (!remaining.remove(r)) {
          return "the reason " + r.code() + " of the built-in rule "
              + EvaluationGuard.quote(r.rule()) + " is missing from " + concern;
        }
      }
      String changed = changed(b, o);
      if (changed != null) {
        return "the " + changed + " of " + concern + " changed";
      }
    }
    return null;
  }

  private static String changed(Recommendation b, Recommendation o) {
    if (b.condition() != o.condition()) {
      return "condition";
    }
    if (b.category() != o.category()) {
      return "category";
    }
    if (b.labelStatus() != o.labelStatus()) {
      return "label status";
    }
    if (b.insurance() != o.insurance()) {
      return "insurance outlook";
    }
    if (!Objects.equals(b.plannedUnits(), o.plannedUnits())) {
      return "planned units";
    }
    if (!Set.copyOf(b.outstandingRequirements()).equals(Set.copyOf(o.outstandingRequirements()))) {
      return "outstanding requirements";
    }
    return null;
  }
}
