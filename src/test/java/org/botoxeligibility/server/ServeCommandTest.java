package org.botoxeligibility.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.botoxeligibility.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code botox-eligibility serve} as a process: it refuses to start without trust, prints
 * {@code listening on URL} with the real port, answers, and on SIGTERM lets a call in flight
 * finish and exits 0.
 */
class ServeCommandTest {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  static int run(PrintStream err, String... args) {
    return Main.run(args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), err);
  }

  @Test
  void given_no_trust_and_no_allow_unauthenticated_then_serve_refuses_to_start() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = run(new PrintStream(err, true, StandardCharsets.UTF_8), "serve", "--port", "0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--trust");
  }

  @Test
  void given_a_trust_file_that_breaks_the_format_then_a_usage_error_naming_the_place(
      @TempDir Path dir) throws Exception {
    Path trust = Files.writeString(dir.resolve("trust.json"),
        "{\"issuers\":[{\"iss\":\"https://ehr.example.org\"}]}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = run(new PrintStream(err, true, StandardCharsets.UTF_8), "serve", "--port", "0",
        "--trust", trust.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("$.issuers[0]",
        "exactly one of jwks, jwksFile or jwksUri");
  }

  /** A {@code serve} child process, ready: its URL, and the rest of its output. */
  record Serve(Process process, String url, List<String> before,
      CompletableFuture<List<String>> rest) {}

  static Serve serve(List<String> jvm, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider"));
    command.addAll(jvm);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "serve", "--port", "0"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    String url = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (url == null && System.nanoTime() < deadline && (line = out.readLine()) != null) {
      lines.add(line);
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        url = m.group(1);
      }
    }
    CompletableFuture<List<String>> rest = CompletableFuture.supplyAsync(() ->
        out.lines().toList());
    return new Serve(process, url, lines, rest);
  }

  /** A trust file of the tests' EHR that lists a FHIR server. */
  static Path trustListing(Path dir, Tokens tokens, String fhirServer) throws Exception {
    return Files.writeString(dir.resolve("trust.json"), "{\"issuers\":[{\"iss\":\""
        + Tokens.ISSUER + "\",\"jwks\":" + tokens.publicKeys().toString(true)
        + ",\"fhirServers\":[\"" + fhirServer + "\"]}]}");
  }

  /** A token for a child process, which checks it against the real clock. */
  static String tokenNow(Tokens tokens, URI audience) {
    java.util.Date now = new java.util.Date();
    return tokens.es384(audience.toString(), c -> c.issueTime(now)
        .expirationTime(new java.util.Date(now.getTime() + 120_000)));
  }

  @Test
  void given_unauthenticated_calls_on_a_public_address_then_serve_refuses_to_start() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = run(new PrintStream(err, true, StandardCharsets.UTF_8), "serve", "--port", "0",
        "--host", "0.0.0.0", "--allow-unauthenticated");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("loopback", "0.0.0.0");
  }

  @Test
  void given_a_trust_file_listing_a_plain_http_fhir_server_then_serve_needs_allow_http_loopback(
      @TempDir Path dir) throws Exception {
    Path trust = trustListing(dir, new Tokens(), "http://127.0.0.1:8081/fhir");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = run(new PrintStream(err, true, StandardCharsets.UTF_8), "serve", "--port", "0",
        "--trust", trust.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("plain http",
        "--allow-http-loopback");
  }

  @Test
  void given_an_operator_who_turns_every_logger_to_trace_then_serve_still_logs_no_token(
      @TempDir Path dir) throws Exception {
    String accessToken = "fhir-token-child-83b1";
    Tokens tokens = new Tokens();
    try (FhirTestServer fhir = new FhirTestServer(accessToken).add(Records.PATIENT)) {
      Serve serve = serve(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
              "-Dorg.slf4j.simpleLogger.log.org.eclipse.jetty.http.HttpParser=trace",
              "-Dorg.slf4j.simpleLogger.log.org.eclipse.jetty.io=debug"),
          "--trust", trustListing(dir, tokens, fhir.base()).toString(),
          "--allow-http-loopback");
      try {
        assertThat(serve.url()).as(String.join("\n", serve.before())).isNotNull();
        URI service = URI.create(serve.url() + "/cds-services/" + Services.ORDER_SIGN);
        String token = tokenNow(tokens, service);
        Http.Answer answer = Http.post(service, token, Records.glabellar("order-sign",
            "child-logs").restEmpty().without("allergies").fhirServer(fhir.base(), accessToken)
            .json());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        serve.process().toHandle().destroy();
        assertThat(serve.process().waitFor(15, TimeUnit.SECONDS)).isTrue();
        List<String> output = new ArrayList<>(serve.before());
        output.addAll(serve.rest().get(5, TimeUnit.SECONDS));

        assertThat(output).as("trace was on").anyMatch(l -> l.contains("DEBUG")
            && l.contains("cds-child-logs"));
        assertThat(output).noneMatch(l -> l.contains(accessToken)
            || l.contains(token.substring(token.lastIndexOf('.') + 1))
            || l.contains(token.substring(0, token.lastIndexOf('.'))));
      } finally {
        serve.process().destroyForcibly();
      }
    }
  }

  @Test
  void given_a_running_serve_process_when_sigterm_arrives_during_a_slow_call_then_the_call_finishes_and_the_exit_code_is_0(
      @TempDir Path dir) throws Exception {
    // a FHIR server that answers after 1.5 s keeps a call in flight while SIGTERM arrives
    // (a fetch needs an authenticated issuer that lists the FHIR server, and plain http to
    // loopback needs --allow-http-loopback)
    Tokens tokens = new Tokens();
    try (FhirTestServer fhir = new FhirTestServer("t").add(Records.PATIENT)) {
      fhir.delayMillis = 1_500;
      Serve serve = serve(List.of(), "--trust", trustListing(dir, tokens, fhir.base())
          .toString(), "--allow-http-loopback", "--audit-log",
          dir.resolve("audit.ndjson").toString());
      Process process = serve.process();
      String url = serve.url();
      try {
        assertThat(url).as(String.join("\n", serve.before()))
            .matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(url).doesNotEndWith(":0");
        URI health = URI.create(url + "/health");
        assertThat(Http.get(health, null).status()).isEqualTo(200);

        String body = Records.glabellar("order-sign", "in-flight").restEmpty()
            .without("allergies").fhirServer(fhir.base(), "t").json();
        URI service = URI.create(url + "/cds-services/" + Services.ORDER_SIGN);
        String token = tokenNow(tokens, service);
        CompletableFuture<Http.Answer> inFlight = CompletableFuture.supplyAsync(() ->
            Http.post(service, token, body));
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fhir.requests.isEmpty() && System.nanoTime() < waitUntil) {
          Thread.sleep(20);
        }
        assertThat(fhir.requests).as("the call reached the FHIR server").isNotEmpty();
        process.toHandle().destroy(); // SIGTERM, leaving the output stream open to read

        Http.Answer answer = inFlight.get(15, TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("cards")).hasSize(1);
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(0);
        assertThat(serve.rest().get(5, TimeUnit.SECONDS)).anyMatch(l -> l.contains("stopped"));
        assertThat(Files.readAllLines(dir.resolve("audit.ndjson"))).hasSize(1);
      } finally {
        process.destroyForcibly();
      }
    }
  }
}
