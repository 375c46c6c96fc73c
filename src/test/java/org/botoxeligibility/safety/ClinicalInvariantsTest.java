package org.botoxeligibility.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.DrugClass;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.MedicalHistory;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.intake.Workflow;
import org.botoxeligibility.json.AssessmentWriter;
import org.botoxeligibility.assessment.Category;
import org.botoxeligibility.assessment.Effect;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RandomIntakes;
import org.botoxeligibility.testing.TestEngine;

/**
 * The clinical invariants of the engine, as properties over generated valid intakes (1,000 each
 * in CI).
 */
class ClinicalInvariantsTest {
  private static final AssessmentWriter WRITER = new AssessmentWriter();

  @Provide
  Arbitrary<Intake> intakes() {
    return Arbitraries.randomValue(RandomIntakes::generate);
  }

  /** One added risk, as a change to an intake. */
  @Provide
  Arbitrary<Risk> risks() {
    return Arbitraries.randomValue(Risk::random);
  }

  @Property(tries = 1000)
  void the_decision_is_the_most_restrictive_reason_effect(@ForAll("intakes") Intake intake) {
    Assessment a = evaluate(intake);
    for (Recommendation r : a.recommendations()) {
      Effect mostRestrictive = r.reasons().stream().map(Reason::effect)
          .reduce(Effect.ELIGIBLE, Effect::max);
      assertThat(r.decision()).isEqualTo(mostRestrictive);
      if (r.decision().restricts()) {
        assertThat(r.reasons()).anyMatch(reason -> reason.effect() == r.decision());
      }
    }
  }

  @Property(tries = 1000)
  void adding_a_risk_never_makes_a_decision_less_restrictive(@ForAll("intakes") Intake intake,
      @ForAll("risks") Risk risk) {
    assertNoneRelaxed(intake, risk.apply(intake), risk.toString());
  }

  @Property(tries = 1000)
  void unknown_is_never_better_than_a_known_negative(@ForAll("intakes") Intake intake) {
    Intake knownNotPregnant = new Intake(intake.intakeId(), intake.assessmentDate(),
        intake.patient().withPregnant(false), intake.concerns(), intake.medicalHistory(),
        intake.treatmentHistory(), intake.workflow());
    Intake unknown = new Intake(intake.intakeId(), intake.assessmentDate(),
        intake.patient().withPregnant(null), intake.concerns(), intake.medicalHistory(),
        intake.treatmentHistory(), intake.workflow());
    assertNoneRelaxed(knownNotPregnant, unknown, "pregnant: false -> absent");

    Workflow done = new Workflow(true, true, true);
    Intake allDone = withWorkflow(intake, done);
    assertNoneRelaxed(allDone, withWorkflow(intake, new Workflow(false, true, true)),
        "medicalExaminationCompleted: true -> false");
    assertNoneRelaxed(allDone, withWorkflow(intake, new Workflow(true, false, true)),
        "diagnosisConfirmed: true -> false");
    assertNoneRelaxed(allDone, withWorkflow(intake, new Workflow(true, true, false)),
        "prescriptionIssued: true -> false");
  }

  @Property(tries = 1000)
  void an_unknown_bladder_fact_or_weight_is_never_better_than_a_known_one(
      @ForAll("intakes") Intake intake) {
    Intake bladder = withConcerns(intake, c -> c.withCondition(
        c.id().hashCode() % 2 == 0 ? ConditionCode.OVERACTIVE_BLADDER
            : ConditionCode.NEUROGENIC_DETRUSOR_OVERACTIVITY));
    assertNoneRelaxed(withConcerns(bladder, c -> c.withBladder(c.postVoidResidualMl(), false)),
        withConcerns(bladder, c -> c.withBladder(c.postVoidResidualMl(), null)),
        "cleanIntermittentCatheterization: false -> absent");
    assertNoneRelaxed(withConcerns(bladder, c -> c.withBladder(50.0, c.cleanIntermittentCatheterization())),
        withConcerns(bladder, c -> c.withBladder(null, c.cleanIntermittentCatheterization())),
        "postVoidResidualMl: 50 -> absent");
    Intake child = new Intake(intake.intakeId(), intake.assessmentDate(),
        intake.patient().withAgeYears(10).withWeightKg(30.0), intake.concerns(),
        intake.medicalHistory(), intake.treatmentHistory(), intake.workflow());
    assertNoneRelaxed(child, new Intake(child.intakeId(), child.assessmentDate(),
        child.patient().withWeightKg(null), child.concerns(), child.medicalHistory(),
        child.treatmentHistory(), child.workflow()), "a child's weightKg: 30 -> absent");
  }

