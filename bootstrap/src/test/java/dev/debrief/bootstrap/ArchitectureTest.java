package dev.debrief.bootstrap;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependencies point inward: domain ← application ← adapters-* ← bootstrap. Each rule was seen
 * failing on a deliberate violation before it was kept (see docs/architecture.md).
 */
@AnalyzeClasses(packages = "dev.debrief", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** The application's test-jar (contracts and fakes) is test code too. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule domainDependsOnlyOnJava = classes()
            .that().resideInAPackage("dev.debrief.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.debrief.domain..");

    @ArchTest
    static final ArchRule applicationDependsOnlyOnDomainJavaAndJakartaAnnotations = classes()
            .that().resideInAPackage("dev.debrief.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.debrief.domain..",
                    "dev.debrief.application..", "jakarta.inject..", "jakarta.enterprise..", "jakarta.transaction..");

    @ArchTest
    static final ArchRule restAdapterDoesNotDependOnPersistenceAdapter = noClasses()
            .that().resideInAPackage("dev.debrief.adapter.rest..")
            .should().dependOnClassesThat().resideInAPackage("dev.debrief.adapter.persistence..");

    @ArchTest
    static final ArchRule persistenceAdapterDoesNotDependOnRestAdapter = noClasses()
            .that().resideInAPackage("dev.debrief.adapter.persistence..")
            .should().dependOnClassesThat().resideInAPackage("dev.debrief.adapter.rest..");

    @ArchTest
    static final ArchRule onlyThePersistenceAdapterTouchesJpaHibernateOrPanache = noClasses()
            .that().resideOutsideOfPackage("dev.debrief.adapter.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                    "io.quarkus.hibernate..", "io.quarkus.panache..");

    @ArchTest
    static final ArchRule onlyTheRestAdapterTouchesJaxRsOrJackson = noClasses()
            .that().resideOutsideOfPackage("dev.debrief.adapter.rest..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "com.fasterxml.jackson..",
                    "org.jboss.resteasy..");

    @ArchTest
    static final ArchRule csvAdapterDependsOnlyOnApplicationDomainAndItsLibrary = classes()
            .that().resideInAPackage("dev.debrief.adapter.csv..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.debrief.domain..",
                    "dev.debrief.application..", "dev.debrief.adapter.csv..", "jakarta.enterprise..", "jakarta.inject..",
                    "org.apache.commons.csv..");

    @ArchTest
    static final ArchRule onlyTheCsvAdapterTouchesTheCsvLibrary = noClasses()
            .that().resideOutsideOfPackage("dev.debrief.adapter.csv..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.commons.csv..");

    @ArchTest
    static final ArchRule incomingPortsDoNotDependOnServices = noClasses()
            .that().resideInAPackage("dev.debrief.application.port.in..")
            .should().dependOnClassesThat().resideInAPackage("dev.debrief.application.service..");

    @ArchTest
    static final ArchRule outgoingPortsDoNotDependOnServices = noClasses()
            .that().resideInAPackage("dev.debrief.application.port.out..")
            .should().dependOnClassesThat().resideInAPackage("dev.debrief.application.service..");

    @ArchTest
    static final ArchRule nothingInnerDependsOnBootstrap = noClasses()
            .that().resideInAnyPackage("dev.debrief.domain..", "dev.debrief.application..", "dev.debrief.adapter..")
            .should().dependOnClassesThat().resideInAPackage("dev.debrief.bootstrap..");
}
