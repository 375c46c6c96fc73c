package org.botoxeligibility.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.EvaluationException;
import org.botoxeligibility.assessment.InvalidIntakeException;
import org.botoxeligibility.assessment.Problem;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.fhir.FhirIntakeMapper;
import org.botoxeligibility.fhir.Mapping;
import org.eclipse.jetty.http.HttpHeader;
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
 * When several errors apply, the first of 401/403, 404, 413, 400, {@code 200 {"cards": []}}, 412,
 * 422 answers. Errors are OperationOutcomes. Logs name the hookInstance and the intake id only.
 */
final class CdsHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(CdsHandler.class);
  /** The access log: method, route, status, time, hookInstance, intake id; nothing else. */
  private static final Logger ACCESS = LoggerFactory.getLogger("org.botoxeligibility.server.access");
  private static final String JSON = "application/json; charset=utf-8";
  private static final String CDS_SERVICES = "/cds-services";

  private final EligibilityEngine engine;
  private final FhirIntakeMapper mapper;
  private final JwtAuthenticator authenticator;
  private final FhirFetcher fetcher;
  private final CdsAuditLog audit;
  private final Cards cards = new Cards();
  private final Clock clock;
  private final List<String> corsOrigins;
  private final int maxBodyBytes;
  private final long timeoutNanos;
  private final byte[] discovery = Services.discovery();
  private final byte[] health;
  private volatile String baseUrl;

  CdsHandler(EligibilityEngine engine, FhirIntakeMapper mapper, JwtAuthenticator authenticator,
      FhirFetcher fetcher, CdsAuditLog audit, Clock clock, List<String> corsOrigins,
      int maxBodyBytes, long timeoutMillis) {
    super(InvocationType.BLOCKING);
    this.engine = engine;
    this.mapper = mapper;
    this.authenticator = authenticator;
    this.fetcher = fetcher;
    this.audit = audit;
    this.clock = clock;
    this.corsOrigins = List.copyOf(corsOrigins);
    this.maxBodyBytes = maxBodyBytes;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.health = ("{\"status\":\"UP\",\"knowledgeBaseVersion\":\""
        + engine.knowledgeBaseVersion() + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** The public base URL that JWT audiences are checked against; set once the port is known. */
  void baseUrl(String value) {
    baseUrl = value;
  }

  /** What the access log may say of a call. */
  private static final class Trace {
    String route = "(other path)";
    String hookInstance;
    String intakeId;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    Trace trace = new Trace();
    int status;
    try {
      cors(request, response);
      status = route(request, response, callback, trace, start);
    } catch (CallRefused e) {
      status = refuse(response, callback, e);
    } catch (Throwable e) {
      // the type only: a message may quote patient data
      LOG.error("call {} failed unexpectedly: {}", trace.hookInstance == null ? "(before parse)"
          : trace.hookInstance, e.getClass().getName());
      status = refuse(response, callback, new CallRefused(500, "exception",
          "the service failed unexpectedly; no cards are given for this call"));
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
      response.setStatus(204);
      callback.succeeded();
      return 204;
    }
    if (path.equals("/health")) {
      trace.route = "/health";
      requireMethod(method, "GET");
      return send(response, callback, 200, JSON, health);
    }
    trace.route = routeOf(path);
    if (authenticator != null) {
      authenticator.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION),
          baseUrl + path);
    }
    if (path.equals(CDS_SERVICES)) {
      trace.route = CDS_SERVICES;
      requireMethod(method, "GET");
      return send(response, callback, 200, JSON, discovery);
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
    byte[] body = body(request, start);
    if (feedback) {
      List<Feedback.Item> items = Feedback.parse(body);
      if (audit != null) {
        for (Feedback.Item item : items) {
          audit.feedback(service.id(), item);
        }
      }
      return send(response, callback, 200, JSON, "{}".getBytes(StandardCharsets.UTF_8));
    }
    HookCall call = HookCall.parse(body, service);
    trace.hookInstance = call.hookInstance();
    trace.intakeId = "cds-" + call.hookInstance();
    return send(response, callback, 200, JSON, answer(call, start));
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
  private byte[] answer(HookCall call, long start) throws CallRefused {
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
      fetched = fetcher.fetch(call, missing, start + timeoutNanos);
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
      issues.add(new CallRefused.Issue("processing", p.toString(), p.path()));
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
  private byte[] body(Request request, long start) throws CallRefused {
    long declared = request.getLength();
    if (declared > maxBodyBytes) {
      throw tooLarge();
    }
    byte[] buffer = new byte[(int) Math.min(Math.max(declared, 8192), maxBodyBytes + 1L)];
    int length = 0;
    try (InputStream in = Content.Source.asInputStream(request)) {
      while (true) {
        if (System.nanoTime() - start > timeoutNanos) {
          throw new CallRefused(408, "timeout", "the request body did not arrive in time");
        }
        if (length == buffer.length) {
          if (length > maxBodyBytes) {
            throw tooLarge();
          }
          buffer = java.util.Arrays.copyOf(buffer, (int) Math.min((long) length * 2,
              maxBodyBytes + 1L));
        }
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          break;
        }
        length += n;
      }
    } catch (IOException e) {
      throw new CallRefused(408, "timeout", "the request body could not be read in time");
    }
    if (length > maxBodyBytes) {
      throw tooLarge();
    }
    return java.util.Arrays.copyOf(buffer, length);
  }

  private CallRefused tooLarge() {
    return new CallRefused(413, "too-long", "the request body is larger than "
        + maxBodyBytes / (1024 * 1024) + " MiB");
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

  private int refuse(Response response, Callback callback, CallRefused e) {
    if (response.isCommitted()) {
      callback.failed(e);
      return e.status();
    }
    if (e.status() == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE,
          "Bearer realm=\"botox-eligibility\", error=\"invalid_token\"");
    }
    if (e.status() == 413 || e.status() == 408) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    return send(response, callback, e.status(), OperationOutcomes.CONTENT_TYPE,
        OperationOutcomes.of(e.issues()));
  }

  private static int send(Response response, Callback callback, int status, String type,
      byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return status;
  }

  private static String method(Request request) {
    String m = request.getMethod();
    return switch (m) {
      case "GET", "POST", "OPTIONS", "HEAD", "PUT", "DELETE", "PATCH" -> m;
      default -> "OTHER";
    };
  }
}
