package org.botoxeligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.engine.IntakeValidator;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.MedicalHistory;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.knowledge.Catalog;
import org.botoxeligibility.testing.RandomIntakes;
import org.botoxeligibility.testing.TestEngine;
import org.junit.jupiter.api.Test;

/**
 * Intake to bundle (IntakeToBundle) and back through the mapper gives the same facts, ids and
 * defaults aside, and the same decisions and reason codes.
 */
class RoundTripTest {
  private static final Catalog CATALOG = Catalog.load();
  private static final IntakeValidator VALIDATOR = new IntakeValidator(CATALOG);

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Intake> intakes() {
    return net.jqwik.api.Arbitraries.randomValue(r -> named(RandomIntakes.generate(r)));
  }

  /**
   * The property of issue 10: a generated intake's facts mapped into a bundle and back give the
   * same assessment as the intake itself (decisions and reason codes), and the same facts.
   */
  @net.jqwik.api.Property(tries = 300)
  void a_generated_intake_through_a_bundle_and_back_is_assessed_alike(
      @net.jqwik.api.ForAll("intakes") Intake original) {
    IntakeValidator.Result checked = VALIDATOR.validate(original, Bundles.TODAY);
    assertThat(checked.problems()).isEmpty();
    Intake resolved = checked.intake();
    Mapping m = Bundles.mapJson(IntakeToBundle.toJson(original), FhirIntakeMapper.Options.orders());
    assertThat(m.problems()).isEmpty();
    Intake back = VALIDATOR.validate(m.intake(), Bundles.TODAY).intake();
    assertSameFacts(resolved, back);
    assertSameDecisions(TestEngine.get().evaluate(original), TestEngine.get().evaluate(m.intake()));
  }

  /**
   * The intake with what FHIR cannot carry left out: class-only medications (FHIR names
   * medications), and a past treatment's condition that is an alias (docs/fhir-mapping.md §7: a
   * treatment's condition is left out for an alias, so "same condition" rules cannot see it).
   */
  private static Intake named(Intake intake) {
    MedicalHistory h = intake.medicalHistory();
    List<Medication> meds = h.medications().stream().filter(m -> m.name() != null)
        .map(m -> Medication.named(m.name())).toList();
    List<TreatmentRecord> treatments = intake.treatmentHistory().stream()
        .map(t -> t.condition() != null && CATALOG.entry(t.condition()).isAlias()
            ? new TreatmentRecord(t.date(), null, t.product(), t.units(), t.response(),
                t.adverseReactions())
            : t)
        .toList();
    return intake.toBuilder().medicalHistory(new MedicalHistory(h.conditions(), h.allergies(),
        meds, h.infectionSites())).treatmentHistory(treatments).build();
  }

  private static void assertSameFacts(Intake a, Intake b) {
    assertThat(b.intakeId()).isEqualTo(a.intakeId());
    assertThat(b.assessmentDate()).isEqualTo(a.assessmentDate());
    assertThat(age(b)).isEqualTo(age(a));
    assertThat(b.patient().sex()).isEqualTo(a.patient().sex());
    assertThat(b.patient().pregnant()).isEqualTo(a.patient().pregnant());
    assertThat(b.patient().breastfeeding()).isEqualTo(a.patient().breastfeeding());
    assertThat(b.patient().weightKg()).isEqualTo(a.patient().weightKg());
    assertThat(b.concerns()).hasSameSizeAs(a.concerns());
    for (int i = 0; i < a.concerns().size(); i++) {
      Concern x = a.concerns().get(i);
      Concern y = b.concerns().get(i);
      assertThat(y.id()).isEqualTo(x.id());
      assertThat(y.condition()).isEqualTo(x.condition());
      assertThat(y.icd10()).isEqualTo(x.icd10());
      assertThat(y.sites()).isEqualTo(x.sites());
      assertThat(y.headacheDaysPerMonth()).isEqualTo(x.headacheDaysPerMonth());
      assertThat(y.migraineDaysPerMonth()).isEqualTo(x.migraineDaysPerMonth());
      assertThat(y.headacheHoursPerDay()).isEqualTo(x.headacheHoursPerDay());
      assertThat(y.monthsWithSymptoms()).isEqualTo(x.monthsWithSymptoms());
      assertThat(y.priorTherapiesFailed()).isEqualTo(x.priorTherapiesFailed());
      assertThat(y.secondaryCauseExcluded()).isEqualTo(x.secondaryCauseExcluded());
      assertThat(y.plannedUnits()).isEqualTo(x.plannedUnits());
      assertThat(y.postVoidResidualMl()).isEqualTo(x.postVoidResidualMl());
      assertThat(y.cleanIntermittentCatheterization())
          .isEqualTo(x.cleanIntermittentCatheterization());
      assertThat(y.utiExcludedOn()).isEqualTo(x.utiExcludedOn());
    }
    assertThat(new HashSet<>(b.medicalHistory().conditions()))
        .isEqualTo(new HashSet<>(a.medicalHistory().conditions()));
    assertThat(new HashSet<>(b.medicalHistory().allergies()))
        .isEqualTo(new HashSet<>(a.medicalHistory().allergies()));
    assertThat(new HashSet<>(b.medicalHistory().infectionSites()))
        .isEqualTo(new HashSet<>(a.medicalHistory().infectionSites()));
    assertThat(b.medicalHistory().medications()).isEqualTo(a.medicalHistory().medications());
    assertThat(b.treatmentHistory()).hasSameSizeAs(a.treatmentHistory());
    for (int i = 0; i < a.treatmentHistory().size(); i++) {
      TreatmentRecord x = a.treatmentHistory().get(i);
      TreatmentRecord y = b.treatmentHistory().get(i);
      assertThat(y.date()).isEqualTo(x.date());
      assertThat(y.product()).isEqualTo(x.product());
      assertThat(y.units()).isEqualTo(x.units());
      assertThat(y.response()).isEqualTo(x.response());
      assertThat(new HashSet<>(y.adverseReactions())).isEqualTo(
          new HashSet<>(x.adverseReactions()));
      boolean alias = x.condition() != null && CATALOG.entry(x.condition()).isAlias();
      assertThat(y.condition()).isEqualTo(alias ? null : x.condition());
    }
    boolean therapeutic = a.concerns().stream().anyMatch(c -> CATALOG.entry(c.condition())
        .therapeutic());
    assertThat(b.workflow().prescriptionIssued()).isEqualTo(a.workflow().prescriptionIssued());
    if (therapeutic) {
      assertThat(b.workflow().diagnosisConfirmed()).isEqualTo(a.workflow().diagnosisConfirmed());
      assertThat(b.workflow().medicalExaminationCompleted())
          .isEqualTo(a.workflow().medicalExaminationCompleted());
    }
  }

  private static int age(Intake i) {
    return i.patient().ageYears() != null ? i.patient().ageYears()
        : Period.between(i.patient().birthDate(), i.assessmentDate()).getYears();
  }

  private static void assertSameDecisions(Assessment a, Assessment b) {
    assertThat(summary(b)).isEqualTo(summary(a));
  }

  private static List<String> summary(Assessment a) {
    List<String> out = new ArrayList<>();
    for (Recommendation r : a.recommendations()) {
      out.add(r.concernId() + " " + r.decision() + " " + r.reasons().stream()
          .map(x -> x.code().toString()).sorted().toList());
    }
    return out;
  }
}
