package vn.serviceindex.portal.unit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import vn.serviceindex.portal.audit.service.AuditService;
import vn.serviceindex.portal.audit.ui.HistoryDialog;
import vn.serviceindex.portal.base.events.PortalEvent;
import vn.serviceindex.portal.base.ui.NewDataBanner;
import vn.serviceindex.portal.base.ui.OpenScreens;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.base.ui.WorkspaceSection;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * "My unit": the unit's details, where it sits, its units below, and the places for its plan, targets and results.
 * Opens on the account's own unit; {@code ?unit=ID} opens another readable one.
 */
@Route("")
@PermitAll
@Menu(order = 0, icon = "HOME", title = "nav.workspace")
public class WorkspaceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final UnitService units;
    private final ObjectProvider<WorkspaceSection> sections;
    final ComboBox<OrgUnit> unitPicker = new ComboBox<>();
    final H2 title = new H2();
    final Div details = new Div();
    final Grid<OrgUnit> children = new Grid<>();
    final VerticalLayout content = new VerticalLayout();
    private List<OrgUnit> readable = List.of();

    private final AuditService audit;
    final Button historyButton = new Button();
    private @Nullable OrgUnit shown;

    /** Shown when the unit's results (its province's) or its plan changed elsewhere; one click redraws the cards. */
    final NewDataBanner newData = new NewDataBanner("live.newResults", () -> {
        OrgUnit unit = shown;
        if (unit != null) {
            show(unit);
        }
    });

    WorkspaceView(UnitService units, AuditService audit, ObjectProvider<WorkspaceSection> sections,
                  OpenScreens openScreens) {
        openScreens.watch(this, event -> {
            OrgUnit unit = shown;
            return unit != null && (event instanceof PortalEvent.ResultsChanged changed
                    ? changed.inProvinceOf(unit.path())
                    : event instanceof PortalEvent.PlanChanged plan && plan.unitId() == unit.id());
        }, event -> newData.show());
        this.units = units;
        this.audit = audit;
        this.sections = sections;
        addClassName("workspace-view");

        unitPicker.setLabel(getTranslation("workspace.unitPicker"));
        unitPicker.setItemLabelGenerator(UnitLabels::withCode);
        unitPicker.setWidth("min(100%, 32rem)");
        unitPicker.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                open(event.getValue());
            }
        });

        children.addColumn(OrgUnit::name).setHeader(getTranslation("unit.field.name")).setFlexGrow(3);
        children.addColumn(u -> UnitLabels.level(this, u.level())).setHeader(getTranslation("unit.field.level"));
        children.addColumn(OrgUnit::code).setHeader(getTranslation("unit.field.code"));
        children.setAllRowsVisible(true);
        children.addItemClickListener(click -> open(click.getItem()));

        historyButton.setText(getTranslation("audit.action.history"));
        historyButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        historyButton.addClickListener(click -> {
            if (shown != null) {
                HistoryDialog.open(audit, "org_unit", Long.toString(shown.id()), shown.name());
            }
        });

        content.setPadding(false);
        add(unitPicker, newData, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        readable = units.readableUnits();
        unitPicker.setItems(readable);
        unitPicker.setVisible(readable.size() > 1);
        Optional<Long> requested = event.getLocation().getQueryParameters().getSingleParameter("unit")
                .flatMap(WorkspaceView::parseId);
        try {
            Optional<OrgUnit> unit = requested.isPresent() ? Optional.of(units.get(requested.get()))
                    : units.homeUnit().or(() -> readable.stream().findFirst());
            unit.ifPresentOrElse(this::show, this::showNoUnit);
        } catch (UserError error) {
            Notifications.error(error);
            showRefusal(error);
        }
    }

    private void open(OrgUnit unit) {
        getUI().ifPresent(ui -> ui.navigate(WorkspaceView.class,
                QueryParameters.simple(Map.of("unit", Long.toString(unit.id())))));
    }

    private void show(OrgUnit unit) {
        newData.setVisible(false);
        unitPicker.setValue(unit);
        title.setText(unit.name());
        var locale = getLocale();
        details.removeAll();
        details.addClassName("unit-details");
        details.add(fact("unit.field.level", UnitLabels.level(this, unit.level())),
                fact("unit.field.code", unit.code()),
                fact("unit.field.portalId", unit.portalId() == null ? "–" : unit.portalId().toString()),
                fact("unit.field.validFrom", Formats.date(unit.validFrom(), locale)),
                fact("unit.field.validTo", unit.validTo() == null ? getTranslation("unit.open")
                        : Formats.date(unit.validTo(), locale)),
                fact("unit.field.parent", units.parentName(unit).orElse("–")));

        List<OrgUnit> below = units.childrenOf(unit);
        children.setItems(below);
        content.removeAll();
        shown = unit;
        content.add(title, details, historyButton);
        if (!below.isEmpty()) {
            content.add(new H3(getTranslation("workspace.children", below.size())), children);
        }
        // Features add their cards: the campaign its banner, the plan and its targets; the ranking the results.
        var places = new FlexLayout();
        sections.orderedStream().forEach(section -> section.cardsFor(unit.id()).forEach(places::add));
        places.addClassName("workspace-places");
        places.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        content.add(places);
    }

    private void showNoUnit() {
        content.removeAll();
        content.add(new Paragraph(getTranslation("workspace.noUnit")));
    }

    /** A unit asked for by address that the account may not read, or that does not exist: say so, show nothing. */
    private void showRefusal(UserError error) {
        unitPicker.clear();
        content.removeAll();
        content.add(new Paragraph(getTranslation(error.messageKey(), error.arguments())));
    }

    private Component fact(String labelKey, String value) {
        var label = new Span(getTranslation(labelKey));
        label.addClassName("fact-label");
        var text = new Span(value);
        text.addClassName("fact-value");
        var fact = new Div(label, text);
        fact.addClassName("fact");
        return fact;
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workspace.pageTitle");
    }
}
