package vn.serviceindex.portal.result.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.export.TableFormat;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Uploads;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.result.domain.SheetOutcome;
import vn.serviceindex.portal.result.domain.SheetPreview;
import vn.serviceindex.portal.result.domain.SheetPreviewRow;
import vn.serviceindex.portal.result.domain.SheetProblem;
import vn.serviceindex.portal.result.service.ImportJob;
import vn.serviceindex.portal.result.service.ImportJobs;
import vn.serviceindex.portal.result.service.ResultSheetImportService;
import vn.serviceindex.portal.unit.domain.OrgUnit;

/**
 * The second way into the import page: a result sheet (CSV or XLSX) filled in from the template. Choose the
 * province, upload, read the preview (units matched by code, codes not found, changes, rows per period and group,
 * every problem of the file by row and column), then confirm. Nothing is written before the confirmation, and the
 * confirmation writes all of it or nothing.
 */
class ResultSheetImportPanel extends VerticalLayout {

    private final ResultSheetImportService imports;
    final ComboBox<OrgUnit> province = new ComboBox<>();
    final Anchor csvTemplate;
    final Anchor xlsxTemplate;
    final Upload upload;
    final Span detected = new Span();
    final Span summary = new Span();
    final Span notFound = new Span();
    final VerticalLayout periodsAndGroups = new VerticalLayout();
    final H3 problemsTitle = new H3();
    final Grid<SheetProblem> problems = new Grid<>();
    final Span moreProblems = new Span();
    final Grid<SheetPreviewRow> rows = new Grid<>();
    final Button confirm = new Button();
    final Button cancel = new Button();
    private byte @Nullable [] content;
    private String fileName = "";

    final ImportProgressPanel progress = new ImportProgressPanel();
    /** Sheets with at least this many rows to write are imported in the background, with a progress bar. */
    int backgroundFrom = BACKGROUND_FROM;
    static final int BACKGROUND_FROM = 2000;
    private final ImportJobs jobs;
    private int rowsToWrite;

