package eu.egi.csirt.cvh;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The domain imports only java.*; ports only the domain; Camel stays in the Camel and mail adapters and app. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("eu.egi.csirt.cvh");

    @Test
    void the_classes_were_found() {
        assertThat(CLASSES.size()).isGreaterThan(40);
    }

    @Test
    void domain_uses_only_java() {
        classes().that().resideInAPackage("..cvh.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..cvh.domain..", "..cvh.port..")
                .check(CLASSES);
    }

    @Test
    void ports_use_only_java_and_the_domain() {
        classes().that().resideInAPackage("..cvh.port..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..cvh.domain..", "..cvh.port..")
                .check(CLASSES);
    }

    @Test
    void camel_only_in_the_camel_and_mail_adapters_and_app() {
        noClasses().that().resideOutsideOfPackages("..cvh.adapter.camel..", "..cvh.app..", "..cvh.adapter.mail..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .check(CLASSES);
    }
}
