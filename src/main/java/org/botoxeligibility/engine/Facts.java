package org.botoxeligibility.engine;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.knowledge.DrugList;
import org.botoxeligibility.knowledge.InfectedSite;
import org.botoxeligibility.knowledge.PastTreatment;
import org.botoxeligibility.knowledge.ReportedAllergy;
import org.botoxeligibility.knowledge.ReportedComorbidity;
import org.botoxeligibility.knowledge.TakenMedication;
import org.kie.api.runtime.rule.EntryPoint;

/**
 * Turns a valid intake into the facts the rules reason over. No clinical decision is taken here:
 * codes are wrapped, repeated codes are reported once, a medication name is looked up in the
 * knowledge base's drug list, and past treatments are dated relative to the assessment date.
 */
final class Facts {
  private Facts() {}

  static void insert(EntryPoint session, Intake intake, DrugList drugs) {
    session.insert(intake.patient());
    session.insert(intake.workflow());
    for (Concern c : intake.concerns()) {
      session.insert(c);
    }
    Set<Comorbidity> comorbidities = EnumSet.noneOf(Comorbidity.class);
    comorbidities.addAll(intake.medicalHistory().conditions());
    for (Comorbidity c : comorbidities) {
      session.insert(new ReportedComorbidity(c));
    }
    Set<Allergy> allergies = EnumSet.noneOf(Allergy.class);
    allergies.addAll(intake.medicalHistory().allergies());
    for (Allergy a : allergies) {
      session.insert(new ReportedAllergy(a));
    }
    Set<Site> infected = EnumSet.noneOf(Site.class);
    infected.addAll(intake.medicalHistory().infectionSites());
    for (Site s : infected) {
      session.insert(new InfectedSite(s));
    }
    for (Medication m : intake.medicalHistory().medications()) {
      session.insert(new TakenMedication(m.name(), m.drugClass(), drugs.classOf(m.name())));
    }
    for (PastTreatment t : pastTreatments(intake)) {
      session.insert(t);
    }
  }

  /** Past treatments, most recent first (on the same date, the later entry first). */
  static List<PastTreatment> pastTreatments(Intake intake) {
    List<TreatmentRecord> history = intake.treatmentHistory();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.<Integer, java.time.LocalDate>comparing(i -> history.get(i).date())
        .thenComparing(i -> i).reversed());
    List<PastTreatment> treatments = new ArrayList<>(history.size());
    for (int rank = 0; rank < order.size(); rank++) {
      TreatmentRecord t = history.get(order.get(rank));
      Set<AdverseReaction> reactions = EnumSet.noneOf(AdverseReaction.class);
      reactions.addAll(t.adverseReactions());
      treatments.add(new PastTreatment(rank, t.date(),
          ChronoUnit.DAYS.between(t.date(), intake.assessmentDate()), t.condition(), t.product(),
          t.units(), t.response(), reactions));
    }
    return treatments;
  }
}
