package eu.egi.csirt.cvh;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain imports only java.*; ports only the domain; Camel stays in adapter.camel and app. */
@AnalyzeClasses(packages = "eu.egi.csirt.cvh", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_uses_only_java = classes().that().resideInAPackage("..cvh.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..cvh.domain..", "..cvh.port..");

    @ArchTest
    static final ArchRule ports_use_only_java_and_the_domain = classes().that().resideInAPackage("..cvh.port..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..cvh.domain..", "..cvh.port..");

    @ArchTest
    static final ArchRule camel_only_in_camel_adapter_and_app = noClasses().that()
            .resideOutsideOfPackages("..cvh.adapter.camel..", "..cvh.app..", "..cvh.adapter.mail..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.camel..");
}