  /**
   * Knowledge base 1.2: a missing infection check is never kinder than a known one, whatever its
   * age, on bladder concerns and on the intake's own mix of concerns (where it is ignored off the
   * bladder). The field is set here rather than by the generator.
   */
  @Property(tries = 1000)
  void a_missing_infection_check_is_never_better_than_a_known_one(@ForAll("intakes") Intake intake,
      @ForAll @IntRange(min = 0, max = 30) int daysAgo) {
    LocalDate checked = intake.assessmentDate().minusDays(daysAgo);
    Intake bladder = withConcerns(intake, c -> c.withCondition(
        c.id().hashCode() % 2 == 0 ? ConditionCode.OVERACTIVE_BLADDER
            : ConditionCode.NEUROGENIC_DETRUSOR_OVERACTIVITY));
    for (Intake i : List.of(bladder, intake)) {
      assertNoneRelaxed(withConcerns(i, c -> c.toBuilder().utiExcludedOn(checked).build()),
          withConcerns(i, c -> c.toBuilder().utiExcludedOn(null).build()),
          "utiExcludedOn: " + daysAgo + " days ago -> absent");
    }
  }

  /**
   * Knowledge base 1.2: a past treatment's units that are not known are never counted as 0: removing
   * them never makes a decision kinder, for a treatment inside or outside the cumulative window.
   */
  @Property(tries = 1000)
  void a_missing_past_dose_is_never_better_than_a_known_one(@ForAll("intakes") Intake intake,
      @ForAll @IntRange(min = 0, max = 120) int daysAgo, @ForAll @IntRange(min = 1, max = 400) int units,
      @ForAll boolean forBlepharospasm) {
    TreatmentRecord known = new TreatmentRecord(intake.assessmentDate().minusDays(daysAgo),
        forBlepharospasm ? ConditionCode.BLEPHAROSPASM : null, Product.ONABOTULINUMTOXINA, units,
        Response.GOOD, List.of());
    TreatmentRecord unknown = new TreatmentRecord(known.date(), known.condition(), known.product(),
        null, known.response(), known.adverseReactions());
    assertNoneRelaxed(withHistory(intake, plus(intake.treatmentHistory(), known)),
        withHistory(intake, plus(intake.treatmentHistory(), unknown)),
        "units of a treatment " + daysAgo + " days ago: " + units + " -> absent");

    Intake allKnown = withHistory(intake, intake.treatmentHistory().stream()
        .map(t -> new TreatmentRecord(t.date(), t.condition(), t.product(),
            t.units() == null ? units : t.units(), t.response(), t.adverseReactions())).toList());
    Intake noneKnown = withHistory(intake, intake.treatmentHistory().stream()
        .map(t -> new TreatmentRecord(t.date(), t.condition(), t.product(), null, t.response(),
            t.adverseReactions())).toList());
    assertNoneRelaxed(allKnown, noneKnown, "every past treatment's units -> absent");
  }

  /**
   * Knowledge base 1.2: a child's missing weight is never kinder than a known one, at any age under
   * 18 and any weight (a child without a weight is still held to the absolute paediatric caps, and
   * gets no default dose).
   */
  @Property(tries = 1000)
  void a_childs_missing_weight_is_never_better_than_a_known_one(@ForAll("intakes") Intake intake,
      @ForAll @IntRange(min = 0, max = 17) int age, @ForAll @IntRange(min = 20, max = 900) int tenthsKg) {
    Intake child = new Intake(intake.intakeId(), intake.assessmentDate(),
        intake.patient().withAgeYears(age).withWeightKg(tenthsKg / 10.0), intake.concerns(),
        intake.medicalHistory(), intake.treatmentHistory(), intake.workflow());
    assertNoneRelaxed(child, new Intake(child.intakeId(), child.assessmentDate(),
        child.patient().withWeightKg(null), child.concerns(), child.medicalHistory(),
        child.treatmentHistory(), child.workflow()),
        "a " + age + "-year-old's weightKg: " + tenthsKg / 10.0 + " -> absent");
  }

