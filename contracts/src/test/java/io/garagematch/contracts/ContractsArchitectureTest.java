package io.garagematch.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared kernel stays plain: Java and Jackson's annotations, nothing of a framework or ours.
 */
class ContractsArchitectureTest {

  private static final JavaClasses CONTRACTS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.garagematch.contracts");

  @Test
  void theContractsDependOnJavaAndJacksonAnnotationsOnly() {
    classes()
        .that()
        .resideInAPackage("io.garagematch.contracts..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "com.fasterxml.jackson.annotation..", "io.garagematch.contracts..")
        .because("producers and consumers share them; they must not pull a framework along")
        .check(CONTRACTS);
  }

  @Test
  void noProducersContractDependsOnAnothers() {
    List<String> producers = List.of("application", "match", "need", "expert", "erasure");
    for (String producer : producers) {
      noClasses()
          .that()
          .resideInAPackage("io.garagematch.contracts." + producer + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              producers.stream()
                  .filter(p -> !p.equals(producer))
                  .map(p -> "io.garagematch.contracts." + p + "..")
                  .toArray(String[]::new))
          .because("each producer owns its contract; the shared parts are events and taxonomy")
          .check(CONTRACTS);
    }
  }
}
