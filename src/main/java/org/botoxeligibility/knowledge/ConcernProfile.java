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
  private final String pointer;
  private final String conditionPointer;

  /**
   * A concern assessed under a catalog row.
   *
   * @param concern the intake's concern (validated)
   * @param entry the catalog row whose facts apply
   * @param given where the intake gave its facts (the global {@code given})
   */
  public ConcernProfile(Concern concern, CatalogEntry entry, IntakePointers given) {
    this.concern = concern;
    this.entry = entry;
    Set<Site> s = EnumSet.noneOf(Site.class);
    s.addAll(concern.sites().isEmpty() ? entry.usualSites() : concern.sites());
    this.sites = Collections.unmodifiableSet(s);
    this.pointer = "/concerns/" + given.concernIndex(concern.id());
    this.conditionPointer = pointer + (given.conditionGiven(concern.id()) ? "/condition" : "/icd10");
  }

  /**
   * The concern in the intake: {@code /concerns/N} (the evidence of a reason that rests on catalog
   * defaults).
   *
   * @return the pointer
   */
  public String pointer() {
    return pointer;
  }

  /**
   * A field of the concern, given or not (a missing fact points where it belongs).
   *
   * @param field the field's name, such as {@code headacheDaysPerMonth}
   * @return {@code /concerns/N/field}
   */
  public String pointer(String field) {
    return pointer + "/" + field;
  }

  /**
   * The concern's condition as given: {@code /concerns/N/icd10} when an ICD-10-CM code was given,
   * else {@code /concerns/N/condition}.
   *
   * @return the pointer
   */
  public String conditionPointer() {
    return conditionPointer;
  }

  /**
   * The concern's sites: {@code /concerns/N/sites} when given, else the concern (its catalog
   * defaults).
   *
   * @return the pointer
   */
  public String sitesPointer() {
    return sitesGiven() ? pointer("sites") : pointer;
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

  /**
   * The units the concern itself plans; null when it gives none (dosing.drl then settles a
   * default, a {@link PlannedDose}).
   *
   * @return the given units, or null
   */
  public Integer givenUnits() {
    return concern.plannedUnits();
  }

  /**
   * True when the concern gives its planned units.
   *
   * @return whether they are given
   */
  public boolean plannedUnitsGiven() {
    return concern.plannedUnits() != null;
  }

  /**
   * The catalog's typical dose; null for a row without one.
   *
   * @return the typical units, or null
   */
  public Integer typicalUnits() {
    return entry.typicalUnits();
  }

  /**
   * True when the concern has a dose: it gives planned units, or its row has a typical dose.
   *
   * @return whether it has a dose
   */
  public boolean hasDose() {
    return concern.plannedUnits() != null || entry.typicalUnits() != null;
  }

  /**
   * The paediatric maximum dose of the concern's indication that applies to its sites, or null.
   *
   * @return the limit, or null
   */
  public PaediatricDoseLimit paediatricLimit() {
    for (PaediatricDoseLimit l : entry.paediatricLimits()) {
      if (l.appliesTo(sites)) {
        return l;
      }
    }
    return null;
  }

  /**
   * The given sites outside the row's labelled injection areas (empty when the sites are not
   * given, or the row is not on label).
   *
   * @return the sites, in code order
   */
  public Set<Site> sitesOutsideLabel() {
    if (!sitesGiven() || entry.labelledSites().isEmpty()) {
      return Set.of();
    }
    Set<Site> outside = EnumSet.noneOf(Site.class);
    for (Site s : concern.sites()) {
      if (s != null && !entry.labelledSites().contains(s)) {
        outside.add(s);
      }
    }
    return Collections.unmodifiableSet(outside);
  }

  /**
   * True for a resolved ON_LABEL row whose given sites fall outside its labelled areas.
   *
   * @return whether the concern's sites leave the label
   */
  public boolean injectedOutsideLabel() {
    return resolved() && entry.labelStatus() == LabelStatus.ON_LABEL
        && !sitesOutsideLabel().isEmpty();
  }

  /**
   * The latest post-void residual in mL; null when not given.
   *
   * @return the volume, or null
   */
  public Double postVoidResidualMl() {
    return concern.postVoidResidualMl();
  }

  /**
   * Whether the patient routinely self-catheterises; null when not known.
   *
   * @return the flag, or null
   */
  public Boolean cleanIntermittentCatheterization() {
    return concern.cleanIntermittentCatheterization();
  }

  /**
   * True only when routine self-catheterisation is known: not known is not "yes".
   *
   * @return whether the patient is known to self-catheterise
   */
  public boolean selfCatheterizes() {
    return Boolean.TRUE.equals(concern.cleanIntermittentCatheterization());
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
