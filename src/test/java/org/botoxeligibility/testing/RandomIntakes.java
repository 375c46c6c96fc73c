package org.botoxeligibility.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.DrugClass;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.MedicalHistory;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Response;
import org.botoxeligibility.intake.Sex;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.intake.Workflow;

/**
 * Valid intakes drawn at random, covering every code list, unknown values (null), boundaries and
 * the drug list, for the property and concurrency tests. The same seed gives the same intake.
 */
public final class RandomIntakes {
  private static final String[] DRUG_NAMES = {
    "gentamicin", "Tobramycin", "rocuronium", "clindamycin", "magnesium sulfate", "oxybutynin",
    "glycopyrrolate", "warfarin", "APIXABAN", "aspirin", "clopidogrel", "baclofen", "tizanidine",
    "sumatriptan", "propranolol", "topiramate", "metformin", "ibuprofen", "paracetamol",
    "herbal tea", "unknownium"
  };

  private RandomIntakes() {}

  public static Intake generate(Random r) {
    return generate(r, "RND-" + Integer.toHexString(r.nextInt()));
  }

  public static Intake generate(Random r, String id) {
    int age = r.nextInt(10) == 0 ? pickInt(r, 0, 2, 5, 11, 12, 17, 18, 55, 56, 120) : 18 + r.nextInt(70);
    Patient patient = new Patient(age, null, pick(r, Sex.values()), tri(r), tri(r),
        r.nextInt(3) == 0 ? null : 3.0 + r.nextInt(1500) / 10.0);
    List<Concern> concerns = new ArrayList<>();
    int n = 1 + r.nextInt(r.nextInt(6) == 0 ? 6 : 3);
    for (int i = 0; i < n; i++) {
      concerns.add(concern(r, "c" + (i + 1)));
    }
    List<Medication> meds = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      meds.add(switch (r.nextInt(3)) {
        case 0 -> Medication.named(pick(r, DRUG_NAMES));
        case 1 -> new Medication(null, pick(r, DrugClass.values()));
        default -> new Medication(pick(r, DRUG_NAMES), pick(r, DrugClass.values()));
      });
    }
    List<TreatmentRecord> history = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      history.add(treatment(r));
    }
    return new Intake(id, Intakes.TODAY, patient, concerns,
        new MedicalHistory(some(r, Comorbidity.values(), 4), some(r, Allergy.values(), 5),
            meds, some(r, Site.values(), 8)),
        history,
        new Workflow(r.nextInt(4) > 0, r.nextInt(4) > 0, r.nextInt(3) > 0));
  }

  public static Concern concern(Random r, String id) {
    ConditionCode condition = pick(r, ConditionCode.values());
    Integer headache = r.nextInt(3) == 0 ? null : r.nextInt(32);
    Integer migraine = headache == null || r.nextBoolean() ? null : r.nextInt(headache + 1);
    Double hours = r.nextInt(3) == 0 ? null : r.nextInt(49) / 2.0;
    Integer months = r.nextInt(3) == 0 ? null : r.nextInt(30);
    List<Site> sites = r.nextInt(3) == 0 ? some(r, Site.values(), 6) : List.of();
    return new Concern(id, condition, null, sites, headache, migraine, hours, months,
        r.nextInt(3) == 0 ? null : r.nextInt(4), tri(r),
        r.nextInt(4) == 0 ? 1 + r.nextInt(600) : null,
        r.nextInt(3) == 0 ? null : (double) pickInt(r, 0, 50, 150, 200, 201, 350),
        tri(r), r.nextInt(4) == 0 ? Intakes.TODAY.minusDays(r.nextInt(12)) : null);
  }

  public static TreatmentRecord treatment(Random r) {
    int daysAgo = r.nextInt(4) == 0 ? pickInt(r, 0, 83, 84, 85) : r.nextInt(400);
    return new TreatmentRecord(Intakes.TODAY.minusDays(daysAgo),
        r.nextBoolean() ? pick(r, ConditionCode.values()) : null,
        r.nextInt(4) == 0 ? pick(r, Product.values()) : Product.ONABOTULINUMTOXINA,
        r.nextInt(4) == 0 ? null : 1 + r.nextInt(400),
        pick(r, Response.values()),
        some(r, AdverseReaction.values(), 6));
  }

  static Boolean tri(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> null;
      case 1 -> Boolean.TRUE;
      default -> Boolean.FALSE;
    };
  }

  @SafeVarargs
  static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  static int pickInt(Random r, int... values) {
    return values[r.nextInt(values.length)];
  }

  /** Each value with probability 1/oneIn, in code order, without repeats. */
  static <E extends Enum<E>> List<E> some(Random r, E[] values, int oneIn) {
    EnumSet<E> chosen = EnumSet.noneOf(values[0].getDeclaringClass());
    for (E v : values) {
      if (r.nextInt(oneIn * 2) == 0) {
        chosen.add(v);
      }
    }
    return List.copyOf(chosen);
  }
}
