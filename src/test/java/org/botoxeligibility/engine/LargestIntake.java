package org.botoxeligibility.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.MedicalHistory;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Sex;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.testing.Intakes;

/**
 * An intake of the largest size the contract allows (20 concerns of 25 sites, 100 items in each
 * medical-history list, 200 past treatments of 20 reactions), as the benchmarks build it: what
 * the built-in knowledge base does the most work for.
 */
final class LargestIntake {
  private LargestIntake() {}

  static Intake build() {
    List<Concern> concerns = new ArrayList<>();
    List<Site> sites = new ArrayList<>(List.of(Site.values()));
    while (sites.size() < 25) {
      sites.add(Site.NECK);
    }
    for (int i = 0; i < 20; i++) {
      concerns.add(Concern.builder().id("c" + i).condition(ConditionCode.values()[i])
          .sites(sites).headacheDaysPerMonth(18).migraineDaysPerMonth(10).headacheHoursPerDay(6)
          .monthsWithSymptoms(14).priorTherapiesFailed(2).plannedUnits(10)
          .postVoidResidualMl(80).build());
    }
    List<Comorbidity> comorbidities = new ArrayList<>();
    List<Allergy> allergies = new ArrayList<>();
    List<Site> infections = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      comorbidities.add(Comorbidity.values()[i % Comorbidity.values().length]);
      allergies.add(Allergy.values()[i % Allergy.values().length]);
      infections.add(Site.values()[i % Site.values().length]);
    }
    String[] names = {"Gentamicin 40 MG/ML Injectable Solution", "warfarin", "sumatriptan",
        "Clindamycin Phosphate 1% Topical Gel", "an unlisted remedy"};
    List<Medication> meds = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      meds.add(Medication.named(names[i % names.length]));
    }
    List<TreatmentRecord> treatments = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      treatments.add(TreatmentRecord.builder().date(Intakes.TODAY.minusDays(100 + i))
          .condition(ConditionCode.values()[i % 26]).units(50).response(Response.NONE)
          .adverseReactions(Collections.nCopies(20, AdverseReaction.MUSCLE_WEAKNESS)).build());
    }
    return Intake.builder().intakeId("MAX-1").assessmentDate(Intakes.TODAY)
        .patient(Patient.builder().ageYears(40).sex(Sex.FEMALE).pregnant(false)
            .weightKg(70).build())
        .concerns(concerns)
        .medicalHistory(MedicalHistory.builder().conditions(comorbidities).allergies(allergies)
            .medications(meds).infectionSites(infections).build())
        .treatmentHistory(treatments)
        .build();
  }
}
