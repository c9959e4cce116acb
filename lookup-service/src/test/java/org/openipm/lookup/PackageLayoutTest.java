package org.openipm.lookup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages follow what a scan does: {@code scan} (resources, service, query, product-viewed publisher) reads
 * through {@code answers} (in-memory answers and their invalidation), which hears {@code readmodel} (the write side
 * fed by product-events); {@code search} stands alone. Dependencies point one way only.
 */
@AnalyzeClasses(packages = "org.openipm.lookup", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageLayoutTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.openipm.lookup.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theWriteSideKnowsNothingOfTheReads = noClasses().that()
            .resideInAPackage("org.openipm.lookup.readmodel..").should().dependOnClassesThat()
            .resideInAnyPackage("org.openipm.lookup.scan..", "org.openipm.lookup.answers..",
                    "org.openipm.lookup.search..");

    @ArchTest
    static final ArchRule inMemoryAnswersDoNotReachBackIntoTheScan = noClasses().that()
            .resideInAPackage("org.openipm.lookup.answers..").should().dependOnClassesThat()
            .resideInAPackage("org.openipm.lookup.scan..");
}
