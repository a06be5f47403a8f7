package vn.serviceindex.portal.index.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.serviceindex.portal.index.service.FormulaEdits.groupMax;
import static vn.serviceindex.portal.index.service.FormulaEdits.metricMax;
import static vn.serviceindex.portal.index.service.FormulaEdits.renamed;
import static vn.serviceindex.portal.index.service.FormulaEdits.term;
import static vn.serviceindex.portal.index.service.FormulaEdits.termCap;
import static vn.serviceindex.portal.index.service.FormulaEdits.termThreshold;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.database.ConstraintViolations;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.CountSum;
import vn.serviceindex.portal.index.domain.FormulaProblem;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.FormulaSetSummary;
import vn.serviceindex.portal.index.domain.FormulaValidation;
import vn.serviceindex.portal.index.domain.StoredFormulaSet;
import vn.serviceindex.portal.index.domain.Term;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FormulaSetServiceTest extends ServiceTest {

    private static final String DEFAULT_SET = "766-2026";

    @Autowired
    private FormulaSetService formulaSets;

    @ParameterizedTest
    @ValueSource(strings = {"admin", "tinh.giamsat", "kiemtoan", "sgtvt.lanhdao", "iagrai.lanhdao", "iapnon.lanhdao"})
    void every_account_reads_the_formula_sets(String username) {
        actAs(username);

        assertThat(formulaSets.list()).extracting(FormulaSetSummary::name, FormulaSetSummary::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DEFAULT_SET, true));
        assertThat(formulaSets.mayEdit()).isEqualTo(username.equals("admin"));
    }

    @Test
    void nobody_logged_in_reads_nothing() {
        assertThatThrownBy(() -> formulaSets.list()).isInstanceOf(NotPermitted.class);
    }

    @Test
    void the_seeded_default_set_loads_with_its_figures_intact() {
        actAs("admin");

        FormulaSet set = formulaSets.findByName(DEFAULT_SET).orElseThrow().formulas();

        assertThat(set.groups()).extracting(g -> g.code() + "=" + g.maxPoints())
                .containsExactly("CKMB=18.0", "TDGQ=20.0", "CLGQ=12.0", "TTTT=10.0", "MDHL=18.0", "MDSH=22.0");
        assertThat(set.metric("ONLINE_PAYMENT").orElseThrow().terms()).containsExactly(
                new Term(CountSum.of("totalDossierOnlinePaymentSuccess"),
                        CountSum.of("totalDossierFinancialObligation"), 6, 6, 100),
                new Term(CountSum.of("totalDossierOnlineFormalityPaymentSuccess"), CountSum.of("totalFeeFormality"),
                        2.5, 2, 100),
                new Term(CountSum.of("totalFeeDossierFormality"), CountSum.of("totalFeeFormality"), 2.5, 2.5, 100));
        assertThat(set.metric("ONLINE_PROCEDURES").orElseThrow().terms().getFirst().numerator())
                .isEqualTo(CountSum.of("partialCount", "fullCount"));
        assertThat(set.metric("ELECTRONIC_CERTIFIED_COPY").orElseThrow().fixedScore()).isEqualTo(2.0);
        assertThat(set.metric("PETITION_CLASSIFICATION_STAFF").orElseThrow().isTrackedOnly()).isTrue();
        assertThat(FormulaValidation.validate(set)).isEmpty();
    }

    @Test
    void the_set_of_a_period_is_the_active_set_with_the_latest_start_on_or_before_it() {
        actAs("kiemtoan");

        assertThat(formulaSets.activeOn(LocalDate.of(2026, 1, 1))).map(StoredFormulaSet::name).contains(DEFAULT_SET);
        assertThat(formulaSets.activeOn(LocalDate.of(2026, 11, 30))).map(StoredFormulaSet::name)
                .contains(DEFAULT_SET);
        assertThat(formulaSets.activeOn(LocalDate.of(2025, 12, 31))).isEmpty();
    }

    @Nested
    class Copying {

        @Test
        void makes_a_draft_with_the_same_formulas_under_the_new_name() {
            actAs("admin");
            StoredFormulaSet source = formulaSets.findByName(DEFAULT_SET).orElseThrow();

            StoredFormulaSet copy = formulaSets.copy(source.id(), "  766-2027 ");

            assertThat(copy.name()).isEqualTo("766-2027");
            assertThat(copy.active()).isFalse();
            assertThat(copy.summary().activatedFrom()).isNull();
            assertThat(copy.formulas()).isEqualTo(renamed(source.formulas(), "766-2027"));
            assertThat(count("select count(*) from metric m join formula_set s on s.id = m.formula_set_id"
                    + " where s.name = '766-2027'")).isEqualTo(21);
            assertThat(count("select count(*) from metric_term t join metric m on m.id = t.metric_id"
                    + " join formula_set s on s.id = m.formula_set_id where s.name = '766-2027'")).isEqualTo(20);
        }

        @Test
        void under_a_taken_name_is_refused_and_changes_nothing() {
            actAs("admin");
            long source = formulaSets.findByName(DEFAULT_SET).orElseThrow().id();
            String before = databaseState();

            assertThatThrownBy(() -> formulaSets.copy(source, DEFAULT_SET))
                    .isInstanceOfSatisfying(FormulaRefusal.class, refusal -> assertThat(refusal.problems())
                            .containsExactly(FormulaProblem.of(FormulaSetService.NAME_TAKEN, DEFAULT_SET)));
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void under_a_blank_name_is_refused() {
            actAs("admin");
            long source = formulaSets.findByName(DEFAULT_SET).orElseThrow().id();

            assertThatThrownBy(() -> formulaSets.copy(source, "   "))
                    .isInstanceOfSatisfying(FormulaRefusal.class, refusal -> assertThat(refusal.problems())
                            .containsExactly(FormulaProblem.of(FormulaValidation.NAME_BLANK)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"tinh.giamsat", "kiemtoan", "sgtvt.lanhdao", "iagrai.lanhdao", "iapnon.lanhdao"})
        void by_anyone_but_an_installation_admin_is_refused(String username) {
            actAs(username);
            long source = formulaSets.findByName(DEFAULT_SET).orElseThrow().id();
            String before = databaseState();

            assertThatThrownBy(() -> formulaSets.copy(source, "766-2027")).isInstanceOf(NotPermitted.class);
            assertThat(databaseState()).isEqualTo(before);
        }
    }

    @Nested
    class Saving_a_draft {

        @Test
        void stores_the_edited_header_and_formulas() {
            StoredFormulaSet draft = draft();
            FormulaSet edited = termThreshold(draft.formulas(), "ONLINE_DOSSIER_SHARE", 1, 60);
            edited = new FormulaSet(edited.name(), LocalDate.of(2027, 1, 1), "Ngưỡng 60 %", edited.groups());

            StoredFormulaSet saved = formulaSets.saveDraft(draft.id(), draft.version(), edited);

            assertThat(saved.formulas()).isEqualTo(edited);
            assertThat(saved.version()).isEqualTo(draft.version() + 1);
            assertThat(formulaSets.get(draft.id()).formulas()).isEqualTo(edited);
        }

        @Test
        void can_add_a_term_and_change_a_metric_structure() {
            StoredFormulaSet draft = draft();
            FormulaSet edited = FormulaEdits.metric(draft.formulas(), "ON_TIME_HANDLING", m -> new
                    vn.serviceindex.portal.index.domain.Metric(m.code(), m.nameVi(), m.nameEn(), 20, List.of(
                    Term.proportional(CountSum.of("totalOnTime"), CountSum.of("totalReceived"), 15),
                    Term.fullAt(50, CountSum.of("onTimeOnline"), CountSum.of("totalReceived"), 5)),
                    m.whenEmpty(), false, null));

            StoredFormulaSet saved = formulaSets.saveDraft(draft.id(), draft.version(), edited);

            assertThat(saved.formulas().metric("ON_TIME_HANDLING").orElseThrow().terms()).hasSize(2);
            assertThat(saved.formulas()).isEqualTo(edited);
        }

        @Test
        void whose_groups_do_not_add_up_to_100_is_refused_naming_the_sum() {
            StoredFormulaSet draft = draft();
            FormulaSet edited = metricMax(groupMax(draft.formulas(), "TDGQ", 21), "ON_TIME_HANDLING", 21);

            assertRefused(draft, edited, FormulaProblem.of(FormulaValidation.GROUPS_SUM, 101.0, 100.0));
        }

        @Test
        void whose_metrics_do_not_add_up_to_their_group_is_refused_naming_the_group() {
            StoredFormulaSet draft = draft();
            FormulaSet edited = metricMax(draft.formulas(), "DOSSIER_SYNC", 7);

            assertRefused(draft, edited, FormulaProblem.of(FormulaValidation.GROUP_METRICS_SUM, "CKMB", 19.0, 18.0));
        }

        @Test
        void with_a_term_capped_above_its_metric_max_is_refused_naming_the_metric() {
            StoredFormulaSet draft = draft();
            FormulaSet edited = termCap(draft.formulas(), "ONLINE_PAYMENT", 2, 10.5);

            assertRefused(draft, edited,
                    FormulaProblem.of(FormulaValidation.TERM_CAP_ABOVE_METRIC_MAX, "ONLINE_PAYMENT", 2, 10.5, 10.0));
        }

        @Test
        void with_several_problems_is_refused_with_all_of_them() {
            StoredFormulaSet draft = draft();
            FormulaSet edited = termCap(metricMax(draft.formulas(), "DOSSIER_SYNC", 7), "ONLINE_PAYMENT", 2, 10.5);
            edited = renamed(edited, DEFAULT_SET);

            assertRefused(draft, edited,
                    FormulaProblem.of(FormulaValidation.GROUP_METRICS_SUM, "CKMB", 19.0, 18.0),
                    FormulaProblem.of(FormulaValidation.TERM_CAP_ABOVE_METRIC_MAX, "ONLINE_PAYMENT", 2, 10.5, 10.0),
                    FormulaProblem.of(FormulaSetService.NAME_TAKEN, DEFAULT_SET));
        }

        @Test
        void with_numbers_the_database_cannot_hold_exactly_is_refused() {
            StoredFormulaSet draft = draft();
            FormulaSet edited = termThreshold(draft.formulas(), "ONLINE_DOSSIER_SHARE", 1, 50.125);
            edited = term(edited, "ON_TIME_HANDLING", 1, t -> new Term(t.numerator(), t.denominator(), 150, 20, 100));

            assertRefused(draft, edited,
                    FormulaProblem.of(FormulaSetService.TERM_PRECISION, "ON_TIME_HANDLING", 1, 150.0),
                    FormulaProblem.of(FormulaSetService.TERM_PRECISION, "ONLINE_DOSSIER_SHARE", 1, 50.125));
        }

        @Test
        void with_a_count_name_no_import_could_deliver_is_refused() {
            StoredFormulaSet draft = draft();
            FormulaSet edited = term(draft.formulas(), "ON_TIME_HANDLING", 1, t -> new Term(
                    CountSum.of("total On Time"), t.denominator(), t.points(), t.cap(), t.thresholdPercent()));

            assertRefused(draft, edited,
                    FormulaProblem.of(FormulaSetService.FIELD_NAME, "ON_TIME_HANDLING", 1, "total On Time"));
        }

        @Test
        void that_someone_else_saved_meanwhile_is_refused() {
            StoredFormulaSet draft = draft();
            formulaSets.saveDraft(draft.id(), draft.version(), draft.formulas());
            String before = databaseState();

            assertThatThrownBy(() -> formulaSets.saveDraft(draft.id(), draft.version(),
                    termThreshold(draft.formulas(), "ONLINE_DOSSIER_SHARE", 1, 60)))
                    .isInstanceOf(UserError.class).hasMessage("error.changedMeanwhile");
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void of_an_active_set_is_refused() {
            actAs("admin");
            StoredFormulaSet active = formulaSets.findByName(DEFAULT_SET).orElseThrow();
            String before = databaseState();

            assertThatThrownBy(() -> formulaSets.saveDraft(active.id(), active.version(),
                    termThreshold(active.formulas(), "ONLINE_DOSSIER_SHARE", 1, 60)))
                    .isInstanceOf(UserError.class).hasMessage("formula.error.activeNotEditable");
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void by_a_province_monitor_is_refused() {
            StoredFormulaSet draft = draft();
            actAs("tinh.giamsat");
            String before = databaseState();

            assertThatThrownBy(() -> formulaSets.saveDraft(draft.id(), draft.version(), draft.formulas()))
                    .isInstanceOf(NotPermitted.class);
            assertThat(databaseState()).isEqualTo(before);
        }

        private void assertRefused(StoredFormulaSet draft, FormulaSet edited, FormulaProblem... expected) {
            String before = databaseState();

            assertThatThrownBy(() -> formulaSets.saveDraft(draft.id(), draft.version(), edited))
                    .isInstanceOfSatisfying(FormulaRefusal.class,
                            refusal -> assertThat(refusal.problems()).containsExactly(expected));
            assertThat(databaseState()).isEqualTo(before);
        }
    }

    @Nested
    class Activating {

        @Test
        void from_a_later_day_leaves_the_earlier_set_scoring_the_periods_before_it() {
            StoredFormulaSet draft = draft();

            StoredFormulaSet active = formulaSets.activate(draft.id(), draft.version(), LocalDate.of(2027, 1, 1));

            assertThat(active.active()).isTrue();
            assertThat(active.summary().activatedFrom()).isNotNull();
            assertThat(active.summary().validFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(formulaSets.activeOn(LocalDate.of(2026, 12, 31))).map(StoredFormulaSet::name)
                    .contains(DEFAULT_SET);
            assertThat(formulaSets.activeOn(LocalDate.of(2027, 1, 1))).map(StoredFormulaSet::name)
                    .contains("766-2027");
            assertThat(formulaSets.list()).allMatch(FormulaSetSummary::active);
        }

        @Test
        void from_the_day_another_active_set_starts_is_refused_naming_it() {
            StoredFormulaSet draft = draft();
            String before = databaseState();

            assertThatThrownBy(() -> formulaSets.activate(draft.id(), draft.version(), LocalDate.of(2026, 1, 1)))
                    .isInstanceOfSatisfying(UserError.class, error -> {
                        assertThat(error.messageKey()).isEqualTo("formula.error.activeSameDay");
                        assertThat(error.arguments()[0]).isEqualTo(DEFAULT_SET);
                    });
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void makes_the_set_uneditable() {
            StoredFormulaSet draft = draft();
            StoredFormulaSet active = formulaSets.activate(draft.id(), draft.version(), LocalDate.of(2027, 1, 1));

            assertThatThrownBy(() -> formulaSets.saveDraft(active.id(), active.version(), active.formulas()))
                    .isInstanceOf(UserError.class).hasMessage("formula.error.activeNotEditable");
            assertThatThrownBy(() -> formulaSets.activate(active.id(), active.version(), LocalDate.of(2028, 1, 1)))
                    .isInstanceOf(UserError.class).hasMessage("formula.error.alreadyActive");
        }

        @Test
        void by_an_auditor_is_refused() {
            StoredFormulaSet draft = draft();
            actAs("kiemtoan");
            String before = databaseState();

            assertThatThrownBy(() -> formulaSets.activate(draft.id(), draft.version(), LocalDate.of(2027, 1, 1)))
                    .isInstanceOf(NotPermitted.class);
            assertThat(databaseState()).isEqualTo(before);
        }
    }

    @Test
    void the_database_refuses_to_change_an_active_set_even_outside_the_portal() {
        String before = databaseState();

        assertThatThrownBy(() -> ConstraintViolations.translate(() -> jdbc.sql("""
                        update metric_term set cap = 3 where metric_id =
                            (select id from metric where code = 'ONLINE_PAYMENT') and position = 2""").update()))
                .isInstanceOfSatisfying(UserError.class, error -> assertThat(error.messageKey())
                        .isEqualTo("error.constraint.formula_set_active_frozen"));
        assertThatThrownBy(() -> jdbc.sql("update formula_set set notes = 'x' where name = '766-2026'").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from formula_set where name = '766-2026'").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void every_constraint_of_the_formula_tables_has_a_text_in_both_languages() {
        List<String> constraints = jdbc.sql("""
                        select conname from pg_constraint
                        where conrelid in ('formula_set'::regclass, 'index_group'::regclass, 'metric'::regclass,
                                           'metric_term'::regclass) and contype in ('c', 'u', 'f')
                        union select indexrelid::regclass::text from pg_index
                        where indrelid = 'formula_set'::regclass and indisunique and not indisprimary
                        union select tgname from pg_trigger where tgname like '%active_frozen'
                              and tgrelid = 'formula_set'::regclass""")
                .query(String.class).list();
        assertThat(constraints).contains("formula_set_one_active_per_day", "formula_set_name_key",
                "formula_set_active_frozen", "metric_term_threshold_range");

        for (Locale locale : List.of(Locale.of("vi"), Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle("messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Set<String> missing = new HashSet<>();
            constraints.stream().filter(name -> !bundle.containsKey("error.constraint." + name))
                    .forEach(missing::add);
            assertThat(missing).as("constraints without a text in " + locale).isEmpty();
        }
    }

    @Test
    void every_refusal_of_a_formula_set_has_a_text_in_both_languages() throws IllegalAccessException {
        List<String> keys = new java.util.ArrayList<>();
        for (Class<?> rules : List.of(FormulaValidation.class, FormulaSetService.class)) {
            for (java.lang.reflect.Field field : rules.getFields()) {
                if (field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    keys.add((String) field.get(null));
                }
            }
        }
        assertThat(keys).contains(FormulaValidation.GROUPS_SUM, FormulaValidation.TERM_CAP_ABOVE_METRIC_MAX,
                FormulaSetService.NAME_TAKEN).hasSizeGreaterThan(20);

        for (Locale locale : List.of(Locale.of("vi"), Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle("messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertThat(keys).as("keys without a text in " + locale).allMatch(bundle::containsKey);
        }
    }

    /** A draft copy of the default set named 766-2027, made by the installation admin, who stays logged in. */
    private StoredFormulaSet draft() {
        actAs("admin");
        return formulaSets.copy(formulaSets.findByName(DEFAULT_SET).orElseThrow().id(), "766-2027");
    }
}
