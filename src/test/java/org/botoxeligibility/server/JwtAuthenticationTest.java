package org.botoxeligibility.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way into the service without the right token (cds-hooks.md §6), against a real server:
 * ES384 and RS384 tokens signed with keys generated here get in once; everything else is a 401
 * naming the check (403 for an untrusted issuer) with {@code WWW-Authenticate: Bearer}.
 */
class JwtAuthenticationTest {
  static final String PATH = "/cds-services";
  static Tokens tokens;
  static CdsServer server;

  @BeforeAll
  static void start() throws Exception {
    tokens = new Tokens();
    server = CdsServer.builder().port(0).trust(tokens.trust()).clock(Tokens.CLOCK).start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static String aud() {
    return server.baseUrl() + PATH;
  }

  static Http.Answer discovery(String token) {
    return Http.get(URI.create(aud()), token);
  }

  static void assertRefused(Http.Answer a, String check) {
    assertThat(a.status()).as(a.body()).isEqualTo(401);
    assertThat(a.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(a.json().get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(a.diagnostics()).startsWith(check);
  }

  @Test
  void given_es384_and_rs384_tokens_from_the_trusted_issuer_then_200() {
    assertThat(discovery(tokens.es384(aud())).status()).isEqualTo(200);
    assertThat(discovery(tokens.rs384(aud())).status()).isEqualTo(200);
  }

  @Test
  void given_an_audience_as_a_one_element_array_then_200() {
    String token = tokens.es384(aud(), c -> c.audience(List.of(aud())));
    assertThat(discovery(token).status()).isEqualTo(200);
  }

  @Test
  void given_no_token_then_401() {
    assertRefused(discovery(null), "no bearer token");
  }

  @Test
  void given_a_basic_authorization_then_401() {
    Http.Answer a = Http.get(URI.create(aud()), null, "Authorization", "Basic dXNlcjpwYXNz");
    assertRefused(a, "the Authorization header");
  }

  @Test
  void given_garbage_then_401() {
    assertRefused(discovery("not.a.jwt"), "the bearer token is not a JWT");
  }

  @Test
  void given_alg_none_then_401() {
    assertRefused(discovery(Tokens.none(aud())), "alg");
  }

  @Test
  void given_hs256_signed_with_the_public_key_as_secret_then_401() {
    assertRefused(discovery(tokens.hs256WithPublicKey(aud())), "alg: HS256");
  }

  @Test
  void given_es256_then_401() throws Exception {
    // a P-256 key under the trusted kid: the algorithm is refused before any key is tried
    var p256 = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
        .keyID(tokens.ec.getKeyID()).generate();
    var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
        JWSAlgorithm.ES256).keyID(tokens.ec.getKeyID()).build(), Tokens.claims(aud()).build());
    jwt.sign(new com.nimbusds.jose.crypto.ECDSASigner(p256));
    assertRefused(discovery(jwt.serialize()), "alg: ES256");
  }

  @Test
  void given_no_kid_then_401() {
    String token = tokens.sign(JWSAlgorithm.ES384, null, Tokens.claims(aud()).build(), null);
    assertRefused(discovery(token), "kid");
  }

  @Test
  void given_a_kid_not_in_the_key_set_then_401() {
    assertRefused(discovery(Tokens.foreignKey(aud(), "unknown-kid")), "kid");
  }

  @Test
  void given_a_foreign_key_under_a_trusted_kid_then_the_signature_fails() {
    assertRefused(discovery(Tokens.foreignKey(aud(), tokens.ec.getKeyID())), "signature");
  }

  @Test
  void given_an_rs384_header_on_the_ec_kid_then_401() {
    String token = tokens.sign(JWSAlgorithm.RS384, tokens.ec.getKeyID(),
        Tokens.claims(aud()).build(), null);
    assertRefused(discovery(token), "kid");
  }

  @Test
  void given_a_tampered_payload_then_the_signature_fails() {
    String token = tokens.es384(aud());
    String[] parts = token.split("\\.");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
        StandardCharsets.UTF_8).replace(Tokens.ISSUER, Tokens.ISSUER);
    String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString((payload.substring(0, payload.length() - 1) + ",\"x\":1}")
            .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertRefused(discovery(forged), "signature");
  }

  @Test
  void given_the_wrong_audience_then_401() {
    assertRefused(discovery(tokens.es384(server.baseUrl() + "/cds-services/other")), "aud");
    assertRefused(discovery(tokens.es384("https://cds.example.org/cds-services")), "aud");
  }

  @Test
  void given_a_token_for_discovery_on_a_service_then_401() {
    Http.Answer a = Http.post(URI.create(server.baseUrl() + "/cds-services/"
        + Services.ORDER_SIGN), tokens.es384(aud()), "{}");
    assertRefused(a, "aud");
  }

  @Test
  void given_an_expired_token_then_401() {
    String token = tokens.es384(aud(), c -> c
        .issueTime(Date.from(Tokens.NOW.minusSeconds(400)))
        .expirationTime(Date.from(Tokens.NOW.minusSeconds(100))));
    assertRefused(discovery(token), "exp");
  }

  @Test
  void given_a_token_expired_within_the_clock_skew_then_200() {
    String token = tokens.es384(aud(), c -> c
        .issueTime(Date.from(Tokens.NOW.minusSeconds(200)))
        .expirationTime(Date.from(Tokens.NOW.minusSeconds(20))));
    assertThat(discovery(token).status()).isEqualTo(200);
  }

  @Test
  void given_exp_more_than_5_minutes_after_iat_then_401() {
    String token = tokens.es384(aud(), c -> c
        .expirationTime(Date.from(Tokens.NOW.plusSeconds(301))));
    assertRefused(discovery(token), "exp");
  }

  @Test
  void given_iat_in_the_future_beyond_the_skew_then_401() {
    String token = tokens.es384(aud(), c -> c
        .issueTime(Date.from(Tokens.NOW.plusSeconds(60)))
        .expirationTime(Date.from(Tokens.NOW.plusSeconds(120))));
    assertRefused(discovery(token), "iat");
  }

  @Test
  void given_a_replayed_jti_then_401_the_second_time() {
    String token = tokens.es384(aud());
    assertThat(discovery(token).status()).isEqualTo(200);
    assertRefused(discovery(token), "jti");
  }

  @Test
  void given_a_reused_jti_in_a_new_token_then_401() {
    String jti = java.util.UUID.randomUUID().toString();
    assertThat(discovery(tokens.es384(aud(), c -> c.jwtID(jti))).status()).isEqualTo(200);
    assertRefused(discovery(tokens.rs384jti(aud(), jti)), "jti");
  }

  @Test
  void given_an_untrusted_issuer_then_403() {
    String token = tokens.es384(aud(), c -> c.issuer("https://evil.example.org"));
    Http.Answer a = discovery(token);
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.diagnostics()).startsWith("iss");
  }

