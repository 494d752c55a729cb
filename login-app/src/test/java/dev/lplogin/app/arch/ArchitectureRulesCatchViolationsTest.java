package dev.lplogin.app.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.lplogin.archfixture.adapter.http.HttpGateway;
import dev.lplogin.archfixture.adapter.http.PublicTokenJson;
import dev.lplogin.archfixture.adapter.storage.CycleStore;
import dev.lplogin.archfixture.adapter.storage.FileStore;
import dev.lplogin.archfixture.adapter.storage.RetryingStore;
import dev.lplogin.archfixture.adapter.storage.StoreModule;
import dev.lplogin.archfixture.adapter.storage.StoreReadingHttpWire;
import dev.lplogin.archfixture.adapter.storage.TracingStore;
import dev.lplogin.archfixture.adapter.storage.codec.CycleCodec;
import dev.lplogin.archfixture.app.cli.AnswerPrintingCommand;
import dev.lplogin.archfixture.app.cli.FixtureCommand;
import dev.lplogin.archfixture.app.cli.InjectedCommand;
import dev.lplogin.archfixture.app.cli.PortCallingCommand;
import dev.lplogin.archfixture.app.cli.JsonbOutput;
import dev.lplogin.archfixture.app.wiring.FixtureModule;
import dev.lplogin.archfixture.calls.ClientBuildingCall;
import dev.lplogin.archfixture.calls.FixtureCall;
import dev.lplogin.archfixture.calls.PortCallingCall;
import dev.lplogin.archfixture.domain.model.FileValue;
import dev.lplogin.archfixture.domain.model.FixtureValue;
import dev.lplogin.archfixture.domain.model.HttpValue;
import dev.lplogin.archfixture.domain.model.PrintingValue;
import dev.lplogin.archfixture.domain.model.ValueUsingPort;
import dev.lplogin.archfixture.domain.usecase.InjectedService;
import dev.lplogin.archfixture.emulator.EmulatorUsingDomain;
import dev.lplogin.archfixture.emulator.FixtureEmulator;
import dev.lplogin.archfixture.stray.StrayHelper;
import dev.lplogin.domain.model.AccountId;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that every architecture rule can fail: the rules of {@link ArchitectureTest}, built for the fixture root
 * {@code dev.lplogin.archfixture}, must blame each deliberately broken fixture class by name — and must not blame the
 * fixture classes that obey them.
 *
 * <p>The fixtures (test code under {@code dev.lplogin.archfixture}) are a miniature lp-login whose packages mirror the
 * real layout; each class's comment says which rule it breaks or obeys. The real check never imports them.
 */
class ArchitectureRulesCatchViolationsTest {

    private static final String FIXTURES = "dev.lplogin.archfixture";
    private static final ArchitectureRules RULES = ArchitectureRules.forRoot(FIXTURES);
    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    /** The first {@code <…>} of a report line: the class or member the line blames. */
    private static final Pattern FIRST_BRACKETED = Pattern.compile("<([^<>]+)");

