package org.botoxeligibility.knowledge;

import org.botoxeligibility.intake.Site;

/** A site with active infection or inflammation. */
public record InfectedSite(Site site) {

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "InfectedSite[redacted]";
  }
}
