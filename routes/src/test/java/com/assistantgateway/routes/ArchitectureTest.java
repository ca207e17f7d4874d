package com.assistantgateway.routes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.camel.RoutesBuilder;

@AnalyzeClasses(packages = "com.assistantgateway.routes", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The canonical message is the contract every module and external consumer reads: Java and Jackson only. */
    @ArchTest
    static final ArchRule canonicalMessageDependsOnNothingOfOurs = classes()
            .that()
            .resideInAPackage("..routes.message..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.fasterxml.jackson..", "..routes.message..");

    /** Ports are plain Java: no Camel, no Spring, so other modules implement them without either. */
    @ArchTest
    static final ArchRule portsArePlainJava = classes()
            .that()
            .resideInAPackage("..routes.port..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "..routes.message..", "..routes.port..");

    /**
     * Routes are wiring only: a route builder has no methods but its constructor and configure, and decides nothing
     * itself; mapping and decisions live in named beans.
     */
    @ArchTest
    static final ArchRule routeBuildersHaveNoLogicOfTheirOwn = methods()
            .that()
            .areDeclaredInClassesThat()
            .implement(RoutesBuilder.class)
            .and()
            .doNotHaveName("configure")
            .and()
            .doNotHaveName("configuration")
            .should()
            .beStatic()
            .because("route builders are wiring; helpers belong in beans")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule routesDoNotReachIntoOtherModules = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.assistantgateway.adapters..",
                    "com.assistantgateway.admin..",
                    "com.assistantgateway.orchestrator..",
                    "com.assistantgateway.gateway..");
}
