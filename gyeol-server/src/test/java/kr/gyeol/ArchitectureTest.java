package kr.gyeol;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The build fails on a cycle between capabilities or on domain code that speaks the wire.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("kr.gyeol");

    @Test
    void capabilitiesHaveNoCycles() {
        slices().matching("kr.gyeol.(*)..").should().beFreeOfCycles().check(CLASSES);
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

}
