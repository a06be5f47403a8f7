package vn.serviceindex.portal.result.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Uploads;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.result.domain.ImportOutcome;
import vn.serviceindex.portal.result.domain.ImportPreview;
import vn.serviceindex.portal.result.domain.PortalWarning;
import vn.serviceindex.portal.result.domain.PreviewRow;
import vn.serviceindex.portal.result.service.PortalImportService;
import vn.serviceindex.portal.result.service.ImportJobs;
import vn.serviceindex.portal.result.service.ResultSheetImportService;

/**
 * The import wizard, two ways in. National portal files: upload a saved evaluation response, read the preview
 * (group detected, units matched, not found or to be created, changes, the portal's warnings), then confirm. Result
 * sheets (CSV, XLSX from the template): see {@link ResultSheetImportPanel}. Nothing is written before the
 * confirmation, and the confirmation writes all of it or nothing.
 */
@Route("imports")
@RolesAllowed({"PROVINCE_MONITOR", "ADMIN"})
@Menu(order = 50, icon = "UPLOAD", title = "nav.imports")
public class PortalImportView extends VerticalLayout implements HasDynamicTitle {

    private final PortalImportService imports;
    final TextField period = new TextField();
    final Checkbox createMissingUnits = new Checkbox();
    final Upload upload;
    final Span detected = new Span();
    final Span summary = new Span();
    final Grid<PreviewRow> units = new Grid<>();
    final H3 warningsTitle = new H3();
    final Grid<PortalWarning> warnings = new Grid<>();
    final Button confirm = new Button();
    final Button cancel = new Button();
    final TabSheet tabs = new TabSheet();
    final ResultSheetImportPanel sheet;
    private byte @Nullable [] content;
    private String fileName = "";

