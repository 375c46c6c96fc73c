package org.botoxeligibility.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An EHR's connection pool never reads EOF (issue 18): a client that reuses its connection gets a
 * status for every request, whether the service refused a large body before reading it, answered
 * at the call's deadline after a slow FHIR fetch, or must close the connection (then it says
 * {@code Connection: close}). One JDK client, as an EHR's pool would be, and raw sockets to see
 * what a client library hides.
 */
class ConnectionsTest {
  static final String TOKEN = "fhir-access-token-conn-9d";
  static final Duration DEADLINE = Duration.ofSeconds(2);
  static final String PATH = "/cds-services/" + Services.ORDER_SIGN;
  static Tokens tokens;
  static RawHttpServer slow;
  static CdsServer server;

  @BeforeAll
  static void start() throws Exception {
    tokens = new Tokens();
    slow = new RawHttpServer(RawHttpServer.trickling());
    server = CdsServer.builder().port(0).trust(tokens.trustWithFhirServers(slow.base()))
        .allowHttpLoopback(true).clock(Tokens.CLOCK).requestTimeout(DEADLINE).start();
  }

  @AfterAll
  static void stop() throws IOException {
    server.stop();
    slow.close();
  }

  static URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }

  static HttpResponse<String> post(HttpClient client, String path, String token, byte[] body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void given_one_client_reused_across_a_401_with_a_1_mib_body_a_deadline_bound_412_and_another_post_then_each_gets_its_status()
      throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    byte[] large = new byte[1024 * 1024];
    java.util.Arrays.fill(large, (byte) ' ');
    List<Integer> statuses = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      statuses.add(post(client, PATH, null, large).statusCode());
      statuses.add(post(client, "/cds-services/no-such", tokens.es384(uri("/cds-services/no-such")
          .toString()), large).statusCode());
      String slowCall = Records.migraine("reuse-slow-" + round).without("encounters")
          .fhirServer(slow.base(), TOKEN).json();
      statuses.add(post(client, PATH, tokens.es384(uri(PATH).toString()),
          slowCall.getBytes(StandardCharsets.UTF_8)).statusCode());
      statuses.add(post(client, PATH, tokens.es384(uri(PATH).toString()),
          Records.migraine("reuse-ok-" + round).json().getBytes(StandardCharsets.UTF_8))
          .statusCode());
    }

    assertThat(statuses).containsExactly(401, 404, 412, 200, 401, 404, 412, 200, 401, 404, 412,
        200);
  }

  @Test
  void given_a_refusal_before_the_body_was_read_then_the_body_is_drained_and_the_connection_carries_the_next_request()
      throws Exception {
    byte[] large = new byte[1024 * 1024];
    java.util.Arrays.fill(large, (byte) ' ');
    try (RawClient c = new RawClient(server.uri())) {
      c.send(RawClient.head("POST", PATH, "Content-Type: application/json",
          "Content-Length: " + large.length)).send(large);
      RawClient.Answer refused = c.read();
      c.send(RawClient.head("GET", "/health"));
      RawClient.Answer health = c.read();

      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.headers()).doesNotContainKey("connection");
      assertThat(health).as("the connection stayed open").isNotNull();
      assertThat(health.status()).isEqualTo(200);
    }
  }

  @Test
  void given_bodies_over_the_limit_then_413_or_an_earlier_refusal_and_the_connection_carries_the_next_request()
      throws Exception {
    byte[] huge = new byte[6 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) '{');
    try (RawClient c = new RawClient(server.uri())) {
      c.send(RawClient.head("POST", PATH, "Content-Type: application/json",
          "Authorization: Bearer " + tokens.es384(uri(PATH).toString()),
          "Content-Length: " + huge.length)).send(huge);
      RawClient.Answer tooLarge = c.read();
      c.send(RawClient.head("POST", "/cds-services/no-such", "Content-Type: application/json",
          "Content-Length: " + huge.length)).send(huge);
      RawClient.Answer refused = c.read();
      c.send(RawClient.head("GET", "/health"));
      RawClient.Answer health = c.read();

      assertThat(tooLarge.status()).isEqualTo(413);
      assertThat(refused.status()).isEqualTo(401);
      assertThat(health).as("the connection stayed open").isNotNull();
      assertThat(health.status()).isEqualTo(200);
    }
  }

  @Test
  void given_a_body_the_server_will_not_drain_then_the_answer_says_connection_close_and_the_server_closes()
      throws Exception {
    try (RawClient c = new RawClient(server.uri())) {
      c.send(RawClient.head("POST", "/cds-services/no-such", "Content-Type: application/json",
          "Content-Length: " + (64L * 1024 * 1024)));
      c.send(new byte[64 * 1024]);
      RawClient.Answer a = c.read();

      assertThat(a.status()).isEqualTo(401);
      assertThat(a.headers().get("connection")).isEqualToIgnoringCase("close");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void given_a_client_that_waits_for_100_continue_then_a_refusal_comes_without_it_and_says_close()
      throws Exception {
    try (RawClient c = new RawClient(server.uri())) {
      c.send(RawClient.head("POST", PATH, "Content-Type: application/json",
          "Content-Length: 1048576", "Expect: 100-continue"));
      RawClient.Answer a = c.read();

      assertThat(a.status()).isEqualTo(401);
      assertThat(a.headers().get("connection")).isEqualToIgnoringCase("close");
    }
  }

  @Test
  void given_a_body_that_stops_arriving_then_408_at_the_deadline_with_connection_close()
      throws Exception {
    String call = Records.migraine("stalled").json();
    byte[] bytes = call.getBytes(StandardCharsets.UTF_8);
    try (RawClient c = new RawClient(server.uri())) {
      long start = System.nanoTime();
      c.send(RawClient.head("POST", PATH, "Content-Type: application/json",
          "Authorization: Bearer " + tokens.es384(uri(PATH).toString()),
          "Content-Length: " + bytes.length));
      c.send(java.util.Arrays.copyOf(bytes, bytes.length / 2));
      RawClient.Answer a = c.read();
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(a.status()).isEqualTo(408);
      assertThat(a.headers().get("connection")).isEqualToIgnoringCase("close");
      assertThat(millis).isGreaterThanOrEqualTo(DEADLINE.toMillis() - 100);
      assertThat(c.closedByServer()).isTrue();
    }
  }
}
