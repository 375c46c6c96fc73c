package org.botoxeligibility.knowledge;

import org.botoxeligibility.intake.Site;

/** A site with active infection or inflammation. */
public record InfectedSite(Site site) {}
