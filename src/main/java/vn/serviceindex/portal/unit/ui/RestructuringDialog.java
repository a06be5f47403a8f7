package vn.serviceindex.portal.unit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.base.ui.Uploads;
import vn.serviceindex.portal.unit.domain.AccountOnClosedUnit;
import vn.serviceindex.portal.unit.domain.Restructuring;
import vn.serviceindex.portal.unit.domain.RestructuringPlan;
import vn.serviceindex.portal.unit.domain.RestructuringProblem;
import vn.serviceindex.portal.unit.domain.RestructuringSheetReader;
import vn.serviceindex.portal.unit.domain.RestructuringTemplate;
import vn.serviceindex.portal.unit.service.RestructuringOutcome;
import vn.serviceindex.portal.unit.service.RestructuringPreview;
import vn.serviceindex.portal.unit.service.RestructuringService;

/**
 * A restructuring file uploaded, previewed (every problem by row and column, the new units, the accounts to move)
 * and recorded; and the restructurings so far, each undoable while its new units hold no result.
 */
class RestructuringDialog extends Dialog {

    private final RestructuringService restructurings;
    private final Runnable onChange;
    final Upload upload;
    final Paragraph summary = new Paragraph();
    final Grid<RestructuringProblem> problems = new Grid<>();
    final Grid<RestructuringPlan.NewUnit> newUnits = new Grid<>();
    final Paragraph accountsTitle = new Paragraph();
    final Grid<AccountOnClosedUnit> accounts = new Grid<>();
    final Button commit = new Button();
    final Grid<Restructuring> recorded = new Grid<>();
    private @Nullable String fileName;
    private byte @Nullable [] content;

    RestructuringDialog(RestructuringService restructurings, Runnable onChange) {
        this.restructurings = restructurings;
        this.onChange = onChange;
        setHeaderTitle(getTranslation("unit.restructuring.title"));
        setWidth("90vw");

        long limit = RestructuringSheetReader.MAX_BYTES;
        upload = new Upload((UploadHandler) event -> {
            byte[] data;
            try (var in = event.getInputStream()) {
                data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            }
            event.getUI().access(() -> receive(event.getFileName(), data));
        });
        upload.setMaxFiles(1);
        Uploads.translated(upload);
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setUploadButton(new Button(getTranslation("unit.restructuring.upload")));

        DownloadHandler template = event -> {
            event.setFileName("mau-sap-xep-don-vi.csv");
            event.setContentType("text/csv");
            event.getOutputStream().write(RestructuringTemplate.CSV.getBytes(StandardCharsets.UTF_8));
        };
        var templateLink = new Anchor(template, getTranslation("unit.restructuring.template"));
        templateLink.getElement().setAttribute("download", true);

        problems.addColumn(RestructuringProblem::row).setHeader(getTranslation("unit.restructuring.column.row"))
                .setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(RestructuringProblem::column)
                .setHeader(getTranslation("unit.restructuring.column.column")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.arguments().toArray()))
                .setHeader(getTranslation("unit.restructuring.column.problem")).setFlexGrow(1);
        problems.setAllRowsVisible(true);

        newUnits.addColumn(RestructuringPlan.NewUnit::row).setHeader(getTranslation("unit.restructuring.column.row"))
                .setAutoWidth(true).setFlexGrow(0);
        newUnits.addColumn(u -> u.code() + " " + u.name())
                .setHeader(getTranslation("unit.restructuring.column.newUnit"));
        newUnits.addColumn(u -> u.predecessors().stream().map(l -> l.predecessor().code() + " "
                        + l.predecessor().name() + (l.share() == null ? "" : " (" + Formats.decimal(l.share().doubleValue(),
                        getLocale()) + " %)")).collect(Collectors.joining("; ")))
                .setHeader(getTranslation("unit.restructuring.column.oldUnits"));
        newUnits.addColumn(u -> u.predecessors().isEmpty() ? "" : getTranslation("unit.restructuring.kind."
                + u.predecessors().getFirst().kind().name())).setHeader(
                getTranslation("unit.restructuring.column.kind")).setAutoWidth(true);
        newUnits.setAllRowsVisible(true);

        accountsTitle.setText(getTranslation("unit.restructuring.accountsToMove"));
        accounts.addColumn(a -> a.displayName() + " (" + a.username() + ")");
        accounts.addColumn(a -> a.role() == null ? getTranslation("unit.restructuring.homeUnit")
                : getTranslation("role." + a.role()));
        accounts.addColumn(a -> a.unitCode() + " " + a.unitName());
        accounts.setAllRowsVisible(true);

