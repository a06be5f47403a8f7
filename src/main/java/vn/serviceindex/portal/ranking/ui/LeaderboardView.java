package vn.serviceindex.portal.ranking.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.events.PortalEvent;
import vn.serviceindex.portal.base.ui.NewDataBanner;
import vn.serviceindex.portal.base.ui.OpenScreens;
import vn.serviceindex.portal.base.export.TableFormat;
import vn.serviceindex.portal.base.ui.FieldErrors;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.WindowWidth;
import vn.serviceindex.portal.base.ui.TableDownload;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.ranking.domain.LeaderboardRow;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.ranking.domain.RankedUnit;
import vn.serviceindex.portal.ranking.domain.Structure;
import vn.serviceindex.portal.ranking.service.LeaderboardService;

/**
 * Leaderboards: a peer group of a province for a period, ranked by the total or by one group, with the movement
 * since the previous period. Scores the portal has not published yet are computed and marked as such.
 */
@Route("leaderboards")
// Every role, but not none: an account without a role reads nothing.
@RolesAllowed({"UNIT_EDITOR", "UNIT_VIEWER", "PROVINCE_MONITOR", "AUDITOR", "ADMIN"})
@Menu(order = 20, icon = "TROPHY", title = "nav.leaderboards")
public class LeaderboardView extends VerticalLayout implements HasDynamicTitle {

    /** The group choice that ranks by the total. */
    static final String TOTAL = "TOTAL";

    private final LeaderboardService leaderboards;
    /** The formula set's groups, in its order: the choices to rank by and the score columns. */
    private final List<IndexGroup> groups;
    final ComboBox<RankedUnit> province = new ComboBox<>();
    final Select<PeerGroup> peers = new Select<>();
    final ComboBox<RankedUnit> district = new ComboBox<>();
    final ComboBox<String> period = new ComboBox<>();
    final Select<String> rankBy = new Select<>();
    /** A past period in the units of its time, or in today's units (new units with their predecessors' figures). */
    final Select<Structure> structure = new Select<>();
    final Grid<LeaderboardRow> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    final Map<String, Grid.Column<LeaderboardRow>> groupColumns = new LinkedHashMap<>();
    Grid.Column<LeaderboardRow> nameColumn;
    Grid.Column<LeaderboardRow> scoreColumn;
    Grid.Column<LeaderboardRow> movementColumn;
    Grid.Column<LeaderboardRow> gapColumn;
    /** Whether the window is a phone's: rank, name, score and the chosen group, the rest on a tap. */
    boolean narrow;
    List<LeaderboardRow> rows = List.of();
    /** Per unit id, the points to the unit's current phase target (of the chosen group, or in total). */
    Map<Long, Double> gaps = Map.of();

    /** Shown when results of the province and period on screen changed elsewhere: a jump would disturb reading. */
    final NewDataBanner newData = new NewDataBanner("live.newResults", this::refresh);

