package vn.serviceindex.portal.progress.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.export.TableFormat;
import vn.serviceindex.portal.base.export.TableWriter;
import vn.serviceindex.portal.base.events.PortalEvent;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.NewDataBanner;
import vn.serviceindex.portal.base.ui.OpenScreens;
import vn.serviceindex.portal.base.ui.WindowWidth;
import vn.serviceindex.portal.campaign.domain.CampaignProgress;
import vn.serviceindex.portal.campaign.ui.RefusalPage;
import vn.serviceindex.portal.progress.domain.GroupProgress;
import vn.serviceindex.portal.progress.domain.PlanReference;
import vn.serviceindex.portal.progress.domain.ProgressSheet;
import vn.serviceindex.portal.progress.domain.TargetPhase;
import vn.serviceindex.portal.progress.domain.WhatIf;
import vn.serviceindex.portal.progress.service.ForecastService;
import vn.serviceindex.portal.progress.service.ProgressService;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * A unit's progress against its targets in its campaign: per index group the baseline, the current rate, what is
 * due today, the phase's and the final target, how much of the way is done, and, where the unit is behind, what
 * reaching the phase target would gain it. Opens on the account's own unit; {@code progress/ID} opens another unit
 * the account reads (a province monitor any unit of its province).
 */
@Route("progress/:unitId?([0-9]+)")
// Every role, but not none: an account without a role reads nothing.
@RolesAllowed({"UNIT_EDITOR", "UNIT_VIEWER", "PROVINCE_MONITOR", "AUDITOR", "ADMIN"})
@Menu(order = 5, icon = "CHART", title = "nav.progress")
public class UnitProgressView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String UNIT_ID = "unitId";
    static final String COMPLETION = "completion";

    /** The columns a phone leaves out. */
    private final List<Grid.Column<GroupProgress>> wideOnly = new ArrayList<>();
    boolean narrow;
    private final ProgressService progress;
    private final UnitService units;
    private final ForecastService forecasts;
    final ComboBox<OrgUnit> unitPicker = new ComboBox<>();
    final H2 title = new H2();
    final Paragraph campaignLine = new Paragraph();
    final Paragraph phaseLine = new Paragraph();
    final Paragraph planLine = new Paragraph();
    /** Where a plan sets no target for a group (written before the campaign targeted it), the rule does. */
    final Paragraph ruleNote = new Paragraph();
    final Grid<GroupProgress> grid = new Grid<>();
    final Anchor csv;
    final Anchor xlsx;
    final VerticalLayout content = new VerticalLayout();
    @Nullable ProgressSheet sheet;

    @Nullable OrgUnit shown;
    /** Shown when the unit's results (its province's) or its plan changed elsewhere; one click reads them again. */
    final NewDataBanner newData = new NewDataBanner("live.newResults", () -> {
        OrgUnit unit = shown;
        if (unit != null) {
            show(unit, progress().sheet(unit.id()).orElse(null));
        }
    });

    UnitProgressView(ProgressService progress, UnitService units, ForecastService forecasts,
                     OpenScreens openScreens) {
        openScreens.watch(this, event -> {
            OrgUnit unit = shown;
            return unit != null && (event instanceof PortalEvent.ResultsChanged changed
                    ? changed.inProvinceOf(unit.path())
                    : event instanceof PortalEvent.PlanChanged plan && plan.unitId() == unit.id());
        }, event -> newData.show());
        this.progress = progress;
        this.units = units;
        this.forecasts = forecasts;
        addClassName("progress-view");
        Locale locale = getLocale();

        unitPicker.setLabel(getTranslation("workspace.unitPicker"));
        unitPicker.setItemLabelGenerator(u -> u.name() + " (" + u.code() + ")");
        unitPicker.setWidth("min(100%, 32rem)");
        unitPicker.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(UnitProgressView.class,
                        new RouteParameters(UNIT_ID, Long.toString(event.getValue().id()))));
            }
        });

        // Fixed, resizable widths with wrapping headers that fit 1366 px with the menu open: the what-if sentence,
        // the page's key advice, takes what is left. A phone keeps group, current and status, the advice below each.
        grid.addColumn(g -> ProgressLabels.group(this, g.groupCode()))
                .setHeader(getTranslation("progress.column.group")).setWidth("8rem").setFlexGrow(1);
        wideOnly.add(grid.addColumn(g -> ProgressLabels.rate(g.baseline(), locale))
                .setHeader(getTranslation("progress.column.baseline")).setTextAlign(ColumnTextAlign.END)
                .setWidth("5rem").setFlexGrow(0));
        grid.addColumn(g -> ProgressLabels.rate(g.current(), locale)
                        + (g.currentPeriod() == null ? "" : " (" + g.currentPeriod() + ")"))
                .setHeader(getTranslation("progress.column.current")).setTextAlign(ColumnTextAlign.END)
                .setWidth("7rem").setFlexGrow(0);
        wideOnly.add(grid.addColumn(g -> ProgressLabels.rate(g.expectedToday(), locale))
                .setHeader(getTranslation("progress.column.expected")).setTextAlign(ColumnTextAlign.END)
                .setWidth("5.5rem").setFlexGrow(0));
        wideOnly.add(grid.addColumn(g -> ProgressLabels.rate(g.phaseTarget(), locale))
                .setHeader(getTranslation("progress.column.phaseTarget")).setTextAlign(ColumnTextAlign.END)
                .setWidth("5.5rem").setFlexGrow(0));
        wideOnly.add(grid.addColumn(g -> ProgressLabels.rate(g.finalTarget(), locale))
                .setHeader(getTranslation("progress.column.finalTarget")).setTextAlign(ColumnTextAlign.END)
                .setWidth("5rem").setFlexGrow(0));
        wideOnly.add(grid.addComponentColumn(this::completion).setHeader(getTranslation("progress.column.completion"))
                .setKey(COMPLETION).setWidth("7rem").setFlexGrow(0));
        // A text column, so that the status reads (and exports) as words; its part colours it.
        grid.addColumn(g -> ProgressLabels.status(this, g.status())).setHeader(getTranslation("progress.column.status"))
                .setPartNameGenerator(g -> "progress-" + g.status().name().toLowerCase(Locale.ROOT))
                .setWidth("7rem").setFlexGrow(0);
        wideOnly.add(grid.addColumn(this::whatIfText).setHeader(getTranslation("progress.column.whatIf"))
                .setWidth("14rem").setFlexGrow(3));
        grid.getColumns().forEach(column -> column.setResizable(true));
        grid.setItemDetailsRenderer(new ComponentRenderer<>(g -> {
            var advice = new Div(new Span(whatIfText(g)));
            advice.addClassName("progress-what-if");
            return advice;
        }));
        grid.setDetailsVisibleOnClick(false);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        csv = download(TableFormat.CSV);
        xlsx = download(TableFormat.XLSX);
        content.setPadding(false);
        add(unitPicker, newData, content);
    }

    private ProgressService progress() {
        return progress;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<OrgUnit> readable = units.readableUnits();
        unitPicker.setItems(readable);
        unitPicker.setVisible(readable.size() > 1);
        Optional<Long> requested = event.getRouteParameters().getLong(UNIT_ID);
        sheet = null;
        try {
            Optional<OrgUnit> unit = requested.isPresent() ? Optional.of(units.get(requested.get()))
                    : units.homeUnit().or(() -> readable.stream().findFirst());
            if (unit.isEmpty()) {
                content.removeAll();
                content.add(new Paragraph(getTranslation("workspace.noUnit")));
                return;
            }
            unitPicker.setValue(unit.get());
            show(unit.get(), progress.sheet(unit.get().id()).orElse(null));
        } catch (UserError error) {
            unitPicker.clear();
            RefusalPage.show(content, error);
        }
    }

    private void show(OrgUnit unit, @Nullable ProgressSheet found) {
        sheet = found;
        shown = unit;
        newData.setVisible(false);
        content.removeAll();
        title.setText(getTranslation("progress.title", unit.name()));
        content.add(title);
        if (found == null) {
            grid.setItems(List.of());
            content.add(new Paragraph(getTranslation("progress.notCovered", unit.name())));
            return;
        }
        Locale locale = getLocale();
        CampaignProgress day = found.progress();
        String dayText = switch (day.stage()) {
            case NOT_STARTED -> getTranslation("campaign.banner.startsIn", day.daysToStart());
            case RUNNING -> getTranslation("campaign.banner.day", day.day(), day.totalDays());
            case ENDED -> getTranslation("campaign.banner.ended", Formats.date(found.campaign().endDate(), locale));
        };
        campaignLine.setText(found.campaign().name() + " · " + dayText + " · " + getTranslation(
                found.todayPinned() ? "campaign.banner.todayPinned" : "campaign.banner.today",
                Formats.date(day.today(), locale)));
        campaignLine.addClassName("progress-campaign");
        TargetPhase phase = found.phaseToday();
        String phaseKey = found.plan() != null ? "progress.phase.plan"
                : phase.name() != null ? "progress.phase.rule" : "progress.phase.whole";
        phaseLine.setText(getTranslation(phaseKey, phase.name() == null ? "" : phase.name(),
                Formats.date(phase.start(), locale), Formats.date(phase.end(), locale), found.phaseDay(),
                phase.days()));
        phaseLine.addClassName("progress-phase");
        PlanReference plan = found.plan();
        planLine.setText(plan == null ? getTranslation("progress.noPlan")
                : plan.number().isBlank() ? getTranslation("progress.plan.noNumber",
                        getTranslation(plan.status().labelKey()))
                : getTranslation("progress.plan", plan.number(), getTranslation(plan.status().labelKey())));
        planLine.addClassName("progress-plan");
        // A new unit's baselines (the "previous year" column) are its predecessors' figures combined: say so.
        if (found.baselineCombined() != null) {
            planLine.setText(planLine.getText() + " · " + getTranslation("progress.baselineCombined",
                    found.baselineCombined().period().text(),
                    getTranslation("result.combined.label", found.baselineCombined().predecessorList())));
        }
        List<String> byRule = found.unit().groups().stream()
                .filter(g -> plan != null && g.phaseTarget() != null && !g.targetFromPlan())
                .map(g -> ProgressLabels.group(this, g.groupCode())).toList();
        ruleNote.setText(byRule.isEmpty() ? "" : getTranslation("progress.ruleNote", String.join(", ", byRule)));
        ruleNote.setVisible(!byRule.isEmpty());
        ruleNote.addClassName("progress-plan");
        grid.setItems(found.unit().groups());
        showColumns();
        var exports = new HorizontalLayout(csv, xlsx);
        content.add(campaignLine, phaseLine, planLine, ruleNote, exports, grid);
        content.add(new ForecastPanel(forecasts, unit.id()));
    }

    private Component completion(GroupProgress group) {
        OptionalDouble share = group.completion();
        if (share.isEmpty()) {
            return new Span("–");
        }
        var bar = new ProgressBar(0, 1, share.getAsDouble());
        bar.setWidth("4rem");
        var percent = new Span(Formats.decimal(Math.round(share.getAsDouble() * 1000) / 10.0, getLocale()) + " %");
        var cell = new Div(bar, percent);
        cell.addClassName("progress-completion");
        return cell;
    }

    /** The what-if, where the unit is behind: the points at the phase target and the place they would bring. */
    String whatIfText(GroupProgress group) {
        if (sheet == null || group.status() != GroupProgress.Status.BEHIND) {
            return "";
        }
        return sheet.whatIf(group.groupCode()).map(w -> ProgressLabels.whatIf(this, w, getLocale())).orElse("");
    }

    private Anchor download(TableFormat format) {
        DownloadHandler handler = event -> {
            ProgressSheet shown = sheet;
            event.setFileName("tien-do-" + (shown == null ? "" : shown.unit().unitCode() + "-"
                    + shown.progress().today()) + "." + format.extension());
            event.setContentType(format.contentType());
            write(format, event.getOutputStream());
        };
        var anchor = new Anchor(handler, getTranslation("ranking.export",
                format.extension().toUpperCase(Locale.ROOT)));
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    /** The table as shown, one row per group, numbers as numbers. */
    void write(TableFormat format, OutputStream out) throws IOException {
        List<String> headers = List.of(getTranslation("progress.column.code"), getTranslation("progress.column.group"),
                getTranslation("progress.column.baseline"), getTranslation("progress.column.current"),
                getTranslation("progress.column.period"), getTranslation("progress.column.expected"),
                getTranslation("progress.column.phaseTarget"), getTranslation("progress.column.finalTarget"),
                getTranslation("progress.column.completion"), getTranslation("progress.column.status"),
                getTranslation("progress.column.source"), getTranslation("progress.column.shortfall"),
                getTranslation("progress.column.gain"), getTranslation("progress.column.rankNow"),
                getTranslation("progress.column.rankThen"));
        ProgressSheet shown = sheet;
        try (var writer = new TableWriter(format, out, getTranslation("nav.progress"), headers)) {
            if (shown == null) {
                return;
            }
            for (GroupProgress group : shown.unit().groups()) {
                WhatIf whatIf = shown.whatIf(group.groupCode()).orElse(null);
                OptionalDouble completion = group.completion();
                List<Object> cells = new ArrayList<>();
                cells.add(group.groupCode());
                cells.add(ProgressLabels.group(this, group.groupCode()));
                cells.add(group.baseline());
                cells.add(group.current());
                cells.add(group.currentPeriod());
                cells.add(group.expectedToday());
                cells.add(group.phaseTarget());
                cells.add(group.finalTarget());
                cells.add(completion.isPresent() ? Math.round(completion.getAsDouble() * 1000) / 10.0 : null);
                cells.add(ProgressLabels.status(this, group.status()));
                cells.add(ProgressLabels.targetSource(this, group));
                cells.add(group.shortfall());
                cells.add(whatIf == null ? null : whatIf.points());
                cells.add(whatIf == null ? null : whatIf.rankNow());
                cells.add(whatIf == null ? null : whatIf.rankThen());
                writer.write(cells);
            }
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        WindowWidth.follow(attach, this::fitTo);
    }

    /** A phone shows the group, its current rate and status, and the what-if advice under each row. */
    void fitTo(int windowWidth) {
        boolean phone = WindowWidth.isPhone(windowWidth);
        if (phone != narrow) {
            narrow = phone;
            showColumns();
        }
    }

    private void showColumns() {
        wideOnly.forEach(column -> column.setVisible(!narrow));
        grid.getListDataView().getItems().forEach(g -> grid.setDetailsVisible(g, narrow && !whatIfText(g).isEmpty()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.progress");
    }
}
