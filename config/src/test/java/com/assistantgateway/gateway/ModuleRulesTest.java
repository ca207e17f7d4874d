package com.assistantgateway.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;

/** Rules over every module of the gateway (this module sees them all); per-module rules live with each module. */
@AnalyzeClasses(packages = "com.assistantgateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    /** One clock: every bean that reads the time is given the {@code Clock} bean, so a test can set the time. */
    @ArchTest
    static final ArchRule oneClockBean = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("com.assistantgateway.routes.backbone.BackboneConfiguration")
            .should()
            .callMethod(Clock.class, "systemUTC")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .because("the time comes from the one Clock bean (BackboneConfiguration)");
}
