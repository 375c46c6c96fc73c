package org.botoxeligibility.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Authenticates the calling EHR by its bearer JWT (cds-hooks.md §6): signature ES384 or RS384 with
 * a key of a trusted issuer found by {@code kid}; {@code none} and HMAC refused; {@code iss}
 * trusted (else 403); {@code aud} the URL called; {@code exp} in the future and at most five
 * minutes after {@code iat}; 30 s of clock skew; a {@code jti} never seen within its lifetime; a
 * {@code jku} only when it is the issuer's {@code jwksUri}. Every failure is a {@link CallRefused}
 * (401, or 403 for an untrusted issuer) whose sentence names the check that failed. Thread-safe;
 * one per server: it holds that server's replay cache and fetched key sets.
 */
final class JwtAuthenticator {
  static final long SKEW_MILLIS = 30_000;
  static final long MAX_LIFETIME_MILLIS = 5 * 60_000;
  private static final int MAX_JWKS_BYTES = 1 << 20;
  /** How long a key-set fetch may take, all of it. */
  static final Duration JWKS_TIMEOUT = Duration.ofSeconds(5);
  /** How long a failed key-set fetch is remembered: tokens of that issuer are refused at once. */
  static final Duration JWKS_FAILURE_MEMORY = Duration.ofSeconds(5);
  /** Calls that may wait for one issuer's key-set fetch; more are refused at once. */
  static final int MAX_JWKS_WAITERS = 4;

  private final TrustConfig trust;
  private final Clock clock;
  private final ReplayCache replays;
  private final HttpClient http;
  /** The key sets of the issuers with a jwksUri, by issuer: fetched once, on first use. */
  private final Map<String, KeySet> keySets = new ConcurrentHashMap<>();

  JwtAuthenticator(TrustConfig trust, Clock clock, int replayCapacity) {
    this.trust = trust;
    this.clock = clock;
    this.replays = new ReplayCache(replayCapacity);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
        .build();
    for (TrustConfig.Issuer issuer : trust.issuers()) {
      if (issuer.jwksUri() != null) {
        keySets.put(issuer.iss(), new KeySet(issuer));
      }
    }
  }

  /**
   * Who called: the token's issuer, an EHR of the trust file (with the FHIR servers its calls may
   * name).
   */
  record Caller(TrustConfig.Issuer issuer) {}

