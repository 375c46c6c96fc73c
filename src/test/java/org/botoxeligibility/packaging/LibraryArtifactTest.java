package org.botoxeligibility.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The artifacts as an integrator gets them, checked after {@code mvn package} (the build runs this
 * class in its integration-test phase, against the jars it just made): the installed library jar
 * carries the library only (no command line, no service, no Main-Class, no Class-Path), its POM
 * leaves the command line's and the service's libraries optional, and an application built
 * against it alone compiles, evaluates, learns which artifact FHIR needs, and logs through SLF4J
 * 1.7 or 2.0. The runnable jar and the -cli jar keep everything.
 */
class LibraryArtifactTest {
  private static final Path TARGET = Path.of("target");
  private static Path libraryJar;
  private static Path cliJar;
  private static List<Path> lib;

  /** The libraries an application that embeds the engine does not get (optional in the POM). */
  private static final List<String> OPTIONAL_JARS = List.of("picocli-", "jetty-",
      "nimbus-jose-jwt-", "hapi-fhir-", "org.hl7.fhir.", "slf4j-simple-");

  @TempDir
  Path tmp;

  @BeforeAll
  static void theBuildMadeTheJars() throws IOException {
    // the build's integration-test phase names the jars; an earlier phase (mvn test -Dtest=...)
    // has none to check yet
    Assumptions.assumeTrue(System.getProperty("library.jar") != null,
        "runs in the integration-test phase, after the jars are made");
    libraryJar = Path.of(System.getProperty("library.jar"));
    cliJar = Path.of(System.getProperty("cli.jar"));
    assertThat(libraryJar).as("run after mvn package").isRegularFile();
    assertThat(cliJar).isRegularFile();
    try (Stream<Path> files = Files.list(TARGET.resolve("lib"))) {
      lib = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static List<String> entries(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile j = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) {
        names.add(e.nextElement().getName());
      }
    }
    return names;
  }

