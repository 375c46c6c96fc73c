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
import java.util.Objects;
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
   * @throws NullPointerException when {@code file} is null
   */
  public static JsonAuditLog appendingTo(Path file) throws IOException {
    return appendingTo(Objects.requireNonNull(file, "file must not be null"), Clock.systemUTC());
  }

  /**
   * Opens (creating if needed) a file to append to, with timestamps from the given clock.
   *
   * @param file the log file; its folder must exist
   * @param clock the clock of each line's {@code timestamp}
   * @return the log
   * @throws IOException when the file cannot be opened for appending
   * @throws NullPointerException when {@code file} or {@code clock} is null
   */
  public static JsonAuditLog appendingTo(Path file, Clock clock) throws IOException {
    Objects.requireNonNull(file, "file must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new JsonAuditLog(channel, clock, file.toRealPath());
  }

  @Override
  public void record(Intake intake, Assessment assessment) {
    appendLine(line(intake, assessment));
  }

  /**
   * Appends one line of the caller's own whole (a line of the CDS Hooks service's, say), under
   * the same locks as the evaluation lines, so that no two lines ever interleave.
   *
   * @param line one JSON object and its newline, UTF-8
   * @throws IllegalArgumentException when the bytes are not one line ending with a newline
   * @throws UncheckedIOException when the line cannot be written
   * @throws NullPointerException when {@code line} is null
   */
  public void appendLine(byte[] line) {
    Objects.requireNonNull(line, "line must not be null");
    if (line.length == 0 || line[line.length - 1] != '\n') {
      throw new IllegalArgumentException("an audit line ends with a newline");
    }
    for (int i = 0; i < line.length - 1; i++) {
      if (line[i] == '\n') {
        throw new IllegalArgumentException("an audit line is one line");
      }
    }
    ByteBuffer buffer = ByteBuffer.wrap(line);
    synchronized (monitor) {
      try (FileLock lock = channel.lock()) {
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to the audit log", e);
      }
    }
  }

  /**
   * Writes the fields of an evaluation's audit line into an open JSON object: the intake id, the
   * SHA-256 of the canonical intake, the knowledge-base version, each concern's decision and
   * reason codes, and the fired rules. Nothing else of the intake.
   *
   * @param g the generator, inside an object
   * @param intake the valid intake as evaluated
   * @param a its assessment
   * @throws IOException when the generator fails
   */
  public static void writeEvaluation(JsonGenerator g, Intake intake, Assessment a)
      throws IOException {
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
  }

  byte[] line(Intake intake, Assessment a) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("timestamp", clock.instant().toString());
      writeEvaluation(g, intake, a);
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
