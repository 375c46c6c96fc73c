package org.botoxeligibility.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT handled by the process: a graceful stop and exit 0, instead of the JVM's
 * default (run the shutdown hooks and exit 143).
 */
final class Signals {
  private Signals() {}

  /**
   * Runs an action, once, on the first SIGTERM or SIGINT.
   *
   * @param action what to do
   */
  static void onTermination(Runnable action) {
    java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
    Runnable guarded = () -> {
      if (once.compareAndSet(false, true)) {
        Thread t = new Thread(action, "graceful-stop");
        t.start();
      }
    };
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> guarded.run());
      } catch (IllegalArgumentException e) {
        // the signal cannot be handled here (another platform): the JVM's default stays
      }
    }
  }
}
