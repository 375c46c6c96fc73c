package org.botoxeligibility.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One GET with the JDK's HTTP client whose whole exchange is bounded: the caller gives the request
 * (its timeout bounds the wait for the status line and headers) and a byte cap, and may {@link
 * #abort} at any moment, which cancels the request or the body's subscription. The JDK client then
 * closes the connection (an HTTP/1.1 connection whose body was not read to its end is never given
 * back to the pool), so nothing keeps reading from the server once the caller has given up.
 *
 * <p>Only a 2xx body is read: counted as it arrives, refused as soon as it passes the cap (the
 * {@code Content-Length} is checked first), and decompressed (gzip, the one encoding asked for)
 * with the cap applied to the decompressed bytes. A 3xx answers its {@code Location}; any other
 * status answers the status alone. No body other than a 2xx one is read, and none is ever kept in
 * an error: the outcome says what happened in the service's own words.
 */
final class BoundedGet {
  /** What the server answered. */
  sealed interface Outcome permits Body, Redirect, Status {}

  /**
   * A 2xx answer and its body, decompressed.
   *
   * @param status the status
   * @param bytes the body
   */
  record Body(int status, byte[] bytes) implements Outcome {}

  /**
   * A 3xx answer.
   *
   * @param status the status
   * @param location its {@code Location} header, or null
   */
  record Redirect(int status, String location) implements Outcome {}

  /**
   * Any other answer; its body was not read.
   *
   * @param status the status
   */
  record Status(int status) implements Outcome {}

  /** A failure in the service's own words: never the server's text. */
  static class Failure extends IOException {
    private static final long serialVersionUID = 1L;

    Failure(String words) {
      super(words, null);
    }
  }

  /** A body larger than the cap. */
  static final class TooLarge extends Failure {
    private static final long serialVersionUID = 1L;

    TooLarge(long maxBytes) {
      super("the answer is larger than " + size(maxBytes));
    }
  }

  private final CompletableFuture<Outcome> result = new CompletableFuture<>();
  private volatile CompletableFuture<HttpResponse<Outcome>> sending;
  private volatile Capped body;

  private BoundedGet() {}

  /**
   * Sends a GET.
   *
   * @param client the client (no redirects followed by it)
   * @param request the request, with its timeout
   * @param maxBytes the cap of the body, after decompression
   * @return the exchange; its {@link #result()} completes with the outcome or a failure
   */
  static BoundedGet send(HttpClient client, HttpRequest request, long maxBytes) {
    BoundedGet get = new BoundedGet();
    CompletableFuture<HttpResponse<Outcome>> f = client.sendAsync(request,
        info -> get.subscriber(info, maxBytes));
    get.sending = f;
    f.whenComplete((response, failure) -> {
      if (failure != null) {
        get.result.completeExceptionally(failure);
      } else {
        get.result.complete(response.body());
      }
    });
    return get;
  }

  /** The outcome, or the failure. */
  CompletableFuture<Outcome> result() {
    return result;
  }

  /**
   * Gives up: the request is cancelled, or the body's subscription, and the result fails with
   * the reason (unless it has completed already).
   *
   * @param why the reason
   */
  void abort(Failure why) {
    result.completeExceptionally(why);
    Capped b = body;
    if (b != null) {
      b.cancel(why);
    }
    CompletableFuture<HttpResponse<Outcome>> f = sending;
    if (f != null) {
      f.cancel(true);
    }
  }

  private HttpResponse.BodySubscriber<Outcome> subscriber(HttpResponse.ResponseInfo info,
      long maxBytes) {
    int status = info.statusCode();
    Capped capped;
    if (status >= 200 && status < 300) {
      String encoding = info.headers().firstValue("Content-Encoding").orElse("identity")
          .trim().toLowerCase(Locale.ROOT);
      boolean gzip = encoding.equals("gzip") || encoding.equals("x-gzip");
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (!gzip && !encoding.equals("identity")) {
        capped = Capped.refusing(new Failure("the answer uses a content encoding this service does "
            + "not read"));
      } else if (declared > maxBytes) {
        capped = Capped.refusing(tooLarge(maxBytes));
      } else {
        capped = new Capped(status, maxBytes, gzip, declared);
      }
    } else if (status >= 300 && status < 400) {
      capped = Capped.answering(new Redirect(status,
          info.headers().firstValue("Location").orElse(null)));
    } else {
      capped = Capped.answering(new Status(status));
    }
    body = capped;
    return capped;
  }

  static Failure tooLarge(long maxBytes) {
    return new TooLarge(maxBytes);
  }

  static String size(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    return bytes + " bytes";
  }

  /** Collects a body up to the cap, or answers without reading one. */
  private static final class Capped implements HttpResponse.BodySubscriber<Outcome> {
    private final CompletableFuture<Outcome> done = new CompletableFuture<>();
    private final int status;
    private final long maxBytes;
    private final boolean gzip;
    private final Outcome immediate;
    private final Failure refusal;
    private final ByteArrayOutputStream bytes;
    private volatile Flow.Subscription subscription;
    private long received;

    private Capped(int status, long maxBytes, boolean gzip, long declared) {
      this.status = status;
      this.maxBytes = maxBytes;
      this.gzip = gzip;
      this.immediate = null;
      this.refusal = null;
      this.bytes = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 8192),
          Math.min(maxBytes, 1 << 20)));
    }

    private Capped(Outcome immediate, Failure refusal) {
      this.status = 0;
      this.maxBytes = 0;
      this.gzip = false;
      this.immediate = immediate;
      this.refusal = refusal;
      this.bytes = null;
    }

    static Capped answering(Outcome outcome) {
      return new Capped(outcome, null);
    }

    static Capped refusing(Failure why) {
      return new Capped(null, why);
    }

    @Override
    public CompletionStage<Outcome> getBody() {
      return done;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (immediate != null || refusal != null) {
        // no body is read: cancelling closes the connection rather than draining it
        s.cancel();
        if (refusal != null) {
          done.completeExceptionally(refusal);
        } else {
          done.complete(immediate);
        }
        return;
      }
      if (done.isDone()) {
        s.cancel();
        return;
      }
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (done.isDone()) {
        return;
      }
      for (ByteBuffer b : buffers) {
        int n = b.remaining();
        received += n;
        if (received > maxBytes) {
          cancel(tooLarge(maxBytes));
          return;
        }
        if (b.hasArray()) {
          bytes.write(b.array(), b.arrayOffset() + b.position(), n);
          b.position(b.limit());
        } else {
          byte[] copy = new byte[n];
          b.get(copy);
          bytes.write(copy, 0, n);
        }
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
      done.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      if (done.isDone()) {
        return;
      }
      try {
        byte[] raw = bytes.toByteArray();
        done.complete(new Body(status, gzip ? gunzip(raw, maxBytes) : raw));
      } catch (Failure e) {
        done.completeExceptionally(e);
      }
    }

    /** Stops reading: the subscription is cancelled and the body fails with the reason. */
    void cancel(Failure why) {
      done.completeExceptionally(why);
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    /** Decompresses, stopping as soon as the output passes the cap. */
    private static byte[] gunzip(byte[] raw, long maxBytes) throws Failure {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(
          Math.max(8192L, raw.length * 4L), Math.min(maxBytes, 1L << 24)));
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 8192)) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          total += n;
          if (total > maxBytes) {
            throw tooLarge(maxBytes);
          }
          out.write(buffer, 0, n);
        }
      } catch (Failure e) {
        throw e;
      } catch (ZipException | java.io.EOFException e) {
        throw new Failure("the answer is not valid gzip");
      } catch (IOException e) {
        throw new Failure("the answer could not be decompressed");
      }
      return out.toByteArray();
    }
  }
}
