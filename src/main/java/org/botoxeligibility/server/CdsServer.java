package org.botoxeligibility.server;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.botoxeligibility.engine.EligibilityEngine;
import org.botoxeligibility.fhir.FhirIntakeMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HL7 CDS Hooks 2.0 service of cds-hooks.md: discovery, order-select, order-sign, feedback and
 * health over HTTP, on an embedded Jetty. Each server owns one engine, one FHIR mapper, its JWT
 * replay cache and fetched key sets, its FHIR client and its audit log; two servers in one JVM
 * share nothing. Thread-safe.
 *
 * <pre>{@code
 * CdsServer server = CdsServer.builder().port(0).trust(TrustConfig.read(file)).start();
 * URI uri = server.uri();  // http://127.0.0.1:PORT
 * server.stop();           // stops accepting, lets calls in flight finish (at most 10 s)
 * }</pre>
 */
public final class CdsServer implements AutoCloseable {
  /** The largest request body accepted: 5 MiB (a larger one is a 413). */
  public static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
  /** How long calls in flight may take to finish when the server stops. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  /**
   * The loggers that must stay at INFO or above while a server runs: at debug and trace they
   * write request headers (tokens) and bytes. {@link Builder#start} refuses to start while one of
   * them, or a logger of a class below it, is on; {@code serve} sets them to warnings.
   */
  public static final List<String> WIRE_LOGGERS = WireLogs.PREFIXES;
  /** How long an idle connection is kept open at least (well above a call's deadline). */
  public static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(60);

  private final Server jetty;
  private final ServerConnector connector;
  private final EligibilityEngine engine;
  private final FhirFetcher fetcher;
  private final CdsAuditLog audit;
  private final String baseUrl;
  private final boolean authenticated;

  private CdsServer(Server jetty, ServerConnector connector, EligibilityEngine engine,
      FhirFetcher fetcher, CdsAuditLog audit, String baseUrl, boolean authenticated) {
    this.jetty = jetty;
    this.connector = connector;
    this.engine = engine;
    this.fetcher = fetcher;
    this.audit = audit;
    this.baseUrl = baseUrl;
    this.authenticated = authenticated;
  }

  /**
   * A builder: 127.0.0.1, port 8080, the built-in knowledge base, no trust (which {@link
   * Builder#start} refuses unless unauthenticated calls are allowed).
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures and starts a server. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8080;
    private String baseUrl;
    private TrustConfig trust;
    private boolean allowUnauthenticated;
    private boolean allowHttpLoopback;
    private final List<Path> rules = new ArrayList<>();
    private Path tables;
    private Path auditLog;
    private Clock clock = Clock.systemUTC();
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration fhirFetchTimeout = Duration.ofSeconds(7);
    private int replayCapacity = 500_000;
    private int maxThreads = 64;

    private Builder() {}

    /**
     * The address to listen on.
     *
     * @param value a host name or IP address
     * @return this builder
     */
    public Builder host(String value) {
      host = Objects.requireNonNull(value, "host must not be null");
      return this;
    }

