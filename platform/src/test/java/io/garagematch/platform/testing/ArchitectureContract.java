package io.garagematch.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering every service keeps (CONVENTIONS, "Layout of a service"), checked on its compiled
 * classes: the domain is plain Java that knows no framework and no outer layer; REST resources
 * delegate to services and never reach repositories; Kafka stays in messaging (and the outbox). A
 * service's test extends this with its root package.
 */
public abstract class ArchitectureContract {

  private final JavaClasses classes;

  protected ArchitectureContract(String rootPackage) {
    this.classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(rootPackage);
  }

  @Test
  void theDomainKnowsNoFrameworkNorAnyOuterLayer() {
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta.persistence..",
            "jakarta.transaction..",
            "jakarta.enterprise..",
            "jakarta.ws.rs..",
            "org.hibernate.orm..",
            "org.apache.kafka..",
            "io.smallrye.reactive.messaging..",
            "..service..",
            "..repository..",
            "..rest..",
            "..messaging..")
        .because("domain rules are plain Java, testable without a container")
        .check(classes);
  }

  @Test
  void restResourcesDoNotReachRepositories() {
    noClasses()
        .that()
        .resideInAPackage("..rest..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..repository..")
        .because("resources are thin: they map and delegate to a service")
        .check(classes);
  }

  @Test
  void onlyMessagingTalksToKafka() {
    noClasses()
        .that()
        .resideInAnyPackage("..rest..", "..service..", "..repository..", "..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..")
        .because("events leave through the outbox and arrive through messaging consumers")
        .check(classes);
  }
}
