package org.botoxeligibility.cli;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Streams NDJSON lines through a function on worker threads and hands each outcome on in input
 * order. Memory stays bounded: lines travel in batches of at most {@link #BATCH_LINES} lines or
 * {@link #BATCH_BYTES} bytes, and at most two batches per worker are in flight. When no more
 * input is waiting, everything read so far is finished and flushed, so an interactive producer
 * gets its answers without closing the stream.
 */
final class NdjsonPipeline<T> {
  static final int BATCH_LINES = 128;
  static final int BATCH_BYTES = 1 << 20;

  /** Takes the outcomes, in input order, on the reading thread. */
  interface Sink<T> {
    void accept(T outcome) throws IOException;

    void flush() throws IOException;
  }

  private final Function<LineReader.Line, T> work;
  private final int threads;

  NdjsonPipeline(Function<LineReader.Line, T> work, int threads) {
    this.work = work;
    this.threads = Math.max(1, threads);
  }

  void run(LineReader lines, Sink<T> sink) throws IOException {
    if (threads == 1) {
      for (LineReader.Line line; (line = lines.next()) != null; ) {
        sink.accept(work.apply(line));
        if (!lines.hasBuffered()) {
          sink.flush();
        }
      }
      sink.flush();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ndjson-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      ArrayDeque<Future<List<T>>> inFlight = new ArrayDeque<>();
      List<LineReader.Line> batch = new ArrayList<>(BATCH_LINES);
      long batchBytes = 0;
      for (LineReader.Line line; (line = lines.next()) != null; ) {
        batch.add(line);
        batchBytes += line.length();
        boolean waiting = lines.hasBuffered();
        if (batch.size() >= BATCH_LINES || batchBytes >= BATCH_BYTES || !waiting) {
          inFlight.add(pool.submit(task(batch)));
          batch = new ArrayList<>(BATCH_LINES);
          batchBytes = 0;
          while (inFlight.size() >= 2 * threads) {
            drain(inFlight.poll(), sink);
          }
          while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            drain(inFlight.poll(), sink);
          }
        }
        if (!waiting) {
          while (!inFlight.isEmpty()) {
            drain(inFlight.poll(), sink);
          }
          sink.flush();
        }
      }
      if (!batch.isEmpty()) {
        inFlight.add(pool.submit(task(batch)));
      }
      while (!inFlight.isEmpty()) {
        drain(inFlight.poll(), sink);
      }
      sink.flush();
    } finally {
      pool.shutdownNow();
    }
  }

  private java.util.concurrent.Callable<List<T>> task(List<LineReader.Line> batch) {
    return () -> {
      List<T> out = new ArrayList<>(batch.size());
      for (LineReader.Line line : batch) {
        out.add(work.apply(line));
      }
      return out;
    };
  }

  private void drain(Future<List<T>> batch, Sink<T> sink) throws IOException {
    List<T> outcomes;
    try {
      outcomes = batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
    for (T outcome : outcomes) {
      sink.accept(outcome);
    }
  }
}
