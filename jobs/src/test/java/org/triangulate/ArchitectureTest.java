package org.triangulate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package layering, read from the compiled main classes: feature packages form no cycle, and
 * the pipeline never reaches up to the command line or to the embedded Elasticsearch node (it sees
 * a client and {@code spring.elasticsearch.uris}; the command line starts the node).
 */
@AnalyzeClasses(packages = "org.triangulate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule featurePackagesFormNoCycle =
      slices().matching("org.triangulate.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule pipelineNeverImportsTheCommandLineOrTheNode =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.triangulate.cli..", "org.triangulate.node..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.triangulate.cli..", "org.triangulate.node..");

  @ArchTest
  static final ArchRule theNodeKnowsNothingOfThePipeline =
      noClasses()
          .that()
          .resideInAPackage("org.triangulate.node..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(
              "org.triangulate.node..", "java..", "javax..", "tools.jackson..");
}
