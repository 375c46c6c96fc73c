package org.botoxeligibility.fhir;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.botoxeligibility.engine.IntakeValidator;
import org.botoxeligibility.knowledge.Catalog;
import org.botoxeligibility.knowledge.KnowledgeTables;
import org.botoxeligibility.knowledge.Policy;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Maps a patient's FHIR R4 record (a Bundle) to an intake, by the contract of
 * docs/fhir-mapping.md: which resources and codes become which intake fields, the time windows,
 * the problems, and the provenance of every field. Needs HAPI FHIR structures R4 on the class path
 * (an optional dependency of the library). Thread-safe; build one per process and share it (it
 * holds the one {@code FhirContext}).
 *
 * <pre>{@code
 * FhirIntakeMapper mapper = FhirIntakeMapper.create(engine.tables());
 * Mapping mapping = mapper.map(bundleJson, LocalDate.now(), FhirIntakeMapper.Options.orders());
 * if (mapping.valid()) {
 *   Assessment assessment = engine.evaluate(mapping.intake())
 *       .withProvenance(mapping.provenance());
 * }
 * }</pre>
 */
public final class FhirIntakeMapper {
  private final KnowledgeTables tables;
  private final FhirTables codes;
  private final Catalog catalog;
  private final Policy policy;
  private final IntakeValidator validator;

  private FhirIntakeMapper(KnowledgeTables tables) {
    this.tables = tables;
    this.codes = FhirTables.load(tables);
    this.catalog = Catalog.load(tables);
    this.policy = Policy.load(tables);
    this.validator = new IntakeValidator(catalog);
  }

  /**
   * A mapper over the built-in code tables.
   *
   * @return the mapper
   * @throws IllegalStateException naming table, line and column when a built-in table is
   *     malformed (a broken build)
   */
  public static FhirIntakeMapper create() {
    return create(KnowledgeTables.builtIn());
  }

  /**
   * A mapper over the given tables (the built-in ones, or a clinic's overrides). The code tables
   * (rules/fhir-*.tsv), the catalog and the parameters are read here, once.
   *
   * @param tables the knowledge base's tables (share the engine's: {@code engine.tables()})
   * @return the mapper
   * @throws NullPointerException when {@code tables} is null
   * @throws IllegalStateException when HAPI FHIR is not on the class path, naming the artifact
   *     to add
   * @throws org.botoxeligibility.assessment.RulesBuildException when a clinic's override table is
   *     malformed
   */
  public static FhirIntakeMapper create(KnowledgeTables tables) {
    Objects.requireNonNull(tables, "tables must not be null");
    requireHapi();
    return new FhirIntakeMapper(tables);
  }

