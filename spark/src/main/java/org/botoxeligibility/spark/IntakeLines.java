package org.botoxeligibility.spark;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.botoxeligibility.json.IntakeReader;
import scala.Tuple2;

/**
 * The {@code intake-ndjson} format: every line of every file is an intake (formats.md §1), read
 * by the library's strict reader and evaluated with this JVM's one engine, into an outcome row:
 * assessed, or invalid (its problems), or failed. Blank lines are counted. Each split ends with a
 * row of its counts. No shuffle. Never logs.
 */
public final class IntakeLines
    implements Function2<InputSplit, Iterator<Tuple2<LongWritable, Text>>, Iterator<Row>> {
  private static final long serialVersionUID = 1L;

  private final KnowledgeBaseFiles kb;
  private final LocalDate date;

  /**
   * A stage for one job.
   *
   * @param kb the knowledge base files
   * @param date the date of intakes that give no assessment date
   */
  public IntakeLines(KnowledgeBaseFiles kb, LocalDate date) {
    this.kb = kb;
    this.date = date;
  }

  @Override
  public Iterator<Row> call(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
    FileSplit fs = (FileSplit) split;
    String file = fs.getPath().toString();
    long splitStart = fs.getStart();
    Engines engines = Engines.get(kb);
    return new Iterator<>() {
      private long linesRead;
      private long blank;
      private Row next;
      private boolean countsGiven;

      @Override
      public boolean hasNext() {
        while (next == null) {
          if (lines.hasNext()) {
            Tuple2<LongWritable, Text> t = lines.next();
            linesRead++;
            next = read(file, t._1().get(), t._2());
          } else if (!countsGiven) {
            countsGiven = true;
            Outcomes.Builder b = new Outcomes.Builder(Kind.COUNTS);
            b.file = file;
            b.byteOffset = splitStart;
            b.linesRead = linesRead;
            b.blankLines = blank;
            b.patientLines = linesRead - blank;
            next = b.row();
          } else {
            return false;
          }
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }

      private Row read(String file, long offset, Text text) {
        byte[] bytes = Arrays.copyOf(text.getBytes(), text.getLength());
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
          blank++;
          return null;
        }
        IntakeReader.Result read = engines.reader().read(bytes, date);
        Outcomes.Builder out;
        if (read.valid()) {
          out = Outcomes.evaluate(engines, read.intake(), null);
        } else {
          out = new Outcomes.Builder(Kind.INVALID_INTAKE);
          out.problems(read.problems());
          if (read.intake() != null) {
            out.intakeId = read.intake().intakeId();
          }
        }
        out.file = file;
        out.byteOffset = offset;
        out.resources = 1;
        return out.row();
      }
    };
  }
}
