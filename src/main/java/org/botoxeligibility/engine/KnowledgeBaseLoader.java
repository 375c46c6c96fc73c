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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.botoxeligibility.knowledge.KnowledgeBaseResources;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
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
   * Adds a clinic's DRL files (every *.drl in the folder, in name order) to a knowledge base.
   * Overlay rules may not replace a built-in rule.
   *
   * @throws RulesBuildException listing every compiler error, with file and line
   */
  static void addOverlay(InternalKnowledgeBase kieBase, Path folder) {
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
    Set<String> builtIn = new HashSet<>(ruleNames(kieBase));
    List<RuleError> errors = new ArrayList<>();
    for (Path file : files) {
      String declared = declaredPackage(file);
      if (KnowledgeBaseResources.PACKAGE.equals(declared)) {
        errors.add(new RuleError(file.toString(), packageLine(file), "the overlay declares the "
            + "built-in package " + KnowledgeBaseResources.PACKAGE + "; an overlay uses a "
            + "package of its own, such as org.botoxeligibility.clinic"));
      }
    }
    if (!errors.isEmpty()) {
      throw new RulesBuildException("the rules in " + folder + " cannot be added", errors);
    }
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(kieBase);
    for (Path file : files) {
      builder.add(ResourceFactory.newFileResource(file.toFile()), ResourceType.DRL);
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
          errors.add(new RuleError(folder.toString(), 0, "rule \"" + rule.getName()
              + "\" takes the name of a built-in rule; rule names are the explanation of every "
              + "reason and must be unique: give it another name"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new RulesBuildException("the rules in " + folder + " cannot be added", errors);
    }
    kieBase.addPackages(builder.getKnowledgePackages());
  }

  private static final java.util.regex.Pattern PACKAGE_LINE =
      java.util.regex.Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?\\s*$");

  /** The package a DRL file declares (its first package line), or null. */
  private static String declaredPackage(Path file) {
    try {
      for (String line : Files.readAllLines(file)) {
        java.util.regex.Matcher m = PACKAGE_LINE.matcher(line);
        if (m.matches()) {
          return m.group(1);
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static int packageLine(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (PACKAGE_LINE.matcher(lines.get(i)).matches()) {
          return i + 1;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
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
