package org.botoxeligibility.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the knowledge base's files (rules/ in the source tree: the DRL text, the tables and
 * knowledge-base.properties) live on the class path, in the jar.
 */
public final class KnowledgeBaseResources {
  /** The package of the rules, and the folder of rules/ inside the jar. */
  public static final String PACKAGE = "org.botoxeligibility.rules";

  /** The folder of rules/ inside the jar. */
  public static final String FOLDER = PACKAGE.replace('.', '/');

  /** The tables of rules/, each a clinic may override row by row (see {@link KnowledgeTables}). */
  private static final java.util.List<String> TABLES = java.util.List.of(
      "conditions.tsv", "parameters.tsv", "drugs.tsv", "local-forms.tsv",
      "paediatric-dose-limits.tsv", "dose-limits.tsv", "icd10-exclusions.tsv",
      "fhir-sites.tsv", "fhir-comorbidities.tsv", "fhir-infections.tsv", "fhir-allergies.tsv",
      "fhir-adverse-reactions.tsv", "fhir-products.tsv", "fhir-status-values.tsv",
      "fhir-systems.tsv", "fhir-conditions.tsv", "fhir-pregnancy-conditions.tsv",
      "fhir-result-values.tsv", "fhir-stop-reasons.tsv", "prior-therapies.tsv");

  private KnowledgeBaseResources() {}

  /**
   * The names of the knowledge base's tables.
   *
   * @return the table file names
   */
  public static java.util.List<String> tables() {
    return TABLES;
  }

  /**
   * Opens a file of rules/ by its name; the caller closes it.
   *
   * @param name the file's name, such as {@code conditions.tsv}
   * @return the stream, or null when there is no such file
   */
  public static InputStream open(String name) {
    return KnowledgeBaseResources.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name);
  }

  /**
   * The built-in knowledge base's version, from rules/knowledge-base.properties.
   *
   * @return the version, such as {@code 1.2.0}
   * @throws IllegalStateException when the file or its version is missing
   */
  public static String version() {
    try (InputStream in = open("knowledge-base.properties")) {
      if (in == null) {
        throw new IllegalStateException("knowledge-base.properties is missing");
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version");
      if (v == null || v.isBlank()) {
        throw new IllegalStateException("knowledge-base.properties has no version");
      }
      return v.trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