  @Test
  void given_a_jku_that_is_not_the_issuers_jwks_uri_then_401() {
    assertRefused(discovery(tokens.withJku(aud(), URI.create("https://evil.example.org/jwks"))),
        "jku");
  }

  @Test
  void given_each_required_claim_missing_then_401_naming_it() {
    assertRefused(discovery(tokens.es384(aud(), c -> c.issuer(null))), "iss");
    assertRefused(discovery(tokens.es384(aud(), c -> c.audience((String) null))), "aud");
    assertRefused(discovery(tokens.es384(aud(), c -> c.expirationTime(null))), "exp");
    assertRefused(discovery(tokens.es384(aud(), c -> c.issueTime(null))), "iat");
    assertRefused(discovery(tokens.es384(aud(), c -> c.jwtID(null))), "jti");
  }

  @Test
  void given_health_then_no_token_is_needed_but_every_other_path_needs_one() {
    assertThat(Http.get(URI.create(server.baseUrl() + "/health"), null).status())
        .isEqualTo(200);
    assertRefused(Http.get(URI.create(server.baseUrl() + "/anything"), null), "no bearer");
    assertRefused(Http.post(URI.create(server.baseUrl() + "/cds-services/"
        + Services.ORDER_SIGN + "/feedback"), null, "{}"), "no bearer");
  }

