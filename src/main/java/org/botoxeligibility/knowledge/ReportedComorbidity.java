package org.botoxeligibility.knowledge;

import java.util.List;
import org.botoxeligibility.intake.Comorbidity;

/**
 * A comorbidity the patient reported (once, however often it is listed).
 *
 * @param code the comorbidity
 * @param pointers where the intake lists it ({@code /medicalHistory/conditions/N})
 */
public record ReportedComorbidity(Comorbidity code, List<String> pointers) {

  /**
   * Copies the pointers.
   *
   * @param code the comorbidity
   * @param pointers where the intake lists it; not null
   */
  public ReportedComorbidity {
    pointers = List.copyOf(pointers);
  }

  /**
   * Comorbidities in words, in code order: "spinal cord injury and autonomic dysreflexia".
   *
   * @param reported the comorbidities
   * @return the words
   */
  public static String describe(List<ReportedComorbidity> reported) {
    return reported.stream().map(ReportedComorbidity::code).sorted().map(Comorbidity::label)
        .collect(java.util.stream.Collectors.joining(" and "));
  }

  /** Names no patient data, so that a fact that reaches a log or an exception stays private. */
  @Override
  public String toString() {
    return "ReportedComorbidity[redacted]";
  }
}
