package org.botoxeligibility.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The tests' SLF4J backend (chosen with -Dslf4j.provider in the pom): it keeps every event of
 * every logger while a test captures, so that a test can read everything the engine and Drools
 * logged. With -Dcapture.allLevels=true every level is enabled from the start of the JVM (for the
 * no-patient-data test); otherwise only warnings and errors are, and they go to standard error.
 */
public final class CapturingLoggerProvider implements SLF4JServiceProvider {
  static final boolean ALL_LEVELS = Boolean.getBoolean("capture.allLevels");
  private static final List<String> CAPTURED = new ArrayList<>();
  private static volatile boolean capturing;
  /** Loggers held at INFO and above whatever the levels (by name prefix), as an operator sets. */
  private static volatile List<String> heldAtInfo = List.of();

  private final ILoggerFactory factory = CapturingLogger::new;
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Starts keeping events, dropping any kept before. */
  public static void start() {
    synchronized (CAPTURED) {
      CAPTURED.clear();
    }
    capturing = true;
  }

  /** Stops keeping events and returns them, each formatted with its logger, level and throwable. */
  public static List<String> stop() {
    capturing = false;
    synchronized (CAPTURED) {
      return List.copyOf(CAPTURED);
    }
  }

  public static boolean allLevels() {
    return ALL_LEVELS;
  }

  /**
   * Holds the loggers whose names start with one of the prefixes at INFO and above (their debug
   * and trace off), as an operator's logging configuration can; no prefix releases them.
   *
   * @param prefixes logger name prefixes
   */
  public static void holdAtInfo(String... prefixes) {
    heldAtInfo = List.of(prefixes);
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class CapturingLogger extends AbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    private boolean enabled(Level level) {
      if (level.toInt() < Level.INFO.toInt()
          && heldAtInfo.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "."))) {
        return false;
      }
      return ALL_LEVELS || level.toInt() >= Level.WARN.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
      return enabled(Level.TRACE);
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return enabled(Level.DEBUG);
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return enabled(Level.INFO);
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern,
        Object[] arguments, Throwable throwable) {
      String message = MessageFormatter.basicArrayFormat(pattern, arguments);
      StringBuilder line = new StringBuilder().append(level).append(' ').append(name)
          .append(": ").append(message);
      if (throwable != null) {
        StringWriter trace = new StringWriter();
        throwable.printStackTrace(new PrintWriter(trace));
        line.append('\n').append(trace);
      }
      if (capturing) {
        synchronized (CAPTURED) {
          CAPTURED.add(line.toString());
        }
      } else if (level.toInt() >= Level.WARN.toInt()) {
        System.err.println(line);
      }
    }
  }
}
