package org.botoxeligibility.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The EHRs this service accepts, the FHIR servers each may have the service fetch from, and the
 * browser origins it answers (cds-hooks.md §1, §6), read from the trust file:
 *
 * <pre>{@code
 * {"issuers": [{"iss": "https://ehr.example.org", "jwks": {"keys": [...]},
 *               "fhirServers": ["https://ehr.example.org/fhir/r4"]},
 *              {"iss": "https://other.example.org", "jwksFile": "other-jwks.json"},
 *              {"iss": "https://third.example.org", "jwksUri": "https://third.example.org/jwks"}],
 *  "corsOrigins": ["https://ehr.example.org"],
 *  "maxFhirResponseBytes": 16777216}
 * }</pre>
 *
 * <p>A {@code jwksFile} is read relative to the trust file's folder, once, when the trust file is
 * read. A {@code jwksUri} is fetched by the server on first use. Key sets must hold public keys
 * only, EC P-384 or RSA of at least 2048 bits, each with a {@code kid}. {@code fhirServers} are the
 * base URLs a call authenticated by that issuer may name as its {@code fhirServer}; the service
 * fetches from no other (none listed: it never fetches for that issuer). Each is an {@code https}
 * URL without query or fragment ({@code http} only to this machine's loopback address, which the
 * server accepts only when allowed to, for development); they are kept normalised (scheme and host
 * lower-cased, default port dropped, one trailing slash ignored). {@code maxFhirResponseBytes}
 * caps each fetched response, counted after decompression (default 16 MiB). Immutable.
 *
 * @param issuers the trusted issuers, each with its keys or where to fetch them
 * @param corsOrigins origins allowed by CORS (exact match); empty for none
 * @param maxFhirResponseBytes the largest FHIR response the service reads, in bytes after
 *     decompression
 */
