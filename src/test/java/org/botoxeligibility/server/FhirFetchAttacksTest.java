package org.botoxeligibility.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FHIR fetch under attack (cds-hooks.md §6, issue 18): the caller chooses {@code fhirServer},
 * so every server here is one an attacker could name or run. Each test is the attack: a server
 * not listed for the issuer, a loopback port, a base URL with a query, a redirect to another host
 * and a redirect loop, a server that trickles a byte at a time, one that never answers, 30 MB and
 * a gzip bomb, an error page that quotes the request, a name that does not resolve, a port where
 * nothing listens; and a slow server that must not starve the calls naming a healthy one. The
 * servers are real sockets on 127.0.0.1; the service is a real server with a 3 s call deadline.
 */
class FhirFetchAttacksTest {
  static final String TOKEN = "fhir-access-token-attack-5e1";
  static final Duration DEADLINE = Duration.ofSeconds(3);
  static final String SEARCHSET = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\","
      + "\"entry\":[{\"resource\":" + Records.EXAMINATION + "}]}";

  static Tokens tokens;
  static CdsServer server;
  static FhirTestServer healthy;
  static RawHttpServer unlisted;
  static RawHttpServer elsewhere;
  static RawHttpServer redirectsElsewhere;
  static RawHttpServer redirectsWithin;
  static RawHttpServer redirectLoop;
  static RawHttpServer trickling;
  static RawHttpServer silent;
  static RawHttpServer huge;
  static RawHttpServer hugeChunked;
  static RawHttpServer gzipBomb;
  static RawHttpServer gzipped;
  static RawHttpServer echoing;
  static int closedPort;

  @BeforeAll
  static void start() throws Exception {
    tokens = new Tokens();
    healthy = new FhirTestServer(TOKEN).add(Records.PATIENT, Records.EXAMINATION);
    unlisted = new RawHttpServer(RawHttpServer.json(SEARCHSET));
    elsewhere = new RawHttpServer(RawHttpServer.json(SEARCHSET));
    redirectsElsewhere = new RawHttpServer(RawHttpServer.redirect(302,
        elsewhere.base() + "/"));
    redirectsWithin = new RawHttpServer((r, out, c) -> {
      if (r.target().startsWith("/fhir/")) {
        RawHttpServer.head(out, 307, "Location: /moved/" + r.target().substring(6),
            "Content-Length: 0");
        return true;
      }
      return RawHttpServer.json(SEARCHSET).answer(r, out, c);
    });
    redirectLoop = new RawHttpServer((r, out, c) -> {
      RawHttpServer.head(out, 302, "Location: " + r.target(), "Content-Length: 0");
      return true;
    });
    trickling = new RawHttpServer(RawHttpServer.trickling());
    silent = new RawHttpServer(RawHttpServer.silent());
    huge = new RawHttpServer(RawHttpServer.huge(30L * 1000 * 1000, true));
    hugeChunked = new RawHttpServer(RawHttpServer.huge(64L * 1024 * 1024, false));
    gzipBomb = new RawHttpServer(RawHttpServer.gzipBomb(40L * 1024 * 1024));
    gzipped = new RawHttpServer(gzipped(SEARCHSET));
    echoing = new RawHttpServer(RawHttpServer.echoingError(500));
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    List<String> listed = new ArrayList<>(List.of(healthy.base(), redirectsElsewhere.base(),
        redirectsWithin.base(), redirectLoop.base(), trickling.base(), silent.base(),
        huge.base(), hugeChunked.base(), gzipBomb.base(), gzipped.base(), echoing.base(),
        "http://127.0.0.1:" + closedPort + "/fhir", "https://fhir.invalid/r4"));
    server = CdsServer.builder().port(0)
        .trust(tokens.trustWithFhirServers(listed.toArray(String[]::new)))
        .allowHttpLoopback(true).clock(Tokens.CLOCK).requestTimeout(DEADLINE).start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    healthy.close();
    for (RawHttpServer s : List.of(unlisted, elsewhere, redirectsElsewhere, redirectsWithin,
        redirectLoop, trickling, silent, huge, hugeChunked, gzipBomb, gzipped, echoing)) {
      s.close();
    }
  }

