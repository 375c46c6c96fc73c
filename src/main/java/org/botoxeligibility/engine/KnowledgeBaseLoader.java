package org.botoxeligibility.engine;

import org.botoxeligibility.assessment.RulesBuildException;
import org.botoxeligibility.assessment.RuleError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.botoxeligibility.knowledge.KnowledgeBaseResources;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Builds the KieBase: the built-in rules from the executable model that the build compiled from
 * rules/ (no DRL is parsed at start-up), plus, optionally, a clinic's own DRL files compiled at
 * run time.
 */
final class KnowledgeBaseLoader {
  /** The index the kie-maven-plugin writes: one generated model class per rule package. */
  static final String MODEL_INDEX = "META-INF/kie/org.botoxeligibility/botox-eligibility/drools-model";

  private KnowledgeBaseLoader() {}

  /** The built-in knowledge base; fails loudly when the build produced no rules. */
  static InternalKnowledgeBase builtIn() {
    List<Model> models = models();
    InternalKnowledgeBase kieBase = KieBaseBuilder.createKieBaseFromModel(models);
    if (ruleNames(kieBase).isEmpty()) {
      throw new RulesBuildException("the built-in knowledge base has no rules", List.of());
    }
    return kieBase;
  }

  private static List<Model> models() {
    ClassLoader loader = KnowledgeBaseLoader.class.getClassLoader();
    List<Model> models = new ArrayList<>();
    try (InputStream in = loader.getResourceAsStream(MODEL_INDEX)) {
      if (in == null) {
        throw new RulesBuildException("the compiled rules are missing (no " + MODEL_INDEX
            + "); rebuild with mvn package", List.of());
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        line = line.trim();
        if (line.isEmpty() || line.startsWith("Drools-Model-Version")) {
          continue;
        }
        models.add((Model) Class.forName(line, true, loader).getDeclaredConstructor()
            .newInstance());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new RulesBuildException("cannot load the compiled rules: " + e, List.of());
    }
    if (models.isEmpty()) {
      throw new RulesBuildException("the compiled rules are empty", List.of());
    }
    return models;
  }

  /**
   * The packages of the library: an overlay declares none of them (its declared types would sit
   * among the engine's own, and the built-in package is the knowledge base's).
   */
  private static final Set<String> LIBRARY_PACKAGES = Set.of(KnowledgeBaseResources.PACKAGE,
      "org.botoxeligibility", "org.botoxeligibility.intake", "org.botoxeligibility.assessment",
      "org.botoxeligibility.knowledge", "org.botoxeligibility.engine", "org.botoxeligibility.json",
      "org.botoxeligibility.fhir", "org.botoxeligibility.server", "org.botoxeligibility.cli");

  /**
   * Adds a clinic's DRL files (every *.drl in the folder, in name order) to a knowledge base.
   * Each file is read once: the bytes compiled are the bytes hashed into the version. Overlay
   * rules may not replace a built-in rule, declare a package of the library, or use a built-in
   * reason code, a code that is not upper snake case or a pointer that names no place of the
   * intake where the consequence writes it out ({@link OverlayLint}).
   *
   * @param digest receives each file's name and bytes, for the knowledge base's version
   * @throws RulesBuildException listing every error, with file and line
   */
  static void addOverlay(InternalKnowledgeBase kieBase, Path folder, MessageDigest digest) {
    List<Path> files;
    if (!Files.isDirectory(folder)) {
      throw new RulesBuildException("the rules folder " + folder + " does not exist",
          List.of(new RuleError(folder.toString(), 0, "not a folder")));
    }
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
    } catch (IOException e) {
      throw new RulesBuildException("cannot list " + folder,
          List.of(new RuleError(folder.toString(), 0, String.valueOf(e.getMessage()))));
    }
    if (files.isEmpty()) {
      throw new RulesBuildException("the rules folder " + folder + " has no .drl file",
          List.of(new RuleError(folder.toString(), 0, "no .drl file")));
    }
    Map<Path, byte[]> bytes = new LinkedHashMap<>();
    for (Path file : files) {
      try {
        bytes.put(file, Files.readAllBytes(file));
      } catch (IOException e) {
        throw new RulesBuildException("cannot read " + file, List.of(new RuleError(
            file.toString(), 0, "cannot be read (" + e.getClass().getSimpleName() + ")")));
      }
    }
    Set<String> builtIn = new HashSet<>(ruleNames(kieBase));
    List<RuleError> errors = new ArrayList<>();
    for (Map.Entry<Path, byte[]> e : bytes.entrySet()) {
      String text = new String(e.getValue(), StandardCharsets.UTF_8);
      String declared = declaredPackage(text);
      if (KnowledgeBaseResources.PACKAGE.equals(declared)) {
        errors.add(new RuleError(e.getKey().toString(), packageLine(text), "the overlay declares "
            + "the built-in package " + KnowledgeBaseResources.PACKAGE + "; an overlay uses a "
            + "package of its own, such as org.botoxeligibility.clinic"));
      } else if (declared != null && LIBRARY_PACKAGES.contains(declared)) {
        errors.add(new RuleError(e.getKey().toString(), packageLine(text), "the overlay declares "
            + "the package " + declared + ", which is the library's; an overlay uses a package "
            + "of its own, such as org.botoxeligibility.clinic"));
      }
    }
    for (Map.Entry<Path, byte[]> e : bytes.entrySet()) {
      errors.addAll(OverlayLint.check(e.getKey().toString(),
          new String(e.getValue(), StandardCharsets.UTF_8)));
    }
    if (!errors.isEmpty()) {
      throw new RulesBuildException("the rules in " + folder + " cannot be added", errors);
    }
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(kieBase);
    for (Map.Entry<Path, byte[]> e : bytes.entrySet()) {
      Resource resource = ResourceFactory.newByteArrayResource(e.getValue());
      resource.setSourcePath(e.getKey().toString());
      builder.add(resource, ResourceType.DRL);
    }
    if (builder.hasErrors()) {
      for (KnowledgeBuilderError e : builder.getErrors()) {
        String message = String.valueOf(e.getMessage()).trim();
        if (message.startsWith("Parser returned a null Package")) {
          continue;
        }
        String file = e.getResource() != null && e.getResource().getSourcePath() != null
            ? e.getResource().getSourcePath() : folder.toString();
        int[] lines = e.getLines();
        errors.add(new RuleError(file, lines != null && lines.length > 0 ? lines[0] : 0,
            message.replaceAll("\\s+", " ")));
      }
      throw new RulesBuildException("the rules in " + folder + " failed to compile", errors);
    }
    for (KiePackage p : builder.getKnowledgePackages()) {
      for (Rule rule : p.getRules()) {
        if (builtIn.contains(rule.getName())) {
          RuleError where = declaration(bytes, rule.getName(), folder);
          errors.add(new RuleError(where.file(), where.line(), "rule \"" + rule.getName()
              + "\" takes the name of a built-in rule; rule names are the explanation of every "
              + "reason and must be unique: give it another name"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new RulesBuildException("the rules in " + folder + " cannot be added", errors);
    }
    kieBase.addPackages(builder.getKnowledgePackages());
    for (Map.Entry<Path, byte[]> e : bytes.entrySet()) {
      digest.update(e.getKey().getFileName().toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(e.getValue());
      digest.update((byte) 0);
    }
  }

  private static final java.util.regex.Pattern PACKAGE_LINE =
      java.util.regex.Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?\\s*$");

  /** The file and line where a rule of this name is declared (the folder, line 0, if not found). */
  private static RuleError declaration(Map<Path, byte[]> files, String name, Path folder) {
    String declared = "rule \"" + name + "\"";
    for (Map.Entry<Path, byte[]> e : files.entrySet()) {
      List<String> lines = new String(e.getValue(), StandardCharsets.UTF_8).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).trim().startsWith(declared)) {
          return new RuleError(e.getKey().toString(), i + 1, "");
        }
      }
    }
    return new RuleError(folder.toString(), 0, "");
  }

  /** The package a DRL text declares (its first package line), or null. */
  private static String declaredPackage(String text) {
    for (String line : text.lines().toList()) {
      java.util.regex.Matcher m = PACKAGE_LINE.matcher(line);
      if (m.matches()) {
        return m.group(1);
      }
    }
    return null;
  }

  private static int packageLine(String text) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (PACKAGE_LINE.matcher(lines.get(i)).matches()) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The names of the rules outside the built-in package (a clinic's overlay rules). */
  static List<String> overlayRuleNames(InternalKnowledgeBase kieBase) {
    List<String> names = new ArrayList<>();
    for (KiePackage p : kieBase.getKiePackages()) {
      if (!KnowledgeBaseResources.PACKAGE.equals(p.getName())) {
        for (Rule r : p.getRules()) {
          names.add(r.getName());
        }
      }
    }
    return names;
  }

  /** The names of all rules, sorted. */
  static List<String> ruleNames(InternalKnowledgeBase kieBase) {
    List<String> names = new ArrayList<>();
    for (KiePackage p : kieBase.getKiePackages()) {
      for (Rule r : p.getRules()) {
        names.add(r.getName());
      }
    }
    names.sort(null);
    return names;
  }

}
