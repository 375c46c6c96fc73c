package org.botoxeligibility.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.botoxeligibility.assessment.InvalidIntakeException;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.MedicalHistory;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.json.IntakeReader;
import org.botoxeligibility.testing.IntakeJson;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RandomIntakes;
import org.botoxeligibility.testing.TestEngine;

/**
 * No intake, built in code or read from JSON, is evaluated that the other way in would refuse:
 * over generated intakes with fields nulled or lists made too long, {@code engine.evaluate} of
 * the records and the reader of their JSON agree on validity and on every problem.
 */
class BothWaysInTest {
  private static final IntakeReader READER = new IntakeReader(TestEngine.get().validator());

  /** An intake and what was done to it, for the failure message. */
  record Case(Intake intake, String change) {
    @Override
    public String toString() {
      return change;
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(BothWaysInTest::damaged);
  }

  @Property(tries = 2000)
  void the_code_path_refuses_exactly_what_the_reader_refuses(@ForAll("cases") Case c) {
    List<Problem> viaJson = READER.read(IntakeJson.bytes(c.intake()), Intakes.TODAY).problems();
    List<Problem> viaCode;
    try {
      TestEngine.get().evaluate(c.intake());
      viaCode = List.of();
    } catch (InvalidIntakeException e) {
      viaCode = e.problems();
    }
    assertThat(viaCode).as(c.change()).containsExactlyInAnyOrderElementsOf(viaJson);
  }

  static Case damaged(Random r) {
    Intake i = RandomIntakes.generate(r);
    int n = r.nextInt(16);
    return switch (n) {
      case 0 -> new Case(i.toBuilder().patient(null).build(), "patient null");
      case 1 -> new Case(i.toBuilder().concerns(null).build(), "concerns null");
      case 2 -> new Case(i.toBuilder().medicalHistory(null).build(), "medicalHistory null");
      case 3 -> new Case(i.toBuilder().medicalHistory(i.medicalHistory().toBuilder()
          .conditions((List<Comorbidity>) null).build()).build(), "conditions null");
      case 4 -> new Case(i.toBuilder().medicalHistory(new MedicalHistory(null, null, null, null))
          .build(), "every medical-history list null");
      case 5 -> new Case(i.toBuilder().intakeId(null).build(), "intakeId null");
      case 6 -> new Case(withConcern(i, i.concerns().get(0).toBuilder().condition(null).build()),
          "a concern's condition null");
      case 7 -> new Case(i.toBuilder().patient(Patient.builder().sex(i.patient().sex()).build())
          .build(), "the age null");
      case 8 -> new Case(i.toBuilder().concerns(many(i.concerns().get(0), 21, r)).build(),
          "21 concerns");
      case 9 -> new Case(withConcern(i, i.concerns().get(0).toBuilder()
          .sites(Collections.nCopies(26, Site.NECK)).build()), "26 sites");
      case 10 -> new Case(i.toBuilder().medicalHistory(i.medicalHistory().toBuilder()
          .medications(Collections.nCopies(101 + r.nextInt(8000), Medication.named("aspirin")))
          .build()).build(), "over 100 medications");
      case 11 -> new Case(i.toBuilder().medicalHistory(i.medicalHistory().toBuilder()
          .conditions(Collections.nCopies(101, Comorbidity.DRY_EYE)).build()).build(),
          "101 comorbidities");
      case 12 -> new Case(i.toBuilder().treatmentHistory(Collections.nCopies(201,
          TreatmentRecord.builder().date(Intakes.TODAY.minusDays(400)).build())).build(),
          "201 treatments");
      case 13 -> new Case(i.toBuilder().treatments(TreatmentRecord.builder()
          .date(Intakes.TODAY.minusDays(400))
          .adverseReactions(Collections.nCopies(21, AdverseReaction.OTHER)).build()).build(),
          "21 adverse reactions");
      case 14 -> new Case(i.toBuilder().assessmentDate(java.time.LocalDate.of(1, 1, 1)).build(),
          "assessment date 0001-01-01");
      default -> new Case(i.toBuilder().treatments(TreatmentRecord.builder().build()).build(),
          "a treatment without a date");
    };
  }

  private static Intake withConcern(Intake i, Concern first) {
    List<Concern> concerns = new ArrayList<>(i.concerns());
    concerns.set(0, first);
    return i.toBuilder().concerns(concerns).build();
  }

  private static List<Concern> many(Concern template, int n, Random r) {
    List<Concern> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(template.withId("k" + k).withCondition(ConditionCode.values()[r.nextInt(26)]));
    }
    return out;
  }
}
