package org.botoxeligibility.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.botoxeligibility.server.CdsServer;
import org.botoxeligibility.server.TrustConfig;

/**
 * Load on the CDS Hooks service, on 127.0.0.1 only, bounded in count and time: a server in this
 * JVM with a generated EHR key in its trust, and C clients (default 32) each sending order-sign
 * calls with the realistic prefetch of examples/cds-hooks/order-sign-request.json, every call
 * with a freshly signed JWT (ES384 by default) and its own hookInstance, until N calls (default
 * 100,000) are done or 600 s have passed. The first 2,000 calls warm the JIT and are not counted.
 * Prints p50, p90, p99, max, calls/s, errors, and the heap used after a full GC at each quarter.
 *
 * <p>Usage: {@code java -cp ... org.botoxeligibility.bench.CdsLoadBenchmark [N] [C] [ES384|RS384]}
 * from the project's folder.
 */
public final class CdsLoadBenchmark {
  private static final String ISSUER = "https://ehr.example.org";
  private static final String EXAMPLE_INSTANCE = "d6bd9c52-6a7e-4a3c-9d0f-3f1f2b6f0c11";

  private CdsLoadBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args N calls, C clients, the algorithm, and "presigned" to sign the tokens before
   *     each chunk of calls is sent (outside the timed window)
   * @throws Exception when it cannot run
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    JWSAlgorithm alg = JWSAlgorithm.parse(args.length > 2 ? args[2] : "ES384");
    int warmUp = 2_000;
    String request = Files.readString(Path.of("examples/cds-hooks/order-sign-request.json"));

    ECKey ec = new ECKeyGenerator(Curve.P_384).keyID("ec").generate();
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
    TrustConfig trust = new TrustConfig(List.of(new TrustConfig.Issuer(ISSUER,
        new JWKSet(List.<JWK>of(ec.toPublicJWK(), rsa.toPublicJWK())), null)), List.of());
    try (CdsServer server = CdsServer.builder().host("127.0.0.1").port(0).trust(trust)
        .start()) {
      String path = "/cds-services/botox-eligibility-order-sign";
      URI uri = URI.create(server.baseUrl() + path);
      String audience = server.baseUrl() + path;
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
          })).connectTimeout(Duration.ofSeconds(5))
          .build();
      boolean presign = args.length > 3 && args[3].equals("presigned");
      AtomicInteger next = new AtomicInteger();
      AtomicInteger errors = new AtomicInteger();
      long[] latencies = new long[n];
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      List<String> heap = new ArrayList<>();
      heap.add("start " + usedMiB(memory));
      int[] quarters = {warmUp + n / 4, warmUp + n / 2, warmUp + 3 * n / 4};
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      // With "presigned", the tokens of each chunk of calls are signed before the chunk is sent,
      // outside the timed window: an EHR signs on its own machine, not on the service's cores.
      int chunk = presign ? 5_000 : n + warmUp;
      long timedNanos = 0;
      for (int from = 0; from < n + warmUp && System.nanoTime() < deadline; from += chunk) {
        int to = Math.min(n + warmUp, from + chunk);
        String[] tokens = new String[to - from];
        if (presign) {
          List<Future<?>> signing = new ArrayList<>();
          for (int k = 0; k < tokens.length; k++) {
            int slot = k;
            signing.add(pool.submit(() -> {
              tokens[slot] = sign(alg, ec, rsa, audience);
              return null;
            }));
          }
          for (Future<?> f : signing) {
            f.get();
          }
        }
        int first = from;
        int last = to;
        long chunkStart = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
          running.add(pool.submit(() -> {
            while (System.nanoTime() < deadline) {
              int i = next.getAndIncrement();
              if (i >= last) {
                next.decrementAndGet();
                return null;
              }
              for (int q : quarters) {
                if (i == q) {
                  synchronized (heap) {
                    heap.add(String.format(Locale.ROOT, "%,d calls %d", i - warmUp,
                        usedMiB(memory)));
                  }
                }
              }
              String body = request.replace(EXAMPLE_INSTANCE, "bench-" + i);
              long start = System.nanoTime();
              try {
                String token = presign ? tokens[i - first] : sign(alg, ec, rsa, audience);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() != 200 || !r.body().startsWith("{\"cards\":[{")) {
                  errors.incrementAndGet();
                }
              } catch (Exception e) {
                errors.incrementAndGet();
              }
              if (i >= warmUp) {
                latencies[i - warmUp] = System.nanoTime() - start;
              }
            }
            return null;
          }));
        }
        for (Future<?> f : running) {
          f.get();
        }
        // the warm-up calls are not timed: count from the chunk that holds the first counted call
        long chunkEnd = System.nanoTime();
        if (last > warmUp) {
          double counted = (double) (last - Math.max(first, warmUp)) / (last - first);
          timedNanos += (long) ((chunkEnd - chunkStart) * counted);
        }
      }
      pool.shutdown();
      heap.add(String.format(Locale.ROOT, "%,d calls %d", n, usedMiB(memory)));
      int done = Math.min(n, Math.max(0, next.get() - warmUp));
      long[] measured = Arrays.copyOf(latencies, done);
      Arrays.sort(measured);
      double seconds = timedNanos / 1e9;
      System.out.printf(Locale.ROOT,
          "calls %,d (after %,d warm-up), clients %d, %s%s, %d cores%n", done, warmUp, clients,
          alg, presign ? " presigned outside the timed window" : " signed by the clients",
          Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          pct(measured, 50), pct(measured, 90), pct(measured, 99),
          measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6);
      System.out.printf(Locale.ROOT, "%.0f calls/s, %d errors%n", done / seconds, errors.get());
      System.out.println("heap used after full GC (MiB): " + String.join("; ", heap));
    }
  }

  private static String sign(JWSAlgorithm alg, ECKey ec, RSAKey rsa, String audience)
      throws Exception {
    Date now = new Date();
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience)
        .issueTime(now).expirationTime(new Date(now.getTime() + 240_000))
        .jwtID(UUID.randomUUID().toString()).build();
    boolean rs = JWSAlgorithm.RS384.equals(alg);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(rs ? "rsa" : "ec")
        .type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(rs ? new RSASSASigner(rsa) : new ECDSASigner(ec));
    return jwt.serialize();
  }

  private static long usedMiB(MemoryMXBean memory) {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, i)] / 1e6;
  }
}
