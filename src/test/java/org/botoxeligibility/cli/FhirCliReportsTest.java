package org.botoxeligibility.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What stays unmapped is visible on the command line (docs/fhir-mapping.md §8): {@code from-fhir}
 * prints the unmapped codings, the Conditions without a mapped coding and the notes; {@code
 * evaluate} writes one warning line for an incomplete record; a deceased patient exits 3.
 */
class FhirCliReportsTest {
  record Run(int code, String out, String err) {}

  static Run run(String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = CliAccess.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static final String PATIENT = """
      {"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1985-03-14"}""";
  static final String ORDER = """
      {"resourceType":"MedicationRequest","id":"o1","status":"active","intent":"order",
       "subject":{"reference":"Patient/p1"},
       "medicationCodeableConcept":{"coding":[{"system":"http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets","code":"J0585"}]},
       "reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"G43.709"}]}]}""";
  static final String SINUSITIS = """
      {"resourceType":"Condition","id":"sin","subject":{"reference":"Patient/p1"},
       "code":{"coding":[{"system":"http://snomed.info/sct","code":"444814009","display":"Viral sinusitis (disorder)"}]}}""";
  static final String WARNING = """
      {"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"warning",
        "code":"suppressed","diagnostics":"Some results were not returned"}]},"search":{"mode":"outcome"}}""";

  static String searchset(String... resources) {
    StringBuilder sb = new StringBuilder(
        "{\"resourceType\":\"Bundle\",\"id\":\"b1\",\"type\":\"searchset\",\"entry\":[");
    for (int i = 0; i < resources.length; i++) {
      sb.append(i == 0 ? "" : ",");
      sb.append(resources[i].startsWith("{\"resource\"") ? resources[i]
          : "{\"resource\":" + resources[i] + ",\"search\":{\"mode\":\"match\"}}");
    }
    return sb.append("]}").toString();
  }

  @Test
  void from_fhir_prints_the_unmapped_codings_the_conditions_and_the_notes() throws Exception {
    Run r = run(searchset(PATIENT, ORDER, SINUSITIS, WARNING), "from-fhir", "--date",
        "2026-11-27", "-");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode out = new ObjectMapper().readTree(r.out());
    assertThat(out.get("unmapped").toString()).isEqualTo("[{\"system\":\"http://snomed.info/sct\","
        + "\"code\":\"444814009\",\"display\":\"Viral sinusitis (disorder)\",\"resources\":"
        + "[\"Condition/sin\"]}]");
    assertThat(out.get("unmappedConditions").toString()).isEqualTo("[\"Condition/sin\"]");
    assertThat(out.get("notes").get(0).get("kind").asText()).isEqualTo("INCOMPLETE_RECORD");
    assertThat(out.get("notes").get(0).get("resource").asText()).isEqualTo("Bundle.entry[3]");
    assertThat(r.out()).contains("\n  \"unmapped\": [\n    {\n      \"system\": ");
  }

  @Test
  void evaluate_writes_one_warning_line_for_an_incomplete_record_and_none_for_a_complete_one() {
    Run r = run(searchset(PATIENT, ORDER, WARNING, WARNING.replace("Some results", "More")),
        "evaluate", "--date", "2026-11-27", "-");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"recommendations\"");
    assertThat(r.err()).isEqualTo("stdin: warning: the record may be incomplete, so the "
        + "assessment may be too: Bundle.entry[2]: the server says warning \"Some results were "
        + "not returned\": the record may be incomplete (and 1 more)\n");
    Run complete = run(searchset(PATIENT, ORDER), "evaluate", "--date", "2026-11-27", "-");
    assertThat(complete.code()).isZero();
    assertThat(complete.err()).isEmpty();
  }

  @Test
  void a_deceased_patient_exits_3_saying_so() {
    Run r = run(searchset(PATIENT.replace("\"birthDate\"", "\"deceasedDateTime\":\"1994-08-12\","
        + "\"birthDate\""), ORDER), "evaluate", "--date", "2026-11-27", "-");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("stdin: Patient/p1.deceased[x]: the patient is deceased\n");
    Run f = run(searchset(PATIENT.replace("\"birthDate\"", "\"deceasedBoolean\":true,"
        + "\"birthDate\""), ORDER), "from-fhir", "--date", "2026-11-27", "-");
    assertThat(f.code()).isEqualTo(3);
    assertThat(f.err()).startsWith("stdin: Patient/p1.deceased[x]: the patient is deceased\n");
  }

  @Test
  void nothing_to_screen_lists_what_stayed_unmapped_after_the_problem() {
    Run r = run(searchset(PATIENT, SINUSITIS), "from-fhir", "--screen", "--date", "2026-11-27",
        "-");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("stdin: Bundle: nothing to screen: no active Condition maps to "
        + "a therapeutic catalog condition\nstdin: unmapped: http://snomed.info/sct|444814009 "
        + "\"Viral sinusitis (disorder)\" (Condition/sin)\n");
  }
}
