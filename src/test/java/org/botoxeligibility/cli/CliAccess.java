package org.botoxeligibility.cli;

import java.io.InputStream;
import java.io.PrintStream;
import org.botoxeligibility.testing.TestEngine;

/** The command line in-process with the tests' shared engine (no knowledge-base build per run). */
public final class CliAccess {
  private CliAccess() {}

  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return Main.run(args, in, out, err, TestEngine.get());
  }
}