    static Stream<Arguments> rules() {
        return Stream.of(
                arguments("onion_architecture", RULES.onionArchitecture(),
                        List.of(ValueUsingPort.class, StoreReadingHttpWire.class, StrayHelper.class),
                        names(FixtureModule.class, FixtureCommand.class, FixtureEmulator.class, FileStore.class,
                                FixtureCall.class)),
                arguments("domain_uses_only_allowed_jdk_packages", RULES.domainUsesOnlyAllowedJdkPackages(),
                        List.of(HttpValue.class, FileValue.class, InjectedService.class, PrintingValue.class),
                        names(FixtureValue.class, ValueUsingPort.class)),
                arguments("only_the_wiring_knows_dagger_and_jakarta_inject",
                        RULES.onlyTheWiringKnowsDaggerAndJakartaInject(),
                        List.of(InjectedService.class, StoreModule.class, InjectedCommand.class),
                        names(FixtureModule.class, FixtureCommand.class)),
                arguments("driving_adapters_call_only_the_driving_port", RULES.drivingAdaptersCallOnlyTheDrivingPort(),
                        List.of(PortCallingCommand.class, PortCallingCall.class),
                        names(FixtureCommand.class, InjectedCommand.class, FixtureModule.class, FixtureCall.class)),
                arguments("only_http_adapter_uses_http_client_and_failsafe",
                        RULES.onlyHttpAdapterUsesHttpClientAndFailsafe(),
                        List.of(HttpValue.class, RetryingStore.class, ClientBuildingCall.class),
                        names(HttpGateway.class, FixtureCall.class, AnswerPrintingCommand.class)),
                arguments("json_binding_only_in_adapters_and_emulator", RULES.jsonBindingOnlyInAdaptersAndEmulator(),
                        List.of(JsonbOutput.class),
                        names(HttpGateway.class, FileStore.class, FixtureEmulator.class)),
                arguments("emulator_is_independent_of_the_product", RULES.emulatorIsIndependentOfTheProduct(),
                        List.of(EmulatorUsingDomain.class),
                        names(FixtureEmulator.class)),
                arguments("no_package_cycles", RULES.noPackageCycles(),
                        List.of(CycleStore.class, CycleCodec.class),
                        names(FixtureModule.class, StoreReadingHttpWire.class)),
                arguments("no_standard_streams_outside_the_cli", RULES.noStandardStreamsOutsideTheCli(),
                        List.of(PrintingValue.class, TracingStore.class),
                        names(FixtureCommand.class)),
                arguments("wire_records_stay_in_their_adapter", RULES.wireRecordsStayInTheirAdapter(),
                        List.of(PublicTokenJson.class, StoreReadingHttpWire.class),
                        List.of(FIXTURES + ".adapter.http.TokenJson", FIXTURES + ".adapter.http.WireFormat",
                                HttpGateway.class.getName())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rule_reports_each_violating_fixture_and_no_obeying_one(String name, ArchRule rule,
            List<Class<?>> violating, List<String> obeying) {
        EvaluationResult result = rule.evaluate(FIXTURE_CLASSES);
        List<String> origins = reportedOrigins(result);

        assertThat(result.hasViolation()).as(name + " found no violation").isTrue();
        for (Class<?> c : violating) {
            assertThat(origins).as(name + " must report " + c.getSimpleName())
                    .anyMatch(origin -> isIn(origin, c.getName()));
        }
        for (String c : obeying) {
            assertThat(origins).as(name + " must not report " + c).noneMatch(origin -> isIn(origin, c));
        }
    }

    /** The class or member each line of the report blames: the first {@code <…>} of the line. */
    private static List<String> reportedOrigins(EvaluationResult result) {
        return result.getFailureReport().getDetails().stream()
                .flatMap(String::lines)
                .map(FIRST_BRACKETED::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .toList();
    }

    /** Whether a reported origin (a class, or a member such as {@code a.B.m(x.Y)}) belongs to {@code className}. */
    private static boolean isIn(String origin, String className) {
        return origin.equals(className) || origin.startsWith(className + ".") || origin.startsWith(className + "$");
    }

    private static List<String> names(Class<?>... classes) {
        return Arrays.stream(classes).map(Class::getName).toList();
    }

    @Test
    void the_wire_record_rule_reports_a_public_record_in_an_exported_package_by_itself() {
        // PublicTokenJson is also used from another package; this pins the "no public API" half on its own.
        String report = String.join("\n",
                RULES.wireRecordsStayInTheirAdapter().evaluate(FIXTURE_CLASSES).getFailureReport().getDetails());

        assertThat(report).contains("Class <" + PublicTokenJson.class.getName() + "> is public in package "
                + PublicTokenJson.class.getPackageName() + ", which its module exports (or it is on the class path)");
    }

    @Test
    void a_package_counts_as_exported_only_if_its_module_descriptor_exports_it() throws Exception {
        ClassFileImporter importer = new ClassFileImporter();
        JavaClass domainValue = importer.importClass(AccountId.class);
        JavaClass exportedJdkApi = importJdkClass(importer, "jdk.httpserver", "com.sun.net.httpserver.HttpServer");
        JavaClass hiddenJdkImpl = importJdkClass(importer, "jdk.httpserver", "sun.net.httpserver.ServerImpl");
        JavaClass classPathFixture = importer.importClass(PublicTokenJson.class);

        assertThat(ModuleExports.descriptorOf(domainValue)).map(ModuleDescriptor::name).contains("dev.lplogin.domain");
        assertThat(ModuleExports.isExported(domainValue)).isTrue();
        assertThat(ModuleExports.isExported(exportedJdkApi)).isTrue();
        assertThat(ModuleExports.isExported(hiddenJdkImpl)).isFalse();
        assertThat(ModuleExports.descriptorOf(classPathFixture)).isEmpty();
        assertThat(ModuleExports.isExported(classPathFixture)).isTrue();
    }

    private static JavaClass importJdkClass(ClassFileImporter importer, String module, String className)
            throws MalformedURLException {
        URI uri = URI.create("jrt:/" + module + "/" + className.replace('.', '/') + ".class");
        return importer.importUrl(uri.toURL()).get(className);
    }

    @Test
    void fixture_import_is_not_empty_and_holds_only_fixtures() {
        assertThat(FIXTURE_CLASSES.size()).isGreaterThanOrEqualTo(20);
        assertThat(FIXTURE_CLASSES.stream()).allMatch(c -> c.getPackageName().startsWith(FIXTURES));
    }

    @Test
    void every_rule_is_applied_to_the_real_code_and_proven_on_the_fixtures() {
        Set<String> factoryMethods = Arrays.stream(ArchitectureRules.class.getDeclaredMethods())
                .filter(m -> m.getReturnType() == ArchRule.class && !Modifier.isStatic(m.getModifiers())
                        && !Modifier.isPrivate(m.getModifiers()))
                .map(Method::getName)
                .map(ArchitectureRulesCatchViolationsTest::snakeCase)
                .collect(Collectors.toSet());
        Set<String> archTestFields = Arrays.stream(ArchitectureTest.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(ArchTest.class) && f.getType() == ArchRule.class)
                .map(Field::getName)
                .collect(Collectors.toSet());
        Set<String> provenOnFixtures = rules().map(a -> (String) a.get()[0]).collect(Collectors.toSet());

        assertThat(factoryMethods).hasSize(10);
        assertThat(archTestFields).isEqualTo(factoryMethods);
        assertThat(provenOnFixtures).isEqualTo(factoryMethods);
    }

    private static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
