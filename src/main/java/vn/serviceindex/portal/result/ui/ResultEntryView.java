package vn.serviceindex.portal.result.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.audit.service.AuditService;
import vn.serviceindex.portal.audit.ui.HistoryDialog;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.result.domain.DecimalInput;
import vn.serviceindex.portal.result.domain.EntryPreview;
import vn.serviceindex.portal.result.domain.GroupResult;
import vn.serviceindex.portal.result.domain.GroupTyping;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.result.domain.PortalWarning;
import vn.serviceindex.portal.result.domain.ResultEntrySheet;
import vn.serviceindex.portal.result.domain.ResultSource;
import vn.serviceindex.portal.result.domain.ScoreEstimate;
import vn.serviceindex.portal.result.domain.StoredGroup;
import vn.serviceindex.portal.result.domain.StoredPeriod;
import vn.serviceindex.portal.result.domain.TypedResult;
import vn.serviceindex.portal.result.service.ResultService;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * Typing a unit's results in for a period, made for a commune clerk on a phone: one narrow column of fields per
 * index group (headline rate, official score when known), the score that follows as they type, what is stored and
 * where it came from, and the unit's stored periods. Readers who may not change the unit see it all read-only.
 * {@code results/ID?period=2024-05} opens a unit and period; without them, the account's unit and this month.
 */
@Route("results/:unitId?([0-9]+)")
@RolesAllowed({"UNIT_EDITOR", "UNIT_VIEWER", "PROVINCE_MONITOR", "AUDITOR", "ADMIN"})
@Menu(order = 15, icon = "EDIT", title = "nav.results")
public class ResultEntryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {


    private final ResultService results;
    private final UnitService units;
    private final AuditService audit;

    final H2 title = new H2();
    final ComboBox<OrgUnit> unitPicker = new ComboBox<>();
    final Select<Period.Kind> periodKind = new Select<>();
    final TextField periodValue = new TextField();
    final Paragraph setNote = new Paragraph();
    final Paragraph readOnlyNote = new Paragraph();
    final Div groups = new Div();
    final Map<String, GroupEntry> entries = new LinkedHashMap<>();
    final TextField officialTotal = new TextField();
    final Span storedTotal = new Span();
    final Span computedTotal = new Span();
    final Button save = new Button();
    final Button history = new Button();
    final Grid<StoredPeriod> periods = new Grid<>();
    final VerticalLayout content = new VerticalLayout();
    final VerticalLayout form = new VerticalLayout();
    @Nullable HistoryDialog historyDialog;
    @Nullable RemovalDialog removalDialog;
    private @Nullable OrgUnit unit;
    private @Nullable ResultEntrySheet sheet;

