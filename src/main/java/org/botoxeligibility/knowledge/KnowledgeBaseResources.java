package org.botoxeligibility.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the knowledge base's files (rules/ in the source tree) live on the class path. */
public final class KnowledgeBaseResources {
  /** The package of the rules, and the folder of rules/ inside the jar. */
  public static final String PACKAGE = "org.botoxeligibility.rules";

  /** The folder of rules/ inside the jar. */
  public static final String FOLDER = PACKAGE.replace('.', '/');

  /** The tables of rules/, each a clinic may override row by row (see KnowledgeTables). */
  private static final java.util.List<String> TABLES = java.util.List.of(
      "conditions.tsv", "parameters.tsv", "drugs.tsv",
      "fhir-sites.tsv", "fhir-comorbidities.tsv", "fhir-infections.tsv", "fhir-allergies.tsv",
      "fhir-adverse-reactions.tsv", "fhir-products.tsv", "fhir-status-values.tsv");

  private KnowledgeBaseResources() {}

  /**
   * The names of the knowledge base's tables.
   *
   * @return the table file names
   */
  public static java.util.List<String> tables() {
    return TABLES;
  }

  /** Opens a file of rules/ by its name; null when there is none. */
  public static InputStream open(String name) {
    return KnowledgeBaseResources.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name);
  }

  /** The knowledge base's version, from rules/knowledge-base.properties. */
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
