package vn.serviceindex.portal.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.account.domain.Account;
import vn.serviceindex.portal.account.domain.AccountDraft;
import vn.serviceindex.portal.account.service.AccountService;
import vn.serviceindex.portal.audit.service.AuditService;
import vn.serviceindex.portal.audit.ui.HistoryDialog;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.FieldErrors;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.security.domain.Role;
import vn.serviceindex.portal.security.domain.RoleAssignment;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.service.UnitService;

/** Accounts: create, disable or enable, reset a password, and grant or revoke roles on units. */
@Route("admin/accounts")
@RolesAllowed("ADMIN")
@Menu(order = 91, icon = "USERS", title = "nav.adminAccounts")
public class AccountAdminView extends VerticalLayout implements HasDynamicTitle {

    private final AccountService accounts;
    private final UnitService units;
    final Grid<Account> grid = new Grid<>();
    final Button createButton = new Button();
    final Button toggleButton = new Button();
    final Button passwordButton = new Button();
    final Button rolesButton = new Button();
    final Button historyButton = new Button();
    final Button unlockButton = new Button();
    @Nullable Dialog openDialog;
    private Map<Long, Instant> locked = Map.of();

    AccountAdminView(AccountService accounts, UnitService units, AuditService audit) {
        this.accounts = accounts;
        this.units = units;
        addClassName("account-admin-view");
        setSizeFull();

        // Widths that leave every name readable (cells wrap, see portal.css); each column can be resized.
        grid.addColumn(Account::username).setHeader(getTranslation("account.field.username")).setSortable(true)
                .setWidth("10rem").setFlexGrow(1);
        grid.addColumn(Account::displayName).setHeader(getTranslation("account.field.displayName")).setFlexGrow(2);
        grid.addColumn(a -> a.homeUnitName() == null ? "" : a.homeUnitName())
                .setHeader(getTranslation("account.field.homeUnit")).setFlexGrow(2);
        grid.addColumn(a -> a.assignments().stream().map(this::describe).collect(Collectors.joining("; ")))
                .setHeader(getTranslation("account.field.roles")).setFlexGrow(3);
        grid.addColumn(this::status).setHeader(getTranslation("account.field.status")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.getColumns().forEach(column -> column.setResizable(true));
        grid.setSizeFull();
        grid.addSelectionListener(selection -> updateButtons());

        createButton.setText(getTranslation("account.action.create"));
        createButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createButton.addClickListener(click -> show(new CreateForm()));
        toggleButton.addClickListener(click -> selected().ifPresent(this::toggleEnabled));
        passwordButton.setText(getTranslation("account.action.resetPassword"));
        passwordButton.addClickListener(click -> selected().ifPresent(a -> show(new PasswordForm(a))));
        rolesButton.setText(getTranslation("account.action.roles"));
        rolesButton.addClickListener(click -> selected().ifPresent(a -> show(new RolesForm(a))));

        unlockButton.setText(getTranslation("account.action.unlock"));
        unlockButton.addClickListener(click -> selected().ifPresent(
                a -> act(() -> accounts.unlock(a.id()), "account.unlocked")));
        historyButton.setText(getTranslation("audit.action.history"));
        historyButton.addClickListener(click -> selected().ifPresent(
                a -> HistoryDialog.open(audit, "account", Long.toString(a.id()), a.username())));

        add(new H2(getTranslation("account.admin.title")),
                new HorizontalLayout(createButton, toggleButton, passwordButton, rolesButton, unlockButton,
                        historyButton), grid);
        refresh();
    }

    void refresh() {
        Optional<Long> keep = selected().map(Account::id);
        List<Account> all = accounts.manageableAccounts();
        locked = accounts.lockedAccounts();
        grid.setItems(all);
        keep.flatMap(id -> all.stream().filter(a -> a.id() == id).findFirst()).ifPresent(grid::select);
        updateButtons();
    }

    private Optional<Account> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void updateButtons() {
        Optional<Account> account = selected();
        toggleButton.setText(getTranslation(account.map(Account::enabled).orElse(true)
                ? "account.action.disable" : "account.action.enable"));
        toggleButton.setEnabled(account.isPresent());
        passwordButton.setEnabled(account.isPresent());
        rolesButton.setEnabled(account.isPresent());
        historyButton.setEnabled(account.isPresent());
        unlockButton.setEnabled(account.map(a -> locked.containsKey(a.id())).orElse(false));
    }

    /** Enabled or disabled, and locked until when after too many failed logins. */
    String status(Account account) {
        String state = getTranslation(account.enabled() ? "account.enabled" : "account.disabled");
        Instant until = locked.get(account.id());
        if (until == null) {
            return state;
        }
        var local = until.atZone(ZoneId.systemDefault());
        String time = DateTimeFormatter.ofPattern("HH:mm").format(local) + " "
                + Formats.date(local.toLocalDate(), getLocale());
        return state + " · " + getTranslation("account.lockedUntil", time);
    }

    private void toggleEnabled(Account account) {
        act(() -> accounts.setEnabled(account.id(), account.version(), !account.enabled()),
                account.enabled() ? "account.disabledNow" : "account.enabledNow");
    }

    String describe(RoleAssignment assignment) {
        String role = getTranslation("role." + assignment.role().name());
        if (assignment.unitName() == null) {
            return role + " – " + getTranslation("account.wholeInstallation");
        }
        return role + " – " + assignment.unitName()
                + (assignment.includeSubtree() ? " " + getTranslation("account.withSubtree") : "");
    }

    /** Runs one change; on success refreshes and says so, on refusal says why and keeps the form open. */
    private boolean act(Supplier<Account> change, String successKey) {
        return act(change, successKey, new FieldErrors());
    }

    /** The same, showing a refusal beside the form's field it names. */
    private boolean act(Supplier<Account> change, String successKey, FieldErrors errors) {
        errors.clear();
        try {
            Account account = change.get();
            Notifications.success(successKey, account.username());
            refresh();
            return true;
        } catch (UserError error) {
            errors.show(error);
            return false;
        }
    }

    private void show(Dialog dialog) {
        openDialog = dialog;
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.admin.title");
    }

    private ComboBox<OrgUnit> unitField(String labelKey) {
        var field = new ComboBox<OrgUnit>(getTranslation(labelKey));
        field.setItems(units.readableUnits().stream().filter(units::mayAdminister).toList());
        field.setItemLabelGenerator(u -> u.name() + " (" + u.code() + ")");
        field.setClearButtonVisible(true);
        return field;
    }

    private Select<String> languageField() {
        var field = new Select<String>();
        field.setLabel(getTranslation("account.field.language"));
        field.setItems("vi", "en");
        field.setItemLabelGenerator(l -> "en".equals(l) ? "English" : "Tiếng Việt");
        field.setValue("vi");
        return field;
    }

    class CreateForm extends Dialog {

        final TextField username = new TextField(getTranslation("account.field.username"));
        final TextField displayName = new TextField(getTranslation("account.field.displayName"));
        final PasswordField password = new PasswordField(getTranslation("account.field.password"));
        final Select<String> language = languageField();
        final ComboBox<OrgUnit> homeUnit = unitField("account.field.homeUnit");
        final Button save = new Button(getTranslation("action.save"));
        private final FieldErrors errors = new FieldErrors().field(AccountDraft.USERNAME, username)
                .field(AccountDraft.DISPLAY_NAME, displayName).field(AccountDraft.PASSWORD, password)
                .field(AccountDraft.HOME_UNIT, homeUnit);

        CreateForm() {
            setHeaderTitle(getTranslation("account.form.createTitle"));
            username.setHelperText(getTranslation("account.field.username.help"));
            password.setHelperText(getTranslation("account.field.password.help"));
            add(new FormLayout(username, displayName, password, language, homeUnit));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(click -> save());
            getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
        }

        void save() {
            var draft = new AccountDraft(username.getValue(), displayName.getValue(), password.getValue(),
                    language.getValue(), homeUnit.getValue() == null ? null : homeUnit.getValue().id());
            if (act(() -> accounts.create(draft), "account.created", errors)) {
                close();
            }
        }
    }

    class PasswordForm extends Dialog {

        final PasswordField password = new PasswordField(getTranslation("account.field.newPassword"));
        final Button save = new Button(getTranslation("action.save"));

        PasswordForm(Account account) {
            setHeaderTitle(getTranslation("account.form.passwordTitle", account.username()));
            password.setHelperText(getTranslation("account.field.password.help"));
            add(password);
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(click -> {
                if (act(() -> accounts.resetPassword(account.id(), account.version(), password.getValue()),
                        "account.passwordReset", new FieldErrors().field(AccountDraft.PASSWORD, password))) {
                    close();
                }
            });
            getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
        }
    }

    class RolesForm extends Dialog {

        final Grid<RoleAssignment> assignments = new Grid<>();
        final Select<Role> role = new Select<>();
        final ComboBox<OrgUnit> unit = unitField("account.field.roleUnit");
        final Checkbox subtree = new Checkbox(getTranslation("account.field.includeSubtree"));
        final Button add = new Button(getTranslation("account.action.grant"));
        private Account account;

        RolesForm(Account account) {
            this.account = account;
            setHeaderTitle(getTranslation("account.form.rolesTitle", account.username()));
            setWidth("min(95vw, 48rem)");
            assignments.addColumn(a -> getTranslation("role." + a.role().name()))
                    .setHeader(getTranslation("account.field.role")).setWidth("9rem").setFlexGrow(1);
            assignments.addColumn(a -> a.unitName() == null ? getTranslation("account.wholeInstallation") : a.unitName())
                    .setHeader(getTranslation("account.field.roleUnit")).setFlexGrow(2);
            assignments.addColumn(a -> a.includeSubtree() ? "✓" : "")
                    .setHeader(getTranslation("account.field.includeSubtree")).setWidth("7rem").setFlexGrow(0);
            assignments.addComponentColumn(a -> new Button(getTranslation("account.action.revoke"), click -> revoke(a)))
                    .setAutoWidth(true).setFlexGrow(0);
            assignments.setAllRowsVisible(true);
            role.setLabel(getTranslation("account.field.role"));
            role.setItems(Role.values());
            role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add.addClickListener(click -> grant());
            add(assignments, new H3(getTranslation("account.form.grantTitle")),
                    new FormLayout(role, unit, subtree), add);
            getFooter().add(new Button(getTranslation("action.close"), click -> close()));
            assignments.setItems(account.assignments());
        }

        void grant() {
            try {
                account = accounts.assignRole(account.id(), role.getValue(),
                        unit.getValue() == null ? null : unit.getValue().id(), subtree.getValue());
                assignments.setItems(account.assignments());
                Notifications.success("account.roleGranted", account.username());
                refresh();
            } catch (UserError error) {
                Notifications.error(error);
            }
        }

        void revoke(RoleAssignment assignment) {
            try {
                account = accounts.revokeRole(account.id(), assignment.id());
                assignments.setItems(account.assignments());
                Notifications.success("account.roleRevoked", account.username());
                refresh();
            } catch (UserError error) {
                Notifications.error(error);
            }
        }
    }
}
