package org.botoxeligibility.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A FHIR server base URL as the service compares and fetches it (cds-hooks.md §6): an absolute
 * {@code https} or {@code http} URL with a host, no user information, no query and no fragment.
 * Two base URLs are the same when their normal forms are equal: scheme and host lower-cased, the
 * default port dropped, one trailing slash ignored; nothing else is rewritten (no percent-decoding,
 * no path resolution). The origin (scheme, host, port) is what a redirect must stay within.
 *
 * @param scheme {@code https} or {@code http}
 * @param host the host, lower-cased (an IPv6 address in brackets)
 * @param port the port, or -1 for the scheme's default
 * @param path the raw path without one trailing slash ({@code ""} for none)
 */
record FhirServerUrl(String scheme, String host, int port, String path) {

  /** Why a text is not a base URL, in words that never quote it. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * Parses and normalises a base URL.
   *
   * @param text the URL as written
   * @return its normal form
   * @throws Refused when it is not an absolute http(s) URL with a host, or has user information,
   *     a query or a fragment
   */
  static FhirServerUrl parse(String text) throws Refused {
    if (text == null || text.isBlank()) {
      throw new Refused("is empty");
    }
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new Refused("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new Refused("is not an https URL");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new Refused("has a query or a fragment (a base URL has neither)");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("carries user information");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new Refused("names no host");
    }
    int port = uri.getPort();
    if (port == defaultPort(scheme)) {
      port = -1;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return new FhirServerUrl(scheme, uri.getHost().toLowerCase(Locale.ROOT), port, path);
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }

  /** Whether it is plain http. */
  boolean plainHttp() {
    return scheme.equals("http");
  }

  /** Whether its host is this machine's loopback interface. */
  boolean loopback() {
    return Loopback.is(host);
  }

  /** The origin: scheme, host and (explicit) port, e.g. {@code https://fhir.example.org:443}. */
  String origin() {
    return scheme + "://" + host + ":" + (port < 0 ? defaultPort(scheme) : port);
  }

  /**
   * The origin of a URL (a redirect's target), in the same form as {@link #origin()}.
   *
   * @param uri an absolute URI
   * @return its origin, or null when it has no http(s) scheme or no host
   */
  static String originOf(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      return null;
    }
    int port = uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort();
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }

  /**
   * A URL on this server: the base, a slash and a relative reference with its query.
   *
   * @param relative e.g. {@code Patient/p1} or {@code Condition?patient=p1}, already encoded
   * @return the absolute URI
   */
  URI resolve(String relative) {
    return URI.create(this + "/" + relative);
  }

  /** The normal form, e.g. {@code https://fhir.example.org/r4}. */
  @Override
  public String toString() {
    return scheme + "://" + host + (port < 0 ? "" : ":" + port) + path;
  }
}
