package org.botoxeligibility.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The answer for one intake (formats.md §2, version 1). */
public record Assessment(
    String intakeId,
    LocalDate assessmentDate,
    String knowledgeBaseVersion,
    List<Recommendation> recommendations,
    List<String> firedRules) {

  public Assessment {
    recommendations = List.copyOf(recommendations);
    firedRules = List.copyOf(firedRules);
  }

  /**
   * The same assessment with each evidence entry naming the resources behind its path (the
   * provenance of an intake made from FHIR): a path with several resources gives one entry per
   * resource; a path with none (a default) keeps its entry without a resource.
   *
   * @param provenance the resources ({@code Type/id}) behind each JSON Pointer of the intake
   * @return the assessment with resources in its evidence
   */
  public Assessment withProvenance(Map<String, List<String>> provenance) {
    List<Recommendation> cited = new ArrayList<>(recommendations.size());
    for (Recommendation r : recommendations) {
      List<Reason> reasons = new ArrayList<>(r.reasons().size());
      for (Reason reason : r.reasons()) {
        TreeSet<Evidence> evidence = new TreeSet<>(Evidence.ORDER);
        for (Evidence e : reason.evidence()) {
          List<String> resources = provenance.getOrDefault(e.path(), List.of());
          if (resources.isEmpty()) {
            evidence.add(Evidence.at(e.path()));
          }
          for (String resource : resources) {
            evidence.add(new Evidence(e.path(), resource));
          }
        }
        reasons.add(new Reason(reason.code(), reason.effect(), reason.message(), reason.source(),
            reason.rule(), reason.deferredUntil(), List.copyOf(evidence)));
      }
      cited.add(r.withReasons(reasons));
    }
    return new Assessment(intakeId, assessmentDate, knowledgeBaseVersion, cited, firedRules);
  }
}