        commit.setText(getTranslation("unit.restructuring.action.commit"));
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.addClickListener(click -> commit());

        recorded.addColumn(r -> r.resolutionNumber() + " (" + Formats.date(r.resolutionDate(), getLocale()) + ")")
                .setHeader(getTranslation("unit.restructuring.column.resolution"));
        recorded.addColumn(r -> Formats.date(r.effectiveDate(), getLocale()))
                .setHeader(getTranslation("unit.restructuring.column.effective"));
        recorded.addColumn(r -> (r.recordedBy() == null ? "" : r.recordedBy() + ", ")
                        + Formats.dateTime(r.recordedAt(), getLocale()) + " (" + r.fileName() + ")")
                .setHeader(getTranslation("unit.restructuring.column.recorded"));
        recorded.addColumn(r -> getTranslation(r.undone() ? "unit.restructuring.status.undone"
                : "unit.restructuring.status.recorded")).setHeader(getTranslation("unit.restructuring.column.status"));
        recorded.addComponentColumn(r -> {
            var undo = new Button(getTranslation("unit.restructuring.action.undo"), click -> undo(r));
            undo.setEnabled(!r.undone());
            return undo;
        }).setKey("undo");
        recorded.setAllRowsVisible(true);

        add(new HorizontalLayout(upload, templateLink), summary, problems, newUnits, accountsTitle, accounts,
                commit, new H3(getTranslation("unit.restructuring.title")), recorded);
        getFooter().add(new Button(getTranslation("action.close"), click -> close()));
        showNothing();
        refreshRecorded();
    }

    /** A file arrived from the upload: show what recording it would do. */
    void receive(String name, byte[] data) {
        fileName = name;
        content = data;
        try {
            show(restructurings.preview(name, data));
        } catch (UserError error) {
            showNothing();
            Notifications.error(error);
        }
    }

    void commit() {
        if (content == null || fileName == null) {
            return;
        }
        try {
            RestructuringOutcome outcome = restructurings.commit(fileName, content);
            Notifications.success("unit.restructuring.committed", outcome.opened(), outcome.closed());
            content = null;
            upload.clearFileList();
            showNothing();
            accounts.setItems(outcome.accountsToMove());
            accountsTitle.setVisible(!outcome.accountsToMove().isEmpty());
            accounts.setVisible(!outcome.accountsToMove().isEmpty());
            refreshRecorded();
            onChange.run();
        } catch (UserError error) {
            Notifications.error(error);
        }
    }

    void undo(Restructuring restructuring) {
        try {
            restructurings.undo(restructuring.id());
            Notifications.success("unit.restructuring.undone", restructuring.resolutionNumber());
            refreshRecorded();
            onChange.run();
        } catch (UserError error) {
            Notifications.error(error);
        }
    }

    private void show(RestructuringPreview preview) {
        RestructuringPlan plan = preview.plan();
        boolean ok = plan.committable();
        problems.setItems(plan.problems());
        problems.setVisible(!ok);
        if (ok) {
            int opened = plan.restructurings().stream().mapToInt(p -> p.units().size()).sum();
            int closing = plan.restructurings().stream().mapToInt(p -> p.closing().size()).sum();
            summary.setText(getTranslation("unit.restructuring.ready", opened, closing,
                    Formats.date(plan.restructurings().getFirst().effectiveDate(), getLocale())));
        } else {
            summary.setText(getTranslation("unit.restructuring.problems", plan.problems().size()));
        }
        newUnits.setItems(plan.restructurings().stream().flatMap(p -> p.units().stream()).toList());
        newUnits.setVisible(ok);
        accounts.setItems(preview.accountsToMove());
        accountsTitle.setVisible(!preview.accountsToMove().isEmpty());
        accounts.setVisible(!preview.accountsToMove().isEmpty());
        commit.setEnabled(ok);
    }

    private void showNothing() {
        summary.setText("");
        problems.setItems();
        problems.setVisible(false);
        newUnits.setItems();
        newUnits.setVisible(false);
        accounts.setItems();
        accountsTitle.setVisible(false);
        accounts.setVisible(false);
        commit.setEnabled(false);
    }

    private void refreshRecorded() {
        recorded.setItems(restructurings.readable());
    }
}
