package org.botoxeligibility.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.botoxeligibility.intake.ConditionCode;
import org.botoxeligibility.knowledge.Catalog;
import org.botoxeligibility.knowledge.CatalogEntry;
import org.botoxeligibility.testing.TestEngine;
import org.junit.jupiter.api.Test;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.io.ResourceType;
import org.kie.internal.utils.KieHelper;
import org.kie.internal.io.ResourceFactory;

/** The knowledge base builds, completely, without warnings, and its tables are whole. */
class KnowledgeBaseTest {
  private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

  @Test
  void every_rule_written_in_rules_is_in_the_compiled_knowledge_base() throws IOException {
    List<String> written = new ArrayList<>();
    for (Path drl : drlFiles()) {
      Matcher m = RULE.matcher(Files.readString(drl));
      while (m.find()) {
        written.add(m.group(1));
      }
    }
    assertThat(written).doesNotHaveDuplicates();
    assertThat(TestEngine.get().ruleNames()).containsExactlyInAnyOrderElementsOf(written);
  }

  @Test
  void every_drl_file_compiles_without_errors_or_warnings() throws IOException {
    KieHelper helper = new KieHelper();
    for (Path drl : drlFiles()) {
      helper.addResource(ResourceFactory.newFileResource(drl.toFile()), ResourceType.DRL);
    }
    Results results = helper.verify();
    assertThat(results.getMessages(Message.Level.ERROR, Message.Level.WARNING))
        .as("compiler messages").isEmpty();
  }

  @Test
  void the_catalog_has_every_condition_of_the_policy() {
    Catalog catalog = TestEngine.get().catalog();
    assertThat(catalog.entries()).hasSize(ConditionCode.values().length);
    long conditions = catalog.entries().stream().filter(e -> !e.isAlias()).count();
    assertThat(conditions).isEqualTo(26);
    CatalogEntry migraine = catalog.entry(ConditionCode.MIGRAINE);
    assertThat(migraine.aliasOf()).isEqualTo(ConditionCode.CHRONIC_MIGRAINE);
    assertThat(migraine.typicalUnits()).isEqualTo(155);
    assertThat(catalog.entry(ConditionCode.EXCESSIVE_SWEATING).aliasOf())
        .isEqualTo(ConditionCode.AXILLARY_HYPERHIDROSIS);
  }

  private static List<Path> drlFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      List<Path> drl = files.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
      assertThat(drl).isNotEmpty();
      return drl;
    }
  }
}
