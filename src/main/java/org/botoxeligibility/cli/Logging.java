package org.botoxeligibility.cli;

/**
 * Configures the CLI's logging backend (slf4j-simple) before any logger exists: standard error
 * only, warnings and errors only. With --debug the engine's own debug log (intake ids only) is
 * shown; Drools stays at warnings, since its debug output can print facts.
 */
final class Logging {
  private Logging() {}

  static void configure(boolean debug) {
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "false");
    if (debug) {
      setIfAbsent("org.slf4j.simpleLogger.log.org.botoxeligibility", "debug");
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