  private static Attributes manifest(Path jar) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      return j.getManifest().getMainAttributes();
    }
  }

  @Test
  void the_library_jar_carries_the_library_and_no_command_line_service_main_class_or_class_path()
      throws IOException {
    List<String> entries = entries(libraryJar);

    assertThat(entries).noneMatch(e -> e.startsWith("org/botoxeligibility/cli/"))
        .noneMatch(e -> e.startsWith("org/botoxeligibility/server/"))
        .contains("org/botoxeligibility/engine/EligibilityEngine.class",
            "org/botoxeligibility/json/IntakeReader.class",
            "org/botoxeligibility/fhir/FhirIntakeMapper.class",
            "org/botoxeligibility/rules/conditions.tsv",
            "META-INF/kie/org.botoxeligibility/botox-eligibility/drools-model");
    Attributes manifest = manifest(libraryJar);
    assertThat(manifest.getValue(Attributes.Name.MAIN_CLASS)).isNull();
    assertThat(manifest.getValue(Attributes.Name.CLASS_PATH)).isNull();
    assertThat(manifest.getValue(Attributes.Name.IMPLEMENTATION_VERSION)).isEqualTo("2.0.0");
  }

  @Test
  void no_class_of_the_library_jar_refers_to_the_command_line_or_the_service() throws IOException {
    try (JarFile j = new JarFile(libraryJar.toFile())) {
      for (JarEntry e : Collections.list(j.entries())) {
        if (!e.getName().endsWith(".class")) {
          continue;
        }
        try (InputStream in = j.getInputStream(e)) {
          String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
          assertThat(constants).as(e.getName())
              .doesNotContain("org/botoxeligibility/cli/")
              .doesNotContain("org/botoxeligibility/server/")
              .doesNotContain("picocli/");
        }
      }
    }
  }

  @Test
  void the_pom_leaves_the_command_line_and_service_libraries_optional() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File("pom.xml"));
    // the project's own dependencies (not dependencyManagement's): a child of <project>
    Element dependencies = null;
    NodeList all = pom.getDocumentElement().getChildNodes();
    for (int i = 0; i < all.getLength(); i++) {
      if (all.item(i) instanceof Element el && el.getTagName().equals("dependencies")) {
        dependencies = el;
      }
    }
    assertThat(dependencies).isNotNull();
    Map<String, String> required = new HashMap<>();
    List<String> optional = new ArrayList<>();
    NodeList list = dependencies.getElementsByTagName("dependency");
    for (int i = 0; i < list.getLength(); i++) {
      Element d = (Element) list.item(i);
      String id = text(d, "artifactId");
      String scope = text(d, "scope");
      if (scope != null && !scope.equals("compile") && !scope.equals("runtime")) {
        continue;
      }
      if ("true".equals(text(d, "optional"))) {
        optional.add(id);
      } else {
        required.put(id, scope == null ? "compile" : scope);
      }
    }

    assertThat(required.keySet()).containsExactlyInAnyOrder("drools-model-compiler",
        "drools-mvel", "jackson-databind", "jackson-datatype-jsr310", "slf4j-api");
    assertThat(optional).contains("picocli", "jetty-server", "nimbus-jose-jwt",
        "hapi-fhir-client", "hapi-fhir-structures-r4", "slf4j-simple");
  }

  private static String text(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  @Test
  void the_runnable_jar_is_the_cli_jar_and_carries_everything_with_its_libraries()
      throws Exception {
    Path runnable = TARGET.resolve("botox-eligibility.jar");
    assertThat(Files.mismatch(runnable, cliJar)).as("the runnable jar is the -cli jar")
        .isEqualTo(-1);
    assertThat(entries(cliJar)).contains("org/botoxeligibility/cli/Main.class",
        "org/botoxeligibility/server/CdsServer.class",
        "org/botoxeligibility/engine/EligibilityEngine.class");
    Attributes manifest = manifest(runnable);
    assertThat(manifest.getValue(Attributes.Name.MAIN_CLASS))
        .isEqualTo("org.botoxeligibility.cli.Main");
    String[] classPath = manifest.getValue(Attributes.Name.CLASS_PATH).split(" ");
    assertThat(classPath).anyMatch(e -> e.startsWith("lib/picocli-"))
        .anyMatch(e -> e.startsWith("lib/jetty-server-"))
        .anyMatch(e -> e.startsWith("lib/slf4j-simple-"))
        .anyMatch(e -> e.startsWith("lib/hapi-fhir-structures-r4-"));
    for (String entry : classPath) {
      assertThat(TARGET.resolve(entry)).as(entry).isRegularFile();
    }

    Run version = java(List.of("-jar", runnable.toString(), "--version"));
    assertThat(version.code()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("botox-eligibility 2.0.0");
  }

  /** An application's code, as the README shows it, that also asks for FHIR mapping. */
  private static final String HOST = """
      import org.botoxeligibility.assessment.Assessment;
      import org.botoxeligibility.engine.EligibilityEngine;
      import org.botoxeligibility.intake.*;

      public class Host {
        public static void main(String[] args) {
          EligibilityEngine engine = EligibilityEngine.withDefaultKnowledgeBase();
          Intake intake = Intake.builder()
              .intakeId("INT-2026-0042")
              .assessmentDate(java.time.LocalDate.of(2026, 11, 27))
              .patient(Patient.builder().ageYears(41).sex(Sex.FEMALE).pregnant(false).weightKg(63.5)
                  .build())
              .concern(Concern.builder().condition(ConditionCode.CHRONIC_MIGRAINE)
                  .headacheDaysPerMonth(18).migraineDaysPerMonth(10).headacheHoursPerDay(6)
                  .monthsWithSymptoms(14).priorTherapiesFailed(2).build())
              .medicalHistory(MedicalHistory.builder().conditions().allergies()
                  .medications(Medication.named("sumatriptan")).build())
              .workflow(Workflow.builder().medicalExaminationCompleted().diagnosisConfirmed()
                  .build())
              .build();
          Assessment assessment = engine.evaluate(intake);
          System.out.println("decision " + assessment.recommendations().get(0).decision());
          try {
            org.botoxeligibility.fhir.FhirIntakeMapper.create();
            System.out.println("fhir mapper created");
          } catch (IllegalStateException e) {
            System.out.println("fhir refused: " + e.getMessage());
          }
        }
      }
      """;

  /** The host compiled against the library jar and its required libraries only. */
  private Path compileHost(List<Path> classPath) throws IOException {
    Path src = tmp.resolve("src");
    Path classes = tmp.resolve("classes");
    Files.createDirectories(src);
    Files.createDirectories(classes);
    Files.writeString(src.resolve("Host.java"), HOST);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int code = javac.run(null, null, null, "-d", classes.toString(), "-cp", join(classPath),
        src.resolve("Host.java").toString());
    assertThat(code).as("the host compiles against the library jar").isZero();
    return classes;
  }

  private static String join(List<Path> paths) {
    return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
  }

  /** The library jar and the libraries an application inherits from it (none optional). */
  private static List<Path> libraryClassPath(List<String> alsoWithout) {
    List<Path> cp = new ArrayList<>();
    cp.add(libraryJar);
    for (Path jar : lib) {
      String name = jar.getFileName().toString();
      if (OPTIONAL_JARS.stream().noneMatch(name::startsWith)
          && alsoWithout.stream().noneMatch(name::startsWith)) {
        cp.add(jar);
      }
    }
    return cp;
  }

  private record Run(int code, String out, String err) {}

  private Run java(List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(args);
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the process ends").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void an_application_with_the_library_alone_evaluates_and_is_told_which_artifact_fhir_needs()
      throws Exception {
    List<Path> cp = libraryClassPath(List.of());
    assertThat(cp).noneMatch(p -> p.getFileName().toString().startsWith("picocli"));
    Path host = compileHost(cp);
    List<Path> run = new ArrayList<>(cp);
    run.add(0, host);

    Run r = java(List.of("-cp", join(run), "Host"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("decision ELIGIBLE")
        .contains("fhir refused: FHIR mapping needs HAPI FHIR, an optional dependency of "
            + "botox-eligibility that the application declares itself: add "
            + "ca.uhn.hapi.fhir:hapi-fhir-structures-r4:8.12.1 to its dependencies");
  }

  @Test
  void an_application_on_slf4j_1_7_gets_the_library_logs_through_its_own_binding()
      throws Exception {
    Path slf4j17 = Path.of(System.getProperty("slf4j17.dir"));
    List<Path> cp = libraryClassPath(List.of("slf4j-api-"));
    cp.add(slf4j17.resolve("slf4j-api-1.7.36.jar"));
    cp.add(slf4j17.resolve("slf4j-simple-1.7.36.jar"));
    Path host = compileHost(cp);
    cp.add(0, host);

    Run r = java(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
        "-Dorg.slf4j.simpleLogger.log.org.drools=warn",
        "-Dorg.slf4j.simpleLogger.log.org.kie=warn", "-cp", join(cp), "Host"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("decision ELIGIBLE");
    assertThat(r.err()).contains("evaluated intake INT-2026-0042")
        .doesNotContain("No SLF4J providers");
  }

  @Test
  void an_application_whose_1_7_binding_meets_our_2_0_api_loses_its_logs_as_the_readme_warns()
      throws Exception {
    Path slf4j17 = Path.of(System.getProperty("slf4j17.dir"));
    List<Path> cp = libraryClassPath(List.of());
    assertThat(cp).anyMatch(p -> p.getFileName().toString().startsWith("slf4j-api-2."));
    cp.add(slf4j17.resolve("slf4j-simple-1.7.36.jar"));
    Path host = compileHost(cp);
    cp.add(0, host);

    Run r = java(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug", "-cp", join(cp),
        "Host"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("No SLF4J providers were found")
        .doesNotContain("evaluated intake");
  }
}