  @Test
  void given_keys_at_a_jwks_uri_then_they_are_fetched_once_and_a_matching_jku_is_accepted(
      @TempDir Path dir) throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    byte[] jwks = tokens.publicKeys().toString(true).getBytes(StandardCharsets.UTF_8);
    HttpServer keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    keys.createContext("/jwks", exchange -> {
      fetches.incrementAndGet();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      exchange.getResponseBody().write(jwks);
      exchange.close();
    });
    keys.start();
    URI uri = URI.create("http://127.0.0.1:" + keys.getAddress().getPort() + "/jwks");
    Path trust = Files.writeString(dir.resolve("trust.json"),
        "{\"issuers\":[{\"iss\":\"" + Tokens.ISSUER + "\",\"jwksUri\":\"" + uri + "\"}]}");
    try (CdsServer fetching = CdsServer.builder().port(0).trust(TrustConfig.read(trust))
        .allowHttpLoopback(true).clock(Tokens.CLOCK).start()) {
      String audience = fetching.baseUrl() + PATH;
      assertThat(Http.get(URI.create(audience), tokens.es384(audience)).status())
          .isEqualTo(200);
      assertThat(Http.get(URI.create(audience), tokens.withJku(audience, uri)).status())
          .isEqualTo(200);
      assertThat(Http.get(URI.create(audience), tokens.rs384(audience)).status())
          .isEqualTo(200);
      Http.Answer elsewhere = Http.get(URI.create(audience), tokens.withJku(audience,
          URI.create("http://127.0.0.1:1/jwks")));
      assertRefused(elsewhere, "jku");
      assertThat(fetches.get()).isEqualTo(1);
    } finally {
      keys.stop(0);
    }
  }

  /** A key-set endpoint on 127.0.0.1 whose answers a test decides. */
  static HttpServer keySetEndpoint(com.sun.net.httpserver.HttpHandler handler) throws Exception {
    HttpServer keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    keys.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "jwks-endpoint");
      t.setDaemon(true);
      return t;
    }));
    keys.createContext("/jwks", handler);
    keys.start();
    return keys;
  }

  static TrustConfig trustAt(Path dir, String... issuerAndUri) throws Exception {
    StringBuilder issuers = new StringBuilder();
    for (int i = 0; i < issuerAndUri.length; i += 2) {
      issuers.append(i == 0 ? "" : ",").append("{\"iss\":\"").append(issuerAndUri[i])
          .append("\",\"jwksUri\":\"").append(issuerAndUri[i + 1]).append("\"}");
    }
    return TrustConfig.read(Files.writeString(dir.resolve("trust.json"),
        "{\"issuers\":[" + issuers + "]}"));
  }

  /** A clock the test moves. */
  static final class MovingClock extends java.time.Clock {
    volatile java.time.Instant now = Tokens.NOW;

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }

  @Test
  void given_a_jwks_uri_that_fails_then_the_failure_is_remembered_for_a_few_seconds_and_no_call_waits_for_it(
      @TempDir Path dir) throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    HttpServer keys = keySetEndpoint(exchange -> {
      fetches.incrementAndGet();
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    MovingClock clock = new MovingClock();
    String uri = "http://127.0.0.1:" + keys.getAddress().getPort() + "/jwks";
    try (CdsServer failing = CdsServer.builder().port(0).trust(trustAt(dir, Tokens.ISSUER, uri))
        .allowHttpLoopback(true).clock(clock).start()) {
      String audience = failing.baseUrl() + PATH;
      Http.Answer first = Http.get(URI.create(audience), tokens.es384(audience));
      List<Http.Answer> next = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        next.add(Http.get(URI.create(audience), tokens.es384(audience)));
      }
      int fetchesBefore = fetches.get();
      clock.now = Tokens.NOW.plus(JwtAuthenticator.JWKS_FAILURE_MEMORY).plusSeconds(1);
      Http.Answer later = Http.get(URI.create(audience), tokens.es384(audience));

      assertRefused(first, "kid: the issuer's key set could not be fetched");
      assertThat(first.diagnostics()).contains("HTTP 500");
      for (Http.Answer a : next) {
        assertRefused(a, "kid: the issuer's key set could not be fetched");
        assertThat(a.diagnostics()).contains("tried again a few seconds after a failure");
      }
      assertThat(fetchesBefore).as("one fetch for six tokens").isEqualTo(1);
      assertRefused(later, "kid");
      assertThat(fetches.get()).as("tried again once the failure is old").isEqualTo(2);
    } finally {
      keys.stop(0);
    }
  }

  @Test
  void given_a_jwks_endpoint_that_hangs_then_few_calls_wait_for_it_and_the_others_are_refused_at_once(
      @TempDir Path dir) throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    AtomicInteger fetches = new AtomicInteger();
    byte[] jwks = tokens.publicKeys().toString(true).getBytes(StandardCharsets.UTF_8);
    HttpServer keys = keySetEndpoint(exchange -> {
      fetches.incrementAndGet();
      try {
        release.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(200, jwks.length);
      exchange.getResponseBody().write(jwks);
      exchange.close();
    });
    String uri = "http://127.0.0.1:" + keys.getAddress().getPort() + "/jwks";
    int calls = JwtAuthenticator.MAX_JWKS_WAITERS + 8;
    java.util.concurrent.ExecutorService clients =
        java.util.concurrent.Executors.newFixedThreadPool(calls);
    try (CdsServer hanging = CdsServer.builder().port(0).trust(trustAt(dir, Tokens.ISSUER, uri))
        .allowHttpLoopback(true).clock(Tokens.CLOCK).start()) {
      String audience = hanging.baseUrl() + PATH;
      java.util.concurrent.CompletionService<Http.Answer> answers =
          new java.util.concurrent.ExecutorCompletionService<>(clients);
      for (int i = 0; i < calls; i++) {
        String token = tokens.es384(audience);
        answers.submit(() -> Http.get(URI.create(audience), token));
      }
      List<Http.Answer> refusedAtOnce = new java.util.ArrayList<>();
      for (int i = 0; i < calls - JwtAuthenticator.MAX_JWKS_WAITERS; i++) {
        var f = answers.poll(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(f).as("answered while the endpoint still hangs").isNotNull();
        refusedAtOnce.add(f.get());
      }
      boolean stillHanging = release.getCount() == 1;
      release.countDown();
      List<Http.Answer> waited = new java.util.ArrayList<>();
      for (int i = 0; i < JwtAuthenticator.MAX_JWKS_WAITERS; i++) {
        waited.add(answers.poll(30, java.util.concurrent.TimeUnit.SECONDS).get());
      }

      assertThat(stillHanging).isTrue();
      for (Http.Answer a : refusedAtOnce) {
        assertRefused(a, "kid: the issuer's key set is being fetched");
      }
      assertThat(waited).extracting(Http.Answer::status).allMatch(s -> s == 200 || s == 401);
      assertThat(fetches.get()).as("one fetch however many calls").isEqualTo(1);
    } finally {
      release.countDown();
      clients.shutdownNow();
      keys.stop(0);
    }
  }

  @Test
  void given_one_issuers_jwks_endpoint_hanging_then_another_issuers_calls_are_not_held_up(
      @TempDir Path dir) throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    byte[] jwks = tokens.publicKeys().toString(true).getBytes(StandardCharsets.UTF_8);
    HttpServer hanging = keySetEndpoint(exchange -> {
      try {
        release.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    HttpServer healthy = keySetEndpoint(exchange -> {
      exchange.sendResponseHeaders(200, jwks.length);
      exchange.getResponseBody().write(jwks);
      exchange.close();
    });
    String other = "https://other-ehr.example.org";
    try (CdsServer two = CdsServer.builder().port(0).trust(trustAt(dir,
            Tokens.ISSUER, "http://127.0.0.1:" + hanging.getAddress().getPort() + "/jwks",
            other, "http://127.0.0.1:" + healthy.getAddress().getPort() + "/jwks"))
        .allowHttpLoopback(true).clock(Tokens.CLOCK).start()) {
      String audience = two.baseUrl() + PATH;
      java.util.concurrent.CompletableFuture<Http.Answer> held =
          java.util.concurrent.CompletableFuture.supplyAsync(() ->
              Http.get(URI.create(audience), tokens.es384(audience)));
      Thread.sleep(200);
      Http.Answer fromOther = Http.get(URI.create(audience),
          tokens.es384(audience, c -> c.issuer(other)));
      boolean stillHeld = !held.isDone();
      release.countDown();

      assertThat(fromOther.status()).as(fromOther.body()).isEqualTo(200);
      assertThat(stillHeld).as("the first issuer's fetch was still under way").isTrue();
      assertThat(held.get(30, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(401);
    } finally {
      release.countDown();
      hanging.stop(0);
      healthy.stop(0);
    }
  }

  @Test
  void given_a_trust_file_with_a_private_key_or_a_weak_key_then_it_is_refused(
      @TempDir Path dir) throws Exception {
    String privateSet = new JWKSet(tokens.ec).toString(false);
    Path trust = Files.writeString(dir.resolve("trust.json"),
        "{\"issuers\":[{\"iss\":\"x\",\"jwks\":" + privateSet + "}]}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrustConfig.read(trust))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private key");
    var p256 = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
        .keyID("weak").generate().toPublicJWK();
    Path weak = Files.writeString(dir.resolve("weak.json"),
        "{\"issuers\":[{\"iss\":\"x\",\"jwks\":" + new JWKSet(p256) + "}]}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrustConfig.read(weak))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-384");
  }

  @Test
  void given_a_jwks_file_beside_the_trust_file_then_its_keys_are_trusted(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("ehr-keys.json"), tokens.publicKeys().toString(true));
    Path trust = Files.writeString(dir.resolve("trust.json"),
        "{\"issuers\":[{\"iss\":\"" + Tokens.ISSUER + "\",\"jwksFile\":\"ehr-keys.json\"}],"
            + "\"corsOrigins\":[\"https://ehr.example.org\"]}");
    TrustConfig config = TrustConfig.read(trust);
    assertThat(config.issuer(Tokens.ISSUER).jwks().getKeys()).hasSize(2);
    assertThat(config.corsOrigins()).containsExactly("https://ehr.example.org");
  }
}
