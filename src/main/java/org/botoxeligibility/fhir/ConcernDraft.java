package org.botoxeligibility.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.botoxeligibility.fhir.FhirRecord.Entry;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Site;

/** A concern under construction: its order (or screened Condition) and what was read for it. */
final class ConcernDraft {
  final int index;
  final Entry source;
  /** The Conditions behind the concern: its order's reasonReference, or the screened one. */
  final List<Entry> conditions = new ArrayList<>();
  String id;
  ConditionCode condition;
  String icd10;
  final List<Site> sites = new ArrayList<>();
  Integer plannedUnits;
  Integer headacheDays;
  Integer migraineDays;
  Double headacheHours;
  Integer months;
  Integer priorTherapies;
  Boolean secondaryCause;
  Double residual;
  Boolean catheterization;
  LocalDate utiExcludedOn;
  boolean issued;

  ConcernDraft(int index, Entry source) {
    this.index = index;
    this.source = source;
  }

  /** The concern's JSON Pointer. */
  String at() {
    return "/concerns/" + index;
  }

  Concern build() {
    return new Concern(id, condition, icd10, sites, headacheDays, migraineDays, headacheHours,
        months, priorTherapies, secondaryCause, plannedUnits, residual, catheterization,
        utiExcludedOn);
  }
}
