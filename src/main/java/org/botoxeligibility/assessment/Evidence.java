package org.botoxeligibility.assessment;

import java.util.Comparator;
import java.util.Objects;

/**
 * One intake fact a reason rests on (docs/contract.md §2, since 1.1): an RFC 6901 JSON Pointer
 * into the intake as it was given ({@code /patient/pregnant}, {@code
 * /medicalHistory/medications/2}), and, when the intake was made from FHIR resources, the resource
 * behind that fact ({@code MedicationStatement/med-7}). A reason about a missing fact points where
 * the fact belongs ({@code /patient/weightKg}); a reason that rests on catalog defaults points to
 * the concern ({@code /concerns/0}).
 *
 * @param path the JSON Pointer
 * @param resource the FHIR resource ({@code Type/id}) behind the fact; null when the intake was
 *     not made from FHIR or the fact is a default
 */
public record Evidence(String path, String resource) {

  /** Evidence is listed by path, then resource (an entry without a resource first). */
  public static final Comparator<Evidence> ORDER = Comparator.comparing(Evidence::path)
      .thenComparing(Evidence::resource, Comparator.nullsFirst(Comparator.naturalOrder()));

  /**
   * Checks that the path is a JSON Pointer.
   *
   * @param path the JSON Pointer: empty (the whole intake) or starting with {@code /}; not null
   * @param resource the FHIR resource ({@code Type/id}), or null
   * @throws IllegalArgumentException when the path is not empty and does not start with {@code /}
   */
  public Evidence {
    Objects.requireNonNull(path, "path must not be null");
    if (!path.isEmpty() && !path.startsWith("/")) {
      throw new IllegalArgumentException("a JSON Pointer starts with /: " + path);
    }
  }

  /**
   * Evidence of a path alone.
   *
   * @param path the JSON Pointer; not null
   * @return the evidence, without a resource
   */
  public static Evidence at(String path) {
    return new Evidence(path, null);
  }
}