    ResultSheetImportPanel(ResultSheetImportService imports, ImportJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
        addClassName("result-sheet-import");
        setPadding(false);
        setSizeFull();
        Locale locale = getLocale();
        long maxMegabytes = imports.maxBytes() / (1024 * 1024);

        csvTemplate = template(TableFormat.CSV, locale);
        xlsxTemplate = template(TableFormat.XLSX, locale);

        province.setLabel(getTranslation("result.sheet.province"));
        province.setItemLabelGenerator(unit -> unit.name() + " (" + unit.code() + ")");
        List<OrgUnit> provinces = imports.provinces();
        province.setItems(provinces);
        if (provinces.size() == 1) {
            province.setValue(provinces.getFirst());
        }
        province.addValueChangeListener(change -> refreshPreview());

        // Refuses an upload announced above the limit unread; otherwise reads one byte past the limit at most.
        long limit = imports.maxBytes();
        upload = new Upload((UploadHandler) event -> {
            if (event.getFileSize() > limit) {
                event.getUI().access(() -> {
                    clear();
                    Notifications.error(new UserError("result.import.error.tooLarge", maxMegabytes));
                });
                return;
            }
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
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limit));
        upload.setUploadButton(new Button(getTranslation("result.sheet.upload")));

        problemsTitle.setText(getTranslation("result.sheet.problems"));
        problems.addColumn(SheetProblem::row).setHeader(getTranslation("result.sheet.column.row")).setAutoWidth(true)
                .setFlexGrow(0);
        problems.addColumn(SheetProblem::column).setHeader(getTranslation("result.sheet.column.column"))
                .setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.arguments().toArray()))
                .setHeader(getTranslation("result.sheet.column.problem")).setFlexGrow(1);
        problems.setAllRowsVisible(true);

        rows.addColumn(r -> r.line().row()).setHeader(getTranslation("result.sheet.column.row")).setAutoWidth(true)
                .setFlexGrow(0);
        rows.addColumn(r -> r.line().unitCode()).setHeader(getTranslation("result.sheet.column.code"))
                .setAutoWidth(true);
        rows.addColumn(r -> r.matched() ? r.unitName() : getTranslation("result.sheet.notFoundUnit"))
                .setHeader(getTranslation("result.sheet.column.unit")).setFlexGrow(3);
        rows.addColumn(r -> r.line().period().text()).setHeader(getTranslation("result.sheet.column.period"))
                .setAutoWidth(true);
        rows.addColumn(r -> r.line().groupCode()).setHeader(getTranslation("result.sheet.column.group"))
                .setAutoWidth(true);
        rows.addColumn(r -> r.before() == null ? "" : Formats.decimal(r.before().headlineRate(), locale))
                .setHeader(getTranslation("result.import.column.rateBefore"));
        rows.addColumn(r -> Formats.decimal(r.line().rate(), locale))
                .setHeader(getTranslation("result.import.column.rate"));
        rows.addColumn(r -> r.before() == null ? "" : Formats.decimal(r.before().officialScore(), locale))
                .setHeader(getTranslation("result.import.column.scoreBefore"));
        rows.addColumn(r -> Formats.decimal(r.line().score(), locale))
                .setHeader(getTranslation("result.import.column.score"));
        rows.addColumn(r -> r.changes() ? getTranslation("result.import.changed") : "")
                .setHeader(getTranslation("result.import.column.change")).setAutoWidth(true);
        rows.setSizeFull();
        periodsAndGroups.setPadding(false);
        periodsAndGroups.setSpacing(false);

        confirm.setText(getTranslation("result.import.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> confirmImport());
        cancel.setText(getTranslation("result.import.cancel"));
        cancel.addClickListener(click -> clear());

        var templates = new HorizontalLayout(csvTemplate, xlsxTemplate);
        var options = new HorizontalLayout(province, upload);
        options.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Paragraph(getTranslation("result.sheet.intro", maxMegabytes)), templates, options, detected,
                summary, notFound, periodsAndGroups, problemsTitle, problems, moreProblems, rows,
                new HorizontalLayout(confirm, cancel), progress);
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
        if (province.getValue() == null) {
            refuse(new UserError("result.sheet.error.noProvince"));
            return;
        }
        try {
            show(imports.preview(province.getValue().id(), fileName, content));
        } catch (UserError error) {
            refuse(error);
        }
    }

    void confirmImport() {
        if (content == null || province.getValue() == null) {
            return;
        }
        long provinceId = province.getValue().id();
        byte[] data = content;
        String name = fileName;
        try {
            if (rowsToWrite < backgroundFrom) {
                done(imports.commit(provinceId, name, data), name);
                return;
            }
            ImportJob<SheetOutcome> job = jobs.start(written -> imports.commit(provinceId, name, data, written));
            setWizardEnabled(false);
            progress.follow(job, outcome -> done(outcome, name), () -> setWizardEnabled(true));
        } catch (UserError error) {
            Notifications.error(error);
        }
    }

    private void done(SheetOutcome outcome, String name) {
        Notifications.success("result.sheet.done", outcome.rows(), outcome.units(), name, outcome.updated(),
                outcome.notFound().size());
        clear();
    }

    /** While an import runs in the background, the file and province stay as they are. */
    private void setWizardEnabled(boolean enabled) {
        province.setEnabled(enabled);
        upload.setEnabled(enabled);
        confirm.setEnabled(enabled && content != null);
        cancel.setEnabled(enabled);
    }

    private void show(SheetPreview preview) {
        detected.setText(getTranslation("result.sheet.detected", preview.fileName(), preview.format().name(),
                preview.provinceName()));
        summary.setText(getTranslation("result.sheet.summary", preview.rows().size(), preview.matched().size(),
                preview.changes().size(), preview.notFound().size(), preview.problemCount()));
        notFound.setText(preview.notFound().isEmpty() ? "" : getTranslation("result.sheet.notFound",
                preview.provinceName(), String.join(", ", preview.notFound())));
        notFound.setVisible(!preview.notFound().isEmpty());
        periodsAndGroups.removeAll();
        preview.periodsAndGroups().forEach(pg -> periodsAndGroups.add(new Span(
                getTranslation("result.sheet.periodGroup", pg.period(), pg.groupCode(), pg.rows(), pg.formulaSetName())
                        + (pg.setCoversPeriod() ? "" : " — " + getTranslation("result.sheet.setNotCovering",
                        pg.formulaSetName())))));
        problems.setItems(preview.problems());
        problemsTitle.setVisible(preview.hasProblems());
        problems.setVisible(preview.hasProblems());
        int more = preview.problemCount() - preview.problems().size();
        moreProblems.setText(more > 0 ? getTranslation("result.sheet.moreProblems", more) : "");
        moreProblems.setVisible(more > 0);
        rows.setItems(preview.rows());
        rowsToWrite = preview.matched().size();
        confirm.setEnabled(preview.importable());
    }

    private void refuse(UserError error) {
        showNothing();
        Notifications.error(error);
    }

    private void showNothing() {
        detected.setText("");
        summary.setText(getTranslation("result.sheet.nothing"));
        notFound.setText("");
        notFound.setVisible(false);
        periodsAndGroups.removeAll();
        problems.setItems();
        problemsTitle.setVisible(false);
        problems.setVisible(false);
        moreProblems.setText("");
        moreProblems.setVisible(false);
        rows.setItems();
        confirm.setEnabled(false);
    }

    private void clear() {
        content = null;
        fileName = "";
        upload.clearFileList();
        showNothing();
    }

    private Anchor template(TableFormat format, Locale locale) {
        DownloadHandler handler = event -> {
            event.setFileName("mau-nhap-ket-qua." + format.extension());
            event.setContentType(format.contentType());
            imports.writeTemplate(format, event.getOutputStream());
        };
        var anchor = new Anchor(handler, getTranslation("result.sheet.template",
                format.extension().toUpperCase(locale)));
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }
}
