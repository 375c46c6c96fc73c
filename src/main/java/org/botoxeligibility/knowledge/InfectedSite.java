package org.botoxeligibility.knowledge;

import java.util.List;
import org.botoxeligibility.intake.Site;

/**
 * A site with active infection or inflammation (once, however often it is listed).
 *
 * @param site the site
 * @param pointers where the intake lists it ({@code /medicalHistory/infectionSites/N})
 */
public record InfectedSite(Site site, List<String> pointers) {

  /**
   * Copies the pointers.
   *
   * @param site the site
   * @param pointers where the intake lists it; not null
   */
  public InfectedSite {
    pointers = List.copyOf(pointers);
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "InfectedSite[redacted]";
  }
}
