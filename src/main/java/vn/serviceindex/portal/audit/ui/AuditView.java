package vn.serviceindex.portal.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.serviceindex.portal.audit.domain.AuditChange;
import vn.serviceindex.portal.audit.domain.AuditQuery;
import vn.serviceindex.portal.audit.domain.AuditRecord;
import vn.serviceindex.portal.audit.domain.ChainVerdict;
import vn.serviceindex.portal.audit.domain.Checkpoint;
import vn.serviceindex.portal.audit.domain.UnitChoice;
import vn.serviceindex.portal.audit.service.AuditService;
import vn.serviceindex.portal.base.export.TableFormat;
import vn.serviceindex.portal.base.ui.DateFields;
import vn.serviceindex.portal.base.ui.PortalTranslations;
import vn.serviceindex.portal.base.ui.TableDownload;

/**
 * The auditor's screen: search the change history by unit (with its subtree), account, entity, field and
 * period, one line per change (expand it for every field); open a thing's timeline; export what was found with its
 * technical columns and a signed checkpoint; check the keyed chain.
 */
@Route("audit")
@RolesAllowed({"AUDITOR", "ADMIN"})
@Menu(order = 80, icon = "BOOK", title = "nav.audit")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    /** The tables whose history the search offers by name; others are still found without this filter. */
    static final List<String> ENTITIES = List.of("org_unit", "account", "role_assignment", "formula_set",
            "index_group", "metric", "metric_term", "campaign", "campaign_group_rule", "campaign_baseline",
            "unit_plan", "plan_phase", "plan_target", "plan_task", "plan_transition", "result", "result_group",
            "portal_import");

    private final AuditService audit;
    final ComboBox<UnitChoice> unit = new ComboBox<>();
    final Checkbox subtree = new Checkbox();
    final TextField actor = new TextField();
    final ComboBox<String> entity = new ComboBox<>();
    final TextField entityId = new TextField();
    /** Columns by their labels: an auditor needs no column names. */
    final ComboBox<String> field = new ComboBox<>();
    final DatePicker from = DateFields.datePicker("");
    final DatePicker to = DateFields.datePicker("");
    final Button search = new Button();
    final Button verify = new Button();
    final Span found = new Span();
    /** One line per change (a save, a transition, an import); a click shows every field it changed. */
    final Grid<AuditChange> grid = new Grid<>();
    AuditQuery query = AuditQuery.everything();

    AuditView(AuditService audit) {
        this.audit = audit;
        addClassName("audit-view");
        setSizeFull();
        Locale locale = getLocale();

        unit.setLabel(getTranslation("audit.filter.unit"));
        unit.setItems(audit.units());
        unit.setItemLabelGenerator(u -> u.name() + " (" + u.code() + ")");
        unit.setClearButtonVisible(true);
        subtree.setLabel(getTranslation("audit.filter.subtree"));
        subtree.setValue(true);
        actor.setLabel(getTranslation("audit.filter.actor"));
        actor.setClearButtonVisible(true);
        entity.setLabel(getTranslation("audit.filter.entity"));
        entity.setItems(ENTITIES);
        entity.setItemLabelGenerator(e -> AuditLabels.entity(e, locale));
        entity.setClearButtonVisible(true);
        entityId.setLabel(getTranslation("audit.filter.entityId"));
        field.setLabel(getTranslation("audit.filter.field"));
        field.setItems(audit.fields());
        field.setItemLabelGenerator(column -> AuditLabels.field(entity.getValue() == null ? "" : entity.getValue(),
                column, locale));
        field.setClearButtonVisible(true);
        entity.addValueChangeListener(change -> field.getDataProvider().refreshAll());
        from.setLabel(getTranslation("audit.filter.from"));
        to.setLabel(getTranslation("audit.filter.to"));
        search.setText(getTranslation("audit.action.search"));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(click -> runSearch());
        verify.setText(getTranslation("audit.action.verify"));
        verify.addClickListener(click -> verifyChain());

        grid.addColumn(c -> AuditLabels.time(c.first(), locale)).setHeader(getTranslation("audit.column.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> AuditLabels.actor(c.first(), locale)).setHeader(getTranslation("audit.column.actor"))
                .setAutoWidth(true);
        grid.addColumn(AuditLabels::units).setHeader(getTranslation("audit.column.unit")).setAutoWidth(true);
        grid.addColumn(c -> AuditLabels.summary(c, locale)).setHeader(getTranslation("audit.column.what"))
                .setFlexGrow(3);
        grid.addColumn(c -> c.reason() == null ? "" : c.reason()).setHeader(getTranslation("audit.column.reason"));
        grid.setSizeFull();
        grid.setItemDetailsRenderer(new ComponentRenderer<>(change -> details(audit, change, locale)));

        var filters = new FormLayout(unit, subtree, actor, entity, entityId, field, from, to);
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 4));
        var actions = new HorizontalLayout(search, verify, download(TableFormat.CSV), download(TableFormat.XLSX), found);
        actions.setAlignItems(Alignment.BASELINE);
        add(new H2(getTranslation("audit.title")), filters, actions, grid);
        runSearch();
    }

    void runSearch() {
        query = new AuditQuery(unit.getValue() == null ? null : unit.getValue().id(), subtree.getValue(),
                actor.getValue(), entity.getValue(), entityId.getValue(), field.getValue(), from.getValue(),
                to.getValue());
        AuditQuery current = query;
        grid.setItems(q -> audit.changes(current, q.getOffset(), q.getLimit()).stream(),
                q -> audit.countChanges(current));
        found.setText(getTranslation("audit.found", audit.countChanges(current)));
    }

    ChainVerdict verifyChain() {
        ChainVerdict verdict = audit.verifyChain();
        String text = verdictText(verdict);
        var notification = Notification.show(text, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(verdict.valid() ? NotificationVariant.LUMO_SUCCESS
                : NotificationVariant.LUMO_ERROR);
        return verdict;
    }

    /** Every record of a change, with every field it changed, and a way to the history of each thing. */
    static Div details(AuditService audit, AuditChange change, Locale locale) {
        var records = new UnorderedList();
        records.addClassName("audit-details");
        for (AuditRecord record : change.records()) {
            var heading = new Span(AuditLabels.heading(record, change.references(), locale));
            heading.addClassName("audit-details-subject");
            var fields = new UnorderedList();
            AuditLabels.fieldLines(record, change.references(), locale).forEach(line -> fields.add(new ListItem(line)));
            var history = new Button(new PortalTranslations().getTranslation("audit.action.showHistory", locale),
                    click -> HistoryDialog.open(audit, record.entity(), record.entityId(),
                            AuditLabels.subject(record, change.references(), locale)));
            history.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            records.add(new ListItem(heading, history, fields));
        }
        return new Div(records);
    }

    private String verdictText(ChainVerdict verdict) {
        Checkpoint checkpoint = verdict.checkpoint();
        String at = checkpoint == null ? "" : AuditLabels.time(checkpoint.at(), getLocale());
        String text;
        if (verdict.valid()) {
            text = getTranslation("audit.chain.valid", verdict.records());
        } else if (verdict.problem() == ChainVerdict.Problem.CUT_OFF_THE_END && checkpoint != null) {
            text = getTranslation("audit.chain.cut", verdict.records(), checkpoint.records(), at);
        } else if (verdict.problem() == ChainVerdict.Problem.CHECKPOINT_MISMATCH && checkpoint != null) {
            text = getTranslation("audit.chain.rebuilt", checkpoint.records(), at);
        } else if (verdict.firstBroken() == null) {
            text = getTranslation("audit.chain.linkBroken", verdict.records());
        } else {
            text = getTranslation("audit.chain.broken", verdict.records(), verdict.firstBroken());
        }
        return verdict.unsealed() == 0 ? text : text + " " + getTranslation("audit.chain.unsealed",
                verdict.unsealed());
    }

    private Anchor download(TableFormat format) {
        Locale locale = getLocale();
        List<String> headers = List.of(getTranslation("audit.column.id"), getTranslation("audit.column.link"),
                getTranslation("audit.column.time"),
                getTranslation("audit.column.actor"), getTranslation("audit.column.dbUser"),
                getTranslation("audit.column.unit"), getTranslation("audit.column.entity"),
                getTranslation("audit.column.entityId"), getTranslation("audit.column.operation"),
                getTranslation("audit.column.field"), getTranslation("audit.column.old"),
                getTranslation("audit.column.new"), getTranslation("audit.column.reason"),
                getTranslation("audit.column.correlation"), getTranslation("audit.column.seal"));
        return TableDownload.link(getTranslation("audit.action.export", format.extension().toUpperCase(Locale.ROOT)),
                format, () -> "lich-su-thay-doi-" + LocalDate.now(), getTranslation("audit.title"), headers,
                writer -> {
                    audit.forEach(query, r -> r.changes().forEach(c -> {
                        List<Object> row = new ArrayList<>();
                        row.add(r.id());
                        row.add(r.linkId());
                        row.add(AuditLabels.time(r, locale));
                        row.add(r.viaPortal() || r.byThePortalItself() ? AuditLabels.actor(r, locale) : "");
                        row.add(r.dbUser());
                        row.add(r.unitName());
                        row.add(AuditLabels.entity(r.entity(), locale));
                        row.add(r.entityId());
                        row.add(r.operation());
                        row.add(AuditLabels.field(r.entity(), c.field(), locale));
                        row.add(c.oldValue());
                        row.add(c.newValue());
                        row.add(r.reason());
                        row.add(r.correlationId());
                        row.add(r.linkSeal());
                        writer.write(row);
                    }));
                    // The signed head of the chain: whoever keeps this file can later tell a cut end.
                    writer.write(List.of());
                    writer.write(List.of(getTranslation("audit.export.checkpoint"), audit.signedHead().line()));
                });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