    ResultEntryView(ResultService results, UnitService units, AuditService audit) {
        this.results = results;
        this.units = units;
        this.audit = audit;
        addClassName("result-entry-view");

        unitPicker.setLabel(getTranslation("result.entry.unit"));
        unitPicker.setItemLabelGenerator(u -> u.name() + " (" + u.code() + ")");
        unitPicker.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                ResultEntrySheet loaded = sheet;
                open(event.getValue().id(), loaded != null ? loaded.period().text()
                        : results.currentMonth().text());
            }
        });
        periodKind.setLabel(getTranslation("result.entry.periodKind"));
        periodKind.setItems(Period.Kind.values());
        periodKind.setItemLabelGenerator(kind -> getTranslation("result.entry.kind." + kind.name()));
        periodKind.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                periodValue.setValue(Period.around(event.getValue(), results.today()).text());
                openTypedPeriod();
            }
        });
        periodValue.setLabel(getTranslation("result.entry.period"));
        periodValue.setManualValidation(true);
        periodValue.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                openTypedPeriod();
            }
        });
        var choice = new FormLayout(unitPicker, periodKind, periodValue);
        choice.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 3));
        choice.setColspan(unitPicker, 1);

        officialTotal.setLabel(getTranslation("result.entry.officialTotal"));
        officialTotal.setHelperText(getTranslation("result.entry.optional"));
        officialTotal.setSuffixComponent(new Span(getTranslation("result.entry.points")));
        officialTotal.setManualValidation(true);
        officialTotal.setValueChangeMode(ValueChangeMode.LAZY);
        officialTotal.addValueChangeListener(event -> parse(officialTotal, () -> DecimalInput.total(event.getValue())));
        computedTotal.addClassName("result-entry-total");
        storedTotal.addClassName("result-entry-stored-total");

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        history.setText(getTranslation("audit.action.history"));
        history.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        history.addClickListener(click -> openHistory());

        // Three short columns: the list fits a phone's width.
        periods.addColumn(p -> p.period().text()).setHeader(getTranslation("result.entry.period"))
                .setAutoWidth(true).setFlexGrow(0);
        periods.addColumn(StoredPeriod::groups).setHeader(getTranslation("result.entry.groupCount"))
                .setAutoWidth(true).setFlexGrow(0);
        periods.addColumn(p -> time(p.lastRecorded())).setHeader(getTranslation("result.entry.lastChange"))
                .setFlexGrow(1);
        periods.addThemeVariants(GridVariant.LUMO_COMPACT);
        periods.setAllRowsVisible(true);
        periods.addItemClickListener(click -> {
            if (unit != null) {
                open(unit.id(), click.getItem().period().text());
            }
        });
        periods.addClassName("result-entry-periods");

        groups.addClassName("result-entry-groups");
        var totals = new FormLayout(officialTotal);
        totals.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        var actions = new HorizontalLayout(save, history);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setPadding(false);
        form.add(setNote, readOnlyNote, groups, new H3(getTranslation("result.entry.total")), totals,
                computedTotal, storedTotal, actions);
        content.setPadding(false);
        add(title, choice, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<OrgUnit> readable = units.readableUnits();
        unitPicker.setItems(readable);
        unitPicker.setVisible(readable.size() > 1);
        String period = event.getLocation().getQueryParameters().getSingleParameter("period")
                .orElse(results.currentMonth().text());
        try {
            Optional<Long> requested = event.getRouteParameters().getLong("unitId");
            Optional<OrgUnit> shown = requested.isPresent() ? Optional.of(units.get(requested.get()))
                    : units.homeUnit().or(() -> readable.stream().findFirst());
            if (shown.isEmpty()) {
                showRefusal(new UserError("workspace.noUnit"));
                return;
            }
            show(shown.get(), Period.parse(period));
        } catch (UserError refused) {
            Notifications.error(refused);
            showRefusal(refused);
        }
    }

    /** Goes to a unit and period by address, so that the page can be reloaded or sent to a colleague. */
    private void open(long unitId, String period) {
        getUI().ifPresent(ui -> ui.navigate(ResultEntryView.class,
                new RouteParameters("unitId", Long.toString(unitId)), QueryParameters.of("period", period)));
    }

    private void openTypedPeriod() {
        try {
            Period period = Period.parse(periodValue.getValue());
            periodValue.setInvalid(false);
            if (unit != null) {
                open(unit.id(), period.text());
            }
        } catch (UserError refused) {
            periodValue.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
            periodValue.setInvalid(true);
        }
    }

    private void show(OrgUnit shown, Period period) {
        unit = shown;
        unitPicker.setValue(shown);
        periodKind.setValue(period.kind());
        periodValue.setValue(period.text());
        periodValue.setInvalid(false);
        periodValue.setHelperText(getTranslation("result.entry.periodHelp." + period.kind().name()));
        title.setText(getTranslation("result.entry.title", shown.name()));
        ResultEntrySheet loaded = results.sheet(shown.id(), period.text());
        periods.setItems(results.periods(shown.id()));
        fill(loaded);
        content.removeAll();
        content.add(form, new H3(getTranslation("result.entry.periods")), periods);
    }

    /** Puts a stored result on the form: its values in the fields, its source beside them. */
    private void fill(ResultEntrySheet loaded) {
        sheet = loaded;
        Locale locale = getLocale();
        setNote.setText(loaded.setCoversPeriod()
                ? getTranslation("result.entry.formulaSet", loaded.formulaSet().name())
                : getTranslation("result.import.setNotCovering", loaded.formulaSet().name()));
        readOnlyNote.setText(getTranslation("result.entry.readOnly"));
        readOnlyNote.setVisible(!loaded.mayChange());
        groups.removeAll();
        entries.clear();
        for (IndexGroup group : loaded.formulaSet().groups()) {
            var entry = new GroupEntry(group, loaded.stored(group.code()).orElse(null), loaded.mayChange());
            entries.put(group.code(), entry);
            groups.add(entry);
        }
        officialTotal.setValue(text(loaded.officialTotal()));
        officialTotal.setInvalid(false);
        officialTotal.setReadOnly(!loaded.mayChange());
        storedTotal.setText(loaded.officialTotal() == null ? ""
                : getTranslation("result.entry.storedTotal", Formats.decimal(loaded.officialTotal(), locale)));
        save.setVisible(loaded.mayChange());
        history.setEnabled(loaded.resultId() != null);
        refreshPreview();
    }

    /** The typed values of every group whose fields are valid; fields with a refused value are marked. */
    private Typed typed() {
        List<TypedResult> valid = new ArrayList<>();
        boolean allValid = true;
        for (GroupEntry entry : entries.values()) {
            Read read = entry.read();
            allValid &= read.valid();
            if (read.typed() != null) {
                valid.add(read.typed());
            }
        }
        return new Typed(valid, allValid);
    }

    private record Typed(List<TypedResult> values, boolean allValid) {
    }

    /** One group's fields as read: valid or not, and the values when some were typed. */
    record Read(boolean valid, @Nullable TypedResult typed) {
    }

    /** Shows the scores that follow from what is typed now; nothing is stored. */
    void refreshPreview() {
        OrgUnit current = unit;
        ResultEntrySheet loaded = sheet;
        if (current == null || loaded == null) {
            return;
        }
        EntryPreview preview;
        try {
            preview = results.preview(current.id(), loaded.period().text(), typed().values());
        } catch (UserError refused) {
            computedTotal.setText(getTranslation(refused.messageKey(), refused.arguments()));
            return;
        }
        Locale locale = getLocale();
        List<String> missing = new ArrayList<>();
        for (EntryPreview.Line line : preview.lines()) {
            GroupEntry entry = entries.get(line.groupCode());
            if (entry != null) {
                entry.showEstimate(line.estimate());
                if (line.counted() == null) {
                    missing.add(entry.group.code());
                }
            }
        }
        String total = getTranslation("result.entry.computedTotal", Formats.decimal(preview.total(), locale),
                Formats.decimal(preview.max(), locale));
        computedTotal.setText(preview.complete() ? total
                : total + " " + getTranslation("result.entry.computedTotal.missing", String.join(", ", missing)));
    }

    void save() {
        OrgUnit current = unit;
        ResultEntrySheet loaded = sheet;
        if (current == null || loaded == null) {
            return;
        }
        Typed typed = typed();
        boolean totalValid = parse(officialTotal, () -> DecimalInput.total(officialTotal.getValue()));
        if (!typed.allValid() || !totalValid) {
            Notifications.error(new UserError("result.entry.fixFields"));
            return;
        }
        try {
            Double total = DecimalInput.total(officialTotal.getValue());
            ResultEntrySheet stored = results.typeIn(current.id(), loaded.period().text(), typed.values(), total);
            fill(stored);
            periods.setItems(results.periods(current.id()));
            Notifications.success("result.entry.saved", loaded.period().text());
        } catch (UserError refused) {
            Notifications.error(refused);
        }
    }

    void openHistory() {
        ResultEntrySheet loaded = sheet;
        if (loaded != null && loaded.resultId() != null) {
            historyDialog = HistoryDialog.open(audit, "result", Long.toString(loaded.resultId()),
                    loaded.unit().name() + " – " + loaded.period().text());
        }
    }

    void openRemoval(IndexGroup group) {
        ResultEntrySheet loaded = sheet;
        OrgUnit current = unit;
        if (loaded == null || current == null) {
            return;
        }
        removalDialog = new RemovalDialog(current.id(), loaded.period().text(), group);
        removalDialog.open();
    }

    /** Asks why a typed group is taken back before removing it: the change history keeps the reason. */
    class RemovalDialog extends com.vaadin.flow.component.dialog.Dialog {

        final com.vaadin.flow.component.textfield.TextArea reason = new com.vaadin.flow.component.textfield.TextArea();
        final Button confirm = new Button();

        RemovalDialog(long unitId, String period, IndexGroup group) {
            setHeaderTitle(getTranslation("result.entry.remove.title", group.code(), period));
            reason.setLabel(getTranslation("result.entry.remove.reason"));
            reason.setMaxLength(ResultService.REASON_MAX);
            reason.setWidthFull();
            add(new Paragraph(getTranslation("result.entry.remove.note")), reason);
            confirm.setText(getTranslation("result.entry.remove"));
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            confirm.addClickListener(click -> {
                try {
                    fill(results.removeTyped(unitId, period, group.code(), reason.getValue()));
                    periods.setItems(results.periods(unitId));
                    close();
                    Notifications.success("result.entry.removed", group.code(), period);
                } catch (UserError refused) {
                    reason.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
                    reason.setInvalid(true);
                }
            });
            var cancel = new Button(getTranslation("action.cancel"), click -> close());
            getFooter().add(cancel, confirm);
        }
    }

    private void showRefusal(UserError refused) {
        unit = null;
        sheet = null;
        title.setText(getTranslation("nav.results"));
        content.removeAll();
        var message = new Paragraph(getTranslation(refused.messageKey(), refused.arguments()));
        message.addClassName("result-entry-refusal");
        content.add(message);
    }

    /**
     * Reads a field with a domain rule, marking it with the rule's message when refused.
     *
     * @return whether the field holds an acceptable value (blank included)
     */
    private boolean parse(TextField field, Supplier<@Nullable Double> rule) {
        try {
            rule.get();
            field.setInvalid(false);
            return true;
        } catch (UserError refused) {
            field.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
            field.setInvalid(true);
            return false;
        }
    }

    /** A stored number as the field shows it: 13,2 in Vietnamese, blank when there is none. */
    private String text(@Nullable Double value) {
        return value == null ? "" : Formats.decimal(value, getLocale());
    }

    private String time(@Nullable Instant instant) {
        return Formats.dateTime(instant, getLocale());
    }

    @Override
    public String getPageTitle() {
        return unit == null ? getTranslation("nav.results") : getTranslation("result.entry.title", unit.name());
    }

    /** One index group: its rate and official score, the score that follows, and what is stored. */
    class GroupEntry extends Div {

        final IndexGroup group;
        final TextField rate = new TextField();
        final TextField score = new TextField();
        final Span estimate = new Span();
        final Div stored = new Div();
        final Button remove = new Button();
        /** Beside a rate typed over the portal's figures: the official score, which ranks, may no longer match. */
        final Div staleScore = new Div();
        final Button clearScore = new Button();
        private final @Nullable StoredGroup current;

        GroupEntry(IndexGroup group, @Nullable StoredGroup current, boolean editable) {
            this.group = group;
            this.current = current;
            addClassName("result-entry-group");
            Locale locale = getLocale();
            String name = Formats.inLanguage(locale, group.nameVi(), group.nameEn());
            var heading = new H3(getTranslation("result.entry.group", name, group.code(),
                    Formats.decimal(group.maxPoints(), locale)));
            rate.setLabel(getTranslation("result.entry.rate"));
            rate.setSuffixComponent(new Span("%"));
            score.setLabel(getTranslation("result.entry.officialScore"));
            score.setHelperText(getTranslation("result.entry.officialScore.help",
                    Formats.decimal(group.maxPoints(), locale)));
            if (current != null) {
                rate.setValue(text(current.result().headlineRate()));
                score.setValue(text(current.result().officialScore()));
            }
            // Listeners after the stored values are in: the whole form is previewed once it is built.
            for (TextField field : List.of(rate, score)) {
                field.setManualValidation(true);
                field.setValueChangeMode(ValueChangeMode.LAZY);
                field.setReadOnly(!editable);
                field.addValueChangeListener(event -> {
                    read();
                    refreshPreview();
                    showStaleScore();
                });
            }
            var fields = new FormLayout(rate, score);
            fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
            estimate.addClassName("result-entry-estimate");
            stored.addClassName("result-entry-stored");
            showStored(current);
            clearScore.setText(getTranslation("result.entry.staleScore.clear"));
            clearScore.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            clearScore.addClickListener(click -> score.setValue(""));
            staleScore.add(new Span(getTranslation("result.entry.staleScore")), clearScore);
            staleScore.addClassName("result-entry-stale");
            staleScore.setVisible(false);
            add(heading, fields, staleScore, estimate, stored);
            // A typed slip can be taken back, with a reason; the portal's own figures are corrected by a new import.
            remove.setText(getTranslation("result.entry.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            remove.setVisible(editable && current != null && current.result().source() == ResultSource.TYPED);
            remove.addClickListener(click -> openRemoval(group));
            add(remove);
        }

        /**
         * Shown when the rate now differs from the portal's stored one while the portal's official score is kept: that
         * score ranks the unit, and the portal computed it from the old rate.
         */
        void showStaleScore() {
            Double typedRate = Formats.parseDecimal(rate.getValue()).orElse(null);
            staleScore.setVisible(typing().scoreGoesStale(typedRate, !score.getValue().isBlank()));
        }

        /** The group's typed values (none when both fields are blank); a refused field is marked with why. */
        Read read() {
            boolean rateValid = parse(rate, () -> DecimalInput.rate(rate.getValue()));
            boolean scoreValid = parse(score, () -> DecimalInput.score(score.getValue(), group.maxPoints()));
            if (!rateValid || !scoreValid) {
                return new Read(false, null);
            }
            try {
                return new Read(true, typing().read(group.code(), DecimalInput.rate(rate.getValue()),
                        DecimalInput.score(score.getValue(), group.maxPoints())).orElse(null));
            } catch (UserError refused) {
                rate.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
                rate.setInvalid(true);
                return new Read(false, null);
            }
        }

        private GroupTyping typing() {
            return new GroupTyping(current == null ? null : current.result());
        }

        void showEstimate(ScoreEstimate shown) {
            Locale locale = getLocale();
            if (shown.score() == null) {
                estimate.setText(rate.isInvalid() ? "" : getTranslation("result.entry.estimate.NONE"));
                return;
            }
            String points = Formats.decimal(shown.score(), locale);
            estimate.setText(switch (shown.basis()) {
                case EXACT, GROUP_RATIO -> getTranslation("result.entry.estimate." + shown.basis().name(), points,
                        Formats.decimal(shown.max(), locale));
                case HEADLINE_TERM -> getTranslation("result.entry.estimate.HEADLINE_TERM", points,
                        Formats.decimal(shown.partMax(), locale),
                        Formats.decimal(shown.max() - shown.partMax(), locale));
                case NONE -> getTranslation("result.entry.estimate.NONE");
            });
        }

        private void showStored(@Nullable StoredGroup current) {
            stored.removeAll();
            Locale locale = getLocale();
            if (current == null) {
                stored.add(new Span(getTranslation("result.entry.stored.none")));
                return;
            }
            GroupResult result = current.result();
            List<String> parts = new ArrayList<>();
            if (result.headlineRate() != null) {
                parts.add(getTranslation("result.entry.stored.rate", Formats.decimal(result.headlineRate(), locale)));
            }
            if (result.officialScore() != null) {
                parts.add(getTranslation("result.entry.stored.official",
                        Formats.decimal(result.officialScore(), locale)));
            }
            if (current.computedScore() != null) {
                parts.add(getTranslation("result.entry.stored.computed",
                        Formats.decimal(current.computedScore(), locale)));
            }
            var values = new Span(getTranslation("result.entry.stored.values", String.join(" · ", parts)));
            values.addClassName("result-entry-stored-values");
            String who = current.enteredByName() == null ? result.enteredBy()
                    : current.enteredByName() + " (" + result.enteredBy() + ")";
            var source = new Span(result.source() == ResultSource.TYPED
                    ? getTranslation("result.entry.source.TYPED", who, time(result.recordedAt()))
                    : getTranslation("result.entry.source.IMPORTED", String.valueOf(result.importFile()),
                    time(result.recordedAt()), who));
            source.addClassName("result-entry-source");
            stored.add(values, source);
            for (PortalWarning warning : current.warnings()) {
                var line = new Div(getTranslation("result.entry.warning", warning.metricCode(), warning.status(),
                        warning.message() == null ? "" : warning.message()));
                line.addClassName("result-entry-warning");
                stored.add(line);
            }
        }
    }
}
