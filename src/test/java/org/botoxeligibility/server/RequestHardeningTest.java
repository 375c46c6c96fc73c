package org.botoxeligibility.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests an attacker or a careless client sends, against a real server (issue 18): two
 * Authorization headers, a cross-origin "simple" text/plain post, JSON nested too deep or a
 * number of 101 digits, a token with a critical header the service does not understand, a record
 * whose unit is a surname (the 422 must not quote it), unauthenticated calls on a public address;
 * and every answer tells browsers not to sniff its type.
 */
class RequestHardeningTest {
  static final String PATH = "/cds-services/" + Services.ORDER_SIGN;
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
  void given_two_authorization_headers_then_400_whichever_comes_first() throws Exception {
    try (RawClient c = new RawClient(server.uri())) {
      c.send(RawClient.head("GET", "/cds-services",
          "Authorization: Bearer " + token("/cds-services"),
          "Authorization: Bearer " + token("/cds-services")));
      RawClient.Answer a = c.read();

      assertThat(a.status()).isEqualTo(400);
      assertThat(a.body()).contains("more than one Authorization header");
    }
  }

  @Test
  void given_a_text_plain_post_as_a_browser_sends_cross_origin_then_415_and_nothing_is_evaluated()
      throws Exception {
    String body = Records.indicatorCases("order-sign", "plain").get("info");
    Http.Answer plain = Http.post(at(PATH), token(PATH), body.getBytes(),
        "Content-Type", "text/plain;charset=UTF-8", "Origin", ORIGIN);
    Http.Answer latin = Http.post(at(PATH), token(PATH), body.getBytes(),
        "Content-Type", "application/json; charset=ISO-8859-1");
    Http.Answer utf8 = Http.post(at(PATH), token(PATH), body.replace("plain-", "utf8-")
        .getBytes(), "Content-Type", "application/json;charset=\"UTF-8\"");

    assertThat(plain.status()).isEqualTo(415);
    EndpointsTest.assertOutcome(plain, "not-supported");
    assertThat(latin.status()).isEqualTo(415);
    assertThat(utf8.status()).as(utf8.body()).isEqualTo(200);
    assertThat(EndpointsTest.lines(audit)).noneMatch(l -> l.contains("plain-eligible"));
  }

  @Test
  void given_a_post_without_a_content_type_then_415() throws Exception {
    byte[] body = Records.indicatorCases("order-sign", "untyped").get("info").getBytes();
    try (RawClient c = new RawClient(server.uri())) {
      c.send(RawClient.head("POST", PATH, "Authorization: Bearer " + token(PATH),
          "Content-Length: " + body.length)).send(body);
      assertThat(c.read().status()).isEqualTo(415);
    }
  }

  @Test
  void given_json_nested_deeper_than_the_limit_then_400_naming_it() {
    String deep = "{\"hook\":\"order-sign\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
    Http.Answer a = Http.post(at(PATH), token(PATH), deep);

    assertThat(a.status()).as(a.body()).isEqualTo(400);
    EndpointsTest.assertOutcome(a, "invalid");
    assertThat(a.diagnostics()).contains("nested deeper than " + HookCall.MAX_DEPTH);
  }

  @Test
  void given_a_number_of_101_digits_then_400_naming_the_limit_and_100_digits_pass_the_reader() {
    Http.Answer long101 = Http.post(at(PATH), token(PATH),
        "{\"hook\":\"order-sign\",\"n\":" + "9".repeat(101) + "}");
    Http.Answer long100 = Http.post(at(PATH), token(PATH),
        "{\"hook\":\"order-sign\",\"n\":" + "9".repeat(100) + "}");

    assertThat(long101.status()).as(long101.body()).isEqualTo(400);
    assertThat(long101.diagnostics()).contains("a number longer than 100 digits");
    assertThat(long100.status()).isEqualTo(400);
    assertThat(long100.diagnostics()).startsWith("hookInstance");
  }

