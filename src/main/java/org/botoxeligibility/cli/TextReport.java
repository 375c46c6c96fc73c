package org.botoxeligibility.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.knowledge.CatalogEntry;
import org.botoxeligibility.assessment.Effect;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.assessment.Insurance;
import org.botoxeligibility.assessment.Range;

/**
 * The report a person reads at the desk: per concern, the decision and everything behind it.
 * Text that echoes the intake (concern ids, medication names in messages) has its control
 * characters escaped, so that it cannot forge a line of the report.
 */
final class TextReport {
  private TextReport() {}

  static String of(Assessment a) {
    StringBuilder sb = new StringBuilder();
    sb.append("Intake ").append(a.intakeId()).append(", assessed on ").append(a.assessmentDate())
        .append(" (knowledge base ").append(a.knowledgeBaseVersion()).append(")\n");
    for (Recommendation r : a.recommendations()) {
      sb.append('\n');
      concern(sb, r);
    }
    return sb.toString();
  }

  private static void concern(StringBuilder sb, Recommendation r) {
    sb.append("Concern ").append(Problem.escape(r.concernId())).append(": ").append(r.conditionName())
        .append(" [").append(r.condition()).append("]\n");
    line(sb, "Decision", r.decision() + (r.readyToBook() ? " (ready to book)" : ""));
    line(sb, "Category", words(r.category().name()) + "; acts on "
        + r.mechanisms().stream().map(m -> words(m.name())).collect(Collectors.joining(", "))
        + "; " + words(r.labelStatus().name()));
    if (!r.outstandingRequirements().isEmpty()) {
      line(sb, "Outstanding", r.outstandingRequirements().stream().map(q -> words(q.name()))
          .collect(Collectors.joining(", ")));
    }
    line(sb, "Earliest date", r.earliestTreatmentDate() != null
        ? r.earliestTreatmentDate().toString()
        : r.decision() == Effect.DEFERRED ? "not yet known (see the deferring reasons)"
        : "none until the reasons below are resolved");
    line(sb, "Coverage", coverage(r.insurance()));
    List<String> dose = new ArrayList<>();
    if (r.plannedUnits() != null) {
      dose.add(r.plannedUnits() + " units");
    }
    if (r.expectedOnsetDays() != null) {
      dose.add("onset in " + range(r.expectedOnsetDays()) + " days");
    }
    if (r.fullEffectDays() != null) {
      dose.add("full effect by day " + r.fullEffectDays());
    }
    if (r.expectedDurationMonths() != null) {
      dose.add("lasts " + range(r.expectedDurationMonths()) + " months");
    }
    if (r.maintenanceIntervalWeeks() != null) {
      dose.add("repeat every " + r.maintenanceIntervalWeeks() + " weeks");
    }
    if (!dose.isEmpty()) {
      line(sb, "Treatment", String.join("; ", dose));
    }
    if (!r.sideEffects().isEmpty()) {
      line(sb, "Side effects", String.join(", ", r.sideEffects()));
    }
    sb.append("  Reasons:\n");
    if (r.reasons().isEmpty()) {
      sb.append("    none: nothing restricts treatment\n");
    }
    Effect current = null;
    for (Reason reason : r.reasons()) {
      if (reason.effect() != current) {
        current = reason.effect();
        sb.append("    ").append(current).append('\n');
      }
      sb.append("      - ").append(reason.code()).append(": ").append(Problem.escape(reason.message()))
          .append('\n');
      sb.append("        (").append(reason.source()).append("; rule \"").append(reason.rule())
          .append("\")\n");
      if (!reason.evidence().isEmpty()) {
        sb.append("        rests on: ").append(reason.evidence().stream()
            .map(e -> e.resource() == null ? e.path() : e.path() + " (" + e.resource() + ")")
            .collect(Collectors.joining(", "))).append('\n');
      }
    }
  }

  private static String coverage(Insurance insurance) {
    return switch (insurance) {
      case LIKELY_COVERED -> "likely covered; prior authorization is usually still needed";
      case CRITERIA_NOT_MET -> "payer criteria not met yet; document them before asking for "
          + "prior authorization";
      case UNLIKELY -> "unlikely to be covered (off-label use)";
      case NOT_COVERED -> "not covered";
    };
  }

  static String catalog(Collection<CatalogEntry> entries) {
    StringBuilder sb = new StringBuilder();
    for (CatalogEntry e : entries) {
      sb.append(e.code()).append(": ").append(e.name()).append('\n');
      if (e.isAlias()) {
        line(sb, "Alias", "classified by the rules; until then it takes the facts of "
            + e.aliasOf());
      }
      line(sb, "Category", words(e.category().name()) + "; " + words(e.labelStatus().name())
          + "; acts on " + e.mechanisms().stream().map(m -> words(m.name()))
          .collect(Collectors.joining(", ")) + "; from age " + e.minimumAge());
      if (!e.usualSites().isEmpty()) {
        line(sb, "Usual sites", e.usualSites().stream().map(s -> words(s.name()))
            .collect(Collectors.joining(", ")));
      }
      if (e.typicalUnits() != null) {
        line(sb, "Typical dose", e.typicalUnits() + " units; onset " + range(e.onsetDays())
            + " days; full effect " + e.fullEffectDays() + " days; lasts "
            + range(e.durationMonths()) + " months; every " + e.maintenanceIntervalWeeks()
            + " weeks");
      }
      if (!e.icd10().isEmpty()) {
        line(sb, "ICD-10-CM", String.join(", ", e.icd10()));
      }
      if (!e.sideEffects().isEmpty()) {
        line(sb, "Side effects", String.join(", ", e.sideEffects()));
      }
      if (e.verify() != null) {
        line(sb, "To verify", e.verify());
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String label, String value) {
    sb.append("  ").append(label).append(": ").append(value).append('\n');
  }

  private static String range(Range r) {
    return r == null ? "?" : r.toString();
  }

  private static String words(String code) {
    return code.toLowerCase(Locale.ROOT).replace('_', ' ').replace("on label", "on-label")
        .replace("off label", "off-label").replace("not recommended", "not recommended");
  }
}
