package org.botoxeligibility.server;

import java.util.List;

/**
 * A call the service answers with an error status and a FHIR OperationOutcome instead of cards.
 * The messages are the service's own sentences (and, for a 422, the mapping's problems); they
 * never carry a stack trace.
 */
final class CallRefused extends Exception {
  private static final long serialVersionUID = 1L;

  /** One issue of the OperationOutcome: its FHIR issue type, a sentence, and an optional path. */
  record Issue(String code, String diagnostics, String expression) {}

  private final int status;
  private final transient List<Issue> issues;

  CallRefused(int status, String code, String diagnostics) {
    this(status, List.of(new Issue(code, diagnostics, null)));
  }

  CallRefused(int status, List<Issue> issues) {
    super(issues.isEmpty() ? "refused" : issues.get(0).diagnostics(), null, false, false);
    this.status = status;
    this.issues = List.copyOf(issues);
  }

  int status() {
    return status;
  }

  List<Issue> issues() {
    return issues;
  }
}
