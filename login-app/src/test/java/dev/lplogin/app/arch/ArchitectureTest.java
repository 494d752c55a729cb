package dev.lplogin.app.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shape of lp-login, checked on the main code of every module (docs/design.md, "Enforcing the shape"). login-app's
 * test class path holds every module, so this one test sees them all. The rules themselves are in
 * {@link ArchitectureRules}; {@link ArchitectureRulesCatchViolationsTest} proves each of them can fail.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.ExcludeArchFixtures.class})
class ArchitectureTest {

    static final String ROOT = "dev.lplogin";

    private static final ArchitectureRules RULES = ArchitectureRules.forRoot(ROOT);

    @ArchTest
    static final ArchRule onion_architecture = RULES.onionArchitecture();

    @ArchTest
    static final ArchRule domain_uses_only_allowed_jdk_packages = RULES.domainUsesOnlyAllowedJdkPackages();

    @ArchTest
    static final ArchRule only_the_wiring_knows_dagger_and_jakarta_inject =
            RULES.onlyTheWiringKnowsDaggerAndJakartaInject();

    @ArchTest
    static final ArchRule driving_adapters_call_only_the_driving_port = RULES.drivingAdaptersCallOnlyTheDrivingPort();

    @ArchTest
    static final ArchRule only_http_adapter_uses_http_client_and_failsafe =
            RULES.onlyHttpAdapterUsesHttpClientAndFailsafe();

    @ArchTest
    static final ArchRule json_binding_only_in_adapters_and_emulator = RULES.jsonBindingOnlyInAdaptersAndEmulator();

    @ArchTest
    static final ArchRule emulator_is_independent_of_the_product = RULES.emulatorIsIndependentOfTheProduct();

    @ArchTest
    static final ArchRule no_package_cycles = RULES.noPackageCycles();

    @ArchTest
    static final ArchRule no_standard_streams_outside_the_cli = RULES.noStandardStreamsOutsideTheCli();

    @ArchTest
    static final ArchRule wire_records_stay_in_their_adapter = RULES.wireRecordsStayInTheirAdapter();

    /**
     * Guards against rules passing vacuously: the import must hold exactly the main code of every module on the class
     * path — found here by listing class files, independently of ArchUnit's import — and the domain must be there.
     */
    @ArchTest
    static void imports_the_main_code_of_every_module(JavaClasses imported) throws IOException {
        Set<String> mainCodeOnClassPath = mainClassFilesOnClassPath();

        assertThat(names(imported)).isEqualTo(mainCodeOnClassPath);
        assertThat(mainCodeOnClassPath).contains("dev.lplogin.domain.model.AccountId",
                "dev.lplogin.domain.model.Session", "dev.lplogin.domain.port.AuthGateway",
                "dev.lplogin.domain.port.TokenStore", "dev.lplogin.domain.usecase.LoginCore");
    }

    /** Class files under {@code dev/lplogin} in the jars and directories of the class path, minus test output. */
    private static Set<String> mainClassFilesOnClassPath() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Location location : Locations.ofPackage(ROOT)) {
            if (location.contains("/test-classes/")) {
                continue; // login-app's own tests and fixtures; other modules' tests are not on this class path
            }
            URI uri = location.asURI();
            if (location.isJar()) {
                String jar = uri.getSchemeSpecificPart().substring(0, uri.getSchemeSpecificPart().indexOf("!/"));
                try (FileSystem zip = FileSystems.newFileSystem(Path.of(URI.create(jar)))) {
                    addClassNames(zip.getPath("/"), zip.getPath("/" + ROOT.replace('.', '/')), names);
                }
            } else {
                Path packageDir = Path.of(uri);
                Path classesRoot = packageDir;
                for (int i = 0; i < ROOT.split("\\.").length; i++) {
                    classesRoot = classesRoot.getParent();
                }
                addClassNames(classesRoot, packageDir, names);
            }
        }
        return names;
    }

    private static void addClassNames(Path classesRoot, Path packageDir, Set<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(packageDir)) {
            files.map(f -> classesRoot.relativize(f).toString())
                    .filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .forEach(names::add);
        }
    }

    @ArchTest
    static void imports_no_test_code(JavaClasses imported) {
        assertThat(imported.stream().map(JavaClass::getName))
                .noneMatch(name -> name.startsWith(ROOT + ".archfixture.") || name.startsWith(ROOT + ".app.arch."));
        assertThat(imported.stream().map(c -> c.getSource().orElseThrow().getUri().toString()))
                .noneMatch(uri -> uri.contains("/test-classes/"));
    }

    private static Set<String> names(JavaClasses classes) {
        return classes.stream().map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The fixtures break every rule on purpose; they must never reach the real check, whatever the build tool. */
    static final class ExcludeArchFixtures implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/dev/lplogin/archfixture/");
        }
    }
}