    LeaderboardView(LeaderboardService leaderboards, OpenScreens openScreens) {
        this.leaderboards = leaderboards;
        openScreens.watch(this, this::shows, event -> newData.show());
        addClassName("leaderboard-view");
        setSizeFull();
        Locale locale = getLocale();

        province.setLabel(getTranslation("ranking.province"));
        province.setItemLabelGenerator(RankedUnit::name);
        List<RankedUnit> provinces = leaderboards.provinces();
        province.setItems(provinces);
        peers.setLabel(getTranslation("ranking.peers"));
        List<PeerGroup> peerChoices = new ArrayList<>(List.of(PeerGroup.DEPARTMENTS, PeerGroup.DISTRICTS,
                PeerGroup.COMMUNES, PeerGroup.COMMUNES_OF_DISTRICT, PeerGroup.PROVINCES));
        // The nation's district-level units and communes side by side: for readers of everything only.
        if (leaderboards.readsNation()) {
            peerChoices.addAll(List.of(PeerGroup.NATIONAL_DISTRICTS, PeerGroup.NATIONAL_COMMUNES));
        }
        peers.setItems(peerChoices);
        peers.setItemLabelGenerator(p -> getTranslation("ranking.peers." + p.name()));
        peers.setValue(PeerGroup.DISTRICTS);
        district.setLabel(getTranslation("ranking.district"));
        district.setItemLabelGenerator(RankedUnit::name);
        district.setVisible(false);
        period.setLabel(getTranslation("ranking.period"));
        period.setAllowCustomValue(true);
        period.addCustomValueSetListener(event -> period.setValue(event.getDetail()));
        rankBy.setLabel(getTranslation("ranking.rankBy"));
        List<String> choices = new ArrayList<>(List.of(TOTAL));
        // The groups and their names are the formula set's: a set with another group shows it without a change here.
        groups = leaderboards.groupsToday();
        choices.addAll(groups.stream().map(IndexGroup::code).toList());
        rankBy.setItems(choices);
        rankBy.setItemLabelGenerator(g -> GroupLabels.of(g, groups, locale));
        rankBy.setValue(TOTAL);
        structure.setLabel(getTranslation("ranking.structure"));
        structure.setItems(Structure.OF_ITS_TIME, Structure.TODAY);
        structure.setItemLabelGenerator(s -> getTranslation("ranking.structure." + s.name()));
        structure.setValue(Structure.OF_ITS_TIME);
        structure.setHelperText("");

        // Every column can be resized; the unit's name wraps (portal.css) and takes the room the numbers leave.
        grid.addColumn(LeaderboardRow::rank).setHeader(getTranslation("ranking.column.rank")).setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setResizable(true);
        nameColumn = grid.addColumn(this::nameText).setHeader(getTranslation("ranking.column.unit"))
                .setFlexGrow(3).setWidth("12rem").setResizable(true);
        scoreColumn = grid.addColumn(row -> scoreText(row, locale)).setHeader(getTranslation("ranking.column.score"))
                .setTextAlign(ColumnTextAlign.END).setWidth("7rem").setFlexGrow(0).setResizable(true);
        for (String group : groups.stream().map(IndexGroup::code).toList()) {
            groupColumns.put(group, grid.addColumn(row -> Formats.decimal(row.groups().get(group), locale))
                    .setHeader(group).setTextAlign(ColumnTextAlign.END).setWidth("5rem").setFlexGrow(0)
                    .setResizable(true));
        }
        movementColumn = grid.addColumn(row -> movementText(row.movement()))
                .setHeader(getTranslation("ranking.column.movement")).setWidth("6.5rem").setFlexGrow(0)
                .setResizable(true);
        // Mostly empty (only units with a plan have a phase target): narrow, its header wraps.
        gapColumn = grid.addColumn(row -> gaps.containsKey(row.unitId())
                        ? Formats.decimal(gaps.get(row.unitId()), locale) : "")
                .setHeader(getTranslation("ranking.column.gap")).setTextAlign(ColumnTextAlign.END).setWidth("7rem")
                .setFlexGrow(0).setResizable(true);
        // On a phone the rest of a row opens on a tap.
        grid.setItemDetailsRenderer(new ComponentRenderer<>(row -> details(row, locale)));
        grid.setDetailsVisibleOnClick(false);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("leaderboard-grid");
        grid.setSizeFull();

        province.addValueChangeListener(e -> provinceChanged());
        peers.addValueChangeListener(e -> {
            district.setVisible(e.getValue() == PeerGroup.COMMUNES_OF_DISTRICT);
            // A national board has no province; the province still offers its periods.
            province.setEnabled(e.getValue() == null || !e.getValue().national());
            refresh();
        });
        district.addValueChangeListener(e -> refresh());
        period.addValueChangeListener(e -> refresh());
        rankBy.addValueChangeListener(e -> {
            showColumns();
            refresh();
        });
        structure.addValueChangeListener(e -> {
            structure.setHelperText(e.getValue() == Structure.TODAY ? getTranslation("ranking.structure.note") : "");
            refresh();
        });

        var filters = new HorizontalLayout(province, peers, district, period, rankBy, structure);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("leaderboard-filters");
        // "Theo đơn vị thời kỳ đó" whole, not cut.
        structure.setMinWidth("15em");
        var exports = new HorizontalLayout(download(TableFormat.CSV), download(TableFormat.XLSX));
        add(new H2(getTranslation("ranking.title")), filters, exports, newData, empty, grid);
        // The reader's own peer group first: a department editor's departments, a commune's district.
        var own = leaderboards.readersPeers();
        own.ifPresent(mine -> peers.setValue(mine.group()));
        if (!provinces.isEmpty()) {
            province.setValue(provinces.getFirst());
        }
        own.filter(mine -> mine.group() == PeerGroup.COMMUNES_OF_DISTRICT && mine.rootId() != null)
                .flatMap(mine -> district.getListDataView().getItems()
                        .filter(d -> d.id() == mine.rootId()).findFirst())
                .ifPresent(district::setValue);
        showColumns();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        WindowWidth.follow(attach, this::fitTo);
    }

    /** A phone shows rank, name, score and the chosen group; a tap on a row shows the rest. */
    void fitTo(int windowWidth) {
        boolean phone = WindowWidth.isPhone(windowWidth);
        if (phone != narrow) {
            narrow = phone;
            showColumns();
        }
    }

    private void showColumns() {
        String chosen = rankBy.getValue();
        // A phone's 390 px hold rank, a wrapped name, the score and one group without a sideways scroll.
        nameColumn.setWidth(narrow ? "6rem" : "12rem");
        scoreColumn.setWidth(narrow ? "5.5rem" : "7rem");
        groupColumns.forEach((group, column) -> column.setVisible(!narrow || group.equals(chosen)));
        movementColumn.setVisible(!narrow);
        gapColumn.setVisible(!narrow);
        grid.setDetailsVisibleOnClick(narrow);
        if (!narrow) {
            rows.forEach(row -> grid.setDetailsVisible(row, false));
        }
    }

