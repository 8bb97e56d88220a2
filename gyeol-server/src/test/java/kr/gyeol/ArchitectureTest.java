package kr.gyeol;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import kr.gyeol.web.EdgeInterface;

/**
 * Module boundaries, enforced by the build. Each capability ({@code kr.gyeol.X}) is a
 * domain with its own {@code web} edge and {@code jdbc} storage: nobody outside X touches
 * X's edge or storage, domains never depend on an edge, domains have no cycles, and only
 * the edges speak the Payple vocabulary.
 */
class ArchitectureTest {

    /**
     * The gateway's own classes: the client and the demo shop on its classpath are
     * partners of the gateway, checked by the literal rule below.
     */
    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption((location) -> location.contains("/gyeol-server/"))
        .importPackages("kr.gyeol");

    /**
     * Counting every dependency, each capability's {@code web} edge included, the
     * capabilities form no cycle (docs/architecture.md).
     */
    @Test
    void capabilitiesHaveNoCycles() {
        slices().matching("kr.gyeol.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * The capabilities: every package under {@code kr.gyeol} but the shared edge, read
     * from the classes, so a new one is checked without being listed here.
     */
    static Stream<String> capabilities() {
        return CLASSES.stream()
            .map((type) -> type.getPackageName())
            .filter((name) -> name.startsWith("kr.gyeol."))
            .map((name) -> name.substring("kr.gyeol.".length()).split("\\.")[0])
            .filter((name) -> !name.equals("web"))
            .distinct()
            .sorted();
    }

    /** docs/architecture.md's table names every capability, and none that is gone. */
    @Test
    void theArchitecturePageListsEveryCapability() throws IOException {
        List<String> documented = Pattern.compile("^\\| `([a-z]+)` \\|", Pattern.MULTILINE)
            .matcher(Files.readString(Path.of("../docs/architecture.md")))
            .results()
            .map((match) -> match.group(1))
            .filter((name) -> !name.equals("web"))
            .sorted()
            .toList();
        assertThat(documented).isEqualTo(capabilities().toList());
    }

    /**
     * A type of another capability's edge that its edge offers to the others (annotated
     * {@link EdgeInterface}, or nested in one).
     */
    private static final DescribedPredicate<JavaClass> EDGE_INTERFACE = DescribedPredicate
        .describe("an @EdgeInterface", (type) -> type.isAnnotatedWith(EdgeInterface.class)
                || type.getEnclosingClass().map((outer) -> outer.isAnnotatedWith(EdgeInterface.class)).orElse(false));

    /**
     * Only X touches X's storage, and X's edge but for the types it offers as its named
     * interface ({@link EdgeInterface}), which only edges may use
     * ({@link #domainsNeverDependOnAnEdge()}).
     */
    @ParameterizedTest
    @MethodSource("capabilities")
    void nobodyReachesIntoAnotherCapabilitysEdgeOrStorage(String capability) {
        noClasses().that()
            .resideOutsideOfPackage("kr.gyeol." + capability + "..")
            .should()
            .dependOnClassesThat(resideInAnyPackage("kr.gyeol." + capability + ".web..").and(not(EDGE_INTERFACE))
                .or(resideInAnyPackage("kr.gyeol." + capability + ".jdbc..")))
            .check(CLASSES);
    }

    /**
     * The same rule read from the sources' imports, which also see what the class files
     * cannot: a compile-time constant of another capability's edge is inlined where it is
     * used, and leaves no dependency in the bytecode.
     */
    @Test
    void noSourceImportsAnotherCapabilitysEdgeOrStorage() throws IOException {
        Pattern imported = Pattern.compile("^import (?:static )?kr\\.gyeol\\.([a-z]+)\\.(web|jdbc)\\.([A-Za-z]+)",
                Pattern.MULTILINE);
        List<String> offenders;
        try (Stream<Path> files = javaFiles(Path.of("src/main/java"))) {
            offenders = files.flatMap((file) -> {
                String capability = file.toString().replace('\\', '/').replaceAll(".*/kr/gyeol/([a-z]+)/.*", "$1");
                try {
                    return imported.matcher(Files.readString(file))
                        .results()
                        .filter((match) -> !match.group(1).equals(capability))
                        .filter((match) -> !(match.group(2).equals("web") && EDGE_INTERFACE
                            .test(CLASSES.get("kr.gyeol." + match.group(1) + ".web." + match.group(3)))))
                        .map((match) -> file + ": " + match.group());
                }
                catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }).toList();
        }
        assertThat(offenders).as("imports of another capability's edge or storage").isEmpty();
    }

    @Test
    void domainsNeverDependOnAnEdge() {
        noClasses().that()
            .resideInAPackage("kr.gyeol..")
            .and()
            .resideOutsideOfPackages("kr.gyeol.web..", "kr.gyeol..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("kr.gyeol.web..", "kr.gyeol..web..")
            .check(CLASSES);
    }

    @Test
    void onlyTheWireEdgeKnowsThePaypleVocabulary() {
        noClasses().that()
            .resideInAPackage("kr.gyeol..")
            .and()
            .resideOutsideOfPackages("kr.gyeol.protocol..", "kr.gyeol.web..", "kr.gyeol..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("kr.gyeol.protocol..")
            .check(CLASSES);
    }

    /**
     * A Payple field name spelled out ({@code "PCD_…"}) belongs in the protocol module's
     * {@code Fields}; outside it only the edges' mappers may carry one (a field the
     * protocol does not name yet). Domain code, the demo shop (gyeol-demo) and the client
     * use the constants.
     */
    @Test
    void paypleFieldNamesAreSpelledOnlyByTheProtocolAndTheEdges() {
        List<String> offenders = spelling(Pattern.compile("\"PCD_")).stream()
            .filter((file) -> !isEdge(Path.of(file)))
            .toList();
        assertThat(offenders).as("files spelling a \"PCD_ field outside the protocol module and the edges").isEmpty();
    }

    /**
     * The overseas API's distinctive field names live in the protocol module's
     * {@code GpayFields}; the gateway, the client and the demo spell them through it.
     */
    @Test
    void overseasFieldNamesAreSpelledOnlyByTheProtocol() {
        List<String> offenders = spelling(Pattern
            .compile("\"(service_id|service_key|service_oid|pay_id|api_id|api_date|billing_key|totalAmount)\""));
        assertThat(offenders).as("files spelling an overseas field outside GpayFields").isEmpty();
    }

    /**
     * The source files of the gateway, the client and the demo in which {@code literal}
     * occurs.
     */
    private static List<String> spelling(Pattern literal) {
        List<Path> roots = List.of(Path.of("src/main/java"), Path.of("../gyeol-client/src/main/java"),
                Path.of("../gyeol-demo/src/main/java"));
        return roots.stream().flatMap(ArchitectureTest::javaFiles).filter((file) -> {
            try {
                return literal.matcher(Files.readString(file)).find();
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }).map(Path::toString).toList();
    }

    private static boolean isEdge(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.contains("/kr/gyeol/web/") || path.matches(".*/kr/gyeol/[a-z]+/web/.*");
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter((file) -> file.toString().endsWith(".java")).toList().stream();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
