package org.botoxeligibility.assessment;

import java.time.LocalDate;
import java.util.List;

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
}
