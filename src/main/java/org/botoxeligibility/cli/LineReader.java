package org.botoxeligibility.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads NDJSON lines as bytes in bounded memory: a line longer than the limit is skipped to its
 * end and reported as too long, never buffered whole. A UTF-8 byte-order mark at the very start
 * is dropped; "\r\n" endings are accepted.
 */
final class LineReader {
  /** One line: its number, its bytes (null when it was too long) and its length in bytes. */
  record Line(long number, byte[] bytes, long length) {
    boolean tooLong() {
      return bytes == null;
    }
  }

  private final InputStream in;
  private final int limit;
  private final byte[] buffer = new byte[65536];
  private int pos;
  private int end;
  private long number;
  private boolean eof;
  private boolean first = true;

  LineReader(InputStream in, int limit) {
    this.in = in;
    this.limit = limit;
  }

  /** True when more input is buffered, so that a flush can wait. */
  boolean hasBuffered() throws IOException {
    return pos < end || in.available() > 0;
  }

  /** The next line, or null at the end of input. */
  Line next() throws IOException {
    byte[] line = new byte[256];
    int len = 0;
    long total = 0;
    boolean any = false;
    while (true) {
      if (pos == end) {
        if (eof || !fill()) {
          if (!any) {
            return null;
          }
          break;
        }
      }
      any = true;
      byte b = buffer[pos++];
      if (b == '\n') {
        break;
      }
      total++;
      if (total <= limit) {
        if (len == line.length) {
          line = Arrays.copyOf(line, Math.min(limit, line.length * 2));
        }
        line[len++] = b;
      }
    }
    number++;
    if (total > limit) {
      return new Line(number, null, total);
    }
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    int start = 0;
    if (first) {
      first = false;
      if (len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
          && (line[2] & 0xFF) == 0xBF) {
        start = 3;
      }
    }
    return new Line(number, Arrays.copyOfRange(line, start, len), total);
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }
}
