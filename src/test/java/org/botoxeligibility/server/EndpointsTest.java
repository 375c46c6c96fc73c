package org.botoxeligibility.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoints that need no mapping, through a real server on a free port and a real HTTP
 * client: discovery, health, feedback, CORS, and the refusals (404, 405, 413, 400) with their
 * precedence and OperationOutcome bodies.
 */
class EndpointsTest {
  static final String ORIGIN = "https://ehr-app.example.org";
  @TempDir static Path dir;
  static Tokens tokens;
  static CdsServer server;
  static Path audit;

  @BeforeAll
  static void start() throws Exception {
    tokens = new Tokens();
    audit = dir.resolve("audit.ndjson");
    server = CdsServer.builder().port(0).trust(tokens.trust(ORIGIN)).clock(Tokens.CLOCK)
        .auditLog(audit).start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static URI at(String path) {
    return URI.create(server.baseUrl() + path);
  }

  static String token(String path) {
    return tokens.es384(server.baseUrl() + path);
  }

  @Test
  void given_a_token_for_discovery_when_get_cds_services_then_two_services_with_ten_prefetch_templates_and_the_knowledge_base_version() {
    Http.Answer a = Http.get(at("/cds-services"), token("/cds-services"));

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.header("Content-Type")).startsWith("application/json");
    JsonNode services = a.json().get("services");
    assertThat(services).hasSize(2);
    List<String> ids = new ArrayList<>();
    for (JsonNode s : services) {
      ids.add(s.get("id").asText() + " " + s.get("hook").asText());
      assertThat(s.get("title").asText()).isNotBlank();
      assertThat(s.get("description").asText()).isNotBlank();
      assertThat(s.get("usageRequirements").asText()).contains("draftOrders");
      JsonNode prefetch = s.get("prefetch");
      List<String> keys = new ArrayList<>();
      prefetch.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("patient", "conditions", "observations", "allergies",
          "medicationStatements", "medicationRequests", "medicationDispenses", "procedures",
          "medicationAdministrations", "encounters");
      assertThat(prefetch.get("medicationRequests").asText())
          .as("every status: a completed toxin order is a past treatment")
          .isEqualTo("MedicationRequest?patient={{context.patientId}}");
      assertThat(prefetch.get("medicationDispenses").asText())
          .isEqualTo("MedicationDispense?patient={{context.patientId}}");
      assertThat(s.get("description").asText())
          .endsWith("Knowledge base " + server.knowledgeBaseVersion() + ".");
      assertThat(s.get("extension").get(Services.VERSION_EXTENSION).asText())
          .isEqualTo(server.knowledgeBaseVersion());
      assertThat(prefetch.get("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
      assertThat(prefetch.get("conditions").asText())
          .isEqualTo("Condition?patient={{context.patientId}}");
      assertThat(prefetch.get("observations").asText())
          .startsWith("Observation?patient={{context.patientId}}&code=")
          .contains("http://loinc.org|82810-3", "http://loinc.org|63895-7",
              "http://loinc.org|29463-7",
              "urn:botox-eligibility:observation|headache-days-per-month",
              "urn:botox-eligibility:observation|treatment-response",
              "urn:botox-eligibility:observation|medical-examination-completed");
    }
    assertThat(ids).containsExactly("botox-eligibility-order-select order-select",
        "botox-eligibility-order-sign order-sign");
  }

  @Test
  void given_no_token_when_get_health_then_up_with_the_knowledge_base_version() {
    Http.Answer a = Http.get(at("/health"), null);

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("status").asText()).isEqualTo("UP");
    assertThat(a.json().get("knowledgeBaseVersion").asText())
        .isEqualTo(server.knowledgeBaseVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(a.json().size()).isEqualTo(2);
  }

  @Test
  void given_an_unknown_service_id_when_posted_then_404_operation_outcome() {
    String path = "/cds-services/no-such-service";
    Http.Answer a = Http.post(at(path), token(path), "{}");

    assertThat(a.status()).isEqualTo(404);
    assertOutcome(a, "not-found");
  }

  @Test
  void given_an_unknown_service_and_a_body_over_5_mib_then_404_comes_first() {
    String path = "/cds-services/no-such-service";
    Http.Answer a = Http.post(at(path), token(path), new byte[6 * 1024 * 1024]);

    assertThat(a.status()).isEqualTo(404);
  }

  @Test
  void given_a_body_over_5_mib_that_is_not_json_either_then_413_comes_before_400() {
    String path = "/cds-services/" + Services.ORDER_SIGN;
    byte[] body = new byte[CdsServer.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(body, (byte) '{');
    Http.Answer a = Http.post(at(path), token(path), body);

    assertThat(a.status()).isEqualTo(413);
    assertOutcome(a, "too-long");
  }

  @Test
  void given_a_body_of_exactly_5_mib_then_it_is_read_and_judged_as_json() {
    String path = "/cds-services/" + Services.ORDER_SIGN;
    byte[] body = new byte[CdsServer.MAX_BODY_BYTES];
    java.util.Arrays.fill(body, (byte) ' ');
    Http.Answer a = Http.post(at(path), token(path), body);

    assertThat(a.status()).isEqualTo(400);
  }

  @Test
  void given_malformed_json_then_400_without_echoing_the_body() {
    String path = "/cds-services/" + Services.ORDER_SIGN;
    Http.Answer a = Http.post(at(path), token(path), "{\"hook\": \"order-sign\", secret-value");

    assertThat(a.status()).isEqualTo(400);
    assertOutcome(a, "invalid");
    assertThat(a.body()).doesNotContain("secret-value");
  }

  @Test
  void given_the_wrong_hook_for_the_service_then_400() {
    String path = "/cds-services/" + Services.ORDER_SIGN;
    String body = Records.glabellar("order-select", "h-wrong-hook").restEmpty().json();
    Http.Answer a = Http.post(at(path), token(path), body);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.diagnostics()).contains("hook");
  }

  @Test
  void given_no_hook_instance_or_no_context_then_400_naming_the_field() {
    String path = "/cds-services/" + Services.ORDER_SIGN;
    Http.Answer noInstance = Http.post(at(path), token(path),
        "{\"hook\":\"order-sign\",\"context\":{}}");
    Http.Answer noContext = Http.post(at(path), token(path),
        "{\"hook\":\"order-sign\",\"hookInstance\":\"h-1\"}");

    assertThat(noInstance.status()).isEqualTo(400);
    assertThat(noInstance.diagnostics()).startsWith("hookInstance");
    assertThat(noContext.status()).isEqualTo(400);
    assertThat(noContext.diagnostics()).startsWith("context");
  }

  @Test
  void given_a_get_on_a_service_then_405() {
    String path = "/cds-services/" + Services.ORDER_SIGN;
    Http.Answer a = Http.get(at(path), token(path));

    assertThat(a.status()).isEqualTo(405);
    assertOutcome(a, "not-supported");
  }

  @Test
  void given_feedback_items_then_200_and_one_audit_line_each_without_the_user_comment()
      throws Exception {
    String path = "/cds-services/" + Services.ORDER_SIGN + "/feedback";
    String card = Cards.uuid("h-feedback", "mr-glabellar");
    String body = """
        {"feedback":[
          {"card":"%s","outcome":"overridden","outcomeTimestamp":"2026-11-27T10:05:31Z",
           "overrideReason":{"reason":{"system":"http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes","code":"cds-not-applicable"},
                             "userComment":"patient Jane Roe insists"}},
          {"card":"%s","outcome":"accepted","acceptedSuggestions":[{"id":"x"}],
           "outcomeTimestamp":"2026-11-27T11:05:31+01:00"}]}"""
        .formatted(card, card);
    long before = lines(audit).size();

    Http.Answer a = Http.post(at(path), token(path), body);

    assertThat(a.status()).isEqualTo(200);
    List<String> added = lines(audit).subList((int) before, lines(audit).size());
    assertThat(added).hasSize(2);
    JsonNode first = Http.JSON.readTree(added.get(0));
    assertThat(first.get("event").asText()).isEqualTo("feedback");
    assertThat(first.get("card").asText()).isEqualTo(card);
    assertThat(first.get("outcome").asText()).isEqualTo("overridden");
    assertThat(first.get("overrideReasonCode").asText()).isEqualTo("cds-not-applicable");
    assertThat(first.get("outcomeTimestamp").asText()).isEqualTo("2026-11-27T10:05:31Z");
    assertThat(first.get("timestamp").asText()).isEqualTo("2026-11-27T10:00:00Z");
    JsonNode second = Http.JSON.readTree(added.get(1));
    assertThat(second.get("outcome").asText()).isEqualTo("accepted");
    assertThat(second.get("outcomeTimestamp").asText()).isEqualTo("2026-11-27T10:05:31Z");
    assertThat(String.join("\n", added)).doesNotContain("Jane", "insists");
  }

  @Test
  void given_feedback_without_a_card_uuid_then_400_and_no_audit_line() throws Exception {
    String path = "/cds-services/" + Services.ORDER_SELECT + "/feedback";
    long before = lines(audit).size();

    Http.Answer a = Http.post(at(path), token(path),
        "{\"feedback\":[{\"card\":\"Jane Roe\",\"outcome\":\"accepted\","
            + "\"outcomeTimestamp\":\"2026-11-27T10:05:31Z\"}]}");

    assertThat(a.status()).isEqualTo(400);
    assertThat(lines(audit)).hasSize((int) before);
    assertThat(a.body()).doesNotContain("Jane");
  }

  @Test
  void given_an_allowed_origin_then_cors_headers_on_answers_and_preflights() {
    Http.Answer preflight = Http.options(at("/cds-services/" + Services.ORDER_SIGN),
        "Origin", ORIGIN, "Access-Control-Request-Method", "POST",
        "Access-Control-Request-Headers", "authorization,content-type");
    Http.Answer discovery = Http.get(at("/cds-services"), token("/cds-services"),
        "Origin", ORIGIN);
    Http.Answer refused = Http.get(at("/cds-services"), null, "Origin", ORIGIN);

    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");
    assertThat(discovery.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
  }

  @Test
  void given_an_origin_not_in_the_trust_file_then_no_cors_header() {
    Http.Answer preflight = Http.options(at("/cds-services"), "Origin",
        "https://elsewhere.example.com", "Access-Control-Request-Method", "GET");
    Http.Answer discovery = Http.get(at("/cds-services"), token("/cds-services"),
        "Origin", "https://elsewhere.example.com");

    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    assertThat(discovery.status()).isEqualTo(200);
    assertThat(discovery.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void given_refused_calls_then_the_audit_log_holds_no_evaluation() throws Exception {
    String path = "/cds-services/" + Services.ORDER_SIGN;
    Http.post(at(path), null, Records.glabellar("order-sign", "h-refused").restEmpty().json());
    Http.post(at(path), token(path), "not json");

    assertThat(lines(audit)).noneMatch(l -> l.contains("\"evaluation\""));
  }

  static void assertOutcome(Http.Answer a, String code) {
    assertThat(a.header("Content-Type")).startsWith("application/fhir+json");
    JsonNode o = a.json();
    assertThat(o.get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(o.get("issue").get(0).get("severity").asText()).isEqualTo("error");
    assertThat(o.get("issue").get(0).get("code").asText()).isEqualTo(code);
    assertThat(a.body()).doesNotContain("Exception", "\tat ", ".java:");
  }

  static List<String> lines(Path file) throws java.io.IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }
}
