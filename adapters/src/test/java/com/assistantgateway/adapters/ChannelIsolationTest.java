package com.assistantgateway.adapters;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.assistantgateway.adapters", importOptions = ImportOption.DoNotIncludeTests.class)
class ChannelIsolationTest {

    /** A channel is self-contained: what two channels share belongs in routes. */
    @ArchTest
    static final ArchRule channelsNeverImportEachOther =
            slices().matching("com.assistantgateway.adapters.(*)..").should().notDependOnEachOther();
}
