package org.botoxeligibility.engine;

import org.botoxeligibility.assessment.EvaluationException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.botoxeligibility.assessment.Evidence;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.knowledge.CatalogEntry;
import org.botoxeligibility.knowledge.ConcernProfile;
import org.botoxeligibility.knowledge.Coverage;
import org.botoxeligibility.knowledge.Decision;
import org.botoxeligibility.assessment.Effect;
import org.botoxeligibility.knowledge.Finding;
import org.botoxeligibility.knowledge.Label;
import org.botoxeligibility.knowledge.Outstanding;
import org.botoxeligibility.knowledge.PlannedDose;
import org.botoxeligibility.assessment.Requirement;

/**
 * Folds what the rules concluded into the assessment of docs/contract.md §2. It takes no clinical
 * decision: it copies the rules' decision, coverage and requirements, the catalog row's facts, and
 * derives readyToBook and earliestTreatmentDate exactly as docs/contract.md §2 defines them. Text
 * that may echo the intake (a medication's name in a message) has its control and bidirectional
 * characters escaped, as a {@link Problem} does, so that no assessment can forge a line of a log
 * or a report, and {@code AssessmentReader} can refuse a record that holds them. It
 * checks the rules' conclusions for consistency and refuses (EvaluationException) an incomplete
 * or contradictory result rather than guess.
 */
final class AssessmentAssembler {
  /** Reasons are listed most restrictive first, then by code, message and rule. */
  static final Comparator<Reason> REASON_ORDER = Comparator
      .comparing((Reason r) -> r.effect().rank()).reversed()
      .thenComparing(Reason::code)
      .thenComparing(Reason::message)
      .thenComparing(Reason::rule)
      .thenComparing(r -> r.evidence().toString());

  private final Map<String, ConcernProfile> profiles = new HashMap<>();
  private final Map<String, List<Finding>> findings = new HashMap<>();
  private final Map<String, Decision> decisions = new HashMap<>();
  private final Map<String, Coverage> coverage = new HashMap<>();
  private final Map<String, Set<Requirement>> outstanding = new HashMap<>();
  private final Map<String, PlannedDose> doses = new HashMap<>();
  private final Map<String, Label> labels = new HashMap<>();

  /** Takes one fact from the session; facts of other types are ignored. */
  void accept(Object fact) {
    if (fact instanceof Finding f) {
      findings.computeIfAbsent(f.concernId(), k -> new ArrayList<>()).add(f);
    } else if (fact instanceof ConcernProfile p) {
      once(profiles, p.id(), p, "profile");
    } else if (fact instanceof Decision d) {
      once(decisions, d.concernId(), d, "decision");
    } else if (fact instanceof Coverage c) {
      once(coverage, c.concernId(), c, "insurance conclusion");
    } else if (fact instanceof PlannedDose d) {
      once(doses, d.concernId(), d, "planned dose");
    } else if (fact instanceof Label l) {
      once(labels, l.concernId(), l, "label status");
    } else if (fact instanceof Outstanding o) {
      outstanding.computeIfAbsent(o.concernId(), k -> EnumSet.noneOf(Requirement.class))
          .add(o.requirement());
    }
  }

  /**
   * The finding's evidence, sorted and distinct; a finding that names none rests on its concern.
   */
  private static List<Evidence> evidence(Finding f, int index) {
    TreeSet<String> paths = new TreeSet<>(f.evidence());
    if (paths.isEmpty()) {
      paths.add("/concerns/" + index);
    }
    List<Evidence> evidence = new ArrayList<>(paths.size());
    for (String p : paths) {
      evidence.add(Evidence.at(p));
    }
    return evidence;
  }

  private static <T> void once(Map<String, T> map, String concernId, T value, String what) {
    if (map.putIfAbsent(concernId, value) != null) {
      throw new EvaluationException("the rules concluded more than one " + what
          + " for concern " + concernId);
    }
  }

  Assessment assemble(Intake intake, String knowledgeBaseVersion, List<String> firedRules) {
    List<Recommendation> recommendations = new ArrayList<>(intake.concerns().size());
    for (int i = 0; i < intake.concerns().size(); i++) {
      recommendations.add(recommendation(intake.concerns().get(i).id(), i,
          intake.assessmentDate()));
    }
    Set<String> concernIds = new java.util.HashSet<>();
    intake.concerns().forEach(c -> concernIds.add(c.id()));
    for (String id : findings.keySet()) {
      if (!concernIds.contains(id)) {
        throw new EvaluationException("a rule concluded a reason for an unknown concern " + id);
      }
    }
    return new Assessment(intake.intakeId(), intake.assessmentDate(), knowledgeBaseVersion,
        recommendations, firedRules.stream().map(Problem::escape).toList());
  }

  private Recommendation recommendation(String id, int index, LocalDate today) {
    ConcernProfile profile = profiles.get(id);
    if (profile == null) {
      throw new EvaluationException("no rule resolved concern " + id + " to a catalog row");
    }
    Decision decision = decisions.get(id);
    if (decision == null) {
      throw new EvaluationException("no rule concluded a decision for concern " + id);
    }
    Label label = labels.get(id);
    if (label == null) {
      throw new EvaluationException("no rule concluded the label status of concern " + id);
    }
    Coverage insurance = coverage.get(id);
    if (insurance == null) {
      throw new EvaluationException("no rule concluded the insurance for concern " + id);
    }
    List<Reason> reasons = new ArrayList<>();
    Effect mostRestrictive = Effect.ELIGIBLE;
    LocalDate latestDeferral = null;
    boolean everyDeferralDated = true;
    for (Finding f : findings.getOrDefault(id, List.of())) {
      reasons.add(new Reason(f.code(), f.effect(), Problem.escape(f.message()),
          Problem.escape(f.source()), Problem.escape(f.rule()), f.deferredUntil(),
          evidence(f, index)));
      mostRestrictive = mostRestrictive.max(f.effect());
      if (f.effect() == Effect.DEFERRED) {
        if (f.deferredUntil() == null) {
          everyDeferralDated = false;
        } else if (latestDeferral == null || f.deferredUntil().isAfter(latestDeferral)) {
          latestDeferral = f.deferredUntil();
        }
      }
    }
    if (decision.decision() != mostRestrictive) {
      throw new EvaluationException("concern " + id + ": the rules decided "
          + decision.decision() + " but the most restrictive reason is " + mostRestrictive);
    }
    reasons.sort(REASON_ORDER);
    Set<Requirement> open = outstanding.getOrDefault(id, Set.of());
    if (profile.cosmetic() && !open.isEmpty()) {
      throw new EvaluationException("concern " + id + ": a cosmetic concern has workflow "
          + "requirements");
    }
    Effect d = decision.decision();
    boolean treatable = d == Effect.ELIGIBLE || d == Effect.ELIGIBLE_WITH_PRECAUTIONS;
    LocalDate earliest = treatable ? today
        : d == Effect.DEFERRED && everyDeferralDated ? latestDeferral : null;
    CatalogEntry row = profile.entry();
    return new Recommendation(
        id,
        profile.code(),
        Problem.escape(profile.conditionName()),
        profile.category(),
        row.mechanisms(),
        label.status(),
        d,
        treatable && open.isEmpty(),
        List.copyOf(open),
        insurance.insurance(),
        doses.containsKey(id) ? doses.get(id).units() : null,
        earliest,
        row.onsetDays(),
        row.fullEffectDays(),
        row.durationMonths(),
        row.maintenanceIntervalWeeks(),
        row.sideEffects().stream().map(Problem::escape).toList(),
        reasons);
  }
}
