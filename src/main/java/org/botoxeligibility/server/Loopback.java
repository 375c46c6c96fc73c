package org.botoxeligibility.server;

import java.util.Locale;

/** Whether a host names this machine's loopback interface (where plain http is tolerated). */
final class Loopback {
  private Loopback() {}

  static boolean is(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
        || h.matches("127(\\.\\d{1,3}){3}");
  }
}
