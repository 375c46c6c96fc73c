package org.botoxeligibility.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.botoxeligibility.intake.AdverseReaction;
import org.botoxeligibility.intake.Allergy;
import org.botoxeligibility.intake.Comorbidity;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.intake.Product;
import org.botoxeligibility.intake.Site;
import org.botoxeligibility.knowledge.KnowledgeTables;
import org.botoxeligibility.knowledge.Tsv;

/**
 * The code tables of the FHIR mapping (rules/fhir-*.tsv), read strictly through {@link
 * KnowledgeTables} so that a clinic's overrides apply: a malformed row, an unknown system alias, an
 * unknown intake code or a key listed twice fails, naming the table, line and column. Immutable.
 */
final class FhirTables {
  static final String SITES = "fhir-sites.tsv";
  static final String COMORBIDITIES = "fhir-comorbidities.tsv";
  static final String INFECTIONS = "fhir-infections.tsv";
  static final String ALLERGIES = "fhir-allergies.tsv";
  static final String ADVERSE_REACTIONS = "fhir-adverse-reactions.tsv";
  static final String PRODUCTS = "fhir-products.tsv";
  static final String STATUS_VALUES = "fhir-status-values.tsv";
  static final String SYSTEMS = "fhir-systems.tsv";
  static final String CONDITIONS = "fhir-conditions.tsv";
  static final String PREGNANCY = "fhir-pregnancy-conditions.tsv";
  static final String RESULTS = "fhir-result-values.tsv";
  static final String STOP_REASONS = "fhir-stop-reasons.tsv";
  static final String PRIOR_THERAPIES = "prior-therapies.tsv";

  /** Every table of the mapping. */
  static final List<String> ALL = List.of(SITES, COMORBIDITIES, INFECTIONS, ALLERGIES,
      ADVERSE_REACTIONS, PRODUCTS, STATUS_VALUES, SYSTEMS, CONDITIONS, PREGNANCY, RESULTS,
      STOP_REASONS, PRIOR_THERAPIES);

  static final String SNOMED = "http://snomed.info/sct";
  static final String LOINC = "http://loinc.org";
  static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
  static final String CPT = "http://www.ama-assn.org/go/cpt";
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String NDC = "http://hl7.org/fhir/sid/ndc";
  /** The pseudo-system of product names in fhir-products.tsv. */
  static final String NAME = "name";
  /** The pseudo-system of words in fhir-stop-reasons.tsv. */
  static final String TEXT = "text";

  /** The short names a table may write instead of a system's URI. */
  private static final Map<String, String> ALIASES = Map.of(
      "sct", SNOMED, "loinc", LOINC, "icd10cm", ICD10CM, "hcpcs", HCPCS, "cpt", CPT,
      "rxnorm", RXNORM, "ndc", NDC, NAME, NAME, TEXT, TEXT);

  /** A coding as the tables key it: the system's URI and the code as written. */
  record Key(String system, String code) {}

  /** A pregnancy or breastfeeding value. */
  record StatusValue(String status, Boolean value) {}

  /** A product name and the whole-word pattern that finds it; a null product: not named. */
  record ProductName(Pattern pattern, Product product) {}

  /** A first-line treatment: its whole-word pattern, class and the conditions it treats first. */
  record PriorTherapy(String name, Pattern pattern, String drugClass,
      Set<ConditionCode> conditions) {}

  final Map<Key, Site> sites;
  final Map<Key, Comorbidity> comorbidityCodes;
  final Map<String, Comorbidity> comorbidityIcd10;
  /** The comorbidities that count when inactive, in remission or abated too. */
  final Set<Comorbidity> chronic;
  final Set<Key> infectionCodes;
  final Set<String> infectionIcd10;
  /** The allergy of a code; a code mapped to null records the absence of allergies. */
  final Map<Key, Allergy> allergies;
  final Map<Key, AdverseReaction> reactions;
  final Map<Key, Product> productCodes;
  final Set<Key> procedureCodes;
  final List<ProductName> productNames;
  /** Names of a botulinum toxin whose product is not named. */
  final List<Pattern> unnamedToxins;
  final Map<Key, StatusValue> statusValues;
  /** Alias of a code system (as written) to its canonical URI. */
  final Map<String, String> systemAliases;
  /** SNOMED CT (and other exact) codings of catalog conditions. */
  final Map<Key, ConditionCode> conditionCodes;
  final Set<Key> pregnancyCodes;
  final Set<String> pregnancyIcd10;
  /** Qualitative results: true positive, false negative. */
  final Map<Key, Boolean> results;
  /** Words of a stop reason that says a treatment did not fail. */
  final List<Pattern> notFailed;
  final List<PriorTherapy> priorTherapies;

