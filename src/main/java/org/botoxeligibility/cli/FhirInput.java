package org.botoxeligibility.cli;

import java.time.LocalDate;
import java.util.List;
import org.botoxeligibility.fhir.FhirIntakeMapper;
import org.botoxeligibility.fhir.Mapping;
import org.botoxeligibility.knowledge.KnowledgeTables;

/**
 * The FHIR mapper of one command run, created on the first bundle: an intake alone never loads
 * HAPI FHIR (its class path and its start-up cost stay out of the plain intake's way).
 */
final class FhirInput {
  private final KnowledgeTables tables;
  private volatile FhirIntakeMapper mapper;

  FhirInput(KnowledgeTables tables) {
    this.tables = tables;
  }

  Mapping map(byte[] bundle, LocalDate date, boolean screen) {
    return mapper().map(bundle, date, screen ? FhirIntakeMapper.Options.screening()
        : FhirIntakeMapper.Options.orders());
  }

  /**
   * The one warning line of a record the server says is incomplete (docs/fhir-mapping.md §8): the
   * first such note (its diagnostics, as the server wrote them) and how many more; null for a
   * complete record or an intake.
   */
  static String incompleteWarning(Mapping m) {
    if (m == null || !m.incomplete()) {
      return null;
    }
    List<Mapping.Note> notes = m.notes().stream()
        .filter(n -> n.kind() == Mapping.Note.Kind.INCOMPLETE_RECORD).toList();
    Mapping.Note first = notes.get(0);
    return "the record may be incomplete, so the assessment may be too: " + first.resource()
        + ": " + first.message()
        + (notes.size() > 1 ? " (and " + (notes.size() - 1) + " more)" : "");
  }

  private FhirIntakeMapper mapper() {
    FhirIntakeMapper m = mapper;
    if (m == null) {
      synchronized (this) {
        m = mapper;
        if (m == null) {
          m = FhirIntakeMapper.create(tables);
          mapper = m;
        }
      }
    }
    return m;
  }
}
