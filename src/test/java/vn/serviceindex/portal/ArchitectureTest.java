package vn.serviceindex.portal;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
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
                            PORTAL + ".unit..", PORTAL + ".demo..", PORTAL + ".notification..")
                            .as("a feature package"))
                    .because("the layout learns about the account through base.domain.SignedInAccount");

    @ArchTest
    static final ArchRule the_index_knows_no_campaign_result_or_screen =
            noClasses().that().resideInAPackage(PORTAL + ".index..")
                    .should().dependOnClassesThat().resideInAnyPackage(PORTAL + ".campaign..", PORTAL + ".result..")
                    .orShould().dependOnClassesThat(resideInAPackage(PORTAL + "..ui..")
                            .and(not(resideInAnyPackage(PORTAL + ".index.ui..", PORTAL + ".base.ui..")))
                            .as("another feature's screens"))
                    .because("formula sets score results of any feature; campaigns and results build on the index");

    @ArchTest
    static final ArchRule the_index_scores_without_screens =
            noClasses().that().resideInAnyPackage(PORTAL + ".index.domain..", PORTAL + ".index.service..",
                            PORTAL + ".index.api..")
                    .should().dependOnClassesThat().resideInAPackage(PORTAL + "..ui..");

    @ArchTest
    static final ArchRule notifications_use_no_other_features_screens_and_nobody_depends_on_them =
            noClasses().that().resideInAPackage(PORTAL + ".notification..")
                    .should().dependOnClassesThat(resideInAPackage(PORTAL + "..ui..")
                            .and(not(resideInAnyPackage(PORTAL + ".notification.ui..", PORTAL + ".base.ui..")))
                            .as("another feature's screens"))
                    .because("a notification names its target by route; the features it tells of announce events");

    @ArchTest
    static final ArchRule no_feature_depends_on_the_notifications =
            noClasses().that().resideOutsideOfPackage(PORTAL + ".notification..")
                    .should().dependOnClassesThat().resideInAPackage(PORTAL + ".notification..")
                    .because("plans and results announce events (PlanMoved, ResultsImported); the shell takes the "
                            + "bell as a HeaderItem");

    @ArchTest
    static final ArchRule units_know_no_campaign =
            noClasses().that().resideInAPackage(PORTAL + ".unit..")
                    .should().dependOnClassesThat().resideInAPackage(PORTAL + ".campaign..")
                    .because("the registry of units exists before and without any campaign");

    @ArchTest
    static final ArchRule the_audit_trail_knows_no_campaign_or_result =
            noClasses().that().resideInAPackage(PORTAL + ".audit..")
                    .should().dependOnClassesThat().resideInAnyPackage(PORTAL + ".campaign..", PORTAL + ".result..")
                    .because("the change history reads every table's records alike, by table name");

    /**
     * Each table is written (insert, update, delete in the SQL the portal's classes carry) by the classes of one
     * feature only, so that its rules live in one service. The demo seed, which fills every feature's tables once
     * before anyone signs in, is left out.
     */
    @ArchTest
    static void each_table_is_written_by_one_feature(JavaClasses classes) throws IOException {
        Set<String> tables = TableWrites.tables(Path.of("db/migration"));
        Map<String, Set<String>> writers = new TreeMap<>();
        for (JavaClass javaClass : classes) {
            String feature = FeatureSlices.feature(javaClass);
            if (feature == null || feature.equals("demo")) {
                continue;
            }
            for (String table : TableWrites.writtenTables(javaClass, tables)) {
                writers.computeIfAbsent(table, t -> new TreeSet<>()).add(feature + " (" + javaClass.getSimpleName()
                        + ")");
            }
        }
        assertThat(writers).as("tables written by the portal's SQL").containsKeys("org_unit", "result_group");
        Map<String, Set<String>> shared = new TreeMap<>();
        writers.forEach((table, by) -> {
            if (by.stream().map(w -> w.substring(0, w.indexOf(' '))).distinct().count() > 1) {
                shared.put(table, by);
            }
        });
        assertThat(shared).as("tables written by more than one feature").isEmpty();
    }

    /** One slice per feature package ({@code vn.serviceindex.portal.<feature>..}); base and the root are shared. */
    static final class FeatureSlices implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String feature = feature(javaClass);
            return feature == null || feature.equals("base") ? SliceIdentifier.ignore() : SliceIdentifier.of(feature);
        }

        /** The feature package of a class of the portal; null for a class outside one. */
        static @Nullable String feature(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.startsWith(PORTAL + ".") ? name.substring(PORTAL.length() + 1).split("\\.")[0] : null;
        }

        @Override
        public String getDescription() {
            return "feature packages of " + PORTAL + " except base";
        }
    }
}
