package org.botoxeligibility.server;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Keys generated for the tests and tokens signed with them, as an EHR would sign them. */
final class Tokens {
  static final String ISSUER = "https://ehr.example.org";
  /** The tests' time: tokens and the server's clock agree on it. */
  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  final ECKey ec;
  final RSAKey rsa;

  Tokens() {
    try {
      ec = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
      rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key set an EHR publishes. */
  JWKSet publicKeys() {
    return new JWKSet(List.<JWK>of(ec.toPublicJWK(), rsa.toPublicJWK()));
  }

  /** A trust configuration of this EHR with inline keys. */
  TrustConfig trust(String... corsOrigins) {
    return new TrustConfig(List.of(new TrustConfig.Issuer(ISSUER, publicKeys(), null)),
        List.of(corsOrigins));
  }

  /** A trust configuration of this EHR with inline keys and the FHIR servers it may name. */
  TrustConfig trustWithFhirServers(String... fhirServers) {
    return new TrustConfig(List.of(new TrustConfig.Issuer(ISSUER, publicKeys(), null,
        List.of(fhirServers))), List.of());
  }

  /** Valid claims for an audience. */
  static JWTClaimsSet.Builder claims(String audience) {
    return new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience)
        .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(300)))
        .jwtID(UUID.randomUUID().toString());
  }

  /** An ES384 token for an audience. */
  String es384(String audience) {
    return sign(JWSAlgorithm.ES384, ec.getKeyID(), claims(audience).build(), null);
  }

  /** An RS384 token for an audience. */
  String rs384(String audience) {
    return sign(JWSAlgorithm.RS384, rsa.getKeyID(), claims(audience).build(), null);
  }

  /** An RS384 token with a given jti. */
  String rs384jti(String audience, String jti) {
    return sign(JWSAlgorithm.RS384, rsa.getKeyID(), claims(audience).jwtID(jti).build(), null);
  }

  /** An ES384 token whose claims a test changes. */
  String es384(String audience, Consumer<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder b = claims(audience);
    change.accept(b);
    return sign(JWSAlgorithm.ES384, ec.getKeyID(), b.build(), null);
  }

  /** A token signed with the given algorithm, kid and header change. */
  String sign(JWSAlgorithm alg, String kid, JWTClaimsSet claims,
      Consumer<JWSHeader.Builder> header) {
    try {
      JWSHeader.Builder h = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT);
      if (kid != null) {
        h.keyID(kid);
      }
      if (header != null) {
        header.accept(h);
      }
      SignedJWT jwt = new SignedJWT(h.build(), claims);
      JWSSigner signer = alg.equals(JWSAlgorithm.RS384) ? new RSASSASigner(rsa)
          : new ECDSASigner(ec);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token signed by a key nobody trusts, under a kid of its own. */
  static String foreignKey(String audience, String kid) {
    try {
      ECKey other = new ECKeyGenerator(Curve.P_384).keyID(kid).generate();
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(kid)
          .type(JOSEObjectType.JWT).build(), claims(audience).build());
      jwt.sign(new ECDSASigner(other));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned token (alg none). */
  static String none(String audience) {
    return new PlainJWT(claims(audience).build()).serialize();
  }

  /** HS256 with the RSA public key as the shared secret: the classic key-confusion attack. */
  String hs256WithPublicKey(String audience) {
    try {
      byte[] secret = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
          .keyID(rsa.getKeyID()).type(JOSEObjectType.JWT).build(), claims(audience).build());
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An ES384 token with a jku header. */
  String withJku(String audience, URI jku) {
    return sign(JWSAlgorithm.ES384, ec.getKeyID(), claims(audience).build(),
        h -> h.jwkURL(jku));
  }
}