    private Div details(LeaderboardRow row, Locale locale) {
        var details = new Div();
        details.addClassName("leaderboard-details");
        for (IndexGroup group : groups) {
            details.add(new Span(GroupLabels.of(group.code(), groups, locale) + ": "
                    + Formats.decimal(row.groups().get(group.code()), locale)));
        }
        String movement = movementText(row.movement());
        if (!movement.isEmpty()) {
            details.add(new Span(getTranslation("ranking.column.movement") + ": " + movement));
        }
        if (gaps.containsKey(row.unitId())) {
            details.add(new Span(getTranslation("ranking.column.gap") + ": "
                    + Formats.decimal(gaps.get(row.unitId()), locale)));
        }
        return details;
    }

    private void provinceChanged() {
        RankedUnit chosen = province.getValue();
        if (chosen == null) {
            return;
        }
        district.setItems(leaderboards.districts(chosen.id()));
        List<String> periods = leaderboards.periods(chosen.id());
        period.setItems(periods);
        period.setValue(leaderboards.currentPeriod(periods).orElse(null));
        refresh();
    }

    /** Whether the event changed results this leaderboard ranks: its period, in its province (or any, for provinces). */
    private boolean shows(PortalEvent event) {
        if (!(event instanceof PortalEvent.ResultsChanged(long provinceId, String changedPeriod))
                || !changedPeriod.equals(period.getValue())) {
            return false;
        }
        RankedUnit chosen = province.getValue();
        return peers.getValue() == PeerGroup.PROVINCES || (chosen != null && chosen.id() == provinceId);
    }

    void refresh() {
        newData.setVisible(false);
        PeerGroup peerGroup = peers.getValue();
        @Nullable RankedUnit root = peerGroup == PeerGroup.COMMUNES_OF_DISTRICT ? district.getValue()
                : province.getValue();
        String chosenPeriod = period.getValue();
        if (peerGroup == null || chosenPeriod == null || (!peerGroup.national() && root == null)) {
            rows = List.of();
            gaps = Map.of();
            grid.setItems(rows);
            empty.setText(getTranslation("ranking.choose"));
            return;
        }
        FieldErrors errors = new FieldErrors().field(Period.FIELD, period);
        errors.clear();
        try {
            String group = TOTAL.equals(rankBy.getValue()) ? null : rankBy.getValue();
            rows = leaderboards.leaderboard(peerGroup, peerGroup.national() || root == null ? null : root.id(),
                    chosenPeriod, group, structure.getValue() == null ? Structure.OF_ITS_TIME : structure.getValue());
            gaps = leaderboards.phaseTargetGaps(rows, chosenPeriod, group);
            grid.setItems(rows);
            // An empty board: nobody has a score yet (rather than every unit sharing 1st place).
            empty.setText(rows.isEmpty() ? getTranslation("ranking.noScores", chosenPeriod)
                    : rows.getFirst().rolledUp() ? getTranslation("ranking.rolledUpNote", chosenPeriod) : "");
        } catch (UserError error) {
            errors.show(error);
        }
    }

    /** The unit's name; a new unit ranked with its predecessors' figures says so and names them. */
    String nameText(LeaderboardRow row) {
        return row.combined()
                ? row.unitName() + " (" + getTranslation("ranking.combinedFrom", String.join(", ", row.combinedFrom()))
                        + ")"
                : row.unitName();
    }

    private String scoreText(LeaderboardRow row, Locale locale) {
        String score = Formats.decimal(row.score(), locale);
        if (row.score() == null || row.official()) {
            return score;
        }
        return score + " (" + getTranslation(row.rolledUp() ? "ranking.rolledUp" : "ranking.computed") + ")";
    }

    static String movementText(@Nullable Integer movement) {
        if (movement == null) {
            return "";
        }
        return movement > 0 ? "▲ " + movement : movement < 0 ? "▼ " + (-movement) : "=";
    }

    private Anchor download(TableFormat format) {
        List<String> headers = new ArrayList<>(List.of(getTranslation("ranking.column.rank"),
                getTranslation("ranking.column.code"), getTranslation("ranking.column.unit"),
                getTranslation("ranking.column.score"), getTranslation("ranking.column.official")));
        headers.addAll(groups.stream().map(IndexGroup::code).toList());
        headers.add(getTranslation("ranking.column.previousRank"));
        headers.add(getTranslation("ranking.column.gap"));
        return TableDownload.link(getTranslation("ranking.export", format.extension().toUpperCase(getLocale())),
                format, () -> "bang-xep-hang-" + period.getValue(), getTranslation("ranking.title"), headers,
                writer -> {
                    for (LeaderboardRow row : rows) {
                        List<Object> cells = new ArrayList<>(List.of(row.rank(), row.unitCode(), nameText(row)));
                        cells.add(row.score());
                        cells.add(getTranslation(row.official() ? "ranking.official"
                                : row.rolledUp() ? "ranking.rolledUp" : "ranking.computed"));
                        groups.forEach(g -> cells.add(row.groups().get(g.code())));
                        cells.add(row.previousRank());
                        cells.add(gaps.get(row.unitId()));
                        writer.write(cells);
                    }
                });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ranking.title");
    }
}
