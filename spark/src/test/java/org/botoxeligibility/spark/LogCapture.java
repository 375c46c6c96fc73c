package org.botoxeligibility.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/** Keeps every log event that reaches log4j's root logger while it is started (tests). */
final class LogCapture extends AbstractAppender {
  private final List<String> events = new ArrayList<>();

  LogCapture() {
    super("capture", null, null, true, Property.EMPTY_ARRAY);
  }

  @Override
  public synchronized void append(LogEvent event) {
    StringBuilder sb = new StringBuilder(event.getLoggerName()).append(": ")
        .append(event.getMessage().getFormattedMessage());
    for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
      sb.append(" | ").append(t);
    }
    events.add(sb.toString());
  }

  synchronized List<String> events() {
    return List.copyOf(events);
  }

  void attach() {
    start();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Configuration config = ctx.getConfiguration();
    config.getRootLogger().addAppender(this, null, null);
    ctx.updateLoggers();
  }

  void detach() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    ctx.getConfiguration().getRootLogger().removeAppender(getName());
    ctx.updateLoggers();
    stop();
  }
}
