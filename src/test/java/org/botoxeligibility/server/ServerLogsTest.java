package org.botoxeligibility.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.botoxeligibility.cli.ServeCommand;
import org.botoxeligibility.testing.CapturingLoggerProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No patient data, no token, in any log of the service at any level (cds-hooks.md §6: logs name
 * the hookInstance and the intake id only). Runs in the surefire execution "logs-at-every-level",
 * where every level of every logger is enabled from the start of the JVM, and captures every
 * event while a server starts, answers calls full of distinctive values (cards, 400, 412, 422,
 * a fetch from a FHIR server with an access token, feedback with a user's comment), and stops.
 *
 * <p>The service's own loggers, and every logger at INFO and above, show none of it. The
 * libraries that log wire bytes at DEBUG and TRACE (Jetty's parser: request headers and so the
 * caller's JWT; the Apache HTTP client and HAPI's client: the FHIR fetch) are {@link
 * ServeCommand#WIRE_LOGGERS}, which {@code serve} keeps at warnings whatever {@code --debug}
 * says; a leak from any other logger fails this test.
 */
class ServerLogsTest {
  private static final String ACCESS_TOKEN = "fhir-token-zq81x";
  private static final String MEDICATION = "Zzqmedicationx 10 MG Oral Tablet";
  private static final String BIRTH_DATE = "1961-07-19";

  @Test
  void given_every_log_level_enabled_when_calls_with_patient_data_go_through_then_only_hook_instances_and_intake_ids_are_logged(
      @TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(CapturingLoggerProvider.allLevels(),
        "runs in the surefire execution logs-at-every-level (-Dcapture.allLevels=true)");
    Tokens tokens = new Tokens();
    String patient = Records.PATIENT.replace("1988-04-02", BIRTH_DATE);
    String medication = Records.SUMATRIPTAN.replace("Sumatriptan 50 MG Oral Tablet", MEDICATION);
    List<String> tokensSent = new java.util.ArrayList<>();

    CapturingLoggerProvider.start();
    try (CdsServer server = CdsServer.builder().port(0).trust(tokens.trust())
        .clock(Tokens.CLOCK).auditLog(dir.resolve("audit.ndjson")).start();
        FhirTestServer fhir = new FhirTestServer(ACCESS_TOKEN).add(patient, medication)) {
      String path = "/cds-services/" + Services.ORDER_SIGN;
      URI uri = URI.create(server.baseUrl() + path);
      String ok = Records.glabellar("order-sign", "logs-cards").restEmpty()
          .resource("patient", patient).bundle("medicationStatements", medication).json();
      String fetch = new Records.Call("order-sign", "logs-fetch")
          .draft(Records.glabellarOrder("mr-glabellar")).restEmpty().without("patient")
          .without("medicationStatements").fhirServer(fhir.base(), ACCESS_TOKEN).json();
      String refused = new Records.Call("order-sign", "logs-refused")
          .draft(Records.glabellarOrder("mr-glabellar"))
          .bundle("medicationStatements", medication).fhirServer(fhir.base(), "wrong").json();
      String invalid = new Records.Call("order-sign", "logs-invalid")
          .draft(Records.glabellarOrder("mr-glabellar"))
          .resource("patient", patient.replace(BIRTH_DATE, "1961-07"))
          .bundle("medicationStatements", medication).restEmpty().json();
      String broken = "{\"hook\":\"order-sign\",\"hookInstance\":\"logs-broken\",\"context\":"
          + "{\"patientId\":\"" + BIRTH_DATE + MEDICATION + "\"";
      for (String body : List.of(ok, fetch, refused, invalid, broken)) {
        String token = tokens.es384(uri.toString());
        tokensSent.add(token);
        Http.post(uri, token, body);
      }
      String feedback = "/cds-services/" + Services.ORDER_SIGN + "/feedback";
      String token = tokens.es384(server.baseUrl() + feedback);
      tokensSent.add(token);
      Http.post(URI.create(server.baseUrl() + feedback), token, "{\"feedback\":[{\"card\":\""
          + Cards.uuid("logs-cards", "mr-glabellar") + "\",\"outcome\":\"overridden\","
          + "\"overrideReason\":{\"userComment\":\"" + MEDICATION + "\"},"
          + "\"outcomeTimestamp\":\"2026-11-27T10:05:31Z\"}]}");
      Http.get(uri, tokensSent.get(0));
    }
    List<String> logged = CapturingLoggerProvider.stop();

    List<String> ours = logged.stream().filter(l -> !fromTheTestFhirServer(l)).toList();
    assertThat(ours).as("the access log shows every level was captured")
        .anyMatch(l -> l.startsWith("INFO org.botoxeligibility.server.access")
            && l.contains("hookInstance=logs-cards intakeId=cds-logs-cards"));
    assertThat(ours).anyMatch(l -> l.startsWith("DEBUG") && l.contains("cds-logs-cards"));
    List<String> secrets = new java.util.ArrayList<>(List.of(BIRTH_DATE, "1961-07", MEDICATION,
        "Zzqmedicationx", ACCESS_TOKEN, "\"p1\"", "Patient/p1", "GLABELLAR_LINES"));
    for (String t : tokensSent) {
      secrets.add(t.substring(t.lastIndexOf('.') + 1));
    }
    java.util.Set<String> leaks = new java.util.TreeSet<>();
    java.util.Set<String> wire = new java.util.TreeSet<>();
    for (String line : ours) {
      String level = line.substring(0, line.indexOf(' '));
      String logger = line.substring(level.length() + 1, Math.max(level.length() + 1,
          line.indexOf(':')));
      boolean debug = level.equals("DEBUG") || level.equals("TRACE");
      boolean pinned = ServeCommand.WIRE_LOGGERS.stream().anyMatch(logger::startsWith);
      for (String secret : secrets) {
        if (line.contains(secret)) {
          (debug && pinned ? wire : leaks).add(level + " " + logger + " logged " + secret);
        }
      }
    }
    assertThat(leaks).as("loggers that logged patient data or a token, other than the wire "
        + "loggers' debug output, which serve keeps at warnings").isEmpty();
    assertThat(wire).as("the wire loggers do show the bytes at debug: why serve pins them")
        .isNotEmpty();
  }

  /**
   * The test's own FHIR server (HAPI's RestfulServer in a Jetty servlet container) logs what it
   * serves; it stands for the EHR and is not part of the service.
   */
  private static boolean fromTheTestFhirServer(String line) {
    return line.contains(" ca.uhn.fhir.rest.server.") || line.contains(" org.eclipse.jetty.ee10.");
  }
}