  private static Intake withHistory(Intake i, List<TreatmentRecord> history) {
    return new Intake(i.intakeId(), i.assessmentDate(), i.patient(), i.concerns(),
        i.medicalHistory(), history, i.workflow());
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  /**
   * The sixth invariant (knowledge base 1.1): a patient who routinely self-catheterises is never
   * refused for urinary retention; one who is not known to is never spared when retention is
   * reported or the residual is above the limit.
   */
  @Property(tries = 1000)
  void self_catheterisation_decides_the_retention_refusal(@ForAll("intakes") Intake intake) {
    Intake bladder = withConcerns(intake, c -> c.withCondition(
        c.id().hashCode() % 2 == 0 ? ConditionCode.OVERACTIVE_BLADDER
            : ConditionCode.NEUROGENIC_DETRUSOR_OVERACTIVITY));
    boolean retentionReported = bladder.medicalHistory().conditions()
        .contains(Comorbidity.URINARY_RETENTION);
    Assessment a = evaluate(bladder);
    for (int i = 0; i < bladder.concerns().size(); i++) {
      var concern = bladder.concerns().get(i);
      Recommendation r = a.recommendations().get(i);
      boolean refusedForRetention = r.hasReason("URINARY_RETENTION");
      if (Boolean.TRUE.equals(concern.cleanIntermittentCatheterization())) {
        assertThat(refusedForRetention).as("a self-catheterising patient refused for retention")
            .isFalse();
      } else {
        boolean retention = retentionReported || (concern.postVoidResidualMl() != null
            && concern.postVoidResidualMl() > 200);
        assertThat(refusedForRetention).as("retention %s, residual %s, self-catheterisation %s",
            retentionReported, concern.postVoidResidualMl(),
            concern.cleanIntermittentCatheterization()).isEqualTo(retention);
        if (retention) {
          assertThat(r.decision()).isEqualTo(Effect.NOT_ELIGIBLE);
        }
      }
    }
  }

  private static Intake withConcerns(Intake i, UnaryOperator<org.botoxeligibility.intake.Concern> change) {
    return new Intake(i.intakeId(), i.assessmentDate(), i.patient(),
        i.concerns().stream().map(change).toList(), i.medicalHistory(), i.treatmentHistory(),
        i.workflow());
  }

  @Property(tries = 1000)
  void a_therapeutic_concern_is_ready_to_book_only_when_the_workflow_is_done(
      @ForAll("intakes") Intake intake) {
    Workflow w = intake.workflow();
    boolean done = w.medicalExaminationCompleted() && w.diagnosisConfirmed()
        && w.prescriptionIssued();
    for (Recommendation r : evaluate(intake).recommendations()) {
      if (r.category() == Category.THERAPEUTIC && r.readyToBook()) {
        assertThat(done).as("%s is ready to book with workflow %s", r.concernId(), w).isTrue();
      }
      assertThat(r.readyToBook()).isEqualTo(
          (r.decision() == Effect.ELIGIBLE || r.decision() == Effect.ELIGIBLE_WITH_PRECAUTIONS)
              && r.outstandingRequirements().isEmpty());
    }
  }

  @Property(tries = 1000)
  void the_same_intake_gives_the_same_bytes_whatever_was_evaluated_before(
      @ForAll("intakes") Intake intake, @ForAll("intakes") Intake other1,
      @ForAll("intakes") Intake other2) {
    String alone = WRITER.pretty(evaluate(intake));
    List<Intake> batch = new ArrayList<>(List.of(other1, intake, other2, intake));
    Collections.shuffle(batch, new Random(intake.intakeId().hashCode()));
    for (Intake i : batch) {
      String json = WRITER.pretty(evaluate(i));
      if (i == intake) {
        assertThat(json).isEqualTo(alone);
      }
    }
    assertThat(WRITER.pretty(evaluate(intake))).isEqualTo(alone);
  }

  private static void assertNoneRelaxed(Intake before, Intake after, String change) {
    List<Recommendation> was = evaluate(before).recommendations();
    List<Recommendation> now = evaluate(after).recommendations();
    assertThat(now).hasSameSizeAs(was);
    for (int i = 0; i < was.size(); i++) {
      assertThat(now.get(i).decision().rank())
          .as("%s: concern %s (%s) went from %s to %s", change, was.get(i).concernId(),
              was.get(i).condition(), was.get(i).decision(), now.get(i).decision())
          .isGreaterThanOrEqualTo(was.get(i).decision().rank());
    }
  }

  private static Intake withWorkflow(Intake i, Workflow w) {
    return new Intake(i.intakeId(), i.assessmentDate(), i.patient(), i.concerns(),
        i.medicalHistory(), i.treatmentHistory(), w);
  }

  private static Assessment evaluate(Intake intake) {
    return TestEngine.get().evaluate(intake);
  }

  /** A risk added to an intake: an allergy, a comorbidity, a medication, an infection site,
   * pregnancy, or a recent treatment. */
  record Risk(String name, UnaryOperator<Intake> change) {
    Intake apply(Intake intake) {
      return change.apply(intake);
    }

    @Override
    public String toString() {
      return name;
    }

    static Risk random(Random r) {
      switch (r.nextInt(6)) {
        case 0: {
          Allergy a = Allergy.values()[r.nextInt(Allergy.values().length)];
          return new Risk("allergy " + a, i -> history(i, h -> new MedicalHistory(
              h.conditions(), plus(h.allergies(), a), h.medications(), h.infectionSites())));
        }
        case 1: {
          Comorbidity c = Comorbidity.values()[r.nextInt(Comorbidity.values().length)];
          return new Risk("comorbidity " + c, i -> history(i, h -> new MedicalHistory(
              plus(h.conditions(), c), h.allergies(), h.medications(), h.infectionSites())));
        }
        case 2: {
          Medication m = r.nextBoolean()
              ? new Medication(null, DrugClass.values()[r.nextInt(DrugClass.values().length)])
              : Medication.named(new String[] {"gentamicin", "warfarin", "baclofen",
                  "oxybutynin", "aspirin", "something unlisted", "metformin"}[r.nextInt(7)]);
          return new Risk("medication " + m.name() + "/" + m.drugClass(), i -> history(i,
              h -> new MedicalHistory(h.conditions(), h.allergies(), plus(h.medications(), m),
                  h.infectionSites())));
        }
        case 3: {
          Site s = Site.values()[r.nextInt(Site.values().length)];
          return new Risk("infection at " + s, i -> history(i, h -> new MedicalHistory(
              h.conditions(), h.allergies(), h.medications(), plus(h.infectionSites(), s))));
        }
        case 4:
          return new Risk("pregnant: true", i -> new Intake(i.intakeId(), i.assessmentDate(),
              i.patient().withPregnant(true), i.concerns(), i.medicalHistory(),
              i.treatmentHistory(), i.workflow()));
        default: {
          int daysAgo = r.nextInt(84);
          ConditionCode c = r.nextBoolean() ? null
              : ConditionCode.values()[r.nextInt(ConditionCode.values().length)];
          Response response = Response.values()[r.nextInt(Response.values().length)];
          TreatmentRecord t = new TreatmentRecord(Intakes.TODAY.minusDays(daysAgo), c,
              Product.ONABOTULINUMTOXINA, r.nextBoolean() ? null : 1 + r.nextInt(300), response,
              r.nextBoolean() ? List.of() : List.of(AdverseReaction.values()[
                  r.nextInt(AdverseReaction.values().length)]));
          return new Risk("treatment " + daysAgo + " days ago for " + c + ", " + response,
              i -> new Intake(i.intakeId(), i.assessmentDate(), i.patient(), i.concerns(),
                  i.medicalHistory(), plus(i.treatmentHistory(), t), i.workflow()));
        }
      }
    }

    private static Intake history(Intake i, UnaryOperator<MedicalHistory> change) {
      return new Intake(i.intakeId(), i.assessmentDate(), i.patient(), i.concerns(),
          change.apply(i.medicalHistory()), i.treatmentHistory(), i.workflow());
    }

    private static <T> List<T> plus(List<T> list, T item) {
      List<T> out = new ArrayList<>(list);
      out.add(item);
      return out;
    }
  }
}
