package io.jwtauth.bootstrap;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.jwtauth.application.UseCases;
import io.jwtauth.domain.port.LoginFailureStore;
import io.jwtauth.domain.port.RefreshTokenStore;
import io.jwtauth.domain.port.UserStore;
import io.micronaut.http.annotation.HttpMethodMapping;
import io.micronaut.security.annotation.Secured;

/**
 * The design card, enforced: the domain is plain Java, the application depends on the domain only, adapters never
 * reach into each other and meet the core only through use cases (driving side) or ports (driven side); bootstrap
 * alone sees everything; routes say who may call them, and the security framework stays in the REST adapter. Rules
 * that would only restate the Maven module graph are left to the compiler. Jars are not excluded on purpose: under
 * {@code mvn verify} the sibling modules arrive as jars. Each rule was seen failing once when broken on purpose.
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
    private static final String PASSWORD_HASHING = "io.jwtauth.adapter.password..";
    private static final String BOOTSTRAP = "io.jwtauth.bootstrap..";
    /** The tests' helpers (the test-support module, a jar on the test class path): no part of the service. */
    private static final String TEST_SUPPORT = "io.jwtauth.testsupport..";

    /**
     * The design's picture in one rule. Most of its arrows are also the Maven module graph (adapters do not depend on
     * each other's modules), so the compiler refuses them first; it stays because it is the one check that every new
     * package belongs to a layer, and because a dependency added to a pom would otherwise pass unnoticed.
     */
    @ArchTest
    static final ArchRule hexagon = onionArchitecture()
            .domainModels(DOMAIN_MODEL)
            .domainServices(PORTS, DOMAIN_SERVICES)
            .applicationServices(APPLICATION)
            .adapter("rest", REST)
            .adapter("persistence", PERSISTENCE)
            .adapter("crypto", CRYPTO)
            .adapter("password hashing", PASSWORD_HASHING)
            // Bootstrap is the composition root (its @Factory and what Micronaut generates for it): it wires every
            // layer and is no layer itself, so its dependencies are exempt and its classes belong to no layer.
            .ignoreDependency(resideInAPackage(BOOTSTRAP), DescribedPredicate.alwaysTrue())
            .ensureAllClassesAreContainedInArchitectureIgnoring(BOOTSTRAP, TEST_SUPPORT);

    /**
     * No framework, JOSE, JSON or SQL type in the domain. The domain's pom has no dependency today, but one added there
     * would compile without complaint: this rule is what refuses it.
     */
    @ArchTest
    static final ArchRule domainIsPlainJava = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN);

    /** Likewise for the application: its pom could gain Micronaut and still compile. */
    @ArchTest
    static final ArchRule applicationDependsOnTheDomainOnly = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION);

    @ArchTest
    static final ArchRule theRestAdapterDrivesTheCoreThroughUseCasesOnly = noClasses()
            .that().resideInAPackage(REST)
            .should().dependOnClassesThat().resideInAnyPackage(PORTS, DOMAIN_SERVICES);

    /**
     * Ports per client: a use case or domain service depends on the narrow ports it uses ({@code UsersById} for a
     * protected request, {@code RefreshTokenRevocation} for logout everywhere...), never on the whole stores the
     * adapters implement. Only the graph that hands the ports out sees those.
     */
    @ArchTest
    static final ArchRule theCoreSeesNarrowPortsOnly = noClasses()
            .that().resideInAnyPackage(APPLICATION, DOMAIN_SERVICES)
            .and().doNotBelongToAnyOf(UseCases.class)
            .should().dependOnClassesThat()
            .belongToAnyOf(UserStore.class, RefreshTokenStore.class, LoginFailureStore.class);

    /**
     * A route without {@code @Secured} would be refused with 401 by the security filter rather than served, but
     * its rule would then be an accident; every route says who may call it. Error handlers are not routes.
     */
    @ArchTest
    static final ArchRule everyRouteSaysWhoMayCallIt = methods()
            .that().areDeclaredInClassesThat().resideInAPackage(REST)
            .and().areMetaAnnotatedWith(HttpMethodMapping.class)
            .should(beSecuredThemselvesOrByTheirClass())
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theSecurityFrameworkStaysInTheRestAdapter = noClasses()
            .that().resideOutsideOfPackages(REST)
            .should().dependOnClassesThat().resideInAPackage("io.micronaut.security..");

    @ArchTest
    static final ArchRule portsAreInterfaces = classes()
            .that().resideInAPackage(PORTS)
            .and().areTopLevelClasses()
            .should().beInterfaces();

    private static ArchCondition<JavaMethod> beSecuredThemselvesOrByTheirClass() {
        return new ArchCondition<>("be annotated with @Secured, or declared in a class that is") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (!method.isAnnotatedWith(Secured.class) && !method.getOwner().isAnnotatedWith(Secured.class)) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " has no @Secured rule"));
                }
            }
        };
    }
}
