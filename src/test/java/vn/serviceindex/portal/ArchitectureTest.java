package vn.serviceindex.portal;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.springframework.stereotype.Repository;

/**
 * The layering every feature follows: {@code feature.domain} holds plain rules, {@code feature.service} the
 * transactions and the database, {@code feature.ui} the Vaadin views; {@code base} is shared by all and knows none.
 */
@AnalyzeClasses(packages = "vn.serviceindex.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String PORTAL = "vn.serviceindex.portal";

    @ArchTest
    static final ArchRule domain_classes_depend_on_neither_Spring_nor_Vaadin_nor_services_nor_views =
            noClasses().that().resideInAPackage(PORTAL + "..domain..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..",
                            PORTAL + "..service..", PORTAL + "..ui..")
                    .because("domain rules must be testable and reusable without a framework");

    @ArchTest
    static final ArchRule services_do_not_depend_on_views =
            noClasses().that().resideInAPackage(PORTAL + "..service..")
                    .should().dependOnClassesThat().resideInAPackage(PORTAL + "..ui..");

    @ArchTest
    static final ArchRule views_use_neither_JDBC_nor_repositories =
            noClasses().that().resideInAPackage(PORTAL + "..ui..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..",
                            "java.sql..")
                    .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                    .because("every read and write goes through a service, which checks the account's scope");

    @ArchTest
    static final ArchRule repositories_live_in_service_packages_and_are_package_private =
            classes().that().areAnnotatedWith(Repository.class)
                    .should().resideInAPackage(PORTAL + "..service..")
                    .andShould().bePackagePrivate()
                    .because("only the feature's own service may reach its tables, after the scope check");

    @ArchTest
    static final ArchRule features_are_free_of_cycles =
            slices().assignedFrom(new FeatureSlices()).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule base_domain_and_base_database_depend_on_no_feature =
            noClasses().that().resideInAnyPackage(PORTAL + ".base.domain..", PORTAL + ".base.database..")
                    .should().dependOnClassesThat(resideInAPackage(PORTAL + ".(*)..")
                            .and(not(resideInAPackage(PORTAL + ".base..")))
                            .as("a feature package"));

    @ArchTest
    static final ArchRule services_never_use_api_types =
            noClasses().that().resideInAPackage(PORTAL + "..service..")
                    .should().dependOnClassesThat().resideInAPackage(PORTAL + "..api..")
                    .because("a refusal is a located UserError of base.domain; only the API maps it to HTTP");

    @ArchTest
    static final ArchRule the_api_reads_no_screen_class =
            noClasses().that().resideInAPackage(PORTAL + ".base.api..")
                    .should().dependOnClassesThat().resideInAPackage(PORTAL + "..ui..")
                    .because("the API and the screens both read their texts from base.i18n");

    @ArchTest
    static final ArchRule the_shell_depends_on_no_feature =
            noClasses().that().resideInAPackage(PORTAL + ".base.ui..")
                    .should().dependOnClassesThat(resideInAnyPackage(PORTAL + ".account..", PORTAL + ".security..",
                            PORTAL + ".unit..", PORTAL + ".demo..").as("a feature package"))
                    .because("the layout learns about the account through base.domain.SignedInAccount");

    /** One slice per feature package ({@code vn.serviceindex.portal.<feature>..}); base and the root are shared. */
    static final class FeatureSlices implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith(PORTAL + ".")) {
                return SliceIdentifier.ignore();
            }
            String feature = name.substring(PORTAL.length() + 1).split("\\.")[0];
            return feature.equals("base") ? SliceIdentifier.ignore() : SliceIdentifier.of(feature);
        }

        @Override
        public String getDescription() {
            return "feature packages of " + PORTAL + " except base";
        }
    }
}
