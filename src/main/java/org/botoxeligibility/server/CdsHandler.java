package org.botoxeligibility.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.EvaluationException;
import org.botoxeligibility.assessment.InvalidIntakeException;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.fhir.FhirIntakeMapper;
import org.botoxeligibility.fhir.Mapping;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the service's endpoints (cds-hooks.md): {@code GET /health}, {@code GET /cds-services},
 * {@code POST /cds-services/{id}}, {@code POST /cds-services/{id}/feedback}, and CORS preflights.
 * When several errors apply, the first of 400 (two Authorization headers), 401/403, 404, 405, 415,
 * 413, 408, 400, {@code 200 {"cards": []}}, 412, 422 answers. Errors are OperationOutcomes whose
 * sentences never quote the caller's record. Logs name the hookInstance and the intake id only.
 *
 * <p>Connections: a body is read without blocking a thread on the socket, within the call's
 * deadline and the size limit. A call refused before its body was read (or for a body over the
 * limit) has the body read and dropped first, within the deadline and four times the limit, so
 * that the client reads its answer after it has sent all it had and the connection stays usable;
 * when the server will close the connection after an answer (a body larger than that or too
 * slow, or announced with {@code Expect: 100-continue}), the answer says {@code Connection:
 * close}. Every answer carries {@code
 * X-Content-Type-Options: nosniff}.
 */
