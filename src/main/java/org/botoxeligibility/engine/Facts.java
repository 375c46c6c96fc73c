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
import org.botoxeligibility.knowledge.AssessmentDate;
import org.botoxeligibility.knowledge.DrugList;
import org.botoxeligibility.knowledge.InfectedSite;
import org.botoxeligibility.knowledge.IntakePointers;
import org.botoxeligibility.knowledge.PastTreatment;
import org.botoxeligibility.knowledge.ReportedAllergy;
import org.botoxeligibility.knowledge.ReportedComorbidity;
import org.botoxeligibility.knowledge.TakenMedication;
import org.kie.api.runtime.rule.EntryPoint;

/**
 * Turns a valid intake into the facts the rules reason over. No clinical decision is taken here:
 * codes are wrapped, repeated codes are reported once (with every place they are listed), a
 * medication name is looked up in the knowledge base's drug list, and past treatments are dated
 * relative to the assessment date (which is a fact of its own too, for the intake's other dates). Each fact knows where the intake gave it, for the evidence.
 */
final class Facts {
  private Facts() {}

  static void insert(EntryPoint session, Intake intake, IntakePointers given, DrugList drugs) {
    session.insert(intake.patient());
    session.insert(intake.workflow());
    session.insert(new AssessmentDate(intake.assessmentDate()));
    for (Concern c : intake.concerns()) {
      session.insert(c);
    }
    Set<Comorbidity> comorbidities = EnumSet.noneOf(Comorbidity.class);
    comorbidities.addAll(intake.medicalHistory().conditions());
    for (Comorbidity c : comorbidities) {
      session.insert(new ReportedComorbidity(c, given.comorbidity(c)));
    }
    Set<Allergy> allergies = EnumSet.noneOf(Allergy.class);
    allergies.addAll(intake.medicalHistory().allergies());
    for (Allergy a : allergies) {
      session.insert(new ReportedAllergy(a, given.allergy(a)));
    }
    Set<Site> infected = EnumSet.noneOf(Site.class);
    infected.addAll(intake.medicalHistory().infectionSites());
    for (Site s : infected) {
      session.insert(new InfectedSite(s, given.infection(s)));
    }
    List<Medication> medications = intake.medicalHistory().medications();
    for (int i = 0; i < medications.size(); i++) {
      Medication m = medications.get(i);
      session.insert(new TakenMedication(m.name(), m.drugClass(), drugs.match(m.name()),
          "/medicalHistory/medications/" + i));
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
      int index = order.get(rank);
      TreatmentRecord t = history.get(index);
      Set<AdverseReaction> reactions = EnumSet.noneOf(AdverseReaction.class);
      reactions.addAll(t.adverseReactions());
      treatments.add(new PastTreatment(rank, t.date(),
          ChronoUnit.DAYS.between(t.date(), intake.assessmentDate()), t.condition(), t.product(),
          t.units(), t.response(), reactions, "/treatmentHistory/" + index));
    }
    return treatments;
  }
}
