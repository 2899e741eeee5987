package com.example.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout rules of STYLE.md, enforced: features without cycles, views through services, the sandbox apart. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.example.compliance");
    }

    @Test
    void features_have_no_cycles() {
        slices().matching("com.example.compliance.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void views_use_services_not_repositories_or_http_clients() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.client.RestClient")
                .orShould().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
                .check(classes);
    }

    @Test
    void nothing_outside_the_sandbox_imports_it() {
        noClasses().that().resideOutsideOfPackage("com.example.compliance.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("com.example.compliance.sandbox..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void activity_depends_only_on_base_so_every_feature_can_record_into_it() {
        noClasses().that().resideInAPackage("com.example.compliance.activity..")
                .should().dependOnClassesThat().resideInAnyPackage("com.example.compliance.security..",
                        "com.example.compliance.violation..", "com.example.compliance.jira..",
                        "com.example.compliance.ticket..", "com.example.compliance.admin..",
                        "com.example.compliance.sandbox..")
                .check(classes);
    }

    @Test
    void base_depends_on_no_feature() {
        noClasses().that().resideInAPackage("com.example.compliance.base..")
                .should().dependOnClassesThat().resideInAnyPackage("com.example.compliance.security..",
                        "com.example.compliance.violation..", "com.example.compliance.jira..",
                        "com.example.compliance.ticket..", "com.example.compliance.admin..",
                        "com.example.compliance.activity..", "com.example.compliance.sandbox..")
                .check(classes);
    }

    @Test
    void only_jira_speaks_http_to_atlassian_and_other_features_use_its_typed_operations() {
        noClasses().that().resideOutsideOfPackages("com.example.compliance.jira..", "com.example.compliance.sandbox..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.client.RestClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.client.RestTemplate")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient")
                .orShould().dependOnClassesThat().resideInAPackage("com.example.compliance.jira.internal..")
                .check(classes);
    }

    @Test
    void views_reach_jira_only_through_their_feature_services() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.example.compliance.jira.JiraApi")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.example.compliance.jira.JiraIssueService")
                .check(classes);
    }
}
