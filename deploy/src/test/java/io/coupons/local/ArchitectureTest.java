package io.coupons.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries as tests: the contract stays light, the two sides stay apart, and the feature
 * packages of each side form no cycle (a feature that needs another's piece asks its owner; a piece
 * two features need belongs to the one that owns it, e.g. the code registry to {@code code}).
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.coupons");
    }

    @Test
    void sharedApiDependsOnNoSpringJpaHibernateOrJacksonDatabind() {
        noClasses().that().resideInAPackage("io.coupons.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "com.fasterxml.jackson.databind..", "tools.jackson..",
                        "io.coupons.platform..", "io.coupons.command..", "io.coupons.query..")
                .check(classes);
    }

    @Test
    void commandSideDoesNotDependOnQuerySide() {
        noClasses().that().resideInAPackage("io.coupons.command..")
                .should().dependOnClassesThat().resideInAPackage("io.coupons.query..")
                .check(classes);
    }

    @Test
    void querySideDoesNotDependOnCommandSide() {
        noClasses().that().resideInAPackage("io.coupons.query..")
                .should().dependOnClassesThat().resideInAPackage("io.coupons.command..")
                .check(classes);
    }

    @Test
    void platformKnowsNeitherSide() {
        noClasses().that().resideInAPackage("io.coupons.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("io.coupons.command..", "io.coupons.query..")
                .check(classes);
    }

    @Test
    void sidesKnowNothingOfTheAdminUi() {
        noClasses().that().resideInAnyPackage("io.coupons.command..", "io.coupons.query..", "io.coupons.platform..",
                        "io.coupons.api..")
                .should().dependOnClassesThat().resideInAPackage("io.coupons.ui..")
                .check(classes);
    }

    /**
     * The UI holds no business rule and no data: it reaches the system only through the REST API
     * ({@code ui.app.Api}), never a side's classes, the event store, Axon or a database.
     */
    @Test
    void adminUiReachesTheSystemOnlyThroughTheApi() {
        noClasses().that().resideInAPackage("io.coupons.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("io.coupons.command..", "io.coupons.query..",
                        "org.axonframework..", "org.springframework.jdbc..", "jakarta.persistence..", "java.sql..",
                        "javax.sql..")
                .check(classes);
    }

    @Test
    void adminUiFeaturesHaveNoCycles() {
        slices().matching("io.coupons.ui.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void queryHandlersAndControllersNeverReachTheEventStoreDirectly() {
        noClasses().that().resideInAPackage("io.coupons.query..")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.axonframework.eventsourcing.eventstore.EventStore")
                .check(classes);
    }

    @Test
    void commandSideFeaturesHaveNoCycles() {
        slices().matching("io.coupons.command.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void querySideFeaturesHaveNoCycles() {
        slices().matching("io.coupons.query.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sharedApiFeaturesHaveNoCycles() {
        slices().matching("io.coupons.api.(*)..").should().beFreeOfCycles().check(classes);
    }
}