  /**
   * Checks the Authorization header of a call.
   *
   * @param authorization the header's value, or null
   * @param audience the URL called ({@code BASE} + path), which {@code aud} must equal
   * @return the caller
   * @throws CallRefused 401 naming the failed check, or 403 for an untrusted issuer
   */
  Caller authenticate(String authorization, String audience) throws CallRefused {
    if (authorization == null || authorization.isBlank()) {
      throw unauthorized("no bearer token: every call except /health needs "
          + "'Authorization: Bearer <JWT>'");
    }
    String[] parts = authorization.trim().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
      throw unauthorized("the Authorization header is not 'Bearer <JWT>'");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(parts[1]);
    } catch (ParseException e) {
      throw unauthorized("the bearer token is not a JWT");
    }
    if (jwt instanceof PlainJWT) {
      throw unauthorized("alg: an unsigned token (alg none) is refused; sign with ES384 or "
          + "RS384");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw unauthorized("alg: an encrypted token is refused; send a signed JWT (ES384 or "
          + "RS384)");
    }
    JWSHeader header = signed.getHeader();
    JWSAlgorithm alg = header.getAlgorithm();
    if (!JWSAlgorithm.ES384.equals(alg) && !JWSAlgorithm.RS384.equals(alg)) {
      throw unauthorized("alg: " + alg + " is refused; only ES384 and RS384 are accepted"
          + (JWSAlgorithm.Family.HMAC_SHA.contains(alg) ? " (HMAC needs a shared secret)" : ""));
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      throw unauthorized("crit: the token's header marks parameters as critical that this "
          + "service does not understand (it understands none); send a token without crit");
    }
    String kid = header.getKeyID();
    if (kid == null || kid.isEmpty()) {
      throw unauthorized("kid: the token's header names no key (kid)");
    }
    JWTClaimsSet claims;
    try {
      claims = signed.getJWTClaimsSet();
    } catch (ParseException e) {
      throw unauthorized("the token's claims are not a valid JWT claims set");
    }
    String iss = claims.getIssuer();
    if (iss == null || iss.isEmpty()) {
      throw unauthorized("iss: the token names no issuer");
    }
    TrustConfig.Issuer issuer = trust.issuer(iss);
    if (issuer == null) {
      throw new CallRefused(403, "forbidden", "iss: the issuer is not trusted by this service");
    }
    URI jku = header.getJWKURL();
    if (jku != null && (issuer.jwksUri() == null
        || !jku.toString().equals(issuer.jwksUri().toString()))) {
      throw unauthorized("jku: the token's key set URL is not the issuer's registered jwksUri");
    }
    JWK key = keys(issuer).getKeyByKeyId(kid);
    if (key == null) {
      throw unauthorized("kid: key '" + kid + "' is not in the issuer's key set");
    }
    if (!verifies(signed, alg, key)) {
      throw unauthorized("signature: the token's signature does not verify with key '" + kid
          + "' of its issuer");
    }
    List<String> aud = claims.getAudience();
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    String jti = claims.getJWTID();
    if (aud == null || aud.isEmpty()) {
      throw unauthorized("aud: the token names no audience");
    }
    if (exp == null) {
      throw unauthorized("exp: the token has no expiry");
    }
    if (iat == null) {
      throw unauthorized("iat: the token has no issue time");
    }
    if (jti == null || jti.isEmpty()) {
      throw unauthorized("jti: the token has no jti");
    }
    if (aud.size() != 1 || !aud.get(0).equals(audience)) {
      throw unauthorized("aud: the token's audience is not " + audience);
    }
    long now = clock.millis();
    if (exp.getTime() + SKEW_MILLIS <= now) {
      throw unauthorized("exp: the token has expired");
    }
    if (iat.getTime() - SKEW_MILLIS > now) {
      throw unauthorized("iat: the token was issued in the future");
    }
    if (exp.getTime() - iat.getTime() > MAX_LIFETIME_MILLIS) {
      throw unauthorized("exp: the token expires more than 5 minutes after it was issued");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.getTime() - SKEW_MILLIS > now) {
      throw unauthorized("nbf: the token is not valid yet");
    }
    switch (replays.record(iss, jti, exp.getTime() + SKEW_MILLIS, now)) {
      case FRESH -> {
        return new Caller(issuer);
      }
      case REPLAYED -> throw unauthorized("jti: the token has been used before");
      default -> throw unauthorized("jti: too many live tokens to remember; try again shortly");
    }
  }

  private static boolean verifies(SignedJWT signed, JWSAlgorithm alg, JWK key)
      throws CallRefused {
    JWSVerifier verifier;
    try {
      if (JWSAlgorithm.ES384.equals(alg) && key instanceof ECKey ec
          && Curve.P_384.equals(ec.getCurve())) {
        verifier = new ECDSAVerifier(ec);
      } else if (JWSAlgorithm.RS384.equals(alg) && key instanceof RSAKey rsa
          && rsa.size() >= 2048) {
        verifier = new RSASSAVerifier(rsa);
      } else {
        throw unauthorized("kid: key '" + key.getKeyID() + "' is not a key for " + alg);
      }
      return signed.verify(verifier);
    } catch (JOSEException | IllegalStateException e) {
      return false;
    }
  }

  /** The issuer's keys: given in the trust file, or fetched from its jwksUri once. */
  private JWKSet keys(TrustConfig.Issuer issuer) throws CallRefused {
    if (issuer.jwks() != null) {
      return issuer.jwks();
    }
    return keySets.get(issuer.iss()).get();
  }

  /**
   * The key set of one issuer with a jwksUri. It is fetched once, outside any lock shared with
   * other issuers (the fetch is asynchronous; a call only waits for it). A failure is remembered
   * for {@link #JWKS_FAILURE_MEMORY}: meanwhile that issuer's tokens are refused without a fetch.
   * At most {@link #MAX_JWKS_WAITERS} calls wait for a fetch at once, each at most {@link
   * #JWKS_TIMEOUT}; more are refused at once, so an endpoint that is down holds few threads.
   */
  private final class KeySet {
    private final TrustConfig.Issuer issuer;
    private final Semaphore waiters = new Semaphore(MAX_JWKS_WAITERS);
    private volatile JWKSet keys;
    private volatile long failedUntilMillis = Long.MIN_VALUE;
    private volatile String failure;
    /** The fetch under way, or the last one; guarded by this. */
    private CompletableFuture<JWKSet> fetching;
    private BoundedGet exchange;

    KeySet(TrustConfig.Issuer issuer) {
      this.issuer = issuer;
    }

    JWKSet get() throws CallRefused {
      JWKSet known = keys;
      if (known != null) {
        return known;
      }
      if (clock.millis() < failedUntilMillis) {
        throw unauthorized("kid: the issuer's key set could not be fetched from its jwksUri ("
            + failure + "); it is tried again a few seconds after a failure");
      }
      if (!waiters.tryAcquire()) {
        throw unauthorized("kid: the issuer's key set is being fetched from its jwksUri; try "
            + "again shortly");
      }
      try {
        CompletableFuture<JWKSet> f = fetch();
        try {
          return f.get(JWKS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          abort();
          throw unauthorized("kid: the issuer's key set could not be fetched from its "
              + "jwksUri (no answer in " + JWKS_TIMEOUT.toSeconds() + " s)");
        } catch (ExecutionException e) {
          throw unauthorized("kid: the issuer's key set could not be fetched from its "
              + "jwksUri (" + words(e.getCause()) + ")");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw unauthorized("kid: the issuer's key set could not be fetched (interrupted)");
        }
      } finally {
        waiters.release();
      }
    }

    /** The fetch under way, or a new one; the lock is held only to start it. */
    private synchronized CompletableFuture<JWKSet> fetch() {
      if (fetching != null && (!fetching.isDone() || keys != null)) {
        return fetching;
      }
      HttpRequest request = HttpRequest.newBuilder(issuer.jwksUri()).timeout(JWKS_TIMEOUT)
          .header("Accept", "application/json").GET().build();
      BoundedGet get = BoundedGet.send(http, request, MAX_JWKS_BYTES);
      exchange = get;
      // the waiters see the outcome only once it is recorded: a call that follows a failure
      // finds it remembered
      CompletableFuture<JWKSet> f = get.result().thenApply(this::parse).whenComplete((set, e) -> {
        if (e == null) {
          keys = set;
        } else {
          failure = words(e);
          failedUntilMillis = clock.millis() + JWKS_FAILURE_MEMORY.toMillis();
        }
      });
      fetching = f;
      return f;
    }

    private synchronized void abort() {
      if (exchange != null && fetching != null && !fetching.isDone()) {
        exchange.abort(new BoundedGet.Failure("no answer in " + JWKS_TIMEOUT.toSeconds()
            + " s"));
      }
    }

    private JWKSet parse(BoundedGet.Outcome outcome) {
      if (!(outcome instanceof BoundedGet.Body body) || body.status() != 200) {
        int status = outcome instanceof BoundedGet.Body b ? b.status()
            : outcome instanceof BoundedGet.Redirect r ? r.status()
            : ((BoundedGet.Status) outcome).status();
        throw new CompletionException(new BoundedGet.Failure("HTTP " + status));
      }
      try {
        JWKSet set = JWKSet.parse(new String(body.bytes(), StandardCharsets.UTF_8));
        TrustConfig.checkKeys(set, issuer.iss());
        return set;
      } catch (ParseException | IllegalArgumentException e) {
        throw new CompletionException(new BoundedGet.Failure("not a key set of public EC P-384 "
            + "or RSA keys with kids"));
      }
    }
  }

  /** A key-set fetch's failure in the service's words. */
  private static String words(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BoundedGet.Failure f) {
        return f.getMessage();
      }
      if (t instanceof java.net.http.HttpTimeoutException) {
        return "no answer in " + JWKS_TIMEOUT.toSeconds() + " s";
      }
      if (t instanceof java.net.ConnectException) {
        return "no connection";
      }
    }
    return e == null ? "unknown" : e.getClass().getSimpleName();
  }

  private static CallRefused unauthorized(String check) {
    return new CallRefused(401, "login", check);
  }

  /** The replay cache's size, for tests. */
  int remembered() {
    return replays.size();
  }
}
