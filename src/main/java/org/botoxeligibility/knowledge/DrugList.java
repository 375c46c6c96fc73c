package org.botoxeligibility.knowledge;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.botoxeligibility.intake.DrugClass;

/** The drug list of rules/drugs.tsv: generic names, matched case-insensitively, and their class. */
public final class DrugList {
  public static final String TABLE = "drugs.tsv";

  private final Map<String, DrugClass> classes;

  private DrugList(Map<String, DrugClass> classes) {
    this.classes = Map.copyOf(classes);
  }

  public static DrugList load() {
    return load(KnowledgeTables.builtIn());
  }

  /**
   * Reads the drug list from the knowledge base's tables.
   *
   * @param tables the tables
   * @return the drug list
   */
  public static DrugList load(KnowledgeTables tables) {
    return tables.load(TABLE, () -> read(tables.read(TABLE)));
  }

  private static DrugList read(Tsv tsv) {
    Map<String, DrugClass> classes = new HashMap<>();
    for (Tsv.Row row : tsv.rows()) {
      String name = normalize(row.required("name"));
      if (classes.put(name, row.code("drug_class", DrugClass.class)) != null) {
        throw row.fail("name", "listed twice: " + name);
      }
    }
    return new DrugList(classes);
  }

  /** The listed class of a generic name, or null when the list does not know the name. */
  public DrugClass classOf(String name) {
    return name == null ? null : classes.get(normalize(name));
  }

  public int size() {
    return classes.size();
  }

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private static String normalize(String name) {
    return SPACES.matcher(name.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }
}