final class CdsHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(CdsHandler.class);
  /** The access log: method, route, status, time, hookInstance, intake id; nothing else. */
  private static final Logger ACCESS = LoggerFactory.getLogger("org.botoxeligibility.server.access");
  private static final String JSON = "application/json; charset=utf-8";
  private static final String CDS_SERVICES = "/cds-services";
  /** Tells browsers not to read an answer as another type than it says. */
  static final String NOSNIFF = "X-Content-Type-Options";

  private final EligibilityEngine engine;
  private final FhirIntakeMapper mapper;
  private final JwtAuthenticator authenticator;
  private final FhirFetcher fetcher;
  private final CdsAuditLog audit;
  private final Cards cards = new Cards();
  private final Clock clock;
  private final List<String> corsOrigins;
  private final int maxBodyBytes;
  /** How much of a body the service reads only to drop it, so the connection stays usable. */
  private final long drainLimit;
  private final long timeoutNanos;
  private final long fetchTimeoutNanos;
  private final byte[] discovery;
  private final byte[] health;
  private volatile String baseUrl;

  CdsHandler(EligibilityEngine engine, FhirIntakeMapper mapper, JwtAuthenticator authenticator,
      FhirFetcher fetcher, CdsAuditLog audit, Clock clock, List<String> corsOrigins,
      int maxBodyBytes, long timeoutMillis, long fetchTimeoutMillis) {
    super(InvocationType.BLOCKING);
    this.engine = engine;
    this.mapper = mapper;
    this.authenticator = authenticator;
    this.fetcher = fetcher;
    this.audit = audit;
    this.clock = clock;
    this.corsOrigins = List.copyOf(corsOrigins);
    this.maxBodyBytes = maxBodyBytes;
    this.drainLimit = 4L * maxBodyBytes;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.fetchTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(Math.min(fetchTimeoutMillis,
        timeoutMillis));
    this.discovery = Services.discovery(engine.knowledgeBaseVersion());
    this.health = ("{\"status\":\"UP\",\"knowledgeBaseVersion\":\""
        + engine.knowledgeBaseVersion() + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** The public base URL that JWT audiences are checked against; set once the port is known. */
  void baseUrl(String value) {
    baseUrl = value;
  }

  /** What the access log may say of a call, and what the handler knows of its body. */
  private static final class Trace {
    String route = "(other path)";
    String hookInstance;
    String intakeId;
    /** The body has been read to its end. */
    boolean bodyRead;
    long deadline;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    Trace trace = new Trace();
    trace.deadline = start + timeoutNanos;
    response.getHeaders().put(NOSNIFF, "nosniff");
    int status;
    try {
      cors(request, response);
      status = route(request, response, callback, trace, start);
    } catch (CallRefused e) {
      status = refuse(request, response, callback, e, trace);
    } catch (Throwable e) {
      // the type only: a message may quote patient data
      LOG.error("call {} failed unexpectedly: {}", trace.hookInstance == null ? "(before parse)"
          : trace.hookInstance, e.getClass().getName());
      status = refuse(request, response, callback, new CallRefused(500, "exception",
          "the service failed unexpectedly; no cards are given for this call"), trace);
    }
    if (ACCESS.isInfoEnabled()) {
      ACCESS.info("{} {} {} {} ms{}{}", method(request), trace.route, status,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          trace.hookInstance == null ? "" : " hookInstance=" + trace.hookInstance,
          trace.intakeId == null ? "" : " intakeId=" + trace.intakeId);
    }
    return true;
  }

  private int route(Request request, Response response, Callback callback, Trace trace,
      long start) throws Exception {
    String path = request.getHttpURI().getCanonicalPath();
    String method = request.getMethod();
    if (path == null) {
      path = "";
    }
    if (method.equals("OPTIONS")) {
      trace.route = "(preflight)";
      return send(request, response, callback, trace, 204, null, null);
    }
    if (path.equals("/health")) {
      trace.route = "/health";
      requireMethod(method, "GET");
      return send(request, response, callback, trace, 200, JSON, health);
    }
    trace.route = routeOf(path);
    if (request.getHeaders().getValuesList(HttpHeader.AUTHORIZATION).size() > 1) {
      throw new CallRefused(400, "invalid", "the request has more than one Authorization "
          + "header; send one bearer token");
    }
    TrustConfig.Issuer issuer = null;
    if (authenticator != null) {
      issuer = authenticator.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION),
          baseUrl + path).issuer();
    }
    if (path.equals(CDS_SERVICES)) {
      trace.route = CDS_SERVICES;
      requireMethod(method, "GET");
      return send(request, response, callback, trace, 200, JSON, discovery);
    }
    if (!path.startsWith(CDS_SERVICES + "/")) {
      throw new CallRefused(404, "not-found", "no such endpoint; see GET /cds-services");
    }
    String rest = path.substring(CDS_SERVICES.length() + 1);
    boolean feedback = rest.endsWith("/feedback");
    String id = feedback ? rest.substring(0, rest.length() - "/feedback".length()) : rest;
    Services.Service service = Services.byId(id);
    if (service == null) {
      trace.route = CDS_SERVICES + "/(unknown)" + (feedback ? "/feedback" : "");
      throw new CallRefused(404, "not-found", "no such CDS service; the services are "
          + Services.ORDER_SELECT + " and " + Services.ORDER_SIGN);
    }
    trace.route = CDS_SERVICES + "/" + service.id() + (feedback ? "/feedback" : "");
    requireMethod(method, "POST");
    requireJson(request);
    byte[] body = body(request, trace);
    if (feedback) {
      List<Feedback.Item> items = Feedback.parse(body);
      if (audit != null) {
        for (Feedback.Item item : items) {
          audit.feedback(service.id(), item);
        }
      }
      return send(request, response, callback, trace, 200, JSON,
          "{}".getBytes(StandardCharsets.UTF_8));
    }
    HookCall call = HookCall.parse(body, service);
    trace.hookInstance = call.hookInstance();
    trace.intakeId = "cds-" + call.hookInstance();
    return send(request, response, callback, trace, 200, JSON,
        answer(call, issuer, start));
  }

  /** The route of a path as the access log names it: never the path itself, unless known. */
  private static String routeOf(String path) {
    if (path.equals(CDS_SERVICES)) {
      return CDS_SERVICES;
    }
    if (path.startsWith(CDS_SERVICES + "/")) {
      String rest = path.substring(CDS_SERVICES.length() + 1);
      boolean feedback = rest.endsWith("/feedback");
      String id = feedback ? rest.substring(0, rest.length() - "/feedback".length()) : rest;
      return CDS_SERVICES + "/" + (Services.byId(id) != null ? id : "(unknown)")
          + (feedback ? "/feedback" : "");
    }
    return "(other path)";
  }

  /** The cards of a call, or the refusal that applies first. */
  private byte[] answer(HookCall call, TrustConfig.Issuer issuer, long start)
      throws CallRefused {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    FhirIntakeMapper.Options options = FhirIntakeMapper.Options.orders()
        .withIntakeId("cds-" + call.hookInstance());
    if (call.selects()) {
      options = options.withSelectedOrders(call.selections());
    } else {
      options = options.signing();
    }
    List<String> missing = PatientRecord.missingKeys(call);
    Map<String, JsonNode> fetched = Map.of();
    if (!missing.isEmpty()) {
      // no toxin order answers 200 before a missing key answers 412
      Mapping first = mapper.map(PatientRecord.bundle(call, Map.of()), today, options);
      if (first.outcome() == Mapping.Outcome.NO_TOXIN_ORDER) {
        LOG.debug("call {}: no botulinum toxin order", call.hookInstance());
        return Cards.none();
      }
      fetched = fetcher.fetch(call, missing, issuer, start + fetchTimeoutNanos);
    }
    Mapping mapping = mapper.map(PatientRecord.bundle(call, fetched), today, options);
    if (mapping.outcome() == Mapping.Outcome.NO_TOXIN_ORDER
        || mapping.outcome() == Mapping.Outcome.NOTHING_TO_SCREEN) {
      LOG.debug("call {}: no botulinum toxin order", call.hookInstance());
      return Cards.none();
    }
    if (!mapping.valid()) {
      throw unprocessable(mapping.problems(), "the record could not be mapped to an intake");
    }
    Assessment assessment;
    try {
      if (audit != null) {
        assessment = audit.during(call.hook(), call.hookInstance(),
            () -> engine.evaluate(mapping.intake()));
      } else {
        assessment = engine.evaluate(mapping.intake());
      }
    } catch (InvalidIntakeException e) {
      throw unprocessable(e.problems(), "the intake made from the record is invalid");
    } catch (EvaluationException e) {
      LOG.error("call {}: the evaluation of intake {} failed", call.hookInstance(),
          mapping.intake().intakeId());
      throw new CallRefused(500, "exception", "the evaluation failed; no cards are given for "
          + "this call");
    }
    Assessment cited = assessment.withProvenance(mapping.provenance());
    return cards.response(cited, call.hookInstance(),
        (index, concernId) -> order(call, mapping, index, concernId));
  }

  private static CallRefused unprocessable(List<Problem> problems, String fallback) {
    List<CallRefused.Issue> issues = new ArrayList<>();
    for (Problem p : problems) {
      // the path and what was expected there: never a value of the caller's record
      issues.add(new CallRefused.Issue("processing", ProblemText.of(p), p.path()));
    }
    if (issues.isEmpty()) {
      issues.add(new CallRefused.Issue("processing", fallback, null));
    }
    return new CallRefused(422, issues);
  }

  /**
   * The draft order behind a concern: the MedicationRequest or ServiceRequest of the draft
   * orders whose id is the concern's, else the order the mapping names as the concern's source.
   */
  private static String order(HookCall call, Mapping mapping, int index, String concernId) {
    String found = null;
    for (JsonNode entry : call.draftOrders().path("entry")) {
      JsonNode resource = entry.path("resource");
      String type = resource.path("resourceType").asText();
      if ((type.equals("MedicationRequest") || type.equals("ServiceRequest"))
          && concernId.equals(resource.path("id").asText())) {
        if (found != null) {
          found = null;
          break;
        }
        found = type + "/" + concernId;
      }
    }
    if (found != null) {
      return found;
    }
    for (String key : List.of("/concerns/" + index + "/id", "/concerns/" + index)) {
      for (String resource : mapping.provenance().getOrDefault(key, List.of())) {
        if (resource.startsWith("MedicationRequest/") || resource.startsWith("ServiceRequest/")) {
          return resource;
        }
      }
    }
    return null;
  }

  /** The body, at most the limit (413), read within the call's time (408). */
  private byte[] body(Request request, Trace trace) throws CallRefused {
    if (request.getLength() > maxBodyBytes) {
      // the body is dropped when the answer is sent (send), as far as it can be
      throw tooLarge();
    }
    BodyReader reader = new BodyReader(request, maxBodyBytes, true);
    switch (reader.readUntil(trace.deadline)) {
      case COMPLETE -> {
        trace.bodyRead = true;
        return reader.bytes();
      }
      case TOO_LARGE -> throw tooLarge(); // the rest is dropped by send
      case TIMEOUT -> throw new CallRefused(408, "timeout",
          "the request body did not arrive in time");
      default -> throw new CallRefused(408, "timeout", "the request body could not be read");
    }
  }

  /**
   * Reads a request body (or drops it) without blocking a thread on the socket: the chunks
   * Jetty has are taken at once, and the reader asks to be called back for more; the caller
   * waits for the end at most until its deadline.
   */
  private static final class BodyReader implements Runnable {
    enum Result { COMPLETE, TOO_LARGE, TIMEOUT, FAILED }

    private final Request request;
    private final long limit;
    private final boolean keep;
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private volatile boolean stopped;
    private byte[] buffer;
    private int length;
    private long total;

    BodyReader(Request request, long limit, boolean keep) {
      this.request = request;
      this.limit = limit;
      this.keep = keep;
      long declared = request.getLength();
      this.buffer = keep ? new byte[(int) Math.min(Math.max(declared, 8192), limit)] : null;
    }

    Result readUntil(long deadlineNanos) {
      run();
      try {
        return done.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        stopped = true;
        return Result.TIMEOUT;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
        return Result.FAILED;
      } catch (ExecutionException e) {
        return Result.FAILED;
      }
    }

    byte[] bytes() {
      return java.util.Arrays.copyOf(buffer, length);
    }

    @Override
    public void run() {
      while (!stopped && !done.isDone()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          done.complete(Result.FAILED);
          return;
        }
        ByteBuffer b = chunk.getByteBuffer();
        int n = b.remaining();
        boolean last = chunk.isLast();
        total += n;
        if (total > limit) {
          chunk.release();
          done.complete(Result.TOO_LARGE);
          return;
        }
        if (keep && n > 0) {
          if (length + n > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(
                Math.max((long) buffer.length * 2, (long) length + n), limit));
          }
          b.get(buffer, length, n);
          length += n;
        }
        chunk.release();
        if (last) {
          done.complete(Result.COMPLETE);
          return;
        }
      }
    }
  }

  private CallRefused tooLarge() {
    return new CallRefused(413, "too-long", "the request body is larger than "
        + maxBodyBytes / (1024 * 1024) + " MiB");
  }

  /** A call's body must be JSON (a browser's cross-origin "simple" text/plain post is not). */
  private static void requireJson(Request request) throws CallRefused {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    boolean json = false;
    if (type != null) {
      String[] parts = type.split(";");
      json = parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json");
      for (int i = 1; i < parts.length && json; i++) {
        String[] param = parts[i].trim().split("=", 2);
        if (param[0].trim().equalsIgnoreCase("charset") && (param.length < 2
            || !param[1].trim().replace("\"", "").equalsIgnoreCase("utf-8"))) {
          json = false;
        }
      }
    }
    if (!json) {
      throw new CallRefused(415, "not-supported", "the request body must be application/json "
          + "(UTF-8)");
    }
  }

  private static void requireMethod(String method, String allowed) throws CallRefused {
    if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
      throw new CallRefused(405, "not-supported", "use " + allowed + " here");
    }
  }

  /** CORS for the trust file's origins: the origin echoed, preflights answered. */
  private void cors(Request request, Response response) {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    response.getHeaders().put(HttpHeader.VARY, "Origin");
    if (origin == null || !corsOrigins.contains(origin)) {
      return;
    }
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, "WWW-Authenticate");
    if (request.getMethod().equals("OPTIONS")) {
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS,
          "Authorization, Content-Type");
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
    }
  }

  private int refuse(Request request, Response response, Callback callback, CallRefused e,
      Trace trace) {
    if (response.isCommitted()) {
      callback.failed(e);
      return e.status();
    }
    if (e.status() == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE,
          "Bearer realm=\"botox-eligibility\", error=\"invalid_token\"");
    }
    if (e.status() == 408) {
      // the body did not arrive: the connection cannot carry another request
      close(response);
      trace.bodyRead = true;
    }
    return send(request, response, callback, trace, e.status(), OperationOutcomes.CONTENT_TYPE,
        OperationOutcomes.of(e.issues()));
  }

  /**
   * Sends an answer. A body the call has not read (a refusal before it, or a body over the limit)
   * is read and dropped first, within the call's deadline and {@link #drainLimit} bytes, so that
   * the client has sent its whole request when it reads the answer and the connection can carry
   * its next request: a server that answers and closes while the client is still sending makes
   * the client's write fail, and the client then loses the answer too. When the body cannot be
   * dropped (larger than that, too slow, or the client waits for {@code 100 Continue}), the answer
   * says {@code Connection: close}, and Jetty closes the connection after it.
   */
  private int send(Request request, Response response, Callback callback, Trace trace,
      int status, String type, byte[] body) {
    if (!trace.bodyRead) {
      trace.bodyRead = true;
      if (request.getHeaders().contains(HttpHeader.EXPECT, "100-continue")
          || request.getLength() > drainLimit
          || new BodyReader(request, drainLimit, false).readUntil(trace.deadline)
              != BodyReader.Result.COMPLETE) {
        close(response);
      }
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (body == null) {
      callback.succeeded();
      return status;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return status;
  }

  private static void close(Response response) {
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
  }

  private static String method(Request request) {
    String m = request.getMethod();
    return switch (m) {
      case "GET", "POST", "OPTIONS", "HEAD", "PUT", "DELETE", "PATCH" -> m;
      default -> "OTHER";
    };
  }
}
