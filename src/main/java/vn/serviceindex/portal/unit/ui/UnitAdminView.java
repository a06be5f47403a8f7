package vn.serviceindex.portal.unit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.audit.service.AuditService;
import vn.serviceindex.portal.audit.ui.HistoryDialog;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.DateFields;
import vn.serviceindex.portal.base.ui.FieldErrors;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.unit.domain.LineageLink;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitDraft;
import vn.serviceindex.portal.unit.domain.UnitLevel;
import vn.serviceindex.portal.unit.service.RestructuringService;
import vn.serviceindex.portal.unit.service.UnitService;

/**
 * Units as a tree: create a unit under the selected one, edit it, or close it from a date; restructure from a file.
 * Each unit shows whether it is closed, and its predecessors and successors with the resolution and date.
 */
@Route("admin/units")
@RolesAllowed("ADMIN")
@Menu(order = 90, icon = "SITEMAP", title = "nav.adminUnits")
public class UnitAdminView extends VerticalLayout implements HasDynamicTitle {

    private final UnitService units;
    final TreeGrid<OrgUnit> tree = new TreeGrid<>();
    final Button createButton = new Button();
    final Button editButton = new Button();
    final Button closeButton = new Button();
    final Button historyButton = new Button();
    final Button restructureButton = new Button();
    private final RestructuringService restructurings;
    /** Each unit's lineage links (as predecessor or successor), for the tree's lineage column. */
    private Map<Long, List<LineageLink>> lineage = Map.of();
    @Nullable UnitForm openForm;
    @Nullable RestructuringDialog openRestructuring;
    @Nullable CloseForm openCloseForm;

    UnitAdminView(UnitService units, AuditService audit, RestructuringService restructurings) {
        this.units = units;
        this.restructurings = restructurings;
        addClassName("unit-admin-view");
        setSizeFull();

        tree.addHierarchyColumn(OrgUnit::name).setHeader(getTranslation("unit.field.name")).setFlexGrow(4);
        tree.addColumn(OrgUnit::code).setHeader(getTranslation("unit.field.code"));
        tree.addColumn(u -> UnitLabels.level(this, u.level())).setHeader(getTranslation("unit.field.level"));
        tree.addColumn(u -> Formats.date(u.validFrom(), getLocale())).setHeader(getTranslation("unit.field.validFrom"));
        tree.addColumn(u -> u.validTo() == null ? "" : Formats.date(u.validTo(), getLocale()))
                .setHeader(getTranslation("unit.field.validTo"));
        tree.addColumn(this::lineageText).setHeader(getTranslation("unit.lineage.column")).setFlexGrow(4);
        tree.setSizeFull();
        tree.addSelectionListener(selection -> updateButtons());

        createButton.setText(getTranslation("unit.action.create"));
        createButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createButton.addClickListener(click -> openCreate());
        editButton.setText(getTranslation("unit.action.edit"));
        editButton.addClickListener(click -> tree.getSelectedItems().stream().findFirst().ifPresent(this::openEdit));
        closeButton.setText(getTranslation("unit.action.close"));
        closeButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        closeButton.addClickListener(click -> tree.getSelectedItems().stream().findFirst().ifPresent(this::openClose));

        historyButton.setText(getTranslation("audit.action.history"));
        historyButton.addClickListener(click -> tree.getSelectedItems().stream().findFirst().ifPresent(
                unit -> HistoryDialog.open(audit, "org_unit", Long.toString(unit.id()), unit.name())));

        restructureButton.setText(getTranslation("unit.restructuring.action.open"));
        restructureButton.addClickListener(click -> {
            openRestructuring = new RestructuringDialog(restructurings, this::refresh);
            openRestructuring.open();
        });

        add(new H2(getTranslation("unit.admin.title")),
                new HorizontalLayout(createButton, editButton, closeButton, historyButton, restructureButton), tree);
        refresh();
    }

    void refresh() {
        List<OrgUnit> all = units.readableUnits();
        Map<Long, OrgUnit> byId = all.stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        Map<Long, List<LineageLink>> links = new java.util.HashMap<>();
        for (LineageLink link : restructurings.lineageOf(byId.keySet())) {
            links.computeIfAbsent(link.predecessorId(), id -> new java.util.ArrayList<>()).add(link);
            links.computeIfAbsent(link.successorId(), id -> new java.util.ArrayList<>()).add(link);
        }
        lineage = links;
        var data = new TreeData<OrgUnit>();
        // Rows come parents first (see UnitRepository.readable), so every parent is in the tree before its children.
        for (OrgUnit unit : all) {
            OrgUnit parent = unit.parentId() == null ? null : byId.get(unit.parentId());
            data.addItem(parent, unit);
        }
        tree.setDataProvider(new TreeDataProvider<>(data));
        all.stream().filter(u -> u.parentId() == null || !byId.containsKey(u.parentId()))
                .forEach(root -> tree.expand(root));
        updateButtons();
    }

    /** "Closed from …", then where the unit came from and what it became, with the resolution and date. */
    String lineageText(OrgUnit unit) {
        List<String> parts = new java.util.ArrayList<>();
        if (unit.validTo() != null) {
            parts.add(getTranslation("unit.lineage.closed", Formats.date(unit.validTo(), getLocale())));
        }
        for (LineageLink link : lineage.getOrDefault(unit.id(), List.of())) {
            String date = Formats.date(link.effectiveDate(), getLocale());
            if (link.successorId() == unit.id()) {
                parts.add(getTranslation("unit.lineage.from", link.predecessorCode() + " " + link.predecessorName(),
                        link.resolutionNumber(), date));
            } else {
                parts.add(getTranslation("unit.lineage.into", link.successorCode() + " " + link.successorName(),
                        link.resolutionNumber(), date));
            }
        }
        return String.join(" · ", parts);
    }

