package io.jwtauth.bootstrap;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The design card, enforced: the domain is plain Java, the application depends on the domain only, adapters never
 * reach into each other and meet the core only through use cases (driving side) or ports (driven side); bootstrap
 * alone sees everything. Jars are not excluded on purpose: under {@code mvn verify} the sibling modules arrive as
 * jars. Each rule was seen failing once when broken on purpose (see the closing note).
 */
@AnalyzeClasses(packages = "io.jwtauth", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

    private static final String DOMAIN = "io.jwtauth.domain..";
    private static final String DOMAIN_MODEL = "io.jwtauth.domain";
    private static final String PORTS = "io.jwtauth.domain.port..";
    private static final String DOMAIN_SERVICES = "io.jwtauth.domain.service..";
    private static final String APPLICATION = "io.jwtauth.application..";
    private static final String REST = "io.jwtauth.adapter.rest..";
    private static final String PERSISTENCE = "io.jwtauth.adapter.persistence..";
    private static final String CRYPTO = "io.jwtauth.adapter.crypto..";
    private static final String BOOTSTRAP = "io.jwtauth.bootstrap..";

    @ArchTest
    static final ArchRule hexagon = onionArchitecture()
            .domainModels(DOMAIN_MODEL)
            .domainServices(PORTS, DOMAIN_SERVICES)
            .applicationServices(APPLICATION)
            .adapter("rest", REST)
            .adapter("persistence", PERSISTENCE)
            .adapter("crypto", CRYPTO)
            // Bootstrap is the composition root (its @Factory and what Micronaut generates for it): it wires every
            // layer and is no layer itself, so its dependencies are exempt and its classes belong to no layer.
            .ignoreDependency(resideInAPackage(BOOTSTRAP), DescribedPredicate.alwaysTrue())
            .ensureAllClassesAreContainedInArchitectureIgnoring(BOOTSTRAP);

    @ArchTest
    static final ArchRule domainIsPlainJava = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN);

    @ArchTest
    static final ArchRule applicationDependsOnTheDomainOnly = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION);

    @ArchTest
    static final ArchRule theRestAdapterDrivesTheCoreThroughUseCasesOnly = noClasses()
            .that().resideInAPackage(REST)
            .should().dependOnClassesThat().resideInAnyPackage(PORTS, DOMAIN_SERVICES);

    @ArchTest
    static final ArchRule drivenAdaptersOnlyImplementPorts = noClasses()
            .that().resideInAnyPackage(PERSISTENCE, CRYPTO)
            .should().dependOnClassesThat().resideInAPackage(APPLICATION);
}
