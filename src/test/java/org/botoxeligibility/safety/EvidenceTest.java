package org.botoxeligibility.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Evidence;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.json.CanonicalIntake;
import org.botoxeligibility.json.IntakeReader;
import org.botoxeligibility.testing.Intakes;
import org.botoxeligibility.testing.RandomIntakes;
import org.botoxeligibility.testing.TestEngine;

/**
 * Every reason rests on intake facts (formats.md §2, since 1.1): over generated intakes, read
 * from their JSON as a caller would send them, every reason has at least one evidence path, the
 * paths are sorted and distinct, and each is an RFC 6901 pointer that resolves to a node of that
 * JSON, or to the place where a missing fact belongs (a known field of an object that is there,
 * or of the workflow object when there is none).
 */
class EvidenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final IntakeReader READER = new IntakeReader(TestEngine.get().validator());

  /** The field names of formats.md §1: a missing fact is one of these. */
  private static final Set<String> FIELDS = Set.of("intakeId", "assessmentDate", "patient",
      "ageYears", "birthDate", "sex", "pregnant", "breastfeeding", "weightKg", "concerns", "id",
      "condition", "icd10", "sites", "headacheDaysPerMonth", "migraineDaysPerMonth",
      "headacheHoursPerDay", "monthsWithSymptoms", "priorTherapiesFailed",
      "secondaryCauseExcluded", "plannedUnits", "postVoidResidualMl",
      "cleanIntermittentCatheterization", "utiExcludedOn", "medicalHistory", "conditions",
      "allergies", "medications", "infectionSites", "treatmentHistory", "date", "product",
      "units", "response", "adverseReactions", "workflow", "medicalExaminationCompleted",
      "diagnosisConfirmed", "prescriptionIssued");

  @Provide
  Arbitrary<Intake> intakes() {
    return Arbitraries.randomValue(RandomIntakes::generate);
  }

  @Property(tries = 1000)
  void every_reason_rests_on_facts_of_its_intake(@ForAll("intakes") Intake generated)
      throws IOException {
    byte[] bytes = CanonicalIntake.bytes(generated);
    IntakeReader.Result read = READER.read(bytes, Intakes.TODAY);
    assertThat(read.problems()).isEmpty();
    JsonNode given = JSON.readTree(bytes);
    Assessment a = TestEngine.get().evaluate(read.intake());
    for (Recommendation r : a.recommendations()) {
      for (Reason reason : r.reasons()) {
        assertThat(reason.evidence()).as("evidence of %s (%s)", reason.code(), reason.rule())
            .isNotEmpty()
            .isSortedAccordingTo(Evidence.ORDER)
            .doesNotHaveDuplicates();
        for (Evidence e : reason.evidence()) {
          assertThat(resolves(given, e.path()))
              .as("%s of %s (%s) in %s", e.path(), reason.code(), reason.rule(), given)
              .isTrue();
          assertThat(e.resource()).isNull();
        }
      }
    }
  }

  /** The pointer names a node, or a known field missing from an object that is there. */
  static boolean resolves(JsonNode root, String pointer) {
    if (!pointer.startsWith("/")) {
      return false;
    }
    if (!root.at(pointer).isMissingNode()) {
      return true;
    }
    int slash = pointer.lastIndexOf('/');
    String parent = pointer.substring(0, slash);
    String leaf = pointer.substring(slash + 1);
    JsonNode container = parent.isEmpty() ? root : root.at(parent);
    if (container.isObject()) {
      return FIELDS.contains(leaf);
    }
    // a field of an object that is itself missing (a workflow that was not given)
    if (container.isMissingNode() && parent.lastIndexOf('/') == 0) {
      return root.isObject() && FIELDS.contains(parent.substring(1)) && FIELDS.contains(leaf);
    }
    return false;
  }
}
