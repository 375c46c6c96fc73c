package org.botoxeligibility.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.engine.AuditSink;
import org.botoxeligibility.intake.Intake;
import org.botoxeligibility.json.CanonicalIntake;

/**
 * The service's audit trail, JSON lines appended to a file. An evaluated call writes the line
 * {@code evaluate --audit-log} writes (time, intake id, SHA-256 of the canonical intake,
 * knowledge-base version, each concern's decision and reason codes, fired rules) with the hook and
 * hookInstance; a feedback item writes its card uuid, outcome, override reason code and times.
 * Nothing else of the patient, and never a token. Each line is one write under a file lock, so
 * processes and servers sharing a file never interleave lines. One per server; the engine calls it
 * on the evaluating thread, which {@link #during} has told the hook and hookInstance.
 */
final class CdsAuditLog implements AuditSink, Closeable {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final FileChannel channel;
  private final Clock clock;
  private final ThreadLocal<String[]> call = new ThreadLocal<>();

  private CdsAuditLog(FileChannel channel, Clock clock) {
    this.channel = channel;
    this.clock = clock;
  }

  /**
   * Opens (creating if needed) a file to append to.
   *
   * @param file the audit log
   * @param clock the clock of the timestamps
   * @return the log
   * @throws IOException when it cannot be opened
   */
  static CdsAuditLog appendingTo(Path file, Clock clock) throws IOException {
    return new CdsAuditLog(FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND), clock);
  }

  /** Runs an evaluation whose audit line names this hook call. */
  <T, E extends Exception> T during(String hook, String hookInstance, Evaluation<T, E> work)
      throws E {
    call.set(new String[] {hook, hookInstance});
    try {
      return work.run();
    } finally {
      call.remove();
    }
  }

  /** Work that may throw. */
  interface Evaluation<T, E extends Exception> {
    T run() throws E;
  }

  @Override
  public void record(Intake intake, Assessment a) {
    String[] hook = call.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("timestamp", clock.instant().toString());
      g.writeStringField("event", "evaluation");
      if (hook != null) {
        g.writeStringField("hook", hook[0]);
        g.writeStringField("hookInstance", hook[1]);
      }
      g.writeStringField("intakeId", a.intakeId());
      g.writeStringField("intakeSha256", CanonicalIntake.sha256(intake));
      g.writeStringField("knowledgeBaseVersion", a.knowledgeBaseVersion());
      g.writeArrayFieldStart("concerns");
      for (Recommendation r : a.recommendations()) {
        g.writeStartObject();
        g.writeStringField("decision", r.decision().name());
        g.writeArrayFieldStart("reasonCodes");
        for (Reason reason : r.reasons()) {
          g.writeString(reason.code());
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("firedRules");
      for (String rule : a.firedRules()) {
        g.writeString(rule);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    append(out.toByteArray());
  }

  /**
   * Appends one feedback item.
   *
   * @param service the service's id
   * @param item the item, checked
   */
  void feedback(String service, Feedback.Item item) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("timestamp", clock.instant().toString());
      g.writeStringField("event", "feedback");
      g.writeStringField("service", service);
      g.writeStringField("card", item.card());
      g.writeStringField("outcome", item.outcome());
      if (item.overrideReasonCode() != null) {
        g.writeStringField("overrideReasonSystem", item.overrideReasonSystem());
        g.writeStringField("overrideReasonCode", item.overrideReasonCode());
      }
      g.writeStringField("outcomeTimestamp", item.outcomeTimestamp());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    append(out.toByteArray());
  }

  private void append(byte[] bytes) {
    ByteBuffer line = ByteBuffer.wrap(bytes);
    synchronized (this) {
      while (true) {
        try (FileLock lock = channel.lock()) {
          while (line.hasRemaining()) {
            channel.write(line);
          }
          return;
        } catch (OverlappingFileLockException e) {
          // another log on the same file in this JVM (another server) holds the lock: wait
          Thread.onSpinWait();
          try {
            Thread.sleep(1);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while appending to the "
                + "audit log"));
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot append to the audit log", e);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
