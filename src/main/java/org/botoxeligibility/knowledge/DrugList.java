package org.botoxeligibility.knowledge;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.botoxeligibility.intake.DrugClass;

/**
 * The drug list of rules/drugs.tsv (generic names and their class) and the local forms of
 * rules/local-forms.tsv (docs/clinical-policy.md §6). A listed name matches a medication when it
 * appears in the medication's name as whole words, case-insensitively ("Gentamicin 40 MG/ML
 * Injectable Solution" is gentamicin; "Aspirin 81 MG / Clopidogrel 75 MG" is both). A name that
 * also holds a local-form word (topical, ophthalmic, eye, gel, ...) is recognised but classed
 * {@code OTHER}: a local form does not reach the neuromuscular junction. Immutable.
 */
public final class DrugList {
  /** The drug list's table. */
  public static final String TABLE = "drugs.tsv";
  /** The local forms' table. */
  public static final String LOCAL_FORMS = "local-forms.tsv";

  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Listed names by their first word: each as its words, with its class. */
  private final Map<String, List<Listed>> byFirstWord;
  private final Set<String> localForms;
  private final int size;

  private record Listed(String name, String[] words, DrugClass drugClass) {}

  /**
   * What the drug list finds in a medication's name.
   *
   * @param names the listed generic names found, in the order they appear
   * @param classes their classes ({@code OTHER} alone for a local form); empty when none found
   * @param localForm true when the name holds a local-form word and a listed name
   */
  public record Match(List<String> names, Set<DrugClass> classes, boolean localForm) {
    /** Nothing found. */
    public static final Match NONE = new Match(List.of(), Set.of(), false);

    /**
     * Copies the lists.
     *
     * @param names the names found; not null
     * @param classes their classes; not null
     * @param localForm whether the name is of a local form
     */
    public Match {
      names = List.copyOf(names);
      classes = classes.isEmpty() ? Set.of() : Set.copyOf(classes);
    }
  }

  private DrugList(Map<String, List<Listed>> byFirstWord, Set<String> localForms, int size) {
    this.byFirstWord = Map.copyOf(byFirstWord);
    this.localForms = Set.copyOf(localForms);
    this.size = size;
  }

  /**
   * Reads the built-in drug list.
   *
   * @return the drug list
   * @throws IllegalStateException naming table, line and column when a built-in table is
   *     malformed
   */
  public static DrugList load() {
    return load(KnowledgeTables.builtIn());
  }

  /**
   * Reads the drug list from the knowledge base's tables.
   *
   * @param tables the tables
   * @return the drug list
   * @throws org.botoxeligibility.assessment.RulesBuildException when a clinic's override row is
   *     malformed, naming the override file
   */
  public static DrugList load(KnowledgeTables tables) {
    Tsv forms = tables.load(LOCAL_FORMS, () -> tables.read(LOCAL_FORMS));
    Set<String> localForms = new HashSet<>();
    for (Tsv.Row row : forms.rows()) {
      String[] words = words(row.required("word"));
      if (words.length != 1) {
        throw row.fail("word", "one word per row, was " + row.required("word"));
      }
      row.required("source");
      localForms.add(words[0]);
    }
    return tables.load(TABLE, () -> read(tables.read(TABLE), localForms));
  }

  private static DrugList read(Tsv tsv, Set<String> localForms) {
    Map<String, List<Listed>> byFirstWord = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (Tsv.Row row : tsv.rows()) {
      String[] words = words(row.required("name"));
      String name = String.join(" ", words);
      if (words.length == 0) {
        throw row.fail("name", "has no word");
      }
      if (!seen.add(name)) {
        throw row.fail("name", "listed twice: " + name);
      }
      byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>())
          .add(new Listed(name, words, row.code("drug_class", DrugClass.class)));
    }
    return new DrugList(byFirstWord, localForms, seen.size());
  }

  /**
   * What the list finds in a medication's name.
   *
   * @param name the name as written; null gives nothing
   * @return the generic names found and their classes
   */
  public Match match(String name) {
    if (name == null) {
      return Match.NONE;
    }
    String[] words = words(name);
    List<String> found = new ArrayList<>(1);
    Set<DrugClass> classes = EnumSet.noneOf(DrugClass.class);
    boolean local = false;
    for (int i = 0; i < words.length; i++) {
      local |= localForms.contains(words[i]);
      for (Listed l : byFirstWord.getOrDefault(words[i], List.of())) {
        if (startsAt(words, i, l.words()) && !found.contains(l.name())) {
          found.add(l.name());
          classes.add(l.drugClass());
        }
      }
    }
    if (found.isEmpty()) {
      return Match.NONE;
    }
    if (local) {
      return new Match(found, EnumSet.of(DrugClass.OTHER), true);
    }
    return new Match(found, classes, false);
  }

  /**
   * The number of listed names.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  private static boolean startsAt(String[] words, int at, String[] listed) {
    if (at + listed.length > words.length) {
      return false;
    }
    for (int j = 0; j < listed.length; j++) {
      if (!words[at + j].equals(listed[j])) {
        return false;
      }
    }
    return true;
  }

  private static String[] words(String text) {
    String lower = text.toLowerCase(Locale.ROOT).trim();
    if (lower.isEmpty()) {
      return new String[0];
    }
    String[] split = NOT_A_WORD.split(lower);
    return java.util.Arrays.stream(split).filter(w -> !w.isEmpty()).toArray(String[]::new);
  }
}