  /**
   * Fails at once, naming the artifact, when HAPI FHIR (an optional dependency of the library) is
   * not on the class path, rather than with a NoClassDefFoundError at the first bundle.
   */
  private static void requireHapi() {
    try {
      Class.forName("org.hl7.fhir.r4.model.Bundle", false, FhirIntakeMapper.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      String version = "";
      try (java.io.InputStream in = FhirIntakeMapper.class.getResourceAsStream(
          "/org/botoxeligibility/version.properties")) {
        if (in != null) {
          java.util.Properties p = new java.util.Properties();
          p.load(in);
          version = ":" + p.getProperty("hapi.version", "").trim();
        }
      } catch (java.io.IOException | RuntimeException ignored) {
        version = "";
      }
      throw new IllegalStateException("FHIR mapping needs HAPI FHIR, an optional dependency of "
          + "botox-eligibility that the application declares itself: add "
          + "ca.uhn.hapi.fhir:hapi-fhir-structures-r4" + (version.equals(":") ? "" : version)
          + " to its dependencies");
    }
  }

  /**
   * Maps a bundle given as JSON (UTF-8). A bundle that cannot be parsed is a problem of the
   * mapping, not an exception.
   *
   * @param json the bundle's bytes; empty gives a problem
   * @param assessmentDate the date windows count back from; it becomes the intake's
   * @param options orders or screening, and the CDS Hooks refinements
   * @return the mapping: an intake and its provenance, or problems
   * @throws NullPointerException when an argument is null, naming it
   */
  public Mapping map(byte[] json, LocalDate assessmentDate, Options options) {
    Objects.requireNonNull(json, "json must not be null");
    Objects.requireNonNull(assessmentDate, "assessmentDate must not be null");
    Objects.requireNonNull(options, "options must not be null");
    return run(FhirRecord.parse(json, codes::system), assessmentDate, options);
  }

  /**
   * Maps a parsed bundle.
   *
   * @param bundle the bundle
   * @param assessmentDate the date windows count back from; it becomes the intake's
   * @param options orders or screening, and the CDS Hooks refinements
   * @return the mapping: an intake and its provenance, or problems
   * @throws NullPointerException when an argument is null, naming it
   */
  public Mapping map(Bundle bundle, LocalDate assessmentDate, Options options) {
    Objects.requireNonNull(bundle, "bundle must not be null");
    Objects.requireNonNull(assessmentDate, "assessmentDate must not be null");
    Objects.requireNonNull(options, "options must not be null");
    return run(FhirRecord.of(bundle, codes::system), assessmentDate, options);
  }

  /**
   * The knowledge base's tables this mapper reads (share them with the engine so that both use
   * the same overrides).
   *
   * @return the tables
   */
  public KnowledgeTables tables() {
    return tables;
  }

  private Mapping run(FhirRecord record, LocalDate assessmentDate, Options options) {
    Objects.requireNonNull(assessmentDate, "assessmentDate must not be null");
    return new MappingRun(codes, catalog, policy, validator, record, assessmentDate,
        options == null ? Options.orders() : options).run();
  }

  /**
   * How to map: from the botulinum toxin orders (the default) or, screening, from the patient's
   * diagnoses; and the refinements a CDS Hooks call needs. Immutable.
   *
   * @param screen true: every active, not refuted Condition that maps to a therapeutic catalog
   *     condition becomes a concern, and orders are ignored (docs/fhir-mapping.md §4)
   * @param intakeId the intake id to use instead of the bundle's ({@code cds-<hookInstance>},
   *     {@code bulk-<hash>}); null for the rule of docs/fhir-mapping.md §7
   * @param selectedOrders only the toxin orders with these ids are concerns (order-select's
   *     {@code context.selections}); null for every toxin order
   * @param ordersBeingSigned true for order-sign: signing issues the prescription, so {@code
   *     prescriptionIssued} counts as true for the orders being signed
   */
  public record Options(boolean screen, String intakeId, Set<String> selectedOrders,
      boolean ordersBeingSigned) {

    /**
     * Copies the selection.
     *
     * @param screen true for screening, false for orders
     * @param intakeId the intake id to use, or null
     * @param selectedOrders the selected orders' ids, or null for every toxin order
     * @param ordersBeingSigned true for order-sign
     */
    public Options {
      selectedOrders = selectedOrders == null ? null : Set.copyOf(selectedOrders);
    }

    /**
     * The default: the concerns are the record's botulinum toxin orders.
     *
     * @return the options
     */
    public static Options orders() {
      return new Options(false, null, null, false);
    }

    /**
     * Screening: the concerns are the patient's diagnoses.
     *
     * @return the options
     */
    public static Options screening() {
      return new Options(true, null, null, false);
    }

    /**
     * The same options with another intake id.
     *
     * @param id the intake id (1–64 characters of {@code A-Z a-z 0-9 . _ -}), or null for the
     *     bundle's
     * @return the options
     */
    public Options withIntakeId(String id) {
      return new Options(screen, id, selectedOrders, ordersBeingSigned);
    }

    /**
     * The same options evaluating only the selected orders.
     *
     * @param ids the selected orders' ids, or null for every toxin order
     * @return the options
     */
    public Options withSelectedOrders(Set<String> ids) {
      return new Options(screen, intakeId, ids, ordersBeingSigned);
    }

    /**
     * The same options with the orders being signed.
     *
     * @return the options
     */
    public Options signing() {
      return new Options(screen, intakeId, selectedOrders, true);
    }
  }
}
