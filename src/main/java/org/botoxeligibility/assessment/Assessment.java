package org.botoxeligibility.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The answer for one intake (docs/contract.md §2, version 1): one recommendation per concern, in
 * the order of the intake's concerns. The same intake, knowledge base and assessment date give an
 * equal assessment. Immutable; {@link org.botoxeligibility.json.AssessmentWriter} writes it as
 * JSON and {@link org.botoxeligibility.json.AssessmentReader} reads it back.
 *
 * @param intakeId the intake's id, as given
 * @param assessmentDate the date the intake was assessed on (the intake's, or the caller's default)
 * @param knowledgeBaseVersion the version of the knowledge base that decided: {@code 1.1.0}, or
 *     {@code 1.1.0+local.<12 hex digits>} when a clinic's tables override the built-in ones
 * @param recommendations one per concern, in the order of the concerns
 * @param firedRules the names of the rules that fired, sorted, each once (the audit trail)
 */
public record Assessment(
    String intakeId,
    LocalDate assessmentDate,
    String knowledgeBaseVersion,
    List<Recommendation> recommendations,
    List<String> firedRules) {

  /**
   * Copies the lists.
   *
   * @param intakeId the intake's id
   * @param assessmentDate the assessment date
   * @param knowledgeBaseVersion the knowledge base's version
   * @param recommendations one per concern; not null
   * @param firedRules the fired rules' names; not null
   */
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
