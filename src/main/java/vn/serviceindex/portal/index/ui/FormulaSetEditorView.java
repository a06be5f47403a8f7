package vn.serviceindex.portal.index.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.DateFields;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.index.domain.CountSum;
import vn.serviceindex.portal.index.domain.EmptyDenominatorRule;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.HeadlineTerm;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.index.domain.StoredFormulaSet;
import vn.serviceindex.portal.index.domain.Term;
import vn.serviceindex.portal.index.service.FormulaRefusal;
import vn.serviceindex.portal.index.service.FormulaSetService;

/**
 * One formula set: its header, and per group its max and its metrics with their terms. A draft is edited and saved
 * whole; the service refuses a set whose figures do not add up, and every problem is listed here in the user's
 * language, with nothing saved. An active set opens read-only.
 */
@Route("admin/formulas/:id")
@RolesAllowed("ADMIN")
public class FormulaSetEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final FormulaSetService formulaSets;
    final H2 title = new H2();
    final Paragraph state = new Paragraph();
    final TextField name = new TextField();
    final DatePicker validFrom = DateFields.datePicker("");
    final TextArea notes = new TextArea();
    final VerticalLayout groupsLayout = new VerticalLayout();
    final List<GroupEditor> groups = new ArrayList<>();
    final FormulaProblemList problems = new FormulaProblemList();
    final Button save = new Button();
    final Button back = new Button();
    private @Nullable StoredFormulaSet stored;
    private boolean editable;

    FormulaSetEditorView(FormulaSetService formulaSets) {
        this.formulaSets = formulaSets;
        addClassName("formula-set-editor-view");

        name.setLabel(getTranslation("formula.field.name"));
        name.setMaxLength(100);
        name.setRequiredIndicatorVisible(true);
        validFrom.setLabel(getTranslation("formula.field.validFrom"));
        validFrom.setRequiredIndicatorVisible(true);
        notes.setLabel(getTranslation("formula.field.notes"));
        var header = new FormLayout(name, validFrom, notes);
        header.setColspan(notes, 2);

        groupsLayout.setPadding(false);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        back.setText(getTranslation("formula.action.backToList"));
        back.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(FormulaSetListView.class)));

        add(title, state, header, problems, groupsLayout, new HorizontalLayout(save, back));
    }

    static RouteParameters parameters(long id) {
        return new RouteParameters("id", Long.toString(id));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().getLong("id");
        try {
            show(formulaSets.get(id.orElseThrow(() -> new UserError("formula.error.notFound"))));
        } catch (UserError error) {
            Notifications.error(error);
            event.forwardTo(FormulaSetListView.class);
        }
    }

    private void show(StoredFormulaSet set) {
        stored = set;
        editable = !set.active() && formulaSets.mayEdit();
        FormulaSet formulas = set.formulas();
        title.setText(getTranslation("formula.editor.title", set.name()));
        state.setText(getTranslation(set.active() ? "formula.editor.activeReadOnly" : "formula.editor.draft"));
        name.setValue(formulas.name());
        validFrom.setValue(formulas.validFrom());
        notes.setValue(formulas.notes());
        groups.clear();
        groupsLayout.removeAll();
        formulas.groups().forEach(group -> {
            var editor = new GroupEditor(group);
            groups.add(editor);
            groupsLayout.add(editor);
        });
        problems.clear();
        name.setReadOnly(!editable);
        validFrom.setReadOnly(!editable);
        notes.setReadOnly(!editable);
        save.setVisible(editable);
    }

    /** The group with this code as shown now. */
    GroupEditor group(String code) {
        return groups.stream().filter(g -> g.code.getValue().equals(code)).findFirst().orElseThrow();
    }

    void save() {
        StoredFormulaSet current = stored;
        if (current == null || !editable) {
            return;
        }
        var input = new Input();
        FormulaSet edited = new FormulaSet(name.getValue(), validFrom.getValue() == null
                ? current.formulas().validFrom() : validFrom.getValue(), notes.getValue(),
                groups.stream().map(g -> g.toGroup(input)).toList());
        if (validFrom.getValue() == null) {
            validFrom.setErrorMessage(getTranslation("formula.error.validFromRequired"));
            validFrom.setInvalid(true);
            input.unreadable++;
        }
        if (input.unreadable > 0) {
            problems.showTexts(List.of(getTranslation("formula.editor.unreadable", input.unreadable)));
            Notifications.error(new UserError("formula.editor.unreadable", input.unreadable));
            return;
        }
        try {
            StoredFormulaSet saved = formulaSets.saveDraft(current.id(), current.version(), edited);
            show(saved);
            Notifications.success("formula.saved", saved.name());
        } catch (FormulaRefusal refusal) {
            problems.show(refusal.problems());
            Notifications.error(refusal);
        } catch (UserError error) {
            problems.clear();
            Notifications.error(error);
        }
    }

    @Override
    public String getPageTitle() {
        return stored == null ? getTranslation("formula.list.title")
                : getTranslation("formula.editor.title", stored.name());
    }

    /** Counts the fields that do not hold a number while the form is read. */
    private static final class Input {
        int unreadable;
    }

    private TextField textField(String labelKey, String value) {
        var field = new TextField(getTranslation(labelKey));
        field.setValue(value);
        field.setReadOnly(!editable);
        return field;
    }

    private TextField numberField(String labelKey, @Nullable Double value) {
        var field = textField(labelKey, value == null ? "" : Formats.decimal(value, getLocale()));
        field.addClassName("formula-number");
        field.setWidth("8rem");
        return field;
    }

    /** A number as typed ("2,5" or "2.5"); blank gives null when allowed, anything else marks the field. */
    private @Nullable Double number(TextField field, boolean optional, Input input) {
        String text = field.getValue();
        if (optional && text.isBlank()) {
            field.setInvalid(false);
            return null;
        }
        Optional<Double> value = Formats.parseDecimal(text);
        field.setInvalid(value.isEmpty());
        if (value.isEmpty()) {
            field.setErrorMessage(getTranslation("formula.editor.notANumber"));
            input.unreadable++;
            return 0.0;
        }
        return value.get();
    }

    private Button smallButton(String labelKey, Runnable action) {
        var button = new Button(getTranslation(labelKey), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setVisible(editable);
        return button;
    }

    /** One group: code, names, max, and its metrics. */
    class GroupEditor extends VerticalLayout {

        final TextField code;
        final TextField nameVi;
        final TextField nameEn;
        final TextField max;
        final VerticalLayout metricsLayout = new VerticalLayout();
        final List<MetricEditor> metrics = new ArrayList<>();
        final Button addMetric;
        // The rate the campaign sets targets for: blank metric = the group's score / max.
        final TextField headlineMetric;
        final TextField headlineTerm;

        GroupEditor(IndexGroup group) {
            addClassName("formula-group");
            setPadding(false);
            code = textField("formula.field.code", group.code());
            nameVi = textField("formula.field.nameVi", group.nameVi());
            nameEn = textField("formula.field.nameEn", group.nameEn());
            max = numberField("formula.field.groupMax", group.maxPoints());
            HeadlineTerm headline = group.headline();
            headlineMetric = textField("formula.field.headlineMetric", headline == null ? "" : headline.metricCode());
            headlineMetric.setHelperText(getTranslation("formula.field.headlineMetric.help"));
            headlineTerm = textField("formula.field.headlineTerm",
                    headline == null ? "" : Integer.toString(headline.term()));
            headlineTerm.setWidth("8rem");
            metricsLayout.setPadding(false);
            group.metrics().forEach(this::addMetric);
            addMetric = smallButton("formula.action.addMetric", () -> addMetric(null));
            var fields = new FormLayout(code, nameVi, nameEn, max, headlineMetric, headlineTerm);
            fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
            fields.setColspan(headlineMetric, 2);
            add(new H3(group.code() + " – " + localName(group.nameVi(), group.nameEn())), fields, metricsLayout,
                    addMetric);
        }

        /** The metric with this code as shown now. */
        MetricEditor metric(String metricCode) {
            return metrics.stream().filter(m -> m.code.getValue().equals(metricCode)).findFirst().orElseThrow();
        }

        void addMetric(@Nullable Metric metric) {
            var editor = new MetricEditor(this, metric);
            metrics.add(editor);
            metricsLayout.add(editor);
        }

        void remove(MetricEditor metric) {
            metrics.remove(metric);
            metricsLayout.remove(metric);
        }

        IndexGroup toGroup(Input input) {
            return new IndexGroup(code.getValue(), nameVi.getValue(), nameEn.getValue(), number(max, false, input),
                    metrics.stream().map(m -> m.toMetric(input)).toList(), headline(input));
        }

        /** Blank metric: the group's ratio; a metric needs the position of one of its terms, a whole number from 1. */
        private @Nullable HeadlineTerm headline(Input input) {
            String metricCode = headlineMetric.getValue().strip();
            if (metricCode.isEmpty()) {
                headlineTerm.setInvalid(false);
                return null;
            }
            String text = headlineTerm.getValue().strip();
            int term = text.matches("[1-9][0-9]{0,2}") ? Integer.parseInt(text) : 0;
            headlineTerm.setInvalid(term == 0);
            if (term == 0) {
                headlineTerm.setErrorMessage(getTranslation("formula.editor.notATermPosition"));
                input.unreadable++;
                return null;
            }
            return new HeadlineTerm(metricCode, term);
        }
    }

    /** One metric: code, names, max, rules, and its terms; a fixed score replaces the terms. */
    class MetricEditor extends Div {

        final TextField code;
        final TextField nameVi;
        final TextField nameEn;
        final TextField max;
        final Select<EmptyDenominatorRule> whenEmpty = new Select<>();
        final Checkbox roundRateFirst = new Checkbox();
        final TextField fixedScore;
        final VerticalLayout termsLayout = new VerticalLayout();
        final List<TermEditor> terms = new ArrayList<>();
        final Button addTerm;
        final Button remove;

        MetricEditor(GroupEditor group, @Nullable Metric metric) {
            addClassName("formula-metric");
            code = textField("formula.field.metricCode", metric == null ? "" : metric.code());
            nameVi = textField("formula.field.nameVi", metric == null ? "" : metric.nameVi());
            nameEn = textField("formula.field.nameEn", metric == null ? "" : metric.nameEn());
            max = numberField("formula.field.metricMax", metric == null ? null : metric.maxPoints());
            whenEmpty.setLabel(getTranslation("formula.field.whenEmpty"));
            whenEmpty.setItems(EmptyDenominatorRule.values());
            whenEmpty.setItemLabelGenerator(rule -> getTranslation("formula.whenEmpty." + rule.name()));
            whenEmpty.setValue(metric == null ? EmptyDenominatorRule.ZERO : metric.whenEmpty());
            whenEmpty.setReadOnly(!editable);
            roundRateFirst.setLabel(getTranslation("formula.field.roundRateFirst"));
            roundRateFirst.setValue(metric != null && metric.roundRateFirst());
            roundRateFirst.setReadOnly(!editable);
            fixedScore = numberField("formula.field.fixedScore", metric == null ? null : metric.fixedScore());
            fixedScore.setHelperText(getTranslation("formula.field.fixedScore.help"));
            termsLayout.setPadding(false);
            termsLayout.setSpacing(false);
            if (metric != null) {
                metric.terms().forEach(this::addTerm);
            }
            addTerm = smallButton("formula.action.addTerm", () -> addTerm(null));
            remove = smallButton("formula.action.removeMetric", () -> group.remove(this));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            var fields = new FormLayout(code, nameVi, nameEn, max, whenEmpty, fixedScore, roundRateFirst);
            fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
            add(new H4(metric == null ? getTranslation("formula.editor.newMetric")
                    : metric.code() + " – " + localName(metric.nameVi(), metric.nameEn())), fields, termsLayout,
                    new HorizontalLayout(addTerm, remove));
        }

        void addTerm(@Nullable Term term) {
            var editor = new TermEditor(this, term);
            terms.add(editor);
            termsLayout.add(editor);
            renumber();
        }

        void remove(TermEditor term) {
            terms.remove(term);
            termsLayout.remove(term);
            renumber();
        }

        /** Term {@code position}, 1-based as the problems name them. */
        TermEditor term(int position) {
            return terms.get(position - 1);
        }

        private void renumber() {
            for (int i = 0; i < terms.size(); i++) {
                terms.get(i).label.setText(getTranslation("formula.editor.term", i + 1));
            }
        }

        Metric toMetric(Input input) {
            return new Metric(code.getValue(), nameVi.getValue(), nameEn.getValue(), number(max, false, input),
                    terms.stream().map(t -> t.toTerm(input)).toList(),
                    whenEmpty.getValue() == null ? EmptyDenominatorRule.ZERO : whenEmpty.getValue(),
                    roundRateFirst.getValue(), number(fixedScore, true, input));
        }
    }

    /** One term: min(cap, points × rate % / threshold %), rate % = 100 × numerator / denominator. */
    class TermEditor extends HorizontalLayout {

        final Div label = new Div();
        final TextField numerator;
        final TextField denominator;
        final TextField points;
        final TextField cap;
        final TextField threshold;
        final Button remove;

        TermEditor(MetricEditor metric, @Nullable Term term) {
            addClassName("formula-term");
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setWrap(true);
            numerator = textField("formula.field.numerator", term == null ? "" : fields(term.numerator()));
            numerator.setHelperText(getTranslation("formula.field.fields.help"));
            denominator = textField("formula.field.denominator", term == null ? "" : fields(term.denominator()));
            numerator.addClassName("formula-counts");
            denominator.addClassName("formula-counts");
            points = numberField("formula.field.points", term == null ? null : term.points());
            cap = numberField("formula.field.cap", term == null ? null : term.cap());
            threshold = numberField("formula.field.threshold", term == null ? 100.0 : term.thresholdPercent());
            points.setWidth("6rem");
            cap.setWidth("6rem");
            threshold.setWidth("9rem");
            remove = smallButton("formula.action.removeTerm", () -> metric.remove(this));
            add(label, numerator, denominator, points, cap, threshold, remove);
        }

        Term toTerm(Input input) {
            return new Term(countSum(numerator), countSum(denominator), number(points, false, input),
                    number(cap, false, input), number(threshold, false, input));
        }
    }

    private static String fields(CountSum sum) {
        return String.join(" + ", sum.fields());
    }

    /** "partialCount + fullCount" → both fields; a blank between two pluses stays, so that validation names it. */
    private static CountSum countSum(HasValue<?, String> field) {
        String text = field.getValue();
        return new CountSum(text.isBlank() ? List.of()
                : Arrays.stream(text.split("\\+", -1)).map(String::strip).collect(Collectors.toList()));
    }

    private String localName(String vietnamese, String english) {
        return Formats.inLanguage(getLocale(), vietnamese, english);
    }
}
