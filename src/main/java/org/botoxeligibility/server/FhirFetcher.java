package org.botoxeligibility.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Fetches the prefetch keys an EHR did not send from its FHIR server (cds-hooks.md §3), with
 * HAPI's generic client: the call's bearer token, 2 s to connect, 5 s to read, the keys in
 * parallel, within what is left of the call's time. The token is given to the request's own
 * client and nothing else keeps it. One per server, with its own FHIR context (whose parser
 * reports nothing: HAPI's default handler logs values it cannot read) and its own connection pool.
 */
final class FhirFetcher implements AutoCloseable {
  static final int CONNECT_MILLIS = 2_000;
  static final int READ_MILLIS = 5_000;
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");

  private final ThreadPoolExecutor pool;
  private ApacheRestfulClientFactory factory;
  private FhirContext context;

  FhirFetcher(String name) {
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(0, 64, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, name + "-fhir-fetch-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** The FHIR context and client factory, made on the first fetch (a context costs a second). */
  private synchronized ApacheRestfulClientFactory factory() {
    if (factory == null) {
      context = FhirContext.forR4();
      context.setParserErrorHandler(new ErrorHandlerAdapter());
      ApacheRestfulClientFactory f = new ApacheRestfulClientFactory(context);
      f.setConnectTimeout(CONNECT_MILLIS);
      f.setConnectionRequestTimeout(CONNECT_MILLIS);
      f.setSocketTimeout(READ_MILLIS);
      f.setServerValidationMode(ServerValidationModeEnum.NEVER);
      factory = f;
    }
    return factory;
  }

  /**
   * Fetches the missing keys.
   *
   * @param call the call, with its fhirServer, token and patient id
   * @param keys the missing keys
   * @param deadlineNanos when the call's time is up ({@link System#nanoTime()})
   * @return each key's resource or Bundle as JSON
   * @throws CallRefused 412 naming the keys that could not be fetched, and why
   */
  Map<String, JsonNode> fetch(HookCall call, List<String> keys, long deadlineNanos)
      throws CallRefused {
    if (call.fhirServer() == null || call.accessToken() == null) {
      throw preconditionFailed(keys, "the call has no "
          + (call.fhirServer() == null ? "fhirServer" : "fhirAuthorization")
          + " to fetch them from");
    }
    String base = call.fhirServer();
    if (!acceptable(base)) {
      throw preconditionFailed(keys, "fhirServer is not an https URL (plain http only on "
          + "this machine's loopback address)");
    }
    if (call.patientId() == null || !FHIR_ID.matcher(call.patientId()).matches()) {
      throw preconditionFailed(keys, "context.patientId is missing or not a FHIR id");
    }
    ApacheRestfulClientFactory clients = factory();
    Map<String, Future<JsonNode>> running = new LinkedHashMap<>();
    for (String key : keys) {
      String query = Services.PREFETCH.get(key).replace("{{context.patientId}}",
          call.patientId());
      running.put(key, pool.submit(() -> one(clients, base, call.accessToken(), query)));
    }
    Map<String, JsonNode> fetched = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    String why = null;
    for (Map.Entry<String, Future<JsonNode>> e : running.entrySet()) {
      long left = deadlineNanos - System.nanoTime();
      try {
        fetched.put(e.getKey(), e.getValue().get(Math.max(0, left), TimeUnit.NANOSECONDS));
      } catch (TimeoutException ex) {
        e.getValue().cancel(true);
        failed.add(e.getKey());
        why = "the FHIR server did not answer in time";
      } catch (ExecutionException ex) {
        failed.add(e.getKey());
        if (why == null) {
          why = describe(ex.getCause());
        }
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        failed.add(e.getKey());
        why = "the call was interrupted";
      }
    }
    if (!failed.isEmpty()) {
      throw preconditionFailed(failed, "fetching them from fhirServer failed: " + why);
    }
    return fetched;
  }

  private JsonNode one(ApacheRestfulClientFactory clients, String base, String token,
      String query) throws Exception {
    IGenericClient client = clients.newGenericClient(base);
    client.setEncoding(EncodingEnum.JSON);
    client.registerInterceptor(new BearerTokenAuthInterceptor(token));
    IBaseResource resource;
    if (query.startsWith("Patient/")) {
      resource = client.read().resource("Patient").withId(query.substring("Patient/".length()))
          .execute();
    } else {
      resource = client.search().byUrl(query).returnBundle(Bundle.class).execute();
    }
    String json = context.newJsonParser().encodeResourceToString(resource);
    return HookCall.JSON.readTree(json);
  }

  /** The kind of failure in words: never the server's message, which may echo the query. */
  private static String describe(Throwable e) {
    if (e instanceof ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException r
        && r.getStatusCode() > 0) {
      return "HTTP " + r.getStatusCode();
    }
    if (e instanceof ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException) {
      return "no connection (or no answer within " + READ_MILLIS / 1000 + " s)";
    }
    return e == null ? "unknown" : e.getClass().getSimpleName();
  }

  private static boolean acceptable(String base) {
    try {
      URI uri = new URI(base);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return uri.getHost() != null && uri.getRawUserInfo() == null
          && (scheme.equals("https") || scheme.equals("http") && Loopback.is(uri.getHost()));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static CallRefused preconditionFailed(List<String> keys, String why) {
    return new CallRefused(412, "incomplete", "prefetch keys not sent and not fetched: "
        + String.join(", ", keys) + "; " + why);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
