package org.botoxeligibility.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers in one JVM share no state (replay cache, fetched keys, audit log), and 32
 * concurrent clients get exactly the cards one client gets sending the same calls in sequence.
 */
class IsolationAndConcurrencyTest {
  static final String PUBLIC_BASE = "https://cds.example.org";

  @Test
  void given_two_servers_in_one_jvm_then_they_share_no_replay_cache_key_cache_or_audit_log(
      @TempDir Path dir) throws Exception {
    Tokens tokens = new Tokens();
    AtomicInteger fetches = new AtomicInteger();
    byte[] jwks = tokens.publicKeys().toString(true).getBytes(StandardCharsets.UTF_8);
    HttpServer keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    keys.createContext("/jwks", exchange -> {
      fetches.incrementAndGet();
      exchange.sendResponseHeaders(200, jwks.length);
      exchange.getResponseBody().write(jwks);
      exchange.close();
    });
    keys.start();
    Path trustFile = Files.writeString(dir.resolve("trust.json"), "{\"issuers\":[{\"iss\":\""
        + Tokens.ISSUER + "\",\"jwksUri\":\"http://127.0.0.1:" + keys.getAddress().getPort()
        + "/jwks\"}]}");
    TrustConfig trust = TrustConfig.read(trustFile);
    Path auditA = dir.resolve("a.ndjson");
    Path auditB = dir.resolve("b.ndjson");
    try (CdsServer a = CdsServer.builder().port(0).baseUrl(PUBLIC_BASE + "/").trust(trust)
            .allowHttpLoopback(true)
            .clock(Tokens.CLOCK).auditLog(auditA).start();
        CdsServer b = CdsServer.builder().port(0).baseUrl(PUBLIC_BASE).trust(trust)
            .allowHttpLoopback(true)
            .clock(Tokens.CLOCK).auditLog(auditB).start()) {
      String path = "/cds-services/" + Services.ORDER_SIGN;
      String token = tokens.es384(PUBLIC_BASE + path);
      String body = Records.indicatorCases("order-sign", "two").get("info");

      Http.Answer first = Http.post(URI.create(a.uri() + path), token, body);
      Http.Answer second = Http.post(URI.create(b.uri() + path), token, body);
      Http.Answer replay = Http.post(URI.create(a.uri() + path), token, body);

      assertThat(a.baseUrl()).isEqualTo(PUBLIC_BASE);
      assertThat(first.status()).as(first.body()).isEqualTo(200);
      assertThat(second.status()).as("the same token is fresh to the other server")
          .isEqualTo(200);
      assertThat(second.body()).isEqualTo(first.body());
      assertThat(replay.status()).isEqualTo(401);
      assertThat(fetches.get()).as("each server fetches the key set once").isEqualTo(2);
      assertThat(Files.readAllLines(auditA)).hasSize(1);
      assertThat(Files.readAllLines(auditB)).hasSize(1);
    } finally {
      keys.stop(0);
    }
  }

  @Test
  void given_two_servers_appending_to_one_audit_file_then_every_line_is_whole(
      @TempDir Path dir) throws Exception {
    Path shared = dir.resolve("shared.ndjson");
    try (CdsServer a = CdsServer.builder().port(0).allowUnauthenticated(true)
            .clock(Tokens.CLOCK).auditLog(shared).start();
        CdsServer b = CdsServer.builder().port(0).allowUnauthenticated(true)
            .clock(Tokens.CLOCK).auditLog(shared).start()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        CdsServer s = i % 2 == 0 ? a : b;
        String body = Records.indicatorCases("order-sign", "shared-" + i).get("info");
        calls.add(pool.submit(() -> Http.post(URI.create(s.uri() + "/cds-services/"
            + Services.ORDER_SIGN), null, body).status()));
      }
      for (Future<Integer> f : calls) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
      }
      pool.shutdown();
    }
    List<String> lines = Files.readAllLines(shared);
    assertThat(lines).hasSize(40);
    for (String line : lines) {
      assertThat(Http.JSON.readTree(line).get("hookInstance").asText()).startsWith("shared-");
    }
  }

  @Test
  void given_32_concurrent_clients_then_the_same_cards_as_one_client_in_sequence()
      throws Exception {
    Tokens tokens = new Tokens();
    try (CdsServer server = CdsServer.builder().port(0).trust(tokens.trust())
        .clock(Tokens.CLOCK).start()) {
      List<String[]> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        for (Map.Entry<String, String> c : Records.indicatorCases(i % 2 == 0 ? "order-sign"
            : "order-select", "c" + i).entrySet()) {
          calls.add(new String[] {i % 2 == 0 ? Services.ORDER_SIGN : Services.ORDER_SELECT,
              c.getValue()});
        }
        calls.add(new String[] {Services.ORDER_SIGN, Records.migraine("m" + i).json()});
      }
      List<String> sequential = new ArrayList<>();
      for (String[] c : calls) {
        sequential.add(send(server, tokens, c));
      }
      ExecutorService clients = Executors.newFixedThreadPool(32);
      List<Future<List<String>>> results = new ArrayList<>();
      for (int client = 0; client < 32; client++) {
        results.add(clients.submit(() -> {
          List<String> got = new ArrayList<>();
          for (String[] c : calls) {
            got.add(send(server, tokens, c));
          }
          return got;
        }));
      }
      for (Future<List<String>> r : results) {
        assertThat(r.get(120, TimeUnit.SECONDS)).isEqualTo(sequential);
      }
      clients.shutdown();
      assertThat(sequential).allMatch(s -> s.startsWith("200 {\"cards\":[{"));
    }
  }

  private static String send(CdsServer server, Tokens tokens, String[] call) {
    String path = "/cds-services/" + call[0];
    Http.Answer a = Http.post(URI.create(server.baseUrl() + path),
        tokens.es384(server.baseUrl() + path), call[1]);
    return a.status() + " " + a.body();
  }
}
