package dev.lplogin.app.arch;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures;
import java.net.http.HttpClient;
import java.util.Objects;

/**
 * The architecture rules of docs/design.md ("Enforcing the shape"), built for a root package. {@link ArchitectureTest}
 * applies them to {@code dev.lplogin}; {@link ArchitectureRulesCatchViolationsTest} applies the very same rules to
 * deliberately broken fixtures under {@code dev.lplogin.archfixture}, which proves that each rule can fail.
 */
final class ArchitectureRules {

    /**
     * JDK packages the domain may use: {@code java.base} only, and not all of it — no I/O ({@code java.io},
     * {@code java.nio.file}), no network ({@code java.net}, and above all {@code java.net.http}), no reflection.
     * {@code java.lang.invoke} and {@code java.lang.runtime} are what javac emits for lambdas, string concatenation
     * and record methods; {@code java.security} and {@code java.nio.charset} serve {@code Secret}'s constant-time
     * comparison ({@code MessageDigest.isEqual}, {@code StandardCharsets}).
     */
    static final String[] DOMAIN_JDK_PACKAGES = {
        "java.lang", "java.lang.invoke", "java.lang.runtime",
        "java.util", "java.util.concurrent..", "java.util.function", "java.util.random", "java.util.regex",
        "java.util.stream",
        "java.time..",
        "java.security", "java.nio.charset",
    };

    private final String root;