    PortalImportView(PortalImportService imports, ResultSheetImportService sheetImports, ImportJobs importJobs,
                     PortalCalendar calendar) {
        this.imports = imports;
        addClassName("portal-import-view");
        setSizeFull();
        Locale locale = getLocale();

        period.setLabel(getTranslation("result.import.period"));
        period.setHelperText(getTranslation("result.import.period.help"));
        // The portal's yearly index is what provinces import most: last year's on the portal's
        // calendar (the demo's pinned day in 2024 proposes 2023, not the year of the machine's clock).
        period.setValue(Integer.toString(calendar.today().getYear() - 1));
        period.addValueChangeListener(change -> refreshPreview());
        createMissingUnits.setLabel(getTranslation("result.import.createMissingUnits"));
        createMissingUnits.addValueChangeListener(change -> refreshPreview());

        // Reads one byte past the limit at most, so an oversized upload is refused without being held in memory.
        long limit = imports.maxBytes();
        upload = new Upload((UploadHandler) event -> {
            byte[] data;
            try (var in = event.getInputStream()) {
                data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            }
            event.getUI().access(() -> receive(event.getFileName(), data));
        });
        upload.setMaxFiles(1);
        Uploads.translated(upload);
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.maxBytes()));
        upload.setUploadButton(new Button(getTranslation("result.import.upload")));

        units.addColumn(PreviewRow::label).setHeader(getTranslation("result.import.column.code")).setAutoWidth(true);
        units.addColumn(PreviewRow::name).setHeader(getTranslation("result.import.column.name")).setFlexGrow(3)
                .setWidth("12rem");
        units.addColumn(row -> row.level() == null ? "" : getTranslation("unit.level." + row.level().name()))
                .setHeader(getTranslation("result.import.column.level")).setAutoWidth(true);
        units.addColumn(row -> getTranslation("result.import.match." + row.match().name()))
                .setHeader(getTranslation("result.import.column.match")).setAutoWidth(true);
        units.addColumn(row -> row.before() == null ? "" : Formats.decimal(row.before().headlineRate(), locale))
                .setHeader(getTranslation("result.import.column.rateBefore")).setWidth("6.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        units.addColumn(row -> Formats.decimal(row.headlineRate(), locale))
                .setHeader(getTranslation("result.import.column.rate")).setWidth("6.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        units.addColumn(row -> row.before() == null ? "" : Formats.decimal(row.before().officialScore(), locale))
                .setHeader(getTranslation("result.import.column.scoreBefore")).setWidth("6.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        units.addColumn(row -> Formats.decimal(row.line().score(), locale))
                .setHeader(getTranslation("result.import.column.score")).setWidth("6.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        units.addColumn(row -> row.changes() ? getTranslation("result.import.changed") : "")
                .setHeader(getTranslation("result.import.column.change")).setAutoWidth(true);
        units.getColumns().forEach(column -> column.setResizable(true));
        units.setSizeFull();

        warningsTitle.setText(getTranslation("result.import.warnings"));
        warnings.addColumn(PortalWarning::unitName).setHeader(getTranslation("result.import.column.name"))
                .setWidth("12rem").setFlexGrow(2);
        warnings.addColumn(PortalWarning::metricCode).setHeader(getTranslation("result.import.column.metric"));
        warnings.addColumn(PortalWarning::status).setHeader(getTranslation("result.import.column.status"));
        warnings.addColumn(w -> w.message() == null ? "" : w.message())
                .setHeader(getTranslation("result.import.column.message")).setFlexGrow(3);
        warnings.setAllRowsVisible(true);

        confirm.setText(getTranslation("result.import.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> confirmImport());
        cancel.setText(getTranslation("result.import.cancel"));
        cancel.addClickListener(click -> clear());

        var options = new HorizontalLayout(period, createMissingUnits, upload);
        options.setAlignItems(Alignment.BASELINE);
        var portalFile = new VerticalLayout(options, detected, summary, units, warningsTitle, warnings,
                new HorizontalLayout(confirm, cancel));
        portalFile.setPadding(false);
        portalFile.setSizeFull();
        sheet = new ResultSheetImportPanel(sheetImports, importJobs);
        tabs.add(getTranslation("result.import.tab.portal"), portalFile);
        tabs.add(getTranslation("result.import.tab.sheet"), sheet);
        tabs.setSizeFull();
        add(new H2(getTranslation("result.import.title")), tabs);
        clear();
    }

    /** A file arrived from the upload: keep it and show what importing it would do. */
    void receive(String name, byte[] data) {
        fileName = name;
        content = data;
        refreshPreview();
    }

    void refreshPreview() {
        if (content == null) {
            return;
        }
        try {
            show(imports.preview(content, period.getValue(), createMissingUnits.getValue()));
        } catch (UserError error) {
            showNothing();
            Notifications.error(error);
        }
    }

    void confirmImport() {
        if (content == null) {
            return;
        }
        try {
            ImportOutcome outcome = imports.commit(content, fileName, period.getValue(),
                    createMissingUnits.getValue());
            Notifications.success("result.import.done", outcome.group(), outcome.period(), outcome.units(),
                    outcome.created(), outcome.updated(), outcome.unmatched().size());
            clear();
        } catch (UserError error) {
            Notifications.error(error);
        }
    }

    private void show(ImportPreview preview) {
        detected.setText(getTranslation("result.import.detected", preview.groupCode(), preview.period().text(),
                preview.formulaSetName(), fileName)
                + (preview.setCoversPeriod() ? "" : " " + getTranslation("result.import.setNotCovering",
                preview.formulaSetName())));
        summary.setText(getTranslation("result.import.summary", preview.matched().size(), preview.toCreate().size(),
                preview.notFound().size(), preview.changes().size()));
        units.setItems(preview.rows());
        warnings.setItems(preview.warnings());
        warningsTitle.setVisible(!preview.warnings().isEmpty());
        warnings.setVisible(!preview.warnings().isEmpty());
        confirm.setEnabled(preview.importedUnits() > 0);
    }

    private void showNothing() {
        detected.setText("");
        summary.setText(getTranslation("result.import.nothing"));
        units.setItems();
        warnings.setItems();
        warningsTitle.setVisible(false);
        warnings.setVisible(false);
        confirm.setEnabled(false);
    }

    private void clear() {
        content = null;
        fileName = "";
        upload.clearFileList();
        showNothing();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("result.import.title");
    }
}
