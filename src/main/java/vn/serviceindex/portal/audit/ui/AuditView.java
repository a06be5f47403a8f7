package vn.serviceindex.portal.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.serviceindex.portal.audit.domain.AuditQuery;
import vn.serviceindex.portal.audit.domain.AuditRecord;
import vn.serviceindex.portal.audit.domain.ChainVerdict;
import vn.serviceindex.portal.audit.domain.Checkpoint;
import vn.serviceindex.portal.audit.domain.UnitChoice;
import vn.serviceindex.portal.audit.service.AuditService;
import vn.serviceindex.portal.base.export.TableFormat;
import vn.serviceindex.portal.base.ui.DateFields;
import vn.serviceindex.portal.base.ui.TableDownload;

/**
 * The auditor's screen: search the change history by unit (with its subtree), account, entity, field and
 * period; open an entity's timeline; export what was found; check that the hash chain holds.
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
    final TextField field = new TextField();
    final DatePicker from = DateFields.datePicker("");
    final DatePicker to = DateFields.datePicker("");
    final Button search = new Button();
    final Button verify = new Button();
    final Span found = new Span();
    final Grid<AuditRecord> grid = new Grid<>();
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
        from.setLabel(getTranslation("audit.filter.from"));
        to.setLabel(getTranslation("audit.filter.to"));
        search.setText(getTranslation("audit.action.search"));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(click -> runSearch());
        verify.setText(getTranslation("audit.action.verify"));
        verify.addClickListener(click -> verifyChain());

        grid.addColumn(r -> AuditLabels.time(r, locale)).setHeader(getTranslation("audit.column.time"))
                .setAutoWidth(true);
        grid.addColumn(r -> AuditLabels.actor(r, locale)).setHeader(getTranslation("audit.column.actor"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.unitName() == null ? "" : r.unitName()).setHeader(getTranslation("audit.column.unit"));
        grid.addColumn(r -> AuditLabels.entity(r.entity(), locale) + " #" + r.entityId())
                .setHeader(getTranslation("audit.column.entity"));
        grid.addColumn(r -> AuditLabels.fields(r, locale)).setHeader(getTranslation("audit.column.field"));
        grid.addColumn(r -> AuditLabels.changes(r, locale)).setHeader(getTranslation("audit.column.change"))
                .setFlexGrow(3);
        grid.addColumn(r -> r.reason() == null ? "" : r.reason()).setHeader(getTranslation("audit.column.reason"));
        grid.setSizeFull();
        grid.addItemClickListener(click -> HistoryDialog.open(audit, click.getItem().entity(),
                click.getItem().entityId(), AuditLabels.entity(click.getItem().entity(), locale) + " #"
                        + click.getItem().entityId()));

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
        grid.setItems(q -> audit.search(current, q.getOffset(), q.getLimit()).stream(),
                q -> audit.count(current));
        found.setText(getTranslation("audit.found", audit.count(current)));
    }

    ChainVerdict verifyChain() {
        ChainVerdict verdict = audit.verifyChain();
        String text = verdictText(verdict);
        var notification = Notification.show(text, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(verdict.valid() ? NotificationVariant.LUMO_SUCCESS
                : NotificationVariant.LUMO_ERROR);
        return verdict;
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
        List<String> headers = List.of(getTranslation("audit.column.id"), getTranslation("audit.column.time"),
                getTranslation("audit.column.actor"), getTranslation("audit.column.dbUser"),
                getTranslation("audit.column.unit"), getTranslation("audit.column.entity"),
                getTranslation("audit.column.entityId"), getTranslation("audit.column.operation"),
                getTranslation("audit.column.field"), getTranslation("audit.column.old"),
                getTranslation("audit.column.new"), getTranslation("audit.column.reason"),
                getTranslation("audit.column.correlation"));
        return TableDownload.link(getTranslation("audit.action.export", format.extension().toUpperCase(Locale.ROOT)),
                format, () -> "lich-su-thay-doi-" + LocalDate.now(), getTranslation("audit.title"), headers,
                writer -> {
                    audit.forEach(query, r -> r.changes().forEach(c -> {
                        List<Object> row = new ArrayList<>();
                        row.add(r.id());
                        row.add(AuditLabels.time(r, locale));
                        row.add(r.viaPortal() ? AuditLabels.actor(r, locale) : "");
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
                        writer.write(row);
                    }));
                    // The signed head of the chain: whoever keeps this file can later tell a cut end.
                    writer.write(List.of());
                    writer.write(List.of(getTranslation("audit.export.checkpoint"), audit.checkpoint().line()));
                });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
