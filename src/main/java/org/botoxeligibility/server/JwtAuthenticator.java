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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

  private final TrustConfig trust;
  private final Clock clock;
  private final ReplayCache replays;
  private final HttpClient http;
  /** Key sets fetched from a jwksUri, by issuer: fetched once, on first use. */
  private final Map<String, JWKSet> fetched = new ConcurrentHashMap<>();

  JwtAuthenticator(TrustConfig trust, Clock clock, int replayCapacity) {
    this.trust = trust;
    this.clock = clock;
    this.replays = new ReplayCache(replayCapacity);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Who called: the token's issuer (an EHR of the trust file). */
  record Caller(String issuer) {}

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
        return new Caller(iss);
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
    JWKSet known = fetched.get(issuer.iss());
    if (known != null) {
      return known;
    }
    synchronized (fetched) {
      known = fetched.get(issuer.iss());
      if (known == null) {
        known = fetch(issuer);
        fetched.put(issuer.iss(), known);
      }
      return known;
    }
  }

  private JWKSet fetch(TrustConfig.Issuer issuer) throws CallRefused {
    try {
      HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(issuer.jwksUri())
          .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_JWKS_BYTES + 1);
      }
      if (response.statusCode() != 200 || body.length > MAX_JWKS_BYTES) {
        throw unauthorized("kid: the issuer's key set could not be fetched from its jwksUri "
            + "(HTTP " + response.statusCode() + ")");
      }
      JWKSet set = JWKSet.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
      TrustConfig.checkKeys(set, issuer.iss());
      return set;
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw unauthorized("kid: the issuer's key set could not be fetched from its jwksUri ("
          + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unauthorized("kid: the issuer's key set could not be fetched (interrupted)");
    }
  }

  private static CallRefused unauthorized(String check) {
    return new CallRefused(401, "login", check);
  }

  /** The replay cache's size, for tests. */
  int remembered() {
    return replays.size();
  }
}
