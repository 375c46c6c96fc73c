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
 * classification.drl, one per concern; every other rule, and an overlay rule, reasons over it.
 * Its accessors give the concern's facts as given (null when not given: never read as zero or
 * "no"), the row's facts, and the JSON Pointers a {@link Finding} rests on. Immutable.
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

  /**
   * The intake's concern, validated (defaults resolved).
   *
   * @return the concern
   */
  public Concern concern() {
    return concern;
  }

  /**
   * The catalog row whose facts apply: the classified condition's, or the alias row.
   *
   * @return the row
   */
  public CatalogEntry entry() {
    return entry;
  }

  /**
   * The concern's id, as every {@link Finding} of it names it.
   *
   * @return the id
   */
  public String id() {
    return concern.id();
  }

  /**
   * The code reported for the concern: the classified condition, or the alias left unresolved.
   *
   * @return the code
   */
  public ConditionCode code() {
    return entry.code();
  }

  /**
   * The condition's display name, from the catalog.
   *
   * @return the name, such as "Chronic migraine"
   */
  public String conditionName() {
    return entry.name();
  }

  /**
   * The condition's name inside a sentence (lower case, locale-independent).
   *
   * @return the name, such as "chronic migraine"
   */
  public String conditionNameInText() {
    return entry.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Whether the concern is assessed under a catalog condition: false for an alias that rules
   * could not classify (docs/clinical-policy.md §2), which meets no condition-specific rule.
   *
   * @return true unless the concern is an unresolved alias
   */
  public boolean resolved() {
    return !entry.isAlias();
  }

  /**
   * The row's category.
   *
   * @return cosmetic or therapeutic
   */
  public Category category() {
    return entry.category();
  }

  /**
   * Whether the row is cosmetic.
   *
   * @return true for a cosmetic concern
   */
  public boolean cosmetic() {
    return entry.cosmetic();
  }

  /**
   * Whether the row is therapeutic.
   *
   * @return true for a therapeutic concern
   */
  public boolean therapeutic() {
    return entry.therapeutic();
  }

  /**
   * The row's label status (a labelled condition injected outside its labelled areas is
   * reported off label by label.drl, not here).
   *
   * @return the status of the row
   */
  public LabelStatus labelStatus() {
    return entry.labelStatus();
  }

  /**
   * The row's minimum age.
   *
   * @return whole years
   */
  public int minimumAge() {
    return entry.minimumAge();
  }

  /**
   * The concern sites: the concern's sites, or the catalog's usual sites when the concern gives
   * none (empty for a row with no usual sites).
   *
   * @return the sites, unmodifiable
   */
  public Set<Site> sites() {
    return sites;
  }

  /**
   * Whether the concern sites include a site.
   *
   * @param site the site
   * @return true when included
   */
  public boolean hasSite(Site site) {
    return sites.contains(site);
  }

  /**
   * Whether the concern sites include any of the given sites.
   *
   * @param wanted the sites
   * @return true when at least one is included
   */
  public boolean hasAnySite(Site... wanted) {
    for (Site site : wanted) {
      if (sites.contains(site)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the concern gives its own sites (not the catalog's usual ones).
   *
   * @return true when the intake lists sites for the concern
   */
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
   * Whether the concern's indication has a paediatric maximum dose (for some sites): its children
   * are checked against that, not against the label's adult maximum.
   *
   * @return true when the row has paediatric maximum doses
   */
  public boolean hasPaediatricLimits() {
    return !entry.paediatricLimits().isEmpty();
  }

  /**
   * The label's maximum doses of the concern's own (rules/dose-limits.tsv rows of its condition
   * that apply to its sites and are not shared with another condition's concerns); empty for an
   * unresolved alias, whose row is not yet known.
   *
   * @return the rows, in the table's order
   */
  public List<LabelDoseLimit> labelDoseLimits() {
    if (!resolved()) {
      return List.of();
    }
    return entry.doseLimits().stream().filter(l -> !l.shared() && l.appliesTo(sites)).toList();
  }

  /**
   * The label's maximum doses that the concern shares with the concerns of another condition in
   * the same intake (forehead lines with glabellar lines); empty for an unresolved alias.
   *
   * @return the rows, in the table's order
   */
  public List<LabelDoseLimit> sharedDoseLimits() {
    if (!resolved()) {
      return List.of();
    }
    return entry.doseLimits().stream().filter(l -> l.shared() && l.appliesTo(sites)).toList();
  }

  /**
   * The dose a row of rules/dose-limits.tsv that applies to the concern plans by default (forehead
   * lines with the glabella: the label's combined dose), or null for the catalog's typical dose.
   *
   * @return the units, or null
   */
  public Integer labelDefaultUnits() {
    for (LabelDoseLimit l : labelDoseLimits()) {
      if (l.typicalUnits() != null) {
        return l.typicalUnits();
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

  /**
   * When a urinary tract infection was last excluded (bladder concerns, since 1.2).
   *
   * @return the date, or null when not given
   */
  public java.time.LocalDate utiExcludedOn() {
    return concern.utiExcludedOn();
  }

  /**
   * The headache days a month.
   *
   * @return 0–31, or null when not given
   */
  public Integer headacheDaysPerMonth() {
    return concern.headacheDaysPerMonth();
  }

  /**
   * The migraine days a month.
   *
   * @return 0–31, or null when not given
   */
  public Integer migraineDaysPerMonth() {
    return concern.migraineDaysPerMonth();
  }

  /**
   * The headache hours a day.
   *
   * @return 0–24, or null when not given
   */
  public Double headacheHoursPerDay() {
    return concern.headacheHoursPerDay();
  }

  /**
   * The months with symptoms.
   *
   * @return 0–1200, or null when not given
   */
  public Integer monthsWithSymptoms() {
    return concern.monthsWithSymptoms();
  }

  /**
   * The first-line therapies tried without adequate response or not tolerated.
   *
   * @return 0–20, or null when not given
   */
  public Integer priorTherapiesFailed() {
    return concern.priorTherapiesFailed();
  }

  /**
   * Whether a work-up has excluded a secondary cause (hyperhidrosis).
   *
   * @return the flag, or null when not given
   */
  public Boolean secondaryCauseExcluded() {
    return concern.secondaryCauseExcluded();
  }

  /**
   * The effect that applies to this concern's category, for a reason whose effect differs.
   *
   * @param cosmetic the effect for a cosmetic concern
   * @param therapeutic the effect for a therapeutic concern
   * @return one of the two
   */
  public Effect byCategory(Effect cosmetic, Effect therapeutic) {
    return cosmetic() ? cosmetic : therapeutic;
  }

  /**
   * The concern sites in words, for messages.
   *
   * @return the sites in code order, such as "neck, shoulder"
   */
  public String sitesText() {
    return describeSites(sites);
  }

  /**
   * The concern sites among the given ones, in words: the sites a rule is about.
   *
   * @param among the sites the rule is about
   * @return those of them that are concern sites, in code order, such as "eyelid"
   */
  public String sitesText(Site... among) {
    Set<Site> wanted = EnumSet.noneOf(Site.class);
    for (Site s : among) {
      if (sites.contains(s)) {
        wanted.add(s);
      }
    }
    return describeSites(wanted);
  }

  /**
   * Sites in words, in code order, each once.
   *
   * @param sites the sites
   * @return the words, such as "neck, shoulder"
   */
  public static String describeSites(Collection<Site> sites) {
    return sites.stream().sorted().distinct().map(Site::label).collect(Collectors.joining(", "));
  }

  /**
   * The usual sites of the row, for messages.
   *
   * @return the sites, in the catalog's order
   */
  public List<Site> usualSites() {
    return entry.usualSites();
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "ConcernProfile[redacted]";
  }
}