    private void updateButtons() {
        boolean selected = !tree.getSelectedItems().isEmpty();
        editButton.setEnabled(selected);
        historyButton.setEnabled(selected);
        closeButton.setEnabled(selected && tree.getSelectedItems().iterator().next().validTo() == null);
    }

    private void openCreate() {
        OrgUnit parent = tree.getSelectedItems().stream().findFirst().orElse(null);
        openForm = new UnitForm(null, parent);
        openForm.open();
    }

    private void openEdit(OrgUnit unit) {
        openForm = new UnitForm(unit, null);
        openForm.open();
    }

    private void openClose(OrgUnit unit) {
        openCloseForm = new CloseForm(unit);
        openCloseForm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unit.admin.title");
    }

    /** Create (under a parent, or a new province) or edit one unit. */
    class UnitForm extends Dialog {

        final TextField code = new TextField(getTranslation("unit.field.code"));
        final TextField name = new TextField(getTranslation("unit.field.name"));
        final TextField portalId = new TextField(getTranslation("unit.field.portalId"));
        final Select<UnitLevel> level = new Select<>();
        final DatePicker validFrom = DateFields.datePicker(getTranslation("unit.field.validFrom"));
        final Button save = new Button(getTranslation("action.save"));
        private final FieldErrors errors = new FieldErrors();
        private final @Nullable OrgUnit editing;
        private final @Nullable OrgUnit parent;

        UnitForm(@Nullable OrgUnit editing, @Nullable OrgUnit parent) {
            this.editing = editing;
            this.parent = parent;
            setHeaderTitle(editing != null ? getTranslation("unit.form.editTitle", editing.name())
                    : parent != null ? getTranslation("unit.form.createUnder", parent.name())
                    : getTranslation("unit.form.createProvince"));
            level.setLabel(getTranslation("unit.field.level"));
            level.setItemLabelGenerator(l -> UnitLabels.level(UnitAdminView.this, l));
            List<UnitLevel> allowed = parent == null ? List.of(UnitLevel.PROVINCE)
                    : Arrays.stream(UnitLevel.values()).filter(l -> l.mayHaveParent(parent.level())).toList();
            level.setItems(editing != null ? List.of(editing.level()) : allowed);
            level.setEnabled(editing == null);
            code.setMaxLength(64);
            code.setRequiredIndicatorVisible(true);
            name.setMaxLength(500);
            name.setRequiredIndicatorVisible(true);
            portalId.setHelperText(getTranslation("unit.field.portalId.help"));
            validFrom.setRequiredIndicatorVisible(true);
            if (editing != null) {
                code.setValue(editing.code());
                name.setValue(editing.name());
                portalId.setValue(editing.portalId() == null ? "" : editing.portalId().toString());
                level.setValue(editing.level());
                validFrom.setValue(editing.validFrom());
            } else {
                level.setValue(allowed.isEmpty() ? null : allowed.getFirst());
                validFrom.setValue(units.today());
            }
            errors.field(UnitDraft.CODE, code).field(UnitDraft.NAME, name).field(UnitDraft.LEVEL, level)
                    .field(UnitDraft.VALID_FROM, validFrom);
            var form = new FormLayout(code, name, level, portalId, validFrom);
            form.setColspan(name, 2);
            add(form);
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(click -> save());
            getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
        }

        void save() {
            errors.clear();
            UUID portal;
            try {
                portal = portalId.getValue().isBlank() ? null : UUID.fromString(portalId.getValue().strip());
                portalId.setInvalid(false);
            } catch (IllegalArgumentException e) {
                portalId.setErrorMessage(getTranslation("unit.error.portalIdFormat"));
                portalId.setInvalid(true);
                return;
            }
            var draft = new UnitDraft(code.getValue(), portal, name.getValue(), level.getValue(),
                    editing != null ? editing.parentId() : parent == null ? null : parent.id(), validFrom.getValue());
            try {
                OrgUnit saved = editing == null ? units.create(draft)
                        : units.update(editing.id(), editing.version(), draft);
                Notifications.success("unit.saved", saved.name());
                close();
                refresh();
            } catch (UserError error) {
                errors.show(error);
            }
        }
    }

    /** Close a unit from a date: it stays in the history and in the campaigns that ran on it. */
    class CloseForm extends Dialog {

        final DatePicker validTo = DateFields.datePicker(getTranslation("unit.field.validTo"));
        final Button confirm = new Button(getTranslation("unit.action.close"));
        private final OrgUnit unit;

        CloseForm(OrgUnit unit) {
            this.unit = unit;
            setHeaderTitle(getTranslation("unit.form.closeTitle", unit.name()));
            validTo.setValue(units.today());
            add(validTo);
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            confirm.addClickListener(click -> confirm());
            getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), confirm);
        }

        void confirm() {
            if (validTo.getValue() == null) {
                validTo.setErrorMessage(getTranslation("unit.error.validToRequired"));
                validTo.setInvalid(true);
                return;
            }
            try {
                units.close(unit.id(), unit.version(), validTo.getValue());
                Notifications.success("unit.closed", unit.name());
                close();
                refresh();
            } catch (UserError error) {
                new FieldErrors().field(UnitDraft.VALID_TO, validTo).show(error);
            }
        }
    }
}