  private FhirTables(KnowledgeTables tables) {
    sites = new HashMap<>();
    each(tables, SITES, "coding", row -> {
      sites.put(key(row, "coding"), row.code("site", Site.class));
    });
    comorbidityCodes = new HashMap<>();
    comorbidityIcd10 = new HashMap<>();
    Map<Comorbidity, Boolean> chronicRows = new HashMap<>();
    each(tables, COMORBIDITIES, "coding", row -> {
      Key k = key(row, "coding");
      Comorbidity c = row.code("comorbidity", Comorbidity.class);
      if (k.system().equals(ICD10CM)) {
        comorbidityIcd10.put(normalizeIcd10(k.code()), c);
      } else {
        comorbidityCodes.put(k, c);
      }
      String flag = row.optional("counts_when_inactive");
      boolean yes = flag != null && flag.equals("yes");
      if (flag != null && !yes) {
        throw row.fail("counts_when_inactive", "must be yes or empty, was " + flag);
      }
      Boolean earlier = chronicRows.put(c, yes);
      if (earlier != null && earlier != yes) {
        throw row.fail("counts_when_inactive", "every row of " + c + " must say the same");
      }
    });
    Set<Comorbidity> chronicSet = new HashSet<>();
    chronicRows.forEach((c, yes) -> {
      if (yes) {
        chronicSet.add(c);
      }
    });
    chronic = Set.copyOf(chronicSet);
    infectionCodes = new HashSet<>();
    infectionIcd10 = new HashSet<>();
    each(tables, INFECTIONS, "coding", row -> {
      Key k = key(row, "coding");
      row.required("name");
      if (k.system().equals(ICD10CM)) {
        infectionIcd10.add(normalizeIcd10(k.code()));
      } else {
        infectionCodes.add(k);
      }
    });
    allergies = new HashMap<>();
    each(tables, ALLERGIES, "coding", row -> {
      String value = row.required("allergy");
      allergies.put(key(row, "coding"), value.equals("NONE") ? null
          : row.code("allergy", Allergy.class));
    });
    reactions = new HashMap<>();
    each(tables, ADVERSE_REACTIONS, "coding", row -> {
      reactions.put(key(row, "coding"), row.code("reaction", AdverseReaction.class));
    });
    productCodes = new HashMap<>();
    procedureCodes = new HashSet<>();
    List<ProductName> names = new ArrayList<>();
    List<Pattern> unnamed = new ArrayList<>();
    each(tables, PRODUCTS, "key", row -> {
      Key k = key(row, "key");
      if (k.system().equals(CPT) || k.system().equals(SNOMED)
          && row.optional("product") == null) {
        if (row.optional("product") != null) {
          throw row.fail("product", "a CPT procedure code names no product; leave it empty");
        }
        procedureCodes.add(k);
        return;
      }
      if (k.system().equals(NAME) && row.optional("product") == null) {
        unnamed.add(words(k.code()));
        return;
      }
      Product product = row.code("product", Product.class);
      if (k.system().equals(NAME)) {
        names.add(new ProductName(words(k.code()), product));
      } else if (k.system().equals(NDC)) {
        String ndc = Ndc.normalize(k.code());
        if (ndc == null || !ndc.equals(k.code())) {
          throw row.fail("key", "an NDC is written 5-4-2 (a package) or 5-4 (a product), was "
              + k.code());
        }
        productCodes.put(new Key(NDC, ndc), product);
      } else {
        productCodes.put(k, product);
      }
    });
    productNames = List.copyOf(names);
    unnamedToxins = List.copyOf(unnamed);
    statusValues = new HashMap<>();
    each(tables, STATUS_VALUES, "coding", row -> {
      String status = row.required("status");
      if (!status.equals("PREGNANT") && !status.equals("BREASTFEEDING")) {
        throw row.fail("status", "must be PREGNANT or BREASTFEEDING, was " + status);
      }
      String value = row.required("value");
      Boolean v = switch (value) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        case "unknown" -> null;
        default -> throw row.fail("value", "must be true, false or unknown, was " + value);
      };
      statusValues.put(key(row, "coding"), new StatusValue(status, v));
    });
    systemAliases = new HashMap<>();
    tables.load(SYSTEMS, () -> {
      Tsv tsv = tables.read(SYSTEMS);
      header(tsv, SYSTEMS, "alias");
      for (Tsv.Row row : tsv.rows()) {
        String alias = row.required("alias");
        String system = row.required("system");
        row.required("source");
        if (!system.contains(":")) {
          String uri = ALIASES.get(system);
          if (uri == null || system.equals(NAME) || system.equals(TEXT)) {
            throw row.fail("system", "unknown system " + system + "; write its URI");
          }
          system = uri;
        }
        if (systemAliases.put(alias, system) != null) {
          throw row.fail("alias", alias + " is listed twice");
        }
      }
      return null;
    });
    conditionCodes = new HashMap<>();
    each(tables, CONDITIONS, "coding", row -> {
      Key k = key(row, "coding");
      if (k.system().equals(ICD10CM)) {
        throw row.fail("coding", "ICD-10-CM codes are the catalog's (conditions.tsv), not this "
            + "table's");
      }
      conditionCodes.put(k, row.code("condition", ConditionCode.class));
    });
    pregnancyCodes = new HashSet<>();
    pregnancyIcd10 = new HashSet<>();
    each(tables, PREGNANCY, "coding", row -> {
      Key k = key(row, "coding");
      row.required("name");
      if (k.system().equals(ICD10CM)) {
        pregnancyIcd10.add(normalizeIcd10(k.code()));
      } else {
        pregnancyCodes.add(k);
      }
    });
    results = new HashMap<>();
    each(tables, RESULTS, "coding", row -> {
      String result = row.required("result");
      if (!result.equals("POSITIVE") && !result.equals("NEGATIVE")) {
        throw row.fail("result", "must be POSITIVE or NEGATIVE, was " + result);
      }
      results.put(key(row, "coding"), result.equals("POSITIVE"));
    });
    List<Pattern> stops = new ArrayList<>();
    each(tables, STOP_REASONS, "key", row -> {
      Key k = key(row, "key");
      if (!k.system().equals(TEXT)) {
        throw row.fail("key", "must be text|words, was " + k.system() + "|" + k.code());
      }
      stops.add(words(k.code()));
    });
    notFailed = List.copyOf(stops);
    List<PriorTherapy> therapies = new ArrayList<>();
    tables.load(PRIOR_THERAPIES, () -> {
      Tsv tsv = tables.read(PRIOR_THERAPIES);
      header(tsv, PRIOR_THERAPIES, "name");
      Set<String> seen = new HashSet<>();
      for (Tsv.Row row : tsv.rows()) {
        String name = row.required("name").toLowerCase(Locale.ROOT);
        row.required("source");
        if (!seen.add(name)) {
          throw row.fail("name", name + " is listed twice");
        }
        String drugClass = row.required("class");
        if (!drugClass.matches("[A-Z][A-Z0-9_]*")) {
          throw row.fail("class", "must be written in capitals and underscores, was "
              + drugClass);
        }
        List<ConditionCode> conditions = row.codes("conditions", ConditionCode.class);
        if (conditions.isEmpty()) {
          throw row.fail("conditions", "names no condition");
        }
        therapies.add(new PriorTherapy(name, words(name), drugClass, Set.copyOf(conditions)));
      }
      return null;
    });
    priorTherapies = List.copyOf(therapies);
  }

  /** The whole-word, case-insensitive pattern of some words. */
  private static Pattern words(String words) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words)
        + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static void header(Tsv tsv, String table, String keyColumn) {
    if (tsv.header().isEmpty() || !tsv.header().get(0).equals(keyColumn)
        || !tsv.header().contains("source")) {
      throw new IllegalStateException(table + ": the header must start with " + keyColumn
          + " and have a source column, was " + String.join(" ", tsv.header()));
    }
  }

  /**
   * The canonical URI of a system as written: an alias of fhir-systems.tsv becomes its system;
   * whitespace around it is dropped.
   */
  String system(String written) {
    if (written == null) {
      return null;
    }
    String trimmed = written.trim();
    return systemAliases.getOrDefault(trimmed, trimmed);
  }

  /**
   * Reads every table of the mapping.
   *
   * @throws IllegalStateException naming table, line and column when a built-in row is malformed
   * @throws org.botoxeligibility.assessment.RulesBuildException when a clinic's override is
   */
  static FhirTables load(KnowledgeTables tables) {
    return new FhirTables(tables);
  }

  /**
   * Runs an action over the rows of a table, each with a key that is not empty and not listed
   * before; a malformed override row becomes a problem naming the override file.
   */
  private static void each(KnowledgeTables tables, String table, String keyColumn,
      java.util.function.Consumer<Tsv.Row> action) {
    tables.load(table, () -> {
      Tsv tsv = tables.read(table);
      if (tsv.header().isEmpty() || !tsv.header().get(0).equals(keyColumn)
          || !tsv.header().contains("source")) {
        throw new IllegalStateException(table + ": the header must start with " + keyColumn
            + " and have a source column, was " + String.join(" ", tsv.header()));
      }
      Map<String, Tsv.Row> seen = new LinkedHashMap<>();
      for (Tsv.Row row : tsv.rows()) {
        String k = row.required(keyColumn);
        Key parsed = key(row, keyColumn);
        String canonical = parsed.system() + "|" + (parsed.system().equals(ICD10CM)
            ? normalizeIcd10(parsed.code()) : parsed.system().equals(NAME)
            || parsed.system().equals(TEXT) ? parsed.code().toLowerCase(Locale.ROOT)
            : parsed.code());
        Tsv.Row earlier = seen.put(canonical, row);
        if (earlier != null) {
          throw row.fail(keyColumn, k + " is already the key of line " + earlier.line());
        }
        row.required("source");
      }
      tsv.rows().forEach(action);
      return null;
    });
  }

  private static Key key(Tsv.Row row, String column) {
    String value = row.required(column);
    int bar = value.indexOf('|');
    if (bar <= 0 || bar == value.length() - 1) {
      throw row.fail(column, "must be system|code, was " + value);
    }
    String system = value.substring(0, bar).trim();
    String code = value.substring(bar + 1).trim();
    if (!system.contains(":")) {
      String uri = ALIASES.get(system);
      if (uri == null) {
        throw row.fail(column, "unknown system " + system + "; write its URI or one of "
            + String.join(", ", new java.util.TreeSet<>(ALIASES.keySet())));
      }
      system = uri;
    }
    if (code.isEmpty() || code.contains("|")) {
      throw row.fail(column, "must be system|code, was " + value);
    }
    if (system.equals(ICD10CM) && !code.matches("[A-Za-z][0-9][0-9A-Za-z](\\.?[0-9A-Za-z]{0,4})?")) {
      throw row.fail(column, "is not written as an ICD-10-CM code or prefix, was " + code);
    }
    return new Key(system, code);
  }

  /** An ICD-10-CM code as the tables compare it: upper case, no dot, no spaces. */
  static String normalizeIcd10(String code) {
    return code.trim().replace(".", "").toUpperCase(Locale.ROOT);
  }

  /** The longest prefix of the code that the map holds, or null. */
  static <T> T longestPrefix(Map<String, T> prefixes, String icd10) {
    String c = normalizeIcd10(icd10);
    for (int n = c.length(); n > 0; n--) {
      T v = prefixes.get(c.substring(0, n));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** True when a prefix of the code is in the set. */
  static boolean hasPrefix(Set<String> prefixes, String icd10) {
    String c = normalizeIcd10(icd10);
    for (int n = c.length(); n > 0; n--) {
      if (prefixes.contains(c.substring(0, n))) {
        return true;
      }
    }
    return false;
  }
}