    private ArchitectureRules(String root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The rules for the code base whose packages start with {@code root}, e.g. {@code dev.lplogin}. */
    static ArchitectureRules forRoot(String root) {
        return new ArchitectureRules(root);
    }

    private String pkg(String relative) {
        return root + "." + relative;
    }

    /**
     * The hexagon as an onion: model in the middle, ports around it, the use case around them, adapters outside
     * and none of them aware of another. The composition root ({@code app.wiring}, and {@code app.config}, which
     * turns the command line's flags, environment and config file into the settings the wiring takes) is
     * deliberately outside the onion: its job is to know every adapter and plug it into the core, so it depends on
     * all layers and no layer may depend on it. The emulator (a stand-in for LivePerson) and the testkit (test support) are not part of the
     * product's hexagon either (the emulator's isolation has a rule of its own); every other class must sit in a
     * layer, so a new package has to be placed on purpose.
     */
    ArchRule onionArchitecture() {
        return Architectures.onionArchitecture()
                .domainModels(pkg("domain.model.."))
                .domainServices(pkg("domain.port.."))
                .applicationServices(pkg("domain.usecase.."))
                .adapter("http", pkg("adapter.http.."))
                .adapter("storage", pkg("adapter.storage.."))
                .adapter("redis", pkg("adapter.redis.."))
                .adapter("metrics", pkg("adapter.metrics.."))
                .adapter("cli", pkg("app.cli.."))
                .adapter("calls", pkg("calls.."))
                // The one sanctioned use between adapters: the Redis store seals sessions with the file store's
                // record format and key, so that there is one envelope, one meaning of LP_STORE_KEY and one cipher
                // to review (docs/fleet.md). Nothing else of the storage adapter is the Redis adapter's business.
                .ignoreDependency(resideInAPackage(pkg("adapter.redis..")), resideInAPackage(pkg("adapter.storage"))
                        .and(simpleName("SessionRecordFormat").or(simpleName("EncryptionKey"))
                                .or(simpleName("CorruptRecordException"))))
                // The calls helper is a driving adapter that sends on the HTTP adapter's shared transport, so that
                // calls and logins share connections, proxy and trust; the transport and its settings are all it
                // knows of that adapter. The command line drives the helper (lp-login api).
                .ignoreDependency(resideInAPackage(pkg("calls..")), resideInAPackage(pkg("adapter.http"))
                        .and(simpleName("HttpTransport").or(simpleName("HttpSettings"))))
                .ignoreDependency(resideInAPackage(pkg("app.cli..")), resideInAPackage(pkg("calls..")))
                // The composition root and the testkit use the layers from outside; they are nobody's dependency.
                .ignoreDependency(resideInAnyPackage(pkg("app.wiring.."), pkg("app.config.."), pkg("testkit..")),
                        alwaysTrue())
                .ensureAllClassesAreContainedInArchitectureIgnoring(resideInAnyPackage(pkg("app.wiring.."),
                        pkg("app.config.."), pkg("emulator.."), pkg("testkit..")))
                .because("the core must not know its adapters and adapters must not know each other "
                        + "(docs/design.md)");
    }

    /** The domain uses its own packages and an explicit allow-list of JDK packages, nothing else. */
    ArchRule domainUsesOnlyAllowedJdkPackages() {
        return classes().that().resideInAPackage(pkg("domain.."))
                .should().onlyDependOnClassesThat(
                        resideInAPackage(pkg("domain..")).or(resideInAnyPackage(DOMAIN_JDK_PACKAGES)))
                .because("the domain depends on java.base only and performs no I/O: a plain 'java..' would let "
                        + "java.net.http, java.nio.file or java.util.logging in (docs/design.md, module map)");
    }

    /** Dependency injection is the composition root's business: {@code app.wiring}, and nothing else of the app. */
    ArchRule onlyTheWiringKnowsDaggerAndJakartaInject() {
        return noClasses().that().resideOutsideOfPackage(pkg("app.wiring.."))
                .should().dependOnClassesThat().resideInAnyPackage("dagger..", "jakarta.inject..", "javax.inject..")
                .because("the core and the adapters are built with plain constructors (LoginCore.create) so that "
                        + "teams without Dagger can embed them, and the CLI gets its objects from the component; "
                        + "only app.wiring wires with Dagger");
    }

    /**
     * The driving adapters (the command line and anything else under {@code app} but the wiring, and the calls
     * helper under {@code calls}) reach the core
     * through the driving port, never by calling a driven port: a method of a non-sealed interface of
     * {@code domain.port} ({@code DomainLookup}, {@code AuthGateway}, {@code TokenStore}, …). Implementing one (a
     * {@code SessionListener}) is fine, and so is reading the sealed outcomes and events the port package defines.
     */
    ArchRule drivingAdaptersCallOnlyTheDrivingPort() {
        return noClasses().that().resideInAnyPackage(pkg("app.."), pkg("calls.."))
                .and().resideOutsideOfPackage(pkg("app.wiring.."))
                .should().callMethodWhere(targetOwnerIsADrivenPort())
                .because("every command goes through LoginUseCase, the one driving port, so that what the CLI can "
                        + "do an embedder can do too (docs/design.md, Names)");
    }

    private DescribedPredicate<JavaMethodCall> targetOwnerIsADrivenPort() {
        return new DescribedPredicate<>("the target is a method of a driven port (a non-sealed interface in "
                + pkg("domain.port") + ")") {
            @Override
            public boolean test(JavaMethodCall call) {
                JavaClass owner = call.getTargetOwner();
                return owner.isInterface() && owner.getPackageName().startsWith(pkg("domain.port"))
                        && !owner.reflect().isSealed();
            }
        };
    }

    /**
     * The HTTP client and the retry library stay inside the HTTP adapter: only it builds or holds an
     * {@code HttpClient} (every request goes through its shared transport) and only it uses Failsafe. The JDK client's
     * request and answer types are the calls helper's API ({@code BodyHandler}s, {@code HttpResponse}s), so the helper
     * and the command line that drives it ({@code lp-login api}, the agent's proxy) may use those — nothing else may.
     */
    ArchRule onlyHttpAdapterUsesHttpClientAndFailsafe() {
        return CompositeArchRule.of(noClasses().that().resideOutsideOfPackage(pkg("adapter.http.."))
                        .should().dependOnClassesThat().resideInAPackage("dev.failsafe..")
                        .orShould().dependOnClassesThat().belongToAnyOf(HttpClient.class, HttpClient.Builder.class)
                        .because("retrying one HTTP call is the HTTP adapter's business, and one client per "
                                + "application shares connections; no Failsafe type leaks out of it (docs/design.md, "
                                + "Adapters)"))
                .and(noClasses().that().resideOutsideOfPackages(pkg("adapter.http.."), pkg("calls.."),
                                pkg("app.cli.."))
                        .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                        .because("HTTP is the HTTP adapter's business; the calls helper's API is the JDK client's "
                                + "requests and answers, for its callers (docs/design.md, Adapters)"));
    }

    /** JSON-B is used where a wire format is read or written: the two adapters and the emulator. */
    ArchRule jsonBindingOnlyInAdaptersAndEmulator() {
        return noClasses().that()
                .resideOutsideOfPackages(pkg("adapter.http.."), pkg("adapter.storage.."), pkg("emulator.."))
                .should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.json..", "org.eclipse.yasson..", "org.eclipse.parsson..")
                .because("wire formats live in the adapter that owns the wire and map to domain types at the edge");
    }

    /** The emulator is an independent stand-in for LivePerson and shares no code with the client it tests. */
    ArchRule emulatorIsIndependentOfTheProduct() {
        return noClasses().that().resideInAPackage(pkg("emulator.."))
                .should().dependOnClassesThat(
                        resideInAPackage(root + "..").and(not(resideInAPackage(pkg("emulator..")))))
                .because("an emulator built from the client's own types would agree with the client's mistakes "
                        + "instead of with the Login Service (spec)");
    }

    /** No two packages depend on each other, directly or through others. */
    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .because("packages that depend on each other cannot be understood, tested or replaced alone");
    }

