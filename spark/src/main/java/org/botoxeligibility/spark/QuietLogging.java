package org.botoxeligibility.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * The driver's logging when nobody configured it: log4j 2 (Spark's backend) writing warnings and
 * errors to standard error, so that standard output carries only the summary line. Installed
 * before the first SparkSession; when log4j is already configured (spark-submit with its own
 * {@code log4j2.properties}), that configuration stays and {@code spark.log.level} (WARN unless
 * given) sets the level. The context is kept in a static field: log4j holds it weakly, and a
 * collected context comes back with the INFO defaults.
 */
final class QuietLogging {
  @SuppressWarnings("unused")
  private static LoggerContext context;

  private QuietLogging() {}

  static synchronized void install() {
    if (context != null || System.getProperty("log4j2.configurationFile") != null
        || System.getProperty("log4j.configurationFile") != null) {
      return;
    }
    ConfigurationBuilder<BuiltConfiguration> b =
        ConfigurationBuilderFactory.newConfigurationBuilder();
    b.setStatusLevel(Level.ERROR);
    b.setConfigurationName("botox-eligibility-screening");
    AppenderComponentBuilder console = b.newAppender("stderr", "Console")
        .addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR);
    console.add(b.newLayout("PatternLayout")
        .addAttribute("pattern", "%d{HH:mm:ss} %-5level %c{1}: %msg%n%throwable{short}"));
    b.add(console);
    b.add(b.newRootLogger(Level.WARN).add(b.newAppenderRef("stderr")));
    context = Configurator.initialize(b.build());
  }
}
