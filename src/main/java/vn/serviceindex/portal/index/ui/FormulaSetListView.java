package vn.serviceindex.portal.index.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.base.ui.DateFields;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.index.domain.FormulaSetSummary;
import vn.serviceindex.portal.index.domain.StoredFormulaSet;
import vn.serviceindex.portal.index.service.FormulaRefusal;
import vn.serviceindex.portal.index.service.FormulaSetService;

/**
 * The formula sets: copy one into a new draft, edit a draft, activate a draft from a date. Active sets are frozen
 * (they have scored results); they open read-only.
 */
@Route("admin/formulas")
@RolesAllowed("ADMIN")
@Menu(order = 92, icon = "ABACUS", title = "nav.adminFormulas")
public class FormulaSetListView extends VerticalLayout implements HasDynamicTitle {


    private final FormulaSetService formulaSets;
    final Grid<FormulaSetSummary> grid = new Grid<>();
    final Button copyButton = new Button();
    final Button openButton = new Button();
    final Button activateButton = new Button();
    @Nullable Dialog openDialog;

    FormulaSetListView(FormulaSetService formulaSets) {
        this.formulaSets = formulaSets;
        addClassName("formula-set-list-view");
        setSizeFull();

        grid.addColumn(FormulaSetSummary::name).setHeader(getTranslation("formula.field.name")).setFlexGrow(2);
        grid.addColumn(s -> Formats.date(s.validFrom(), getLocale()))
                .setHeader(getTranslation("formula.field.validFrom"));
        grid.addColumn(this::status).setHeader(getTranslation("formula.field.status")).setAutoWidth(true);
        grid.addColumn(FormulaSetSummary::notes).setHeader(getTranslation("formula.field.notes")).setFlexGrow(4);
        grid.setSizeFull();
        grid.addSelectionListener(selection -> updateButtons());
        grid.addItemDoubleClickListener(click -> open(click.getItem()));

        copyButton.setText(getTranslation("formula.action.copy"));
        copyButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        copyButton.addClickListener(click -> selected().ifPresent(s -> show(new CopyForm(s))));
        openButton.addClickListener(click -> selected().ifPresent(this::open));
        activateButton.setText(getTranslation("formula.action.activate"));
        activateButton.addClickListener(click -> selected().ifPresent(s -> show(new ActivateForm(s))));

        add(new H2(getTranslation("formula.list.title")), new Paragraph(getTranslation("formula.list.help")),
                new HorizontalLayout(copyButton, openButton, activateButton), grid);
        refresh(null);
    }

    void refresh(@Nullable Long select) {
        List<FormulaSetSummary> all = formulaSets.list();
        grid.setItems(all);
        Long keep = select != null ? select : selected().map(FormulaSetSummary::id).orElse(null);
        all.stream().filter(s -> keep != null && s.id() == keep).findFirst().ifPresent(grid::select);
        updateButtons();
    }

    String status(FormulaSetSummary set) {
        if (!set.active()) {
            return getTranslation("formula.status.draft");
        }
        return set.activatedFrom() == null ? getTranslation("formula.status.active")
                : getTranslation("formula.status.activeSince",
                        Formats.date(set.activatedFrom().atZone(PortalCalendar.ZONE).toLocalDate(), getLocale()));
    }

    private Optional<FormulaSetSummary> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void updateButtons() {
        Optional<FormulaSetSummary> set = selected();
        boolean mayEdit = formulaSets.mayEdit();
        boolean draft = set.map(s -> !s.active()).orElse(false);
        copyButton.setEnabled(mayEdit && set.isPresent());
        openButton.setText(getTranslation(set.isPresent() && !draft ? "formula.action.view" : "formula.action.edit"));
        openButton.setEnabled(set.isPresent());
        activateButton.setEnabled(mayEdit && draft);
    }

    private void open(FormulaSetSummary set) {
        getUI().ifPresent(ui -> ui.navigate(FormulaSetEditorView.class, FormulaSetEditorView.parameters(set.id())));
    }

    private void show(Dialog dialog) {
        openDialog = dialog;
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("formula.list.title");
    }

    /** Copies a set into a new draft under a new name. */
    class CopyForm extends Dialog {

        final TextField name = new TextField(getTranslation("formula.field.newName"));
        final Button confirm = new Button(getTranslation("formula.action.copy"));
        final FormulaProblemList problems = new FormulaProblemList();
        private final FormulaSetSummary source;

        CopyForm(FormulaSetSummary source) {
            this.source = source;
            setHeaderTitle(getTranslation("formula.form.copyTitle", source.name()));
            name.setValue(getTranslation("formula.form.copyName", source.name()));
            name.setMaxLength(100);
            name.setRequiredIndicatorVisible(true);
            name.setWidthFull();
            add(name, problems);
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.addClickListener(click -> confirm());
            getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), confirm);
        }

        void confirm() {
            try {
                StoredFormulaSet copy = formulaSets.copy(source.id(), name.getValue());
                Notifications.success("formula.copied", source.name(), copy.name());
                close();
                refresh(copy.id());
            } catch (FormulaRefusal refusal) {
                problems.show(refusal.problems());
                Notifications.error(refusal);
            } catch (UserError error) {
                Notifications.error(error);
            }
        }
    }

    /** Activates a draft from a day on; sets active before keep scoring their earlier periods. */
    class ActivateForm extends Dialog {

        final DatePicker validFrom = DateFields.datePicker(getTranslation("formula.field.activeFrom"));
        final Button confirm = new Button(getTranslation("formula.action.activate"));
        final FormulaProblemList problems = new FormulaProblemList();
        private final FormulaSetSummary draft;

        ActivateForm(FormulaSetSummary draft) {
            this.draft = draft;
            setHeaderTitle(getTranslation("formula.form.activateTitle", draft.name()));
            validFrom.setValue(draft.validFrom());
            validFrom.setRequiredIndicatorVisible(true);
            add(new Paragraph(getTranslation("formula.form.activateHelp", draft.name())), validFrom, problems);
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.addClickListener(click -> confirm());
            getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), confirm);
        }

        void confirm() {
            if (validFrom.getValue() == null) {
                validFrom.setErrorMessage(getTranslation("formula.error.validFromRequired"));
                validFrom.setInvalid(true);
                return;
            }
            try {
                StoredFormulaSet active = formulaSets.activate(draft.id(), draft.version(), validFrom.getValue());
                Notifications.success("formula.activated", active.name(),
                        Formats.date(active.summary().validFrom(), getLocale()));
                close();
                refresh(active.id());
            } catch (FormulaRefusal refusal) {
                problems.show(refusal.problems());
                Notifications.error(refusal);
            } catch (UserError error) {
                Notifications.error(error);
            }
        }
    }
}