  static RawHttpServer.Behaviour gzipped(String json) throws java.io.IOException {
    java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(z)) {
      g.write(json.getBytes(StandardCharsets.UTF_8));
    }
    byte[] body = z.toByteArray();
    return (r, out, c) -> {
      RawHttpServer.head(out, 200, "Content-Type: application/fhir+json",
          "Content-Encoding: gzip", "Content-Length: " + body.length);
      out.write(body);
      out.flush();
      return true;
    };
  }

  /** The migraine order-sign call with every key but encounters, fetched from a server. */
  static String missingEncounters(String id, String fhirServer) {
    return Records.migraine(id).without("encounters").fhirServer(fhirServer, TOKEN).json();
  }

  static Http.Answer sign(String body) {
    String path = "/cds-services/" + Services.ORDER_SIGN;
    return Http.post(URI.create(server.baseUrl() + path),
        tokens.es384(server.baseUrl() + path), body);
  }

  static void assert412(Http.Answer a, String... words) {
    assertThat(a.status()).as(a.body()).isEqualTo(412);
    EndpointsTest.assertOutcome(a, "incomplete");
    assertThat(a.diagnostics()).contains("encounters").contains(words)
        .doesNotContain(TOKEN, "ECHOED");
  }

  @Test
  void given_a_fhir_server_not_listed_for_the_issuer_then_412_and_nothing_is_sent_to_it() {
    Http.Answer a = sign(missingEncounters("unlisted", unlisted.base()));

    assert412(a, "not listed for the issuer");
    assertThat(unlisted.requests).isEmpty();
  }

  @Test
  void given_loopback_ports_as_fhir_server_then_every_one_gets_the_same_412_and_no_connection() {
    // a port oracle: whatever listens there (or not), the answer is the same, and nothing is sent
    Http.Answer open = sign(missingEncounters("oracle-open", unlisted.origin() + "/x"));
    Http.Answer closed = sign(missingEncounters("oracle-closed",
        "http://127.0.0.1:" + (closedPort == 65535 ? 65534 : closedPort + 1) + "/x"));

    assert412(open, "not listed for the issuer");
    assert412(closed, "not listed for the issuer");
    assertThat(open.diagnostics()).isEqualTo(closed.diagnostics());
    assertThat(unlisted.requests).isEmpty();
  }

  @Test
  void given_a_listed_base_url_with_a_query_or_a_fragment_then_412_and_nothing_is_sent() {
    Http.Answer query = sign(missingEncounters("query", healthy.base() + "?_format=xml"));
    Http.Answer fragment = sign(missingEncounters("fragment", healthy.base() + "#x"));

    assert412(query, "query or a fragment");
    assert412(fragment, "query or a fragment");
  }

  @Test
  void given_the_listed_base_url_written_differently_then_it_matches_after_normalising() {
    String spelt = healthy.base().replace("http://", "HTTP://") + "/";
    Http.Answer a = sign(missingEncounters("normalised", spelt));

    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  @Test
  void given_a_complete_prefetch_then_no_fetch_whatever_fhir_server_says() {
    Http.Answer a = sign(Records.migraine("complete").fhirServer(unlisted.base(), TOKEN).json());

    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(unlisted.requests).isEmpty();
  }

  @Test
  void given_a_redirect_to_another_host_then_412_and_the_token_goes_nowhere_else() {
    Http.Answer a = sign(missingEncounters("redirect-out", redirectsElsewhere.base()));

    assert412(a, "redirected to another origin");
    assertThat(redirectsElsewhere.requests).isNotEmpty();
    assertThat(elsewhere.requests).as("the other host got no request, so no token").isEmpty();
  }

  @Test
  void given_a_redirect_within_the_origin_then_it_is_followed_with_the_token() {
    Http.Answer a = sign(missingEncounters("redirect-in", redirectsWithin.base()));

    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(redirectsWithin.requests).extracting(RawHttpServer.Request::target)
        .anyMatch(t -> t.startsWith("/fhir/Encounter?"))
        .anyMatch(t -> t.startsWith("/moved/Encounter?"));
    assertThat(redirectsWithin.requests).allMatch(r -> ("Bearer " + TOKEN)
        .equals(r.authorization()));
  }

  @Test
  void given_a_redirect_loop_then_412_after_three_redirects() {
    int before = redirectLoop.requests.size();
    Http.Answer a = sign(missingEncounters("redirect-loop", redirectLoop.base()));

    assert412(a, "redirected more than 3 times");
    assertThat(redirectLoop.requests.size() - before).isEqualTo(4);
  }

  @Test
  void given_a_server_that_trickles_a_byte_at_a_time_then_412_at_the_deadline_and_its_socket_is_closed()
      throws Exception {
    long start = System.nanoTime();
    Http.Answer a = sign(missingEncounters("trickle", trickling.base()));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assert412(a, "did not answer within the call's time");
    assertThat(millis).as("answered at the call's deadline")
        .isGreaterThanOrEqualTo(DEADLINE.toMillis() - 100);
    assertThat(trickling.awaitAllClosedBy(Duration.ofSeconds(10)))
        .as("nothing keeps reading after the 412: the service closed the connection").isTrue();
  }

  @Test
  void given_a_server_that_never_answers_then_412_at_the_deadline_and_the_connection_is_closed()
      throws Exception {
    Http.Answer a = sign(missingEncounters("silent", silent.base()));

    assert412(a, "did not answer within the call's time");
    assertThat(silent.awaitAllClosedBy(Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void given_a_30_mb_answer_then_412_naming_the_size_and_the_body_is_not_read() throws Exception {
    Http.Answer a = sign(missingEncounters("huge", huge.base()));

    assert412(a, "larger than 16 MiB", "maxFhirResponseBytes");
    assertThat(huge.awaitAllClosedBy(Duration.ofSeconds(10))).isTrue();
    assertThat(huge.connections).allMatch(c -> c.bytesWritten < 30L * 1000 * 1000,
        "the server could not send its 30 MB");
  }

  @Test
  void given_an_endless_answer_without_a_length_then_412_once_16_mib_have_arrived()
      throws Exception {
    Http.Answer a = sign(missingEncounters("huge-chunked", hugeChunked.base()));

    assert412(a, "larger than 16 MiB");
    assertThat(hugeChunked.awaitAllClosedBy(Duration.ofSeconds(10))).isTrue();
    assertThat(hugeChunked.connections).allMatch(c -> c.bytesWritten < 64L * 1024 * 1024,
        "the reading stopped at the cap");
  }

  @Test
  void given_a_gzip_bomb_then_the_cap_counts_the_decompressed_bytes() {
    Http.Answer a = sign(missingEncounters("gzip-bomb", gzipBomb.base()));

    assert412(a, "larger than 16 MiB");
  }

  @Test
  void given_a_gzipped_answer_within_the_cap_then_it_is_read() {
    Http.Answer a = sign(missingEncounters("gzipped", gzipped.base()));

    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(gzipped.requests).allMatch(r -> "gzip".equals(r.headers().get("accept-encoding")));
  }

  @Test
  void given_an_error_page_that_quotes_the_request_then_412_names_the_status_only() {
    Http.Answer a = sign(missingEncounters("echo", echoing.base()));

    assert412(a, "HTTP 500");
    assertThat(a.body()).doesNotContain("ECHOED", "Encounter?", TOKEN);
  }

  @Test
  void given_a_port_where_nothing_listens_then_412_says_the_connection_was_refused() {
    Http.Answer a = sign(missingEncounters("refused", "http://127.0.0.1:" + closedPort
        + "/fhir"));

    assert412(a, "refused the connection");
  }

  @Test
  void given_a_host_name_that_does_not_resolve_then_412_says_so() {
    Http.Answer a = sign(missingEncounters("dns", "https://fhir.invalid/r4"));

    assert412(a, "does not resolve");
  }

  @Test
  void given_slow_fhir_servers_filling_many_connections_then_a_call_naming_a_healthy_server_still_gets_its_cards()
      throws Exception {
    List<CompletableFuture<Http.Answer>> slow = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // every key missing: ten connections each to the trickling server
      String body = new Records.Call("order-sign", "starve-" + i)
          .draft(Records.migraineOrder("mr-migraine")).fhirServer(trickling.base(), TOKEN)
          .json();
      slow.add(CompletableFuture.supplyAsync(() -> sign(body)));
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (trickling.connections.size() < 30 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(trickling.connections.size()).as("the slow calls hold connections")
        .isGreaterThanOrEqualTo(30);
    Http.Answer healthyCall = sign(missingEncounters("starve-healthy", healthy.base()));

    assertThat(healthyCall.status()).as(healthyCall.body()).isEqualTo(200);
    for (CompletableFuture<Http.Answer> f : slow) {
      assertThat(f.get(30, TimeUnit.SECONDS).status()).isEqualTo(412);
    }
  }

  @Test
  void given_a_trust_file_listing_plain_http_then_the_server_starts_only_with_the_development_flag() {
    CdsServer.Builder builder = CdsServer.builder().port(0)
        .trust(tokens.trustWithFhirServers(healthy.base())).clock(Tokens.CLOCK);

    assertThatThrownBy(builder::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plain http").hasMessageContaining("--allow-http-loopback");
  }

  @Test
  void given_a_trust_file_listing_plain_http_off_this_machine_then_it_is_refused() {
    assertThatThrownBy(() -> tokens.trustWithFhirServers("http://fhir.example.org/r4"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    assertThatThrownBy(() -> tokens.trustWithFhirServers("https://fhir.example.org/r4?x=1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
  }

  @Test
  void given_an_unauthenticated_server_then_it_never_fetches() throws Exception {
    try (CdsServer open = CdsServer.builder().port(0).allowUnauthenticated(true)
        .allowHttpLoopback(true).clock(Tokens.CLOCK).start()) {
      String path = "/cds-services/" + Services.ORDER_SIGN;
      Http.Answer a = Http.post(URI.create(open.baseUrl() + path), null,
          missingEncounters("unauthenticated", unlisted.base()));

      assert412(a, "fetches nothing", "--allow-unauthenticated");
      assertThat(unlisted.requests).isEmpty();
    }
  }
}
