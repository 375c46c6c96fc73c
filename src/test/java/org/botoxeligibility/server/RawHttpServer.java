package org.botoxeligibility.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A FHIR server that misbehaves on purpose, on a raw socket of 127.0.0.1 so that every byte and
 * every close is under the test's control: it redirects, trickles, stays silent, sends 30 MB or a
 * gzip bomb, answers an error whose body quotes the request. It records each request (target and
 * Authorization header) and, for each connection, whether the service closed it and when. Every
 * connection thread ends by itself within a minute.
 */
final class RawHttpServer implements AutoCloseable {
  /** What the server does with one request on a connection. */
  interface Behaviour {
    /**
     * Answers a request.
     *
     * @param request the request
     * @param out the connection's output
     * @param connection what the server learns about the connection
     * @return true to read another request on the same connection
     * @throws IOException when the service closed the connection
     */
    boolean answer(Request request, OutputStream out, Connection connection) throws IOException;
  }

  /** A request as received. */
  record Request(String method, String target, Map<String, String> headers) {
    String authorization() {
      return headers.get("authorization");
    }
  }

  /** One connection's fate. */
  static final class Connection {
    volatile long closedByPeerNanos;
    volatile long bytesWritten;
  }

  private final ServerSocket socket;
  private final Behaviour behaviour;
  final List<Request> requests = new CopyOnWriteArrayList<>();
  final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger threads = new AtomicInteger();

  RawHttpServer(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "raw-http-accept");
    accept.setDaemon(true);
    accept.start();
  }

  /** {@code http://127.0.0.1:PORT/fhir}. */
  String base() {
    return origin() + "/fhir";
  }

  String origin() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      Socket s;
      try {
        s = socket.accept();
      } catch (IOException e) {
        return;
      }
      Connection c = new Connection();
      connections.add(c);
      Thread t = new Thread(() -> serve(s, c), "raw-http-" + threads.incrementAndGet());
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket s, Connection c) {
    try (s) {
      s.setSoTimeout(60_000);
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = new CountingOutputStream(s.getOutputStream(), c);
      while (true) {
        Request r = read(in);
        if (r == null) {
          c.closedByPeerNanos = System.nanoTime();
          return;
        }
        requests.add(r);
        if (!behaviour.answer(r, out, c)) {
          return;
        }
      }
    } catch (java.net.SocketTimeoutException e) {
      // a minute without a word from the service: not a close
    } catch (IOException e) {
      if (c.closedByPeerNanos == 0) {
        c.closedByPeerNanos = System.nanoTime();
      }
    }
  }

  private static Request read(InputStream in) throws IOException {
    String line = line(in);
    if (line == null) {
      return null;
    }
    String[] parts = line.split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          h.substring(colon + 1).trim());
    }
    return new Request(parts[0], parts.length > 1 ? parts[1] : "", headers);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * Waits until the service has closed every connection it opened.
   *
   * @return true when all were closed within the time
   */
  boolean awaitAllClosedBy(Duration within) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      if (!connections.isEmpty() && connections.stream().allMatch(c -> c.closedByPeerNanos > 0)) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  // ------------------------------------------------------------------ behaviours

  static void head(OutputStream out, int status, String... headers) throws IOException {
    StringBuilder h = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
    for (String header : headers) {
      h.append(header).append("\r\n");
    }
    out.write(h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Answers every request with this JSON (keep-alive). */
  static Behaviour json(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return (r, out, c) -> {
      head(out, 200, "Content-Type: application/fhir+json", "Content-Length: " + bytes.length);
      out.write(bytes);
      out.flush();
      return true;
    };
  }

  /** Headers, then one byte every 100 ms for a minute: the body never ends. */
  static Behaviour trickling() {
    return (r, out, c) -> {
      head(out, 200, "Content-Type: application/fhir+json", "Content-Length: 1000000");
      out.write('{');
      out.flush();
      for (int i = 0; i < 600; i++) {
        sleep(100);
        out.write(' ');
        out.flush();
      }
      return false;
    };
  }

  /** Reads the request and never answers (for a minute), then closes. */
  static Behaviour silent() {
    return (r, out, c) -> {
      // the service's close shows as the end of the input
      return true;
    };
  }

  /** A body of this many bytes of JSON-looking text, with or without a Content-Length. */
  static Behaviour huge(long bytes, boolean declared) {
    return (r, out, c) -> {
      if (declared) {
        head(out, 200, "Content-Type: application/fhir+json", "Content-Length: " + bytes);
      } else {
        head(out, 200, "Content-Type: application/fhir+json", "Connection: close");
      }
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      chunk[0] = '[';
      for (long sent = 0; sent < bytes; sent += chunk.length) {
        out.write(chunk);
        chunk[0] = ' ';
      }
      out.flush();
      return false;
    };
  }

  /** A small gzip body that decompresses to this many bytes. */
  static Behaviour gzipBomb(long bytes) throws IOException {
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(z)) {
      byte[] zeros = new byte[1 << 20];
      java.util.Arrays.fill(zeros, (byte) ' ');
      for (long n = 0; n < bytes; n += zeros.length) {
        g.write(zeros);
      }
    }
    byte[] body = z.toByteArray();
    return (r, out, c) -> {
      head(out, 200, "Content-Type: application/fhir+json", "Content-Encoding: gzip",
          "Content-Length: " + body.length);
      out.write(body);
      out.flush();
      return true;
    };
  }

  /** An error status whose body quotes the request, as some servers' error pages do. */
  static Behaviour echoingError(int status) {
    return (r, out, c) -> {
      byte[] body = ("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
          + "\"code\":\"exception\",\"diagnostics\":\"ECHOED " + r.target() + " "
          + r.authorization() + "\"}]}").getBytes(StandardCharsets.UTF_8);
      head(out, status, "Content-Type: application/fhir+json", "Content-Length: " + body.length);
      out.write(body);
      out.flush();
      return true;
    };
  }

  /** A redirect to this location (the request's target appended when it ends with '/'). */
  static Behaviour redirect(int status, String location) {
    return (r, out, c) -> {
      String target = location.endsWith("/") ? location + r.target().replaceFirst("^/fhir/", "")
          : location;
      head(out, status, "Location: " + target, "Content-Length: 0");
      return true;
    };
  }

  static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Counts what is written on a connection. */
  private static final class CountingOutputStream extends OutputStream {
    private final OutputStream out;
    private final Connection c;

    CountingOutputStream(OutputStream out, Connection c) {
      this.out = out;
      this.c = c;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      c.bytesWritten++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      c.bytesWritten += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}