public record TrustConfig(List<Issuer> issuers, List<String> corsOrigins,
    long maxFhirResponseBytes) {
  /** The default cap of a fetched FHIR response: 16 MiB, after decompression. */
  public static final long DEFAULT_MAX_FHIR_RESPONSE_BYTES = 16L * 1024 * 1024;

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /**
   * One trusted issuer.
   *
   * @param iss the exact {@code iss} of its tokens
   * @param jwks its public keys, when given inline or in a file; else null
   * @param jwksUri where its keys are fetched from (and the only {@code jku} accepted); else null
   * @param fhirServers the FHIR server base URLs its calls may name, normalised; empty for none
   */
  public record Issuer(String iss, JWKSet jwks, URI jwksUri, List<String> fhirServers) {
    /**
     * Checks that exactly one of the key sources is given, and normalises the FHIR servers.
     *
     * @param iss the exact {@code iss} of its tokens
     * @param jwks its public keys, or null
     * @param jwksUri where its keys are fetched from, or null
     * @param fhirServers the FHIR server base URLs its calls may name (https; plain http only to
     *     a loopback address); null for none
     * @throws IllegalArgumentException when a key source is missing or doubled, a key is not
     *     acceptable, or a FHIR server is not a base URL the service may fetch from
     */
    public Issuer {
      Objects.requireNonNull(iss, "iss must not be null");
      if ((jwks == null) == (jwksUri == null)) {
        throw new IllegalArgumentException("issuer " + iss
            + ": give exactly one of jwks, jwksFile or jwksUri");
      }
      if (jwks != null) {
        checkKeys(jwks, iss);
      }
      fhirServers = normalised(fhirServers == null ? List.of() : fhirServers, "fhirServers");
    }

    /**
     * An issuer whose calls may name no FHIR server (the service never fetches for it).
     *
     * @param iss the exact {@code iss} of its tokens
     * @param jwks its public keys, or null
     * @param jwksUri where its keys are fetched from, or null
     */
    public Issuer(String iss, JWKSet jwks, URI jwksUri) {
      this(iss, jwks, jwksUri, List.of());
    }

    /**
     * Whether a call of this issuer may name a FHIR server.
     *
     * @param server the server, normalised
     * @return true when it is listed
     */
    boolean lists(FhirServerUrl server) {
      return fhirServers.contains(server.toString());
    }
  }

  /** Each FHIR server base URL checked and normalised, in order, without repeats. */
  private static List<String> normalised(List<String> servers, String at) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      String text = servers.get(i);
      FhirServerUrl url;
      try {
        url = FhirServerUrl.parse(text);
      } catch (FhirServerUrl.Refused e) {
        throw new IllegalArgumentException(at + "[" + i + "]: the FHIR server base URL "
            + e.getMessage());
      }
      if (url.plainHttp() && !url.loopback()) {
        throw new IllegalArgumentException(at + "[" + i + "]: expected an https URL (plain "
            + "http only to this machine's loopback address, for development)");
      }
      if (!out.contains(url.toString())) {
        out.add(url.toString());
      }
    }
    return List.copyOf(out);
  }

  /**
   * Copies the lists and checks the cap.
   *
   * @param issuers the trusted issuers
   * @param corsOrigins the browser origins allowed by CORS
   * @param maxFhirResponseBytes the largest FHIR response read, in bytes after decompression
   * @throws IllegalArgumentException when the cap is not positive
   */
  public TrustConfig {
    issuers = List.copyOf(issuers);
    corsOrigins = List.copyOf(corsOrigins);
    if (maxFhirResponseBytes < 1) {
      throw new IllegalArgumentException("maxFhirResponseBytes must be positive");
    }
  }

  /**
   * A trust configuration with the default cap of fetched FHIR responses (16 MiB).
   *
   * @param issuers the trusted issuers
   * @param corsOrigins the browser origins allowed by CORS
   */
  public TrustConfig(List<Issuer> issuers, List<String> corsOrigins) {
    this(issuers, corsOrigins, DEFAULT_MAX_FHIR_RESPONSE_BYTES);
  }

  /**
   * Finds a trusted issuer.
   *
   * @param iss a token's issuer
   * @return the issuer, or null when it is not trusted
   */
  public Issuer issuer(String iss) {
    for (Issuer i : issuers) {
      if (i.iss().equals(iss)) {
        return i;
      }
    }
    return null;
  }

  /**
   * Reads a trust file.
   *
   * @param file the trust file
   * @return the trust configuration
   * @throws IOException when it or a {@code jwksFile} cannot be read
   * @throws IllegalArgumentException when it breaks the format; the message says where
   */
  public static TrustConfig read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Path folder = file.toAbsolutePath().getParent();
    return parse(bytes, folder);
  }

  /**
   * Parses a trust file's JSON.
   *
   * @param json the JSON
   * @param folder the folder {@code jwksFile} paths are relative to
   * @return the trust configuration
   * @throws IOException when a {@code jwksFile} cannot be read
   * @throws IllegalArgumentException when it breaks the format; the message says where
   */
  public static TrustConfig parse(byte[] json, Path folder) throws IOException {
    JsonNode root;
    try (JsonParser parser = JSON.createParser(json)) {
      root = JSON.readTree(parser);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException("the trust file is not valid JSON: "
          + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the trust file must be a JSON object");
    }
    onlyFields(root, "$", Set.of("issuers", "corsOrigins", "maxFhirResponseBytes"));
    JsonNode issuersNode = root.get("issuers");
    if (issuersNode == null || !issuersNode.isArray() || issuersNode.isEmpty()) {
      throw new IllegalArgumentException("$.issuers: expected a non-empty array of issuers");
    }
    List<Issuer> issuers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < issuersNode.size(); i++) {
      String at = "$.issuers[" + i + "]";
      JsonNode node = issuersNode.get(i);
      if (!node.isObject()) {
        throw new IllegalArgumentException(at + ": expected an object");
      }
      onlyFields(node, at, Set.of("iss", "jwks", "jwksFile", "jwksUri", "fhirServers"));
      List<String> fhirServers = fhirServers(node.get("fhirServers"), at + ".fhirServers");
      JsonNode iss = node.get("iss");
      if (iss == null || !iss.isTextual() || iss.asText().isBlank()) {
        throw new IllegalArgumentException(at + ".iss: expected the issuer's URI as a string");
      }
      if (!names.add(iss.asText())) {
        throw new IllegalArgumentException(at + ".iss: " + iss.asText() + " is listed twice");
      }
      int sources = (node.has("jwks") ? 1 : 0) + (node.has("jwksFile") ? 1 : 0)
          + (node.has("jwksUri") ? 1 : 0);
      if (sources != 1) {
        throw new IllegalArgumentException(at + ": give exactly one of jwks, jwksFile or "
            + "jwksUri");
      }
      try {
        if (node.has("jwks")) {
          issuers.add(new Issuer(iss.asText(), jwkSet(node.get("jwks").toString(), at + ".jwks"),
              null, fhirServers));
        } else if (node.has("jwksFile")) {
          JsonNode f = node.get("jwksFile");
          if (!f.isTextual()) {
            throw new IllegalArgumentException(at + ".jwksFile: expected a path as a string");
          }
          Path path = folder == null ? Path.of(f.asText()) : folder.resolve(f.asText());
          issuers.add(new Issuer(iss.asText(), jwkSet(Files.readString(path,
              StandardCharsets.UTF_8), at + ".jwksFile (" + path + ")"), null, fhirServers));
        } else {
          JsonNode u = node.get("jwksUri");
          if (!u.isTextual()) {
            throw new IllegalArgumentException(at + ".jwksUri: expected a URL as a string");
          }
          issuers.add(new Issuer(iss.asText(), null, jwksUri(u.asText(), at + ".jwksUri"),
              fhirServers));
        }
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("$")) {
          throw e;
        }
        throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
      }
    }
    List<String> origins = new ArrayList<>();
    JsonNode corsNode = root.get("corsOrigins");
    if (corsNode != null) {
      if (!corsNode.isArray()) {
        throw new IllegalArgumentException("$.corsOrigins: expected an array of origins");
      }
      for (int i = 0; i < corsNode.size(); i++) {
        JsonNode o = corsNode.get(i);
        if (!o.isTextual() || !isOrigin(o.asText())) {
          throw new IllegalArgumentException("$.corsOrigins[" + i + "]: expected an origin "
              + "such as https://ehr.example.org (scheme, host and optional port, no path)");
        }
        origins.add(o.asText());
      }
    }
    long cap = DEFAULT_MAX_FHIR_RESPONSE_BYTES;
    JsonNode capNode = root.get("maxFhirResponseBytes");
    if (capNode != null) {
      if (!capNode.canConvertToLong() || !capNode.isIntegralNumber() || capNode.asLong() < 1) {
        throw new IllegalArgumentException("$.maxFhirResponseBytes: expected a positive whole "
            + "number of bytes");
      }
      cap = capNode.asLong();
    }
    return new TrustConfig(issuers, origins, cap);
  }

  /** An issuer's {@code fhirServers}: absent is none; else an array of base URL strings. */
  private static List<String> fhirServers(JsonNode node, String at) {
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(at + ": expected an array of FHIR server base URLs");
    }
    List<String> servers = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        throw new IllegalArgumentException(at + "[" + i + "]: expected a base URL as a string");
      }
      servers.add(node.get(i).asText());
    }
    normalised(servers, at);
    return servers;
  }

  private static void onlyFields(JsonNode node, String at, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(at + "." + name + ": unknown field (expected one of "
            + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
    }
  }

  private static JWKSet jwkSet(String json, String at) {
    try {
      return JWKSet.parse(json);
    } catch (ParseException e) {
      throw new IllegalArgumentException(at + ": not a JWK Set (" + e.getMessage() + ")");
    }
  }

  /**
   * Checks that a key set holds only public keys the service verifies with: EC P-384 and RSA of
   * at least 2048 bits, each with a kid.
   */
  static void checkKeys(JWKSet set, String owner) {
    if (set.getKeys().isEmpty()) {
      throw new IllegalArgumentException("the key set of " + owner + " holds no key");
    }
    for (JWK key : set.getKeys()) {
      String kid = key.getKeyID();
      if (kid == null || kid.isEmpty()) {
        throw new IllegalArgumentException("a key of " + owner + " has no kid");
      }
      if (key.isPrivate()) {
        throw new IllegalArgumentException("key " + kid + " of " + owner + " is a private key; "
            + "the trust file takes public keys only");
      }
      if (key instanceof ECKey ec) {
        if (!Curve.P_384.equals(ec.getCurve())) {
          throw new IllegalArgumentException("key " + kid + " of " + owner + " is on curve "
              + ec.getCurve() + "; ES384 needs P-384");
        }
      } else if (key instanceof RSAKey rsa) {
        if (rsa.size() < 2048) {
          throw new IllegalArgumentException("key " + kid + " of " + owner + " has "
              + rsa.size() + " bits; RS384 needs at least 2048");
        }
      } else {
        throw new IllegalArgumentException("key " + kid + " of " + owner + " is of type "
            + key.getKeyType() + "; only EC (ES384) and RSA (RS384) keys are accepted");
      }
    }
  }

  private static URI jwksUri(String text, String at) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(at + ": not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https")
        || scheme.equals("http") && Loopback.is(uri.getHost()))) {
      throw new IllegalArgumentException(at + ": expected an https URL (http only on this "
          + "machine's loopback address)");
    }
    return uri;
  }

  private static boolean isOrigin(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return scheme != null && (scheme.equals("https") || scheme.equals("http"))
          && uri.getHost() != null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
