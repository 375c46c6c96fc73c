package org.botoxeligibility.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiConsumer;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.intake.TreatmentRecord;

/**
 * An intake built in code written as the JSON a caller would send for it: a null field is left
 * out, a null list element stays null. Unlike the canonical form it accepts anything a builder
 * can make, invalid intakes included, so that tests can send the same intake both ways in.
 */
public final class IntakeJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IntakeJson() {}

  public static byte[] bytes(Intake i) {
    try {
      return JSON.writeValueAsBytes(tree(i));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ObjectNode tree(Intake i) {
    ObjectNode o = JSON.createObjectNode();
    put(o, "intakeId", i.intakeId());
    put(o, "assessmentDate", i.assessmentDate());
    if (i.patient() != null) {
      Patient p = i.patient();
      ObjectNode n = o.putObject("patient");
      put(n, "ageYears", p.ageYears());
      put(n, "birthDate", p.birthDate());
      put(n, "sex", p.sex());
      put(n, "pregnant", p.pregnant());
      put(n, "breastfeeding", p.breastfeeding());
      put(n, "weightKg", p.weightKg());
    }
    list(o, "concerns", i.concerns(), (a, c) -> {
      if (c == null) {
        a.addNull();
        return;
      }
      ObjectNode n = a.addObject();
      put(n, "id", c.id());
      put(n, "condition", c.condition());
      put(n, "icd10", c.icd10());
      codes(n, "sites", c.sites());
      put(n, "headacheDaysPerMonth", c.headacheDaysPerMonth());
      put(n, "migraineDaysPerMonth", c.migraineDaysPerMonth());
      put(n, "headacheHoursPerDay", c.headacheHoursPerDay());
      put(n, "monthsWithSymptoms", c.monthsWithSymptoms());
      put(n, "priorTherapiesFailed", c.priorTherapiesFailed());
      put(n, "secondaryCauseExcluded", c.secondaryCauseExcluded());
      put(n, "plannedUnits", c.plannedUnits());
      put(n, "postVoidResidualMl", c.postVoidResidualMl());
      put(n, "cleanIntermittentCatheterization", c.cleanIntermittentCatheterization());
      if (c.utiExcludedOn() != null) {
        n.put("utiExcludedOn", c.utiExcludedOn().toString());
      }
    });
    if (i.medicalHistory() != null) {
      ObjectNode h = o.putObject("medicalHistory");
      codes(h, "conditions", i.medicalHistory().conditions());
      codes(h, "allergies", i.medicalHistory().allergies());
      list(h, "medications", i.medicalHistory().medications(), (a, m) -> {
        if (m == null) {
          a.addNull();
          return;
        }
        ObjectNode n = a.addObject();
        put(n, "name", m.name());
        put(n, "drugClass", m.drugClass());
      });
      codes(h, "infectionSites", i.medicalHistory().infectionSites());
    }
    list(o, "treatmentHistory", i.treatmentHistory(), (a, t) -> {
      if (t == null) {
        a.addNull();
        return;
      }
      ObjectNode n = a.addObject();
      put(n, "date", t.date());
      put(n, "condition", t.condition());
      put(n, "product", t.product());
      put(n, "units", t.units());
      put(n, "response", t.response());
      codes(n, "adverseReactions", t.adverseReactions());
    });
    if (i.workflow() != null) {
      ObjectNode w = o.putObject("workflow");
      w.put("medicalExaminationCompleted", i.workflow().medicalExaminationCompleted());
      w.put("diagnosisConfirmed", i.workflow().diagnosisConfirmed());
      w.put("prescriptionIssued", i.workflow().prescriptionIssued());
    }
    return o;
  }

  private static void put(ObjectNode o, String name, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Integer v) {
      o.put(name, v);
    } else if (value instanceof Double v) {
      o.put(name, v);
    } else if (value instanceof Boolean v) {
      o.put(name, v);
    } else {
      o.put(name, value instanceof Enum<?> e ? e.name() : value.toString());
    }
  }

  private static void codes(ObjectNode o, String name, List<? extends Enum<?>> values) {
    list(o, name, values, (a, v) -> {
      if (v == null) {
        a.addNull();
      } else {
        a.add(v.name());
      }
    });
  }

  private static <T> void list(ObjectNode o, String name, List<T> values,
      BiConsumer<ArrayNode, T> element) {
    if (values == null) {
      return;
    }
    ArrayNode a = o.putArray(name);
    for (T v : values) {
      element.accept(a, v);
    }
  }

}
