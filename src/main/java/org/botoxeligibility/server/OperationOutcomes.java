package org.botoxeligibility.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** FHIR OperationOutcome bodies of the service's errors: issues with sentences, no stack trace. */
final class OperationOutcomes {
  private OperationOutcomes() {}

  static final String CONTENT_TYPE = "application/fhir+json; charset=utf-8";

  /**
   * An OperationOutcome.
   *
   * @param issues its issues
   * @return the JSON
   */
  static byte[] of(List<CallRefused.Issue> issues) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JsonFactory.builder().build().createGenerator(out,
        JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("resourceType", "OperationOutcome");
      g.writeArrayFieldStart("issue");
      for (CallRefused.Issue issue : issues) {
        g.writeStartObject();
        g.writeStringField("severity", "error");
        g.writeStringField("code", issue.code());
        g.writeStringField("diagnostics", issue.diagnostics());
        if (issue.expression() != null) {
          g.writeArrayFieldStart("expression");
          g.writeString(issue.expression());
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An OperationOutcome of one issue. */
  static byte[] of(String code, String diagnostics) {
    return of(List.of(new CallRefused.Issue(code, diagnostics, null)));
  }

  /** The issue type of an HTTP status Jetty answers by itself. */
  static String codeOf(int status) {
    return switch (status) {
      case 400 -> "invalid";
      case 401 -> "login";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "not-supported";
      case 408 -> "timeout";
      case 413, 414, 431 -> "too-long";
      case 503 -> "transient";
      default -> "exception";
    };
  }
}
