package org.botoxeligibility.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The knowledge base a job runs with, as data that travels to the executors: the built-in one,
 * plus the overlay rules ({@code --rules}: every {@code *.drl}) and table overrides ({@code
 * --tables}: every {@code *.tsv}) read on the driver. Executors write the files to a private
 * temporary folder once per JVM and build the engine from there, so a cluster needs the folders
 * on the driver only. Immutable.
 */
public final class KnowledgeBaseFiles implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TreeMap<String, byte[]> rules;
  private final TreeMap<String, byte[]> tables;
  private final String key;

  private KnowledgeBaseFiles(TreeMap<String, byte[]> rules, TreeMap<String, byte[]> tables) {
    this.rules = rules;
    this.tables = tables;
    this.key = digest(rules, tables);
  }

  /**
   * The built-in knowledge base alone.
   *
   * @return the files (none)
   */
  public static KnowledgeBaseFiles builtIn() {
    return new KnowledgeBaseFiles(new TreeMap<>(), new TreeMap<>());
  }

  /**
   * Reads the overlay folders on this machine.
   *
   * @param rulesDir the folder of overlay rules, or null
   * @param tablesDir the folder of table overrides, or null
   * @return the files
   * @throws UncheckedIOException when a folder cannot be read
   */
  public static KnowledgeBaseFiles read(Path rulesDir, Path tablesDir) {
    return new KnowledgeBaseFiles(rulesDir == null ? new TreeMap<>() : files(rulesDir, ".drl"),
        tablesDir == null ? new TreeMap<>() : files(tablesDir, ".tsv"));
  }

  private static TreeMap<String, byte[]> files(Path dir, String suffix) {
    TreeMap<String, byte[]> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      // let the library say what is wrong with it, as the CLI does: an empty folder
      out.put("", null);
      return out;
    }
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted()
          .toList()) {
        out.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
    return out;
  }

  /**
   * Whether there are overlay rules.
   *
   * @return true when {@code --rules} was given
   */
  public boolean hasRules() {
    return !rules.isEmpty();
  }

  /**
   * Whether there are table overrides.
   *
   * @return true when {@code --tables} was given
   */
  public boolean hasTables() {
    return !tables.isEmpty();
  }

  /**
   * The overlay rule files by name.
   *
   * @return an unmodifiable view
   */
  public Map<String, byte[]> rules() {
    return Collections.unmodifiableMap(rules);
  }

  /**
   * The table override files by name.
   *
   * @return an unmodifiable view
   */
  public Map<String, byte[]> tables() {
    return Collections.unmodifiableMap(tables);
  }

  /**
   * Identifies the content: equal files give equal keys.
   *
   * @return the SHA-256 of the names and bytes, in hex
   */
  public String key() {
    return key;
  }

  /**
   * Writes the files under a new temporary folder, as {@code rules/} and {@code tables/}.
   *
   * @return the folder
   * @throws UncheckedIOException when it cannot be written
   */
  Path materialize() {
    try {
      Path root = Files.createTempDirectory("botox-eligibility-kb-");
      root.toFile().deleteOnExit();
      write(root.resolve("rules"), rules);
      write(root.resolve("tables"), tables);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the knowledge base files", e);
    }
  }

  private static void write(Path dir, Map<String, byte[]> files) throws IOException {
    Files.createDirectories(dir);
    dir.toFile().deleteOnExit();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (f.getValue() == null) {
        continue;
      }
      Path p = dir.resolve(f.getKey());
      Files.write(p, f.getValue());
      p.toFile().deleteOnExit();
    }
  }

  private static String digest(Map<String, byte[]> rules, Map<String, byte[]> tables) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (Map<String, byte[]> m : java.util.List.of(rules, tables)) {
        d.update((byte) '|');
        for (Map.Entry<String, byte[]> f : m.entrySet()) {
          d.update(f.getKey().getBytes(StandardCharsets.UTF_8));
          d.update((byte) 0);
          if (f.getValue() != null) {
            d.update(f.getValue());
          }
          d.update((byte) 0);
        }
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
