package org.botoxeligibility.cli;

import java.time.LocalDate;
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
