package org.botoxeligibility.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.botoxeligibility.assessment.RuleError;
import org.botoxeligibility.assessment.RulesBuildException;

/**
 * The tables of the knowledge base (rules/*.tsv): the built-in ones, optionally overridden row by
 * row from a clinic's folder without a rebuild. An override file has the name and the header of
 * the built-in table it changes; each of its rows replaces the built-in row with the same key
 * (the first column) or adds a new one. Merged tables are read by the same strict loaders as the
 * built-in ones.
 *
 * <p>An overridden knowledge base reports itself: {@link #version()} is the built-in version
 * followed by {@code +local.} and the first 12 hex digits of the SHA-256 of the override files
 * (names and bytes, in name order), so that every decision traces to the exact tables behind it.
 * Immutable and thread-safe.
 */
public final class KnowledgeTables {
  private static final KnowledgeTables BUILT_IN = new KnowledgeTables(null, Map.of(),
      KnowledgeBaseResources.version());

  private final Path folder;
  private final Map<String, byte[]> overrides;
  private final String version;

  private KnowledgeTables(Path folder, Map<String, byte[]> overrides, String version) {
    this.folder = folder;
    this.overrides = overrides;
    this.version = version;
  }

  /**
   * The built-in tables.
   *
   * @return the built-in tables
   */
  public static KnowledgeTables builtIn() {
    return BUILT_IN;
  }

  /**
   * The built-in tables with a clinic's overrides: every {@code *.tsv} file of the folder, each
   * named after a built-in table. The files are read once, here.
   *
   * @param folder the clinic's folder
   * @return the tables
   * @throws RulesBuildException when the folder cannot be read, holds no table, or a file is not
   *     named after a built-in table; each table's rows are checked when it is first read
   */
  public static KnowledgeTables withOverrides(Path folder) {
    if (folder == null || !Files.isDirectory(folder)) {
      throw fail(folder, 0, "the tables folder does not exist or is not a folder");
    }
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(folder)) {
      for (Path p : list.sorted().toList()) {
        String name = p.getFileName().toString();
        if (!name.endsWith(".tsv")) {
          continue;
        }
        if (KnowledgeBaseResources.open(name) == null) {
          throw fail(p, 0, name + " is not a table of the knowledge base; tables: "
              + String.join(", ", KnowledgeBaseResources.tables()));
        }
        files.put(name, Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw fail(folder, 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (files.isEmpty()) {
      throw fail(folder, 0, "holds no .tsv table to override");
    }
    String local = KnowledgeBaseResources.version() + "+local." + hash(files).substring(0, 12);
    return new KnowledgeTables(folder, Map.copyOf(files), local);
  }

  /**
   * The knowledge base's version as assessments report it: {@code 1.2.0}, or {@code
   * 1.2.0+local.0123456789ab} with overrides.
   *
   * @return the version
   */
  public String version() {
    return version;
  }

  /**
   * True when a clinic's folder overrides some table.
   *
   * @return whether there are overrides
   */
  public boolean overridden() {
    return !overrides.isEmpty();
  }

  /**
   * Reads a table, with the override's rows laid over the built-in ones.
   *
   * @param table the table's file name, such as {@code conditions.tsv}
   * @return the merged table
   * @throws RulesBuildException when an override row is malformed
   */
  public Tsv read(String table) {
    Tsv builtIn = Tsv.read(table, KnowledgeBaseResources.open(table));
    byte[] override = overrides.get(table);
    if (override == null) {
      return builtIn;
    }
    Path file = folder.resolve(table);
    try {
      return builtIn.overlaid(Tsv.read(file.toString(), new ByteArrayInputStream(override), true));
    } catch (IllegalStateException e) {
      throw fail(file, 0, e.getMessage());
    }
  }

  /**
   * Runs a loader over the tables, turning a malformed override into a {@link
   * RulesBuildException} that names the override file (a built-in table is checked by the build).
   *
   * @param <T> what the loader makes
   * @param what the table the loader reads
   * @param loader the loader
   * @return what it made
   */
  public <T> T load(String what, java.util.function.Supplier<T> loader) {
    try {
      return loader.get();
    } catch (IllegalStateException e) {
      if (overrides.containsKey(what)) {
        throw fail(folder.resolve(what), 0, e.getMessage());
      }
      throw e;
    }
  }

  private static RulesBuildException fail(Path file, int line, String message) {
    String name = String.valueOf(file);
    return new RulesBuildException("the clinic's tables in " + name + " cannot be used",
        List.of(new RuleError(name, line, message)));
  }

  private static String hash(Map<String, byte[]> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(e.getValue());
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Names nothing but the folder. */
  @Override
  public String toString() {
    return "KnowledgeTables[" + version + "]";
  }
}