    /** Only the command line writes to the terminal. */
    ArchRule noStandardStreamsOutsideTheCli() {
        return noClasses().that().resideOutsideOfPackage(pkg("app.cli.."))
                .should(ACCESS_STANDARD_STREAMS)
                .because("a library must not write to its host's terminal: log with System.Logger or "
                        + "java.util.logging, and never print a stack trace to users");
    }

    /**
     * Wire records ({@code …Json}) belong to the adapter that owns the wire: only that adapter uses them, and they
     * are no module's API. Yasson reads records through a public lookup, so a record may have to be {@code public}
     * (docs/design.md, Names) — then it must be nested in a non-public class or sit in a package its module does not export.
     */
    ArchRule wireRecordsStayInTheirAdapter() {
        return classes().that().haveSimpleNameEndingWith("Json").and().resideInAPackage(pkg("adapter.."))
                .should(beHiddenFromOtherModules())
                .andShould(beUsedOnlyInsideTheirAdapter())
                .because("wire formats map to domain types at the edge and never cross a port; only the HTTP "
                        + "adapter touches the HTTP DTOs (docs/design.md, Names and Enforcing the shape)");
    }

    private ArchCondition<JavaClass> beUsedOnlyInsideTheirAdapter() {
        return new ArchCondition<>("be used only inside their adapter") {
            @Override
            public void check(JavaClass wireRecord, ConditionEvents events) {
                String adapter = adapterPackageOf(wireRecord);
                for (Dependency dependency : wireRecord.getDirectDependenciesToSelf()) {
                    String origin = dependency.getOriginClass().getPackageName();
                    if (!origin.equals(adapter) && !origin.startsWith(adapter + ".")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code <root>.adapter.http} for a class in {@code <root>.adapter.http.json}. */
    private String adapterPackageOf(JavaClass javaClass) {
        String adapters = pkg("adapter.");
        String rest = javaClass.getPackageName().substring(adapters.length());
        int dot = rest.indexOf('.');
        return adapters + (dot < 0 ? rest : rest.substring(0, dot));
    }

    private static ArchCondition<JavaClass> beHiddenFromOtherModules() {
        return new ArchCondition<>("not be public API (not public, nested in a non-public class, or in a package "
                + "their module does not export)") {
            @Override
            public void check(JavaClass wireRecord, ConditionEvents events) {
                if (isEffectivelyPublic(wireRecord) && ModuleExports.isExported(wireRecord)) {
                    events.add(SimpleConditionEvent.violated(wireRecord, "Class <" + wireRecord.getName()
                            + "> is public in package " + wireRecord.getPackageName()
                            + ", which its module exports (or it is on the class path)"));
                }
            }
        };
    }

    private static boolean isEffectivelyPublic(JavaClass javaClass) {
        return javaClass.getModifiers().contains(JavaModifier.PUBLIC)
                && javaClass.getEnclosingClass().map(ArchitectureRules::isEffectivelyPublic).orElse(true);
    }
}
