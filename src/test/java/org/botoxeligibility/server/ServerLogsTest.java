package org.botoxeligibility.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.botoxeligibility.testing.CapturingLoggerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No patient data, no token, in any log of the service at any level (cds-hooks.md §6: logs name
 * the hookInstance and the intake id only; the EHR's bearer token and the FHIR access token are
 * never logged). Runs in the surefire execution "logs-at-every-level", where every level of
 * every logger is enabled from the start of the JVM, as an operator's configuration or a host
 * that embeds {@link CdsServer} may have them.
 *
 * <p>Jetty's loggers write request headers and bytes at debug level: with them on, the server
 * refuses to start and says which logger to turn down, so nothing is ever written. With them at
 * INFO (as {@code serve} sets them, and as the refusal asks), every other logger stays at TRACE,
 * the service's own and HAPI's included, while the server answers calls full of distinctive
 * values and tokens (cards, a fetch with an access token, a fetch followed through a redirect,
 * a refused fetch, 400, 412, 422, feedback with a user's comment); none of it reaches a log.
 */
class ServerLogsTest {
  private static final String ACCESS_TOKEN = "fhir-token-zq81x";
  private static final String MEDICATION = "Zzqmedicationx 10 MG Oral Tablet";
  private static final String BIRTH_DATE = "1961-07-19";
  private static final String SURNAME_UNIT = "Quixmortalova";
  private static final String REFUSED_TOKEN = "refused-token-k7q2";

  @BeforeEach
  void onlyWithEveryLevel() {
    Assumptions.assumeTrue(CapturingLoggerProvider.allLevels(),
        "runs in the surefire execution logs-at-every-level (-Dcapture.allLevels=true)");
  }

  @AfterEach
  void release() {
    CapturingLoggerProvider.holdAtInfo();
    System.clearProperty("jdk.httpclient.HttpClient.log");
  }

  @Test
  void given_jetty_at_debug_then_the_server_does_not_start_and_names_the_logger_to_turn_down() {
    Tokens tokens = new Tokens();
    CapturingLoggerProvider.start();
    assertThatThrownBy(() -> CdsServer.builder().port(0).trust(tokens.trust())
        .clock(Tokens.CLOCK).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("org.eclipse.jetty").hasMessageContaining("INFO");
    List<String> logged = CapturingLoggerProvider.stop();

    assertThat(logged).noneMatch(l -> l.contains("org.eclipse.jetty.server.Server")
        && l.contains("Started"));
  }

  @Test
  void given_the_jdk_http_client_logging_headers_then_the_server_does_not_start() {
    CapturingLoggerProvider.holdAtInfo(CdsServer.WIRE_LOGGERS.toArray(String[]::new));
    System.setProperty("jdk.httpclient.HttpClient.log", "headers");

    assertThatThrownBy(() -> CdsServer.builder().port(0).trust(new Tokens().trust())
        .clock(Tokens.CLOCK).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jdk.httpclient.HttpClient.log");
  }

  @Test
  void given_every_other_logger_at_trace_when_calls_with_patient_data_and_tokens_go_through_then_only_hook_instances_and_intake_ids_are_logged(
      @TempDir Path dir) throws Exception {
    CapturingLoggerProvider.holdAtInfo(CdsServer.WIRE_LOGGERS.toArray(String[]::new));
    Tokens tokens = new Tokens();
    String patient = Records.PATIENT.replace("1988-04-02", BIRTH_DATE);
    String medication = Records.SUMATRIPTAN.replace("Sumatriptan 50 MG Oral Tablet", MEDICATION);
    List<String> tokensSent = new ArrayList<>();

    CapturingLoggerProvider.start();
    try (FhirTestServer fhir = new FhirTestServer(ACCESS_TOKEN).add(patient, medication);
        RawHttpServer moved = new RawHttpServer((r, out, c) -> {
          if (r.target().startsWith("/fhir/")) {
            RawHttpServer.head(out, 302, "Location: /moved/" + r.target().substring(6),
                "Content-Length: 0");
            return true;
          }
          return RawHttpServer.json("{\"resourceType\":\"Bundle\",\"type\":\"searchset\","
              + "\"entry\":[{\"resource\":" + medication + "}]}").answer(r, out, c);
        });
        RawHttpServer slow = new RawHttpServer(RawHttpServer.trickling());
        CdsServer server = CdsServer.builder().port(0)
            .trust(tokens.trustWithFhirServers(fhir.base(), moved.base(), slow.base()))
            .allowHttpLoopback(true).requestTimeout(Duration.ofSeconds(2))
            .clock(Tokens.CLOCK).auditLog(dir.resolve("audit.ndjson")).start()) {
      String path = "/cds-services/" + Services.ORDER_SIGN;
      URI uri = URI.create(server.baseUrl() + path);
      String ok = Records.glabellar("order-sign", "logs-cards").restEmpty()
          .resource("patient", patient).bundle("medicationStatements", medication).json();
      String fetch = new Records.Call("order-sign", "logs-fetch")
          .draft(Records.glabellarOrder("mr-glabellar")).restEmpty().without("patient")
          .without("medicationStatements").fhirServer(fhir.base(), ACCESS_TOKEN).json();
      String redirected = Records.glabellar("order-sign", "logs-redirect").restEmpty()
          .resource("patient", patient).without("medicationStatements")
          .fhirServer(moved.base(), ACCESS_TOKEN).json();
      String refused = new Records.Call("order-sign", "logs-refused")
          .draft(Records.glabellarOrder("mr-glabellar"))
          .bundle("medicationStatements", medication).fhirServer(fhir.base(), REFUSED_TOKEN).json();
      String deadline = Records.glabellar("order-sign", "logs-deadline").restEmpty()
          .resource("patient", patient).without("allergies")
          .fhirServer(slow.base(), ACCESS_TOKEN).json();
      String invalid = new Records.Call("order-sign", "logs-invalid")
          .draft(Records.glabellarOrder("mr-glabellar"))
          .resource("patient", patient.replace(BIRTH_DATE, "1961-07"))
          .bundle("medicationStatements", medication).restEmpty().json();
      String unit = Records.glabellar("order-sign", "logs-unit").restEmpty()
          .resource("patient", patient).bundle("observations", Records.WEIGHT
              .replace("\"code\":\"kg\"", "\"code\":\"" + SURNAME_UNIT + "\"")).json();
      String broken = "{\"hook\":\"order-sign\",\"hookInstance\":\"logs-broken\",\"context\":"
          + "{\"patientId\":\"" + BIRTH_DATE + MEDICATION + "\"";
      List<Integer> statuses = new ArrayList<>();
      for (String body : List.of(ok, fetch, redirected, refused, deadline, invalid, unit,
          broken)) {
        String token = tokens.es384(uri.toString());
        tokensSent.add(token);
        statuses.add(Http.post(uri, token, body).status());
      }
      assertThat(statuses).containsExactly(200, 200, 200, 412, 412, 422, 422, 400);
      String feedback = "/cds-services/" + Services.ORDER_SIGN + "/feedback";
      String token = tokens.es384(server.baseUrl() + feedback);
      tokensSent.add(token);
      Http.post(URI.create(server.baseUrl() + feedback), token, "{\"feedback\":[{\"card\":\""
          + Cards.uuid("logs-cards", "mr-glabellar") + "\",\"outcome\":\"overridden\","
          + "\"overrideReason\":{\"userComment\":\"" + MEDICATION + "\"},"
          + "\"outcomeTimestamp\":\"2026-11-27T10:05:31Z\"}]}");
      Http.get(uri, tokensSent.get(0));
      assertThat(moved.requests).as("the redirect was followed with the token").hasSize(2);
    }
    List<String> logged = CapturingLoggerProvider.stop();

    List<String> ours = logged.stream().filter(l -> !fromTheTestFhirServer(l)).toList();
    assertThat(ours).as("the access log shows every level was captured")
        .anyMatch(l -> l.startsWith("INFO org.botoxeligibility.server.access")
            && l.contains("hookInstance=logs-cards intakeId=cds-logs-cards"));
    assertThat(ours).anyMatch(l -> l.startsWith("DEBUG") && l.contains("cds-logs-cards"));
    assertThat(ours).as("HAPI's own loggers were at trace too")
        .anyMatch(l -> (l.startsWith("DEBUG ca.uhn") || l.startsWith("TRACE ca.uhn")));
    List<String> secrets = new ArrayList<>(List.of(BIRTH_DATE, "1961-07", MEDICATION,
        "Zzqmedicationx", ACCESS_TOKEN, REFUSED_TOKEN, SURNAME_UNIT, "\"p1\"", "Patient/p1",
        "GLABELLAR_LINES"));
    for (String t : tokensSent) {
      secrets.add(t.substring(t.lastIndexOf('.') + 1));
      secrets.add(t.substring(0, t.indexOf('.', t.indexOf('.') + 1)));
    }
    Set<String> leaks = new TreeSet<>();
    for (String line : ours) {
      String level = line.substring(0, line.indexOf(' '));
      String logger = line.substring(level.length() + 1, Math.max(level.length() + 1,
          line.indexOf(':')));
      for (String secret : secrets) {
        if (line.contains(secret)) {
          leaks.add(level + " " + logger + " logged " + secret);
        }
      }
    }
    assertThat(leaks).as("loggers that logged patient data or a token").isEmpty();
  }

  /**
   * The test's own FHIR server (HAPI's RestfulServer in a Jetty servlet container) logs what it
   * serves; it stands for the EHR and is not part of the service.
   */
  private static boolean fromTheTestFhirServer(String line) {
    return line.contains(" ca.uhn.fhir.rest.server.") || line.contains(" org.eclipse.jetty.ee10.");
  }
}
