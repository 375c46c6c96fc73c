package org.botoxeligibility.knowledge;

import org.botoxeligibility.assessment.Effect;
import org.botoxeligibility.assessment.Category;
import org.botoxeligibility.assessment.LabelStatus;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Site;

/**
 * A concern as the rules resolved it: the intake's concern together with the catalog row whose
 * facts apply (for an unresolved alias, the alias row). Inserted by the rules of
 * classification.drl; every other rule reasons over it.
 */
public final class ConcernProfile {
  private final Concern concern;
  private final CatalogEntry entry;
  private final Set<Site> sites;

  public ConcernProfile(Concern concern, CatalogEntry entry) {
    this.concern = concern;
    this.entry = entry;
    Set<Site> s = EnumSet.noneOf(Site.class);
    s.addAll(concern.sites().isEmpty() ? entry.usualSites() : concern.sites());
    this.sites = Collections.unmodifiableSet(s);
  }

  public Concern concern() {
    return concern;
  }

  public CatalogEntry entry() {
    return entry;
  }

  public String id() {
    return concern.id();
  }

  /** The code reported for the concern: the classified condition, or the alias left unresolved. */
  public ConditionCode code() {
    return entry.code();
  }

  public String conditionName() {
    return entry.name();
  }

  /** The condition's name inside a sentence: "chronic migraine" (locale-independent). */
  public String conditionNameInText() {
    return entry.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** False for an alias that rules could not classify (clinical-policy.md §2). */
  public boolean resolved() {
    return !entry.isAlias();
  }

  public Category category() {
    return entry.category();
  }

  public boolean cosmetic() {
    return entry.cosmetic();
  }

  public boolean therapeutic() {
    return entry.therapeutic();
  }

  public LabelStatus labelStatus() {
    return entry.labelStatus();
  }

  public int minimumAge() {
    return entry.minimumAge();
  }

  /** The concern's sites, or the catalog's usual sites when the concern gives none. */
  public Set<Site> sites() {
    return sites;
  }

  public boolean hasSite(Site site) {
    return sites.contains(site);
  }

  public boolean hasAnySite(Site... wanted) {
    for (Site site : wanted) {
      if (sites.contains(site)) {
        return true;
      }
    }
    return false;
  }

  public boolean sitesGiven() {
    return !concern.sites().isEmpty();
  }

  /** The concern's planned units, else the catalog's typical dose; null when neither exists. */
  public Integer plannedUnits() {
    return concern.plannedUnits() != null ? concern.plannedUnits() : entry.typicalUnits();
  }

  public int plannedUnitsOrZero() {
    Integer u = plannedUnits();
    return u == null ? 0 : u;
  }

  public Integer headacheDaysPerMonth() {
    return concern.headacheDaysPerMonth();
  }

  public Integer migraineDaysPerMonth() {
    return concern.migraineDaysPerMonth();
  }

  public Double headacheHoursPerDay() {
    return concern.headacheHoursPerDay();
  }

  public Integer monthsWithSymptoms() {
    return concern.monthsWithSymptoms();
  }

  public Integer priorTherapiesFailed() {
    return concern.priorTherapiesFailed();
  }

  public Boolean secondaryCauseExcluded() {
    return concern.secondaryCauseExcluded();
  }

  /** The effect that applies to this concern's category. */
  public Effect byCategory(Effect cosmetic, Effect therapeutic) {
    return cosmetic() ? cosmetic : therapeutic;
  }

  /** The sites in words, for messages: "neck, shoulder". */
  public String sitesText() {
    return describeSites(sites);
  }

  /** The concern's sites among the given ones, in words: the sites a rule is about. */
  public String sitesText(Site... among) {
    Set<Site> wanted = EnumSet.noneOf(Site.class);
    for (Site s : among) {
      if (sites.contains(s)) {
        wanted.add(s);
      }
    }
    return describeSites(wanted);
  }

  /** Sites in words, in code order: "neck, shoulder". */
  public static String describeSites(Collection<Site> sites) {
    return sites.stream().sorted().distinct().map(Site::label).collect(Collectors.joining(", "));
  }

  /** The usual sites of the row, for messages. */
  public List<Site> usualSites() {
    return entry.usualSites();
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "ConcernProfile[redacted]";
  }
}
