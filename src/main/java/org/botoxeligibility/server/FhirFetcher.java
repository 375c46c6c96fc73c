package org.botoxeligibility.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Fetches the prefetch keys an EHR did not send from its FHIR server (cds-hooks.md §3, §6), with
 * the JDK's HTTP client rather than HAPI's generic client: only a client whose every exchange can
 * be aborted at a deadline (closing its socket), whose body is counted while it streams, and which
 * follows no redirect by itself lets the service keep the limits below; HAPI's client blocks in a
 * socket read that cancelling does not interrupt, reads whole bodies, and follows redirects with
 * the token. The rules, each checked before anything is sent:
 *
 * <ul>
 *   <li>never without an authenticated issuer ({@code --allow-unauthenticated} calls never fetch);
 *   <li>{@code fhirServer} a base URL without query or fragment, listed for the call's issuer in
 *       the trust file ({@code fhirServers}, compared in normal form);
 *   <li>{@code https}, or plain {@code http} to this machine's loopback address when allowed
 *       ({@code --allow-http-loopback}, development);
 *   <li>at most {@link #MAX_REDIRECTS} redirects, each within the base URL's origin (scheme, host,
 *       port): the token goes to that origin only;
 *   <li>one deadline for all the call's fetches, after which every exchange still running is
 *       aborted and its connection closed; a byte cap per response, counted after decompression
 *       as the body arrives.
 * </ul>
 *
 * <p>The keys are fetched in parallel; the first failure aborts the others. A 412 names the keys
 * and the kind of failure (not listed, connection refused, name not resolved, deadline, size, an
 * HTTP status) in the service's own words, never the server's answer. One HTTP client, and so one
 * connection pool, per FHIR origin; the token is put on each request and kept nowhere else.
 * Thread-safe; one per server.
 */
final class FhirFetcher implements AutoCloseable {
  /** How long a connection may take to open (within the call's deadline). */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** Redirects followed at most per key, each within the base URL's origin. */
  static final int MAX_REDIRECTS = 3;
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");

  private final long maxBytes;
  private final boolean allowHttpLoopback;
  private final ExecutorService executor;
  /** One client (and connection pool) per FHIR origin. */
  private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
  private volatile boolean closed;

