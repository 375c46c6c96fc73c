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
import org.botoxeligibility.intake.Product;

/**
 * The drug list of rules/drugs.tsv (generic names and their class) and the local forms of
 * rules/local-forms.tsv (docs/clinical-policy.md §6, §8). A listed name matches a medication when
 * it appears in the medication's name as whole words, case-insensitively ("Gentamicin 40 MG/ML
 * Injectable Solution" is gentamicin; "Aspirin 81 MG / Clopidogrel 75 MG" is both). A name that
 * also holds a local-form word (topical, ophthalmic, eye, gel, ...) and no systemic word
 * (transdermal, patch, system, Gelnique, oral) is recognised as a local form, and its classes are
 * classed {@code OTHER} (a local form does not reach the neuromuscular junction), except {@code
 * ANTICHOLINERGIC} and {@code BOTULINUM_TOXIN}, which a local form never hides (knowledge base
 * 1.2). A toxin product's name also gives its product code. Immutable.
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
  private final Set<String> systemicForms;
  private final int size;

  /** The classes a local form never hides: they act systemically, or are another toxin. */
  private static final Set<DrugClass> NEVER_LOCAL =
      EnumSet.of(DrugClass.ANTICHOLINERGIC, DrugClass.BOTULINUM_TOXIN);

  private record Listed(String name, String[] words, DrugClass drugClass, Product product) {}

  /**
   * What the drug list finds in a medication's name.
   *
   * @param names the listed generic names found, in the order they appear
   * @param classes their classes (a local form's downgraded to {@code OTHER}); empty when none
   *     found
   * @param localForm true when the name holds a local-form word, no systemic word, and a listed
   *     name (some of its classes may still count: see {@link DrugList})
   * @param products the toxin products the names found name (a BOTULINUM_TOXIN row with a
   *     product); empty when none does
   */
  public record Match(List<String> names, Set<DrugClass> classes, boolean localForm,
      Set<Product> products) {
    /** Nothing found. */
    public static final Match NONE = new Match(List.of(), Set.of(), false, Set.of());

    /**
     * Copies the lists.
     *
     * @param names the names found; not null
     * @param classes their classes; not null
     * @param localForm whether the name is of a local form
     * @param products the toxin products named; not null
     */
    public Match {
      names = List.copyOf(names);
      classes = classes.isEmpty() ? Set.of() : Set.copyOf(classes);
      products = products.isEmpty() ? Set.of() : Set.copyOf(products);
    }

    /**
     * The classes a local form downgraded to {@code OTHER} kept some classes: the name is of a
     * local form, yet a class other than {@code OTHER} still counts.
     *
     * @return whether a class was kept although the form is local
     */
    public boolean keptDespiteLocalForm() {
      return localForm && classes.stream().anyMatch(c -> c != DrugClass.OTHER);
    }
  }

  private DrugList(Map<String, List<Listed>> byFirstWord, Set<String> localForms,
      Set<String> systemicForms, int size) {
    this.byFirstWord = Map.copyOf(byFirstWord);
    this.localForms = Set.copyOf(localForms);
    this.systemicForms = Set.copyOf(systemicForms);
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
    Set<String> localForms = new HashSet<>();
    Set<String> systemicForms = new HashSet<>();
    tables.load(LOCAL_FORMS, () -> {
      for (Tsv.Row row : tables.read(LOCAL_FORMS).rows()) {
        String[] words = words(row.required("word"));
        if (words.length != 1) {
          throw row.fail("word", "one word per row, was " + row.required("word"));
        }
        row.required("source");
        String marks = row.required("marks");
        if (marks.equals("LOCAL")) {
          localForms.add(words[0]);
        } else if (marks.equals("SYSTEMIC")) {
          systemicForms.add(words[0]);
        } else {
          throw row.fail("marks", "must be LOCAL or SYSTEMIC, was " + marks);
        }
      }
      return null;
    });
    return tables.load(TABLE, () -> read(tables.read(TABLE), localForms, systemicForms));
  }

  private static DrugList read(Tsv tsv, Set<String> localForms, Set<String> systemicForms) {
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
      DrugClass drugClass = row.code("drug_class", DrugClass.class);
      Product product = row.optional("product") == null ? null
          : row.code("product", Product.class);
      if (product != null && drugClass != DrugClass.BOTULINUM_TOXIN) {
        throw row.fail("product", "only a BOTULINUM_TOXIN row names a product");
      }
      byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>())
          .add(new Listed(name, words, drugClass, product));
    }
    return new DrugList(byFirstWord, localForms, systemicForms, seen.size());
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
    Set<Product> products = EnumSet.noneOf(Product.class);
    boolean local = false;
    boolean systemic = false;
    for (int i = 0; i < words.length; i++) {
      local |= localForms.contains(words[i]);
      systemic |= systemicForms.contains(words[i]);
      for (Listed l : byFirstWord.getOrDefault(words[i], List.of())) {
        if (startsAt(words, i, l.words()) && !found.contains(l.name())) {
          found.add(l.name());
          classes.add(l.drugClass());
          if (l.product() != null) {
            products.add(l.product());
          }
        }
      }
    }
    if (found.isEmpty()) {
      return Match.NONE;
    }
    if (local && !systemic) {
      Set<DrugClass> kept = EnumSet.noneOf(DrugClass.class);
      for (DrugClass c : classes) {
        kept.add(NEVER_LOCAL.contains(c) ? c : DrugClass.OTHER);
      }
      return new Match(found, kept, true, products);
    }
    return new Match(found, classes, false, products);
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
