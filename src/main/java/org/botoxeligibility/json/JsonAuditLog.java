package org.botoxeligibility.json;

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
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.botoxeligibility.assessment.Assessment;
import org.botoxeligibility.assessment.Reason;
import org.botoxeligibility.assessment.Recommendation;
import org.botoxeligibility.engine.AuditSink;
import org.botoxeligibility.intake.Intake;

/**
 * The audit trail as a file of JSON lines, one per evaluation: the time, the intake id, the
 * SHA-256 of the canonical intake, the knowledge-base version, each concern's decision and reason
 * codes (in the intake's order), and the fired rules. Nothing else of the intake: no condition, no
 * concern id, no date of the patient's. Each line is appended with one write under a file lock,
 * so concurrent writers (threads or processes) never interleave lines.
 */
public final class JsonAuditLog implements AuditSink, Closeable {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /**
   * One monitor per file in this JVM: a FileLock is held for the whole JVM, so two logs on the
   * same file in one process must take turns before they lock against other processes.
   */
  private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private final FileChannel channel;
  private final Clock clock;
  private final Object monitor;

  private JsonAuditLog(FileChannel channel, Clock clock, Path file) {
    this.channel = channel;
    this.clock = clock;
    this.monitor = MONITORS.computeIfAbsent(file, f -> new Object());
  }

  /**
   * Opens (creating if needed) a file to append to, with timestamps from the system clock in UTC.
   * Close it when the engine that uses it is no longer used.
   *
   * @param file the log file; its folder must exist
   * @return the log
   * @throws IOException when the file cannot be opened for appending
   */
  public static JsonAuditLog appendingTo(Path file) throws IOException {
    return appendingTo(file, Clock.systemUTC());
  }

  /**
   * Opens (creating if needed) a file to append to, with timestamps from the given clock.
   *
   * @param file the log file; its folder must exist
   * @param clock the clock of each line's {@code timestamp}
   * @return the log
   * @throws IOException when the file cannot be opened for appending
   */
  public static JsonAuditLog appendingTo(Path file, Clock clock) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new JsonAuditLog(channel, clock, file.toRealPath());
  }

  @Override
  public void record(Intake intake, Assessment assessment) {
    ByteBuffer line = ByteBuffer.wrap(line(intake, assessment));
    synchronized (monitor) {
      try (FileLock lock = channel.lock()) {
        while (line.hasRemaining()) {
          channel.write(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to the audit log", e);
      }
    }
  }

  byte[] line(Intake intake, Assessment a) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("timestamp", clock.instant().toString());
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
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