  FhirFetcher(String name, long maxBytes, boolean allowHttpLoopback) {
    this.maxBytes = maxBytes;
    this.allowHttpLoopback = allowHttpLoopback;
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, name + "-fhir-fetch-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Fetches the missing keys.
   *
   * @param call the call, with its fhirServer, token and patient id
   * @param keys the missing keys
   * @param issuer the issuer that authenticated the call, or null when calls are not
   *     authenticated
   * @param deadlineNanos when the fetches' time is up ({@link System#nanoTime()})
   * @return each key's resource or Bundle as JSON
   * @throws CallRefused 412 naming the keys that could not be fetched, and why
   */
  Map<String, JsonNode> fetch(HookCall call, List<String> keys, TrustConfig.Issuer issuer,
      long deadlineNanos) throws CallRefused {
    if (issuer == null) {
      throw preconditionFailed(keys, "this service fetches nothing for calls it does not "
          + "authenticate (it runs with --allow-unauthenticated); send every key");
    }
    if (call.fhirServer() == null) {
      throw preconditionFailed(keys, "the call has no fhirServer to fetch them from");
    }
    FhirServerUrl base;
    try {
      base = FhirServerUrl.parse(call.fhirServer());
    } catch (FhirServerUrl.Refused e) {
      throw preconditionFailed(keys, "fhirServer " + e.getMessage() + "; nothing was fetched");
    }
    if (!issuer.lists(base)) {
      throw preconditionFailed(keys, "fhirServer is not listed for the issuer in this "
          + "service's trust file (fhirServers); nothing was sent to it");
    }
    if (base.plainHttp() && !(allowHttpLoopback && base.loopback())) {
      throw preconditionFailed(keys, "fhirServer is plain http; this service fetches over "
          + "https only (plain http to this machine's loopback address only when started "
          + "with --allow-http-loopback)");
    }
    if (call.accessToken() == null) {
      throw preconditionFailed(keys, "the call has no fhirAuthorization to fetch them with");
    }
    if (call.patientId() == null || !FHIR_ID.matcher(call.patientId()).matches()) {
      throw preconditionFailed(keys, "context.patientId is missing or not a FHIR id");
    }
    if (closed) {
      throw preconditionFailed(keys, "the service is stopping");
    }
    HttpClient client = clients.computeIfAbsent(base.origin(), origin -> HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .executor(executor)
        .build());
    Map<String, Fetch> running = new LinkedHashMap<>();
    for (String key : keys) {
      Fetch f = new Fetch(key, client, base, call.accessToken(), deadlineNanos);
      running.put(key, f);
      f.start(base.resolve(query(key, call.patientId())));
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(running.values().stream()
        .map(f -> f.result).toArray(CompletableFuture[]::new));
    // the first failure ends the wait: every key is needed
    CompletableFuture<Object> firstFailure = new CompletableFuture<>();
    for (Fetch f : running.values()) {
      f.result.whenComplete((v, e) -> {
        if (e != null) {
          firstFailure.complete(f);
        }
      });
    }
    try {
      CompletableFuture.anyOf(all, firstFailure).get(
          Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // handled below: every unfinished key fails with the deadline
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // a key failed (allOf completed exceptionally): handled below
    }
    BoundedGet.Failure deadline = new BoundedGet.Failure("the FHIR server did not answer "
        + "within the call's time");
    Map<String, JsonNode> fetched = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    for (Fetch f : running.values()) {
      if (!f.result.isDone()) {
        f.abort(deadline);
      }
    }
    // the failure to name: the first of its own kind, else the deadline, else an abort
    String why = null;
    int rank = 0;
    for (Fetch f : running.values()) {
      if (f.result.isDone() && !f.result.isCompletedExceptionally()) {
        fetched.put(f.key, f.result.join());
        continue;
      }
      failed.add(f.key);
      String described = describe(f.failure());
      int r = described.equals(ABORTED) ? 1 : described.equals(deadline.getMessage()) ? 2 : 3;
      if (r > rank) {
        rank = r;
        why = described;
      }
    }
    if (!failed.isEmpty()) {
      throw preconditionFailed(failed, "fetching them from fhirServer failed: " + why);
    }
    return fetched;
  }

  /** The words of a key aborted because another key had failed first. */
  private static final String ABORTED = "another key could not be fetched";

  /** The relative URL of a key: its template with the patient id, its query encoded. */
  static String query(String key, String patientId) {
    String template = Services.PREFETCH.get(key).replace("{{context.patientId}}", patientId);
    int q = template.indexOf('?');
    if (q < 0) {
      return template;
    }
    StringBuilder s = new StringBuilder(template.substring(0, q + 1));
    String[] params = template.substring(q + 1).split("&");
    for (int i = 0; i < params.length; i++) {
      int eq = params[i].indexOf('=');
      if (i > 0) {
        s.append('&');
      }
      s.append(params[i], 0, eq + 1).append(encode(params[i].substring(eq + 1)));
    }
    return s.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2C", ",")
        .replace("%3A", ":").replace("%2F", "/");
  }

  /** One key's fetch: its exchanges (the first, then each redirect) and its result. */
  private final class Fetch {
    final String key;
    final CompletableFuture<JsonNode> result = new CompletableFuture<>();
    private final HttpClient client;
    private final FhirServerUrl base;
    private final String token;
    private final long deadlineNanos;
    private volatile BoundedGet current;
    private volatile boolean aborted;
    private int redirects;

    Fetch(String key, HttpClient client, FhirServerUrl base, String token, long deadlineNanos) {
      this.key = key;
      this.client = client;
      this.base = base;
      this.token = token;
      this.deadlineNanos = deadlineNanos;
    }

    void start(URI uri) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        fail(new BoundedGet.Failure("the FHIR server did not answer within the call's time"));
        return;
      }
      HttpRequest request;
      try {
        request = HttpRequest.newBuilder(uri).GET()
            .timeout(Duration.ofNanos(left))
            .header("Accept", "application/fhir+json")
            .header("Accept-Encoding", "gzip")
            .header("Authorization", "Bearer " + token)
            .build();
      } catch (IllegalArgumentException e) {
        fail(new BoundedGet.Failure("the access token cannot be sent in an HTTP header"));
        return;
      }
      if (aborted || closed) {
        fail(new BoundedGet.Failure(ABORTED));
        return;
      }
      BoundedGet get = BoundedGet.send(client, request, maxBytes);
      current = get;
      if (aborted) {
        get.abort(new BoundedGet.Failure(ABORTED));
      }
      get.result().whenComplete((outcome, failure) -> {
        if (failure != null) {
          fail(failure);
        } else {
          answered(uri, outcome);
        }
      });
    }

    private void answered(URI uri, BoundedGet.Outcome outcome) {
      if (outcome instanceof BoundedGet.Body body) {
        JsonNode json;
        try {
          json = HookCall.JSON.readTree(body.bytes());
        } catch (IOException | RuntimeException e) {
          fail(new BoundedGet.Failure("the FHIR server's answer is not JSON"));
          return;
        }
        String expected = key.equals("patient") ? "Patient" : "Bundle";
        if (json == null || !json.isObject()
            || !expected.equals(json.path("resourceType").asText())) {
          fail(new BoundedGet.Failure("the FHIR server's answer for " + key + " is not a "
              + expected));
          return;
        }
        result.complete(json);
      } else if (outcome instanceof BoundedGet.Redirect redirect) {
        follow(uri, redirect);
      } else {
        int status = ((BoundedGet.Status) outcome).status();
        fail(new BoundedGet.Failure("the FHIR server answered HTTP " + status
            + (status == 401 || status == 403 ? " (the access token was refused)"
            : status == 404 ? " (not found)" : "")));
      }
    }

    private void follow(URI from, BoundedGet.Redirect redirect) {
      if (++redirects > MAX_REDIRECTS) {
        fail(new BoundedGet.Failure("the FHIR server redirected more than " + MAX_REDIRECTS
            + " times"));
        return;
      }
      URI target;
      try {
        if (redirect.location() == null) {
          throw new URISyntaxException("", "no Location");
        }
        target = from.resolve(new URI(redirect.location().trim()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        fail(new BoundedGet.Failure("the FHIR server redirected without a usable Location"));
        return;
      }
      if (!base.origin().equals(FhirServerUrl.originOf(target))
          || target.getRawUserInfo() != null) {
        fail(new BoundedGet.Failure("the FHIR server redirected to another origin; the "
            + "redirect was not followed and the token was not sent there"));
        return;
      }
      start(target);
    }

    private void fail(Throwable failure) {
      result.completeExceptionally(failure);
    }

    void abort(BoundedGet.Failure why) {
      aborted = true;
      result.completeExceptionally(why);
      BoundedGet get = current;
      if (get != null) {
        get.abort(why);
      }
    }

    Throwable failure() {
      try {
        result.join();
        return null;
      } catch (CompletionException | CancellationException e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      }
    }
  }

  /** The kind of failure in words: never the server's message, which may echo the query. */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BoundedGet.TooLarge f) {
        return "the FHIR server's " + f.getMessage().substring("the ".length())
            + " (maxFhirResponseBytes)";
      }
      if (t instanceof BoundedGet.Failure f) {
        return f.getMessage().startsWith("the answer ")
            ? "the FHIR server's " + f.getMessage().substring("the ".length()) : f.getMessage();
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection to the FHIR server could be opened in time";
      }
      if (t instanceof HttpTimeoutException) {
        return "the FHIR server did not answer within the call's time";
      }
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "the FHIR server's host name does not resolve";
      }
      if (t instanceof SSLException) {
        return "the TLS handshake with the FHIR server failed";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "the FHIR server refused the connection (nothing listens there)";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return "the connection to the FHIR server failed (" + t.getClass().getSimpleName()
            + ")";
      }
    }
    return e == null ? "unknown" : "the fetch failed (" + e.getClass().getSimpleName() + ")";
  }

  private static CallRefused preconditionFailed(List<String> keys, String why) {
    return new CallRefused(412, "incomplete", "prefetch keys not sent and not fetched: "
        + String.join(", ", keys) + "; " + why);
  }

  /** Stops fetching: running exchanges end when their connections close with the executor. */
  @Override
  public void close() {
    closed = true;
    clients.clear();
    executor.shutdownNow();
  }
}
