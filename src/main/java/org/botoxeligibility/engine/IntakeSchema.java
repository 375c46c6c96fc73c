package org.botoxeligibility.engine;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.botoxeligibility.intake.Concern;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.intake.MedicalHistory;
import org.botoxeligibility.intake.Medication;
import org.botoxeligibility.intake.Patient;
import org.botoxeligibility.intake.TreatmentRecord;
import org.botoxeligibility.intake.Workflow;

/**
 * Whether a JSON Pointer of a finding's evidence names a place of the intake (docs/contract.md §2,
 * {@code reasons[].evidence}): each step a field of the intake's records (their components are the
 * contract's field names) or an index into one of its lists. Given the intake, an index must be
 * within its list; without one (an overlay checked at build), any index is accepted. A missing
 * fact may be named (it points where the fact belongs). The answer describes a pointer by the part
 * that resolved only, so that an echoed pointer cannot carry what an overlay built it from.
 */
final class IntakeSchema {
  private static final Map<Class<?>, String> NAMES = Map.of(
      Intake.class, "the intake",
      Patient.class, "the patient",
      Concern.class, "a concern",
      MedicalHistory.class, "the medical history",
      Medication.class, "a medication",
      TreatmentRecord.class, "a past treatment",
      Workflow.class, "the workflow");

  private static final Map<Class<?>, Map<String, RecordComponent>> FIELDS =
      new ConcurrentHashMap<>();

  private IntakeSchema() {}

  /**
   * Why the pointer names no place of the intake, or null when it does.
   *
   * @param pointer an RFC 6901 JSON Pointer
   * @param intake the validated intake whose lists bound the indices; null to check names only
   * @return null, or a sentence naming the part of the pointer that resolved
   */
  static String problem(String pointer, Intake intake) {
    if (pointer == null || !pointer.startsWith("/")) {
      return "is not a JSON Pointer (it does not start with /)";
    }
    String[] steps = pointer.substring(1).split("/", -1);
    Type type = Intake.class;
    Object value = intake;
    StringBuilder resolved = new StringBuilder();
    for (String step : steps) {
      Class<?> raw = raw(type);
      String at = resolved.length() == 0 ? "the pointer" : resolved.toString();
      if (raw == List.class) {
        if (!step.matches("0|[1-9][0-9]{0,8}")) {
          return at + " is a list, and the next step is not an index";
        }
        int index = Integer.parseInt(step);
        if (value instanceof List<?> list && index >= list.size()) {
          return at + " has " + list.size() + (list.size() == 1 ? " item" : " items")
              + ", and the next step is index " + index;
        }
        value = value instanceof List<?> list ? list.get(index) : null;
        type = ((ParameterizedType) type).getActualTypeArguments()[0];
      } else if (raw.isRecord()) {
        RecordComponent field = fields(raw).get(step);
        if (field == null) {
          return (resolved.length() == 0 ? "its first step" : "the step after " + at)
              + " names no field of " + NAMES.getOrDefault(raw, raw.getSimpleName());
        }
        value = value == null ? null : read(field, value);
        type = field.getGenericType();
      } else {
        return at + " is a value, and the pointer goes below it";
      }
      resolved.append('/').append(step);
    }
    return null;
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  private static Map<String, RecordComponent> fields(Class<?> record) {
    return FIELDS.computeIfAbsent(record, r -> {
      Map<String, RecordComponent> m = new java.util.HashMap<>();
      for (RecordComponent c : r.getRecordComponents()) {
        m.put(c.getName(), c);
      }
      return Map.copyOf(m);
    });
  }

  private static Object read(RecordComponent field, Object record) {
    try {
      return field.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
