package org.botoxeligibility.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prefetch keys an EHR did not send are fetched from its FHIR server with its token
 * (cds-hooks.md §3), here a real HAPI RestfulServer on a free local port; a failed fetch is a 412.
 */
class FhirFetchTest {
  static final String ACCESS_TOKEN = "fhir-access-token-7f3a";
  static Tokens tokens;
  static CdsServer server;
  static FhirTestServer fhir;

  @BeforeAll
  static void start() throws Exception {
    tokens = new Tokens();
    fhir = new FhirTestServer(ACCESS_TOKEN).add(Records.PATIENT, Records.MIGRAINE_CONDITION,
        Records.SUMATRIPTAN, Records.PAST_TREATMENT, Records.EXAMINATION)
        .add(Records.migraineObservations().toArray(String[]::new));
    server = CdsServer.builder().port(0).trust(tokens.trustWithFhirServers(fhir.base()))
        .allowHttpLoopback(true).clock(Tokens.CLOCK).requestTimeout(Duration.ofSeconds(4))
        .start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    fhir.close();
  }

  static Http.Answer sign(String body) {
    String path = "/cds-services/" + Services.ORDER_SIGN;
    return Http.post(URI.create(server.baseUrl() + path),
        tokens.es384(server.baseUrl() + path), body);
  }

  @Test
  void given_only_the_draft_order_and_a_fhir_server_then_every_key_is_fetched_with_the_token_and_the_cards_match_a_full_prefetch() {
    fhir.requests.clear();
    fhir.authorizations.clear();
    String fetched = new Records.Call("order-sign", "fetch-all")
        .draft(Records.migraineOrder("mr-migraine"))
        .fhirServer(fhir.base(), ACCESS_TOKEN).json();
    Http.Answer a = sign(fetched);
    Http.Answer prefetched = sign(Records.migraine("fetch-all").json());

    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(fhir.requests).hasSize(10).contains("GET Patient/p1")
        .anyMatch(r -> r.startsWith("GET Observation?") && r.contains("code&patient"))
        .anyMatch(r -> r.startsWith("GET Encounter?") && r.contains("patient&status"));
    assertThat(fhir.authorizations).allMatch(h -> h.equals("Bearer " + ACCESS_TOKEN));
    JsonNode card = a.json().get("cards").get(0);
    assertThat(card.get("extension")).isEqualTo(prefetched.json().get("cards").get(0)
        .get("extension"));
  }

  @Test
  void given_some_keys_prefetched_then_only_the_others_are_fetched() {
    fhir.requests.clear();
    fhir.authorizations.clear();
    String body = Records.migraine("fetch-some").without("encounters").without("procedures")
        .fhirServer(fhir.base(), ACCESS_TOKEN).json();
    Http.Answer a = sign(body);

    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(fhir.requests).hasSize(2).allMatch(r -> r.startsWith("GET Encounter")
        || r.startsWith("GET Procedure"));
  }

  @Test
  void given_a_token_the_fhir_server_refuses_then_412_naming_the_keys() {
    String body = Records.migraine("fetch-refused").without("allergies")
        .fhirServer(fhir.base(), "wrong-token").json();
    Http.Answer a = sign(body);

    assertThat(a.status()).isEqualTo(412);
    assertThat(a.diagnostics()).contains("allergies", "HTTP 401", "access token was refused")
        .doesNotContain("wrong-token");
  }

  @Test
  void given_a_fhir_server_that_is_not_there_then_412() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    String body = Records.migraine("fetch-nowhere").without("conditions")
        .fhirServer("http://127.0.0.1:" + closed + "/fhir", ACCESS_TOKEN).json();
    Http.Answer a = sign(body);

    assertThat(a.status()).isEqualTo(412);
    assertThat(a.diagnostics()).contains("conditions");
  }

  @Test
  void given_a_fhir_server_slower_than_the_call_may_take_then_412_in_time() {
    // the FHIR server answers after 12 s; the call's deadline is 4 s: the 412 comes at the
    // deadline, long before the FHIR server's answer (the margin absorbs a loaded machine)
    fhir.delayMillis = 12_000;
    try {
      String body = Records.migraine("fetch-slow").without("encounters")
          .fhirServer(fhir.base(), ACCESS_TOKEN).json();
      long start = System.nanoTime();
      Http.Answer a = sign(body);
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(a.status()).isEqualTo(412);
      assertThat(a.diagnostics()).contains("encounters", "did not answer within the call's time");
      assertThat(millis).isBetween(3_900L, 10_000L);
    } finally {
      fhir.delayMillis = 0;
    }
  }

  @Test
  void given_a_plain_http_fhir_server_off_this_machine_then_412_without_a_connection() {
    String body = Records.migraine("fetch-http").without("conditions")
        .fhirServer("http://fhir.example.org/r4", ACCESS_TOKEN).json();
    Http.Answer a = sign(body);

    assertThat(a.status()).isEqualTo(412);
    assertThat(a.diagnostics()).contains("conditions", "not listed for the issuer");
  }
}
