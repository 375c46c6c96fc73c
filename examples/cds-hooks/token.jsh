// Signs a CDS Hooks JWT (ES384) the way an EHR does, for trying the service by hand.
// The first run makes a P-384 key pair: ehr-key.json (private: keep it) and ehr-jwks.json
// (public: name it in the trust file). Every run prints a new token for the audience given:
//
//   jshell -R-Daud=http://127.0.0.1:8080/cds-services \
//          --class-path target/lib/nimbus-jose-jwt-10.10.jar examples/cds-hooks/token.jsh
//
// -R-Diss=... changes the issuer (default https://ehr.example.org); the token lives 4 minutes.
import com.nimbusds.jose.*;
import com.nimbusds.jose.crypto.*;
import com.nimbusds.jose.jwk.*;
import com.nimbusds.jose.jwk.gen.*;
import com.nimbusds.jwt.*;
import java.nio.file.*;
import java.util.*;

Path keyFile = Path.of(System.getProperty("key", "ehr-key.json"));
ECKey key;
if (Files.exists(keyFile)) {
  key = ECKey.parse(Files.readString(keyFile));
} else {
  key = new ECKeyGenerator(Curve.P_384).keyID("ehr-1").generate();
  Files.writeString(keyFile, key.toJSONString());
  Files.writeString(Path.of("ehr-jwks.json"), new JWKSet(key.toPublicJWK()).toString());
}
Date now = new Date();
JWTClaimsSet claims = new JWTClaimsSet.Builder().
    issuer(System.getProperty("iss", "https://ehr.example.org")).
    audience(System.getProperty("aud")).
    issueTime(now).
    expirationTime(new Date(now.getTime() + 240_000)).
    jwtID(UUID.randomUUID().toString()).
    build();
SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).
    keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
jwt.sign(new ECDSASigner(key));
System.out.println(jwt.serialize());
/exit
