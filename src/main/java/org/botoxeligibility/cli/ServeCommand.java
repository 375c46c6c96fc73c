package org.botoxeligibility.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.botoxeligibility.server.CdsServer;
import org.botoxeligibility.server.TrustConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code botox-eligibility serve}: the HL7 CDS Hooks 2.0 service of cds-hooks.md. Prints {@code
 * listening on URL} to standard error when ready; on SIGTERM (or SIGINT) it stops taking calls,
 * lets those in flight finish (at most 10 s) and exits 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the CDS Hooks 2.0 service: discovery, order-select, order-sign, feedback "
        + "and health over HTTP. Prints 'listening on URL' to standard error when ready; "
        + "SIGTERM stops it gracefully (exit 0).")
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
      description = "Port to listen on; 0 takes a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "The service's public URL as EHRs call it (behind a TLS proxy); JWT "
          + "audiences are checked against it (default: http://HOST:PORT).")
  String baseUrl;

  @Option(names = "--trust", paramLabel = "FILE",
      description = "The EHRs to accept (JSON: issuers with their keys, corsOrigins).")
  Path trust;

  @Option(names = "--allow-unauthenticated",
      description = "Without --trust, accept calls without a token: for a developer's own "
          + "machine only.")
  boolean allowUnauthenticated;

  @Option(names = "--allow-http-loopback",
      description = "Fetch over plain http from FHIR servers (and key sets) on this machine's "
          + "loopback address when the trust file lists them: for development only.")
  boolean allowHttpLoopback;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "Add a clinic's own DRL files from DIR to the built-in knowledge base.")
  List<Path> rules = new ArrayList<>();

  @Option(names = "--tables", paramLabel = "DIR",
      description = "Override the knowledge base's tables row by row from DIR.")
  Path tables;

  @Option(names = "--audit-log", paramLabel = "FILE",
      description = "Append one JSON line per evaluated call and per feedback item to FILE.")
  Path auditLog;

  /** Released when the server has stopped. */
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (trust == null && !allowUnauthenticated) {
      err.println("error: serve needs --trust FILE (the EHRs to accept); "
          + "--allow-unauthenticated runs without authentication on a developer's own machine");
      return Main.USAGE;
    }
    TrustConfig trustConfig = null;
    if (trust != null) {
      try {
        trustConfig = TrustConfig.read(trust);
      } catch (NoSuchFileException e) {
        err.println("error: the trust file " + trust + " does not exist");
        return Main.USAGE;
      } catch (IOException e) {
        err.println("error: the trust file " + trust + " (or a jwksFile it names) cannot be "
            + "read: " + e.getClass().getSimpleName());
        return Main.USAGE;
      } catch (IllegalArgumentException e) {
        err.println("error: the trust file " + trust + ": " + e.getMessage());
        return Main.USAGE;
      }
      if (allowUnauthenticated) {
        err.println("note: --allow-unauthenticated is ignored: --trust is given, so every call "
            + "needs a token");
      }
    } else {
      err.println("WARNING: --allow-unauthenticated: anyone who can reach this port gets "
          + "eligibility decisions without a token. Use it on a developer's own machine only; "
          + "give --trust FILE anywhere else.");
    }
    configureLogging();
    CdsServer.Builder builder = CdsServer.builder().host(host).port(port)
        .allowUnauthenticated(trustConfig == null).allowHttpLoopback(allowHttpLoopback)
        .trust(trustConfig).baseUrl(baseUrl).tables(tables).auditLog(auditLog);
    rules.forEach(builder::addRules);
    CdsServer server;
    try {
      server = builder.start();
    } catch (IllegalStateException e) {
      err.println("error: " + e.getMessage());
      return Main.USAGE;
    } catch (java.nio.file.FileSystemException e) {
      err.println("error: cannot open the audit log " + auditLog + " for appending ("
          + e.getClass().getSimpleName() + ")");
      return Main.USAGE;
    } catch (IOException e) {
      err.println("error: cannot listen on " + host + ":" + port + " ("
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")");
      return Main.UNEXPECTED;
    }
    Runnable stop = () -> {
      server.stop();
      stopped.countDown();
    };
    Signals.onTermination(stop);
    err.println("listening on " + server.uri());
    if (baseUrl != null) {
      err.println("public base URL (JWT audience): " + server.baseUrl());
    }
    err.flush();
    stopped.await();
    err.println("stopped");
    err.flush();
    return Main.OK;
  }

  /**
   * The loggers of the libraries whose debug and trace output shows what goes over the wire:
   * Jetty's HTTP parser logs request headers (the caller's JWT), its connections the bytes of
   * requests and answers. {@code serve} keeps them at warnings whatever the command line's
   * logging properties say ({@link CdsServer} would not start otherwise); ServerLogsTest checks
   * that no other logger shows a token or patient data at any level.
   */
  public static final List<String> WIRE_LOGGERS = CdsServer.WIRE_LOGGERS;

  private static final String SIMPLE_LOGGER = "org.slf4j.simpleLogger.log.";

  /**
   * The access log at info; the {@link #WIRE_LOGGERS}, and any logger below them that a
   * property names, at warnings. Takes effect when no logger has been made yet, as in {@code
   * main}.
   */
  static void configureLogging() {
    setIfAbsent(SIMPLE_LOGGER + "org.botoxeligibility.server.access", "info");
    for (String key : System.getProperties().stringPropertyNames()) {
      for (String logger : WIRE_LOGGERS) {
        if (key.startsWith(SIMPLE_LOGGER + logger + ".")) {
          System.setProperty(key, "warn");
        }
      }
    }
    for (String logger : WIRE_LOGGERS) {
      System.setProperty(SIMPLE_LOGGER + logger, "warn");
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