    /**
     * The port to listen on; 0 takes a free one.
     *
     * @param value the port
     * @return this builder
     */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535");
      }
      port = value;
      return this;
    }

    /**
     * The public URL of the service as EHRs call it (behind a TLS proxy); JWT audiences are
     * checked against it. Default: {@code http://HOST:PORT}.
     *
     * @param value the URL, without a trailing slash
     * @return this builder
     */
    public Builder baseUrl(String value) {
      baseUrl = value;
      return this;
    }

    /**
     * The EHRs accepted and the CORS origins.
     *
     * @param value the trust configuration
     * @return this builder
     */
    public Builder trust(TrustConfig value) {
      trust = value;
      return this;
    }

    /**
     * Accepts calls without a token: for a developer's own machine only, so {@link #start}
     * refuses it unless the host is a loopback address. Such calls never make the service fetch
     * from a FHIR server.
     *
     * @param value true to accept unauthenticated calls when there is no trust configuration
     * @return this builder
     */
    public Builder allowUnauthenticated(boolean value) {
      allowUnauthenticated = value;
      return this;
    }

    /**
     * Lets the service fetch over plain http from FHIR servers (and key sets) on this machine's
     * loopback address, when the trust file lists them: for development only. Without it, every
     * fetch is https and a trust file that lists a plain http URL is refused at start.
     *
     * @param value true to allow plain http to loopback addresses
     * @return this builder
     */
    public Builder allowHttpLoopback(boolean value) {
      allowHttpLoopback = value;
      return this;
    }

    /**
     * Adds a clinic's own DRL rules from a folder (see {@link EligibilityEngine.Builder}).
     *
     * @param folder the folder
     * @return this builder
     */
    public Builder addRules(Path folder) {
      rules.add(Objects.requireNonNull(folder, "folder must not be null"));
      return this;
    }

    /**
     * Overrides the knowledge base's tables from a clinic's folder.
     *
     * @param folder the folder
     * @return this builder
     */
    public Builder tables(Path folder) {
      tables = folder;
      return this;
    }

    /**
     * Appends an audit line per evaluated call and per feedback item to a file.
     *
     * @param file the audit log
     * @return this builder
     */
    public Builder auditLog(Path file) {
      auditLog = file;
      return this;
    }

    /**
     * The clock: today's date in UTC is every call's assessment date; tokens are checked
     * against it.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock must not be null");
      return this;
    }

    /**
     * How long a call may take, reading its body and fetching from the FHIR server included.
     *
     * @param value the limit (default 10 s)
     * @return this builder
     */
    public Builder requestTimeout(Duration value) {
      requestTimeout = Objects.requireNonNull(value, "requestTimeout must not be null");
      return this;
    }

    /**
     * How long the fetches from a call's FHIR server may take, all together, from the call's
     * start (within {@link #requestTimeout}); a call whose fetches have not answered by then is
     * answered 412, and the exchanges still running are aborted.
     *
     * @param value the budget (default 7 s)
     * @return this builder
     */
    public Builder fhirFetchTimeout(Duration value) {
      fhirFetchTimeout = Objects.requireNonNull(value, "fhirFetchTimeout must not be null");
      return this;
    }

    /**
     * How many token ids the replay cache holds at most (default 500,000).
     *
     * @param value the bound
     * @return this builder
     */
    public Builder replayCapacity(int value) {
      replayCapacity = value;
      return this;
    }

    /**
     * Builds the engine and the mapper, and starts listening.
     *
     * @return the running server
     * @throws IllegalStateException when there is no trust configuration and unauthenticated
     *     calls are not allowed, or are allowed on a host that is not a loopback address; when
     *     the trust file names a plain http URL and plain http to loopback is not allowed; when a
     *     wire logger ({@link #WIRE_LOGGERS}) is at debug or trace level
     * @throws IOException when the audit log cannot be opened or the port cannot be bound
     */
    public CdsServer start() throws IOException {
      if (trust == null && !allowUnauthenticated) {
        throw new IllegalStateException("no trust configuration: give the EHRs to trust, or "
            + "allow unauthenticated calls on a developer's own machine");
      }
      if (trust == null && !Loopback.is(host)) {
        throw new IllegalStateException("unauthenticated calls are allowed on a loopback "
            + "address only (127.0.0.1, ::1, localhost), not on " + host + ": give the EHRs "
            + "to trust");
      }
      if (trust != null && !allowHttpLoopback) {
        for (TrustConfig.Issuer issuer : trust.issuers()) {
          boolean http = issuer.jwksUri() != null
              && "http".equalsIgnoreCase(issuer.jwksUri().getScheme());
          for (String server : issuer.fhirServers()) {
            http |= server.startsWith("http:");
          }
          if (http) {
            throw new IllegalStateException("the trust file names a plain http URL for issuer "
                + issuer.iss() + " (a FHIR server or its jwksUri): use https, or allow plain "
                + "http to this machine's loopback address for development "
                + "(--allow-http-loopback)");
          }
        }
      }
      if (requestTimeout.isNegative() || requestTimeout.isZero()
          || fhirFetchTimeout.isNegative() || fhirFetchTimeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout and fhirFetchTimeout must be "
            + "positive");
      }
      WireLogs.check();
      EligibilityEngine.Builder engineBuilder = EligibilityEngine.builder().clock(clock);
      rules.forEach(engineBuilder::addRules);
      if (tables != null) {
        engineBuilder.tables(tables);
      }
      CdsAuditLog audit = auditLog == null ? null : CdsAuditLog.appendingTo(auditLog, clock);
      FhirFetcher fetcher = null;
      Server jetty = null;
      try {
        if (audit != null) {
          engineBuilder.audit(audit);
        }
        EligibilityEngine engine = engineBuilder.build();
        FhirIntakeMapper mapper = FhirIntakeMapper.create(engine.tables());
        warmUp(mapper, clock);
        JwtAuthenticator authenticator = trust == null ? null
            : new JwtAuthenticator(trust, clock, replayCapacity);
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, 4);
        threads.setName("cds-server-" + Integer.toHexString(System.identityHashCode(threads)));
        jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(jetty, 1, 1,
            new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        // well above a call's deadline: a call answered at its deadline (a 412 after a slow
        // fetch) must never meet a connection Jetty is closing as idle
        Duration idle = requestTimeout.multipliedBy(3);
        connector.setIdleTimeout(Math.max(MIN_IDLE_TIMEOUT.toMillis(), idle.toMillis()));
        jetty.addConnector(connector);
        fetcher = new FhirFetcher(threads.getName(), trust == null
            ? TrustConfig.DEFAULT_MAX_FHIR_RESPONSE_BYTES : trust.maxFhirResponseBytes(),
            allowHttpLoopback);
        CdsHandler handler = new CdsHandler(engine, mapper, authenticator, fetcher, audit,
            clock, trust == null ? List.of() : trust.corsOrigins(), MAX_BODY_BYTES,
            requestTimeout.toMillis(), fhirFetchTimeout.toMillis());
        jetty.setHandler(new GracefulHandler(handler));
        jetty.setErrorHandler(new OutcomeErrorHandler());
        jetty.setStopTimeout(STOP_TIMEOUT.toMillis());
        jetty.setStopAtShutdown(false);
        jetty.start();
        String bound = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
            + connector.getLocalPort();
        String base = baseUrl == null ? bound : strip(baseUrl);
        handler.baseUrl(base);
        return new CdsServer(jetty, connector, engine, fetcher, audit, base,
            authenticator != null);
      } catch (IOException | RuntimeException e) {
        cleanUp(jetty, fetcher, audit);
        throw e;
      } catch (Exception e) {
        cleanUp(jetty, fetcher, audit);
        throw new IOException("the server could not start: " + e.getClass().getSimpleName(), e);
      }
    }

    /**
     * Maps a small record once before listening: the FHIR context and the mapper's parsers are
     * made on first use (seconds), which would otherwise fall on the first EHR's call.
     */
    private static void warmUp(FhirIntakeMapper mapper, Clock clock) {
      String record = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
          + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"warm-up\","
          + "\"birthDate\":\"1980-01-01\"}},"
          + "{\"resource\":{\"resourceType\":\"MedicationRequest\",\"id\":\"warm-up-order\","
          + "\"status\":\"draft\",\"intent\":\"order\",\"medicationCodeableConcept\":"
          + "{\"text\":\"Botox\"},\"subject\":{\"reference\":\"Patient/warm-up\"},"
          + "\"reasonCode\":[{\"coding\":[{\"system\":\"urn:botox-eligibility:condition\","
          + "\"code\":\"GLABELLAR_LINES\"}]}]}}]}";
      mapper.map(record.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)),
          FhirIntakeMapper.Options.orders().withIntakeId("warm-up").signing());
    }

    private static void cleanUp(Server jetty, FhirFetcher fetcher, CdsAuditLog audit) {
      try {
        if (jetty != null) {
          jetty.stop();
        }
      } catch (Exception ignored) {
        // already failing
      }
      if (fetcher != null) {
        fetcher.close();
      }
      try {
        if (audit != null) {
          audit.close();
        }
      } catch (IOException ignored) {
        // already failing
      }
    }

    private static String strip(String url) {
      String u = url.trim();
      while (u.endsWith("/")) {
        u = u.substring(0, u.length() - 1);
      }
      return u;
    }
  }

  /**
   * Where the server listens: {@code http://HOST:PORT} with the real port.
   *
   * @return the URI
   */
  public URI uri() {
    String host = connector.getHost();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
        + connector.getLocalPort());
  }

  /**
   * The port listened on (the real one when 0 was asked for).
   *
   * @return the port
   */
  public int port() {
    return connector.getLocalPort();
  }

  /**
   * The public base URL that JWT audiences are checked against.
   *
   * @return the URL, without a trailing slash
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Whether calls need a token.
   *
   * @return false when unauthenticated calls are allowed
   */
  public boolean authenticated() {
    return authenticated;
  }

  /**
   * The knowledge base's version, as the health endpoint reports it.
   *
   * @return the version
   */
  public String knowledgeBaseVersion() {
    return engine.knowledgeBaseVersion();
  }

  /**
   * Stops taking calls, lets those in flight finish (at most {@link #STOP_TIMEOUT}), then closes
   * the FHIR client and the audit log.
   *
   * @return true when every call in flight finished in time
   */
  public boolean stop() {
    boolean graceful = true;
    try {
      jetty.stop();
    } catch (TimeoutException e) {
      graceful = false;
    } catch (Exception e) {
      graceful = false;
    } finally {
      fetcher.close();
      if (audit != null) {
        try {
          audit.close();
        } catch (IOException ignored) {
          // nothing more to write
        }
      }
    }
    return graceful;
  }

  /**
   * Waits until the server has stopped.
   *
   * @throws InterruptedException when the wait is interrupted
   */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /** Stops the server ({@link #stop}). */
  @Override
  public void close() {
    stop();
  }

  /**
   * The answers Jetty gives by itself (a malformed request, a call during shutdown): an
   * OperationOutcome with the status in words, never a stack trace or an HTML page.
   */
  private static final class OutcomeErrorHandler extends ErrorHandler {
    OutcomeErrorHandler() {
      setShowStacks(false);
      setShowCauses(false);
      setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus() > 0 ? response.getStatus() : 500;
      Object attribute = request.getAttribute(ERROR_STATUS);
      if (attribute instanceof Integer s) {
        status = s;
      }
      byte[] body = OperationOutcomes.of(OperationOutcomes.codeOf(status), words(status));
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, OperationOutcomes.CONTENT_TYPE);
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      response.getHeaders().put(CdsHandler.NOSNIFF, "nosniff");
      response.write(true, ByteBuffer.wrap(body), callback);
      return true;
    }

    private static String words(int status) {
      return switch (status) {
        case 400 -> "HTTP 400: the request is not valid HTTP";
        case 404 -> "HTTP 404: no such endpoint";
        case 408 -> "HTTP 408: the request did not arrive in time";
        case 413 -> "HTTP 413: the request is too large";
        case 414 -> "HTTP 414: the URI is too long";
        case 431 -> "HTTP 431: the request headers are too large";
        case 503 -> "HTTP 503: the service is stopping or overloaded";
        default -> "HTTP " + status;
      };
    }
  }
}