  @Test
  void given_feedback_nested_too_deep_then_400_too() {
    String path = PATH + "/feedback";
    Http.Answer a = Http.post(at(path), token(path),
        "{\"feedback\":" + "[".repeat(100) + "]".repeat(100) + "}");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.diagnostics()).contains("nested deeper");
  }

  @Test
  void given_a_token_with_a_critical_header_the_service_does_not_understand_then_401_naming_crit() {
    String token = tokens.sign(JWSAlgorithm.ES384, tokens.ec.getKeyID(),
        Tokens.claims(server.baseUrl() + "/cds-services").build(),
        h -> h.customParam("x-deadline", 1).criticalParams(Set.of("x-deadline")));
    Http.Answer a = Http.get(at("/cds-services"), token);

    assertThat(a.status()).isEqualTo(401);
    assertThat(a.diagnostics()).startsWith("crit:").contains("does not understand")
        .doesNotContain("signature");
  }

  @Test
  void given_a_record_whose_unit_is_a_surname_then_the_422_names_the_path_and_what_was_expected_but_not_the_value() {
    String body = Records.glabellar("order-sign", "surname-unit").restEmpty()
        .bundle("observations", Records.NOT_PREGNANT, Records.NOT_BREASTFEEDING,
            Records.WEIGHT.replace("\"code\":\"kg\"", "\"code\":\"Quixmortalova\""))
        .json();
    Http.Answer a = Http.post(at(PATH), token(PATH), body);

    assertThat(a.status()).as(a.body()).isEqualTo(422);
    EndpointsTest.assertOutcome(a, "processing");
    assertThat(a.body()).doesNotContain("Quixmortalova");
    assertThat(a.diagnostics()).startsWith("Observation/wt-1.valueQuantity.code: ")
        .contains("is not a unit of mass", "kg, g, [lb_av]");
    assertThat(a.json().get("issue").get(0).get("expression").get(0).asText())
        .isEqualTo("Observation/wt-1.valueQuantity.code");
  }

  @Test
  void given_records_with_distinctive_values_in_every_kind_of_problem_then_no_422_quotes_one() {
    String birth = Records.PATIENT.replace("1988-04-02", "1961-07");
    String units = Records.glabellarOrder("mr-glabellar").replace("\"value\":20",
        "\"value\":20.37").replace("\"code\":\"U\"", "\"code\":\"Zyxgrams\"");
    String reference = Records.glabellarOrder("mr-glabellar").replace(
        "\"subject\":{\"reference\":\"Patient/p1\"}",
        "\"subject\":{\"reference\":\"Patient/Wolfeschlegel\"}");
    String diary = Records.diary("hd-9", "headache-days-per-month", "\"valueInteger\":4097");
    List<String> bodies = List.of(
        new Records.Call("order-sign", "v-birth").draft(Records.glabellarOrder("mr-glabellar"))
            .resource("patient", birth).restEmpty().json(),
        new Records.Call("order-sign", "v-units").draft(units)
            .resource("patient", Records.PATIENT).restEmpty().json(),
        new Records.Call("order-sign", "v-ref").draft(reference)
            .resource("patient", Records.PATIENT).restEmpty().json(),
        Records.migraine("v-diary").bundle("observations", diary).json());
    for (String body : bodies) {
      Http.Answer a = Http.post(at(PATH), token(PATH), body);

      assertThat(a.status()).as(a.body()).isEqualTo(422);
      assertThat(a.body()).doesNotContain("1961-07", "20.37", "Zyxgrams", "Wolfeschlegel",
          "4097");
      for (var issue : a.json().get("issue")) {
        assertThat(issue.get("diagnostics").asText())
            .startsWith(issue.get("expression").get(0).asText() + ": ");
      }
    }
  }

  @Test
  void given_every_kind_of_answer_then_each_says_nosniff() throws Exception {
    List<Http.Answer> answers = List.of(
        Http.get(at("/health"), null),
        Http.get(at("/cds-services"), token("/cds-services")),
        Http.get(at("/cds-services"), null),
        Http.post(at("/cds-services/no-such"), token("/cds-services/no-such"), "{}"),
        Http.post(at(PATH), token(PATH), "not json"),
        Http.options(at(PATH), "Origin", ORIGIN, "Access-Control-Request-Method", "POST"));
    for (Http.Answer a : answers) {
      assertThat(a.header("X-Content-Type-Options")).as("status " + a.status())
          .isEqualTo("nosniff");
    }
    try (RawClient c = new RawClient(server.uri())) {
      // not HTTP: Jetty answers by itself, through the server's error handler
      c.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nA header without a colon\r\n\r\n");
      RawClient.Answer a = c.read();
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.body()).contains("OperationOutcome");
      assertThat(a.headers().get("x-content-type-options")).isEqualTo("nosniff");
    }
  }

  @Test
  void given_unauthenticated_calls_on_an_address_other_machines_reach_then_the_server_refuses_to_start() {
    for (String host : List.of("0.0.0.0", "::", "192.0.2.1")) {
      assertThatThrownBy(() -> CdsServer.builder().host(host).port(0)
          .allowUnauthenticated(true).start())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("loopback");
    }
  }

  @Test
  void given_clinic_tables_then_discovery_health_and_cards_name_the_running_knowledge_base_version(
      @TempDir Path tables) throws Exception {
    // one harmless row over the built-in drug list, under the built-in table's own header
    String header = Files.readAllLines(Path.of("rules", "drugs.tsv")).stream()
        .filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
    Files.writeString(tables.resolve("drugs.tsv"), header + "\nzorbaxafen\tOTHER"
        + "\t".repeat(header.split("\t").length - 2) + "\n");
    try (CdsServer local = CdsServer.builder().port(0).trust(tokens.trust())
        .clock(Tokens.CLOCK).tables(tables).start()) {
      String version = local.knowledgeBaseVersion();
      String discovery = "/cds-services";
      Http.Answer d = Http.get(URI.create(local.baseUrl() + discovery),
          tokens.es384(local.baseUrl() + discovery));
      Http.Answer h = Http.get(URI.create(local.baseUrl() + "/health"), null);
      Http.Answer c = Http.post(URI.create(local.baseUrl() + PATH),
          tokens.es384(local.baseUrl() + PATH),
          Records.indicatorCases("order-sign", "local").get("info"));

      assertThat(version).matches("\\d+\\.\\d+\\.\\d+\\+local\\.[0-9a-f]{12}.*");
      assertThat(h.json().get("knowledgeBaseVersion").asText()).isEqualTo(version);
      for (var service : d.json().get("services")) {
        assertThat(service.get("extension").get(Services.VERSION_EXTENSION).asText())
            .isEqualTo(version);
        assertThat(service.get("description").asText()).contains(version);
      }
      assertThat(c.json().get("cards").get(0).get("source").get("label").asText())
          .isEqualTo("botox-eligibility knowledge base " + version);
    }
  }
}
