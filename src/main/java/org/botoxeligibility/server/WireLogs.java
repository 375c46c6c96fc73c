package org.botoxeligibility.server;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the wire loggers off inside the server (cds-hooks.md §6: no token in any log). At debug
 * and trace level Jetty's loggers write what crosses the wire: its HTTP parser every request
 * header (the EHR's bearer token), its connections and end points the first and last bytes of
 * every buffer (a request's body, an answer's cards). No SLF4J backend can be told a level through
 * SLF4J, so the server does not start while any of them is on: {@link #check} names them and says
 * what to set. It asks the logger of every Jetty class the server runs on (the classes of its
 * jars, so a single class turned to debug is found) and of every package above them. The JDK's
 * HTTP client, which fetches from FHIR servers and key-set endpoints, logs headers only when a
 * system property asks for it ({@code jdk.httpclient.HttpClient.log}, {@code
 * jdk.internal.httpclient.debug}); those are refused too.
 */
final class WireLogs {
  private WireLogs() {}

  /** The loggers that must stay at INFO or above: Jetty's. */
  static final List<String> PREFIXES = List.of("org.eclipse.jetty");

  /**
   * Refuses to go on while a wire logger is at debug or trace.
   *
   * @throws IllegalStateException naming the loggers and properties at fault
   */
  static void check() {
    List<String> on = new ArrayList<>();
    for (String name : loggerNames()) {
      Logger logger = LoggerFactory.getLogger(name);
      if (logger.isDebugEnabled() || logger.isTraceEnabled()) {
        on.add(name);
      }
    }
    List<String> properties = new ArrayList<>();
    String log = System.getProperty("jdk.httpclient.HttpClient.log");
    if (log != null && !log.isBlank() && !log.trim().toLowerCase(Locale.ROOT).equals("errors")) {
      properties.add("jdk.httpclient.HttpClient.log");
    }
    if (Boolean.parseBoolean(System.getProperty("jdk.internal.httpclient.debug"))) {
      properties.add("jdk.internal.httpclient.debug");
    }
    if (on.isEmpty() && properties.isEmpty()) {
      return;
    }
    StringBuilder why = new StringBuilder("the CDS Hooks server does not start while a logger "
        + "that writes request headers and bytes (bearer tokens, patient data) is on: ");
    if (!on.isEmpty()) {
      why.append(on.size() == 1 ? "the logger " : on.size() + " loggers, ")
          .append(String.join(", ", on.subList(0, Math.min(3, on.size()))))
          .append(on.size() > 3 ? ", ..." : "")
          .append(on.size() == 1 ? " is" : " are")
          .append(" at DEBUG or TRACE; set org.eclipse.jetty (and everything under it) to INFO "
              + "or above");
    }
    if (!properties.isEmpty()) {
      why.append(on.isEmpty() ? "" : "; ").append("the system propert")
          .append(properties.size() == 1 ? "y " : "ies ").append(String.join(", ", properties))
          .append(" turn").append(properties.size() == 1 ? "s" : "")
          .append(" on the JDK HTTP client's logging; remove ")
          .append(properties.size() == 1 ? "it" : "them");
    }
    throw new IllegalStateException(why.toString());
  }

  /**
   * The names of the loggers to ask: each prefix, every Jetty class of the jars the server uses
   * (Jetty names a logger after its class), and every package between.
   */
  static Set<String> loggerNames() {
    Set<String> names = new TreeSet<>(PREFIXES);
    for (Class<?> c : List.of(org.eclipse.jetty.server.Server.class,
        org.eclipse.jetty.http.HttpParser.class, org.eclipse.jetty.io.EndPoint.class,
        org.eclipse.jetty.util.Callback.class)) {
      addClasses(c, names);
      addPackages(c.getName(), names);
    }
    return names;
  }

  private static void addClasses(Class<?> c, Set<String> names) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location == null) {
      return;
    }
    try {
      Path path = Path.of(location.toURI());
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          files.filter(f -> f.toString().endsWith(".class")).forEach(f -> add(
              path.relativize(f).toString().replace(java.io.File.separatorChar, '/'), names));
        }
      } else {
        try (JarFile jar = new JarFile(path.toFile())) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            add(entries.nextElement().getName(), names);
          }
        }
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      // the prefixes and packages are still asked
    }
  }

  private static void add(String entry, Set<String> names) {
    if (!entry.startsWith("org/eclipse/jetty/") || !entry.endsWith(".class")
        || entry.contains("$") || entry.endsWith("module-info.class")
        || entry.endsWith("package-info.class")) {
      return;
    }
    String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    names.add(name);
    addPackages(name, names);
  }

  private static void addPackages(String className, Set<String> names) {
    for (int dot = className.lastIndexOf('.'); dot > 0; dot = className.lastIndexOf('.', dot - 1)) {
      String pkg = className.substring(0, dot);
      if (!pkg.startsWith("org.eclipse.jetty")) {
        break;
      }
      names.add(pkg);
    }
  }
}
