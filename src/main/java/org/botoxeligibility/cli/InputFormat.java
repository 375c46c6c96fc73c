package org.botoxeligibility.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What an input is (--input): an intake, a FHIR R4 Bundle, or either, recognised by its
 * top-level {@code "resourceType": "Bundle"} (docs/fhir-mapping.md §1). Recognising reads no more
 * than the top level of the JSON and never loads the FHIR libraries.
 */
enum InputFormat {
  auto,
  intake,
  fhir;

  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** True when the bytes are a JSON object whose top-level resourceType is "Bundle". */
  static boolean isBundle(byte[] bytes) {
    try (JsonParser p = JSON.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("resourceType".equals(name)) {
          return value == JsonToken.VALUE_STRING && "Bundle".equals(p.getText());
        }
        p.skipChildren();
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
