package vn.serviceindex.portal.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;
import vn.serviceindex.portal.audit.domain.AuditChange;
import vn.serviceindex.portal.audit.domain.AuditRecord;
import vn.serviceindex.portal.audit.service.AuditService;

/**
 * The "History" of one thing (a unit, an account, a plan, a target table, a result): every change to it as a
 * timeline, newest first, in the auditor's words (when, who, what, why, and every field it changed), as far as the
 * reader may read the data it belongs to. Other screens open it with {@link #open(AuditService, String, String,
 * String)}.
 */
public class HistoryDialog extends Dialog {

    final UnorderedList timeline = new UnorderedList();

    HistoryDialog(AuditService audit, String entity, String entityId, String title) {
        setHeaderTitle(getTranslation("audit.history.title", title));
        setWidth("min(95vw, 56rem)");
        Locale locale = getLocale();
        List<AuditChange> changes = audit.historyChanges(entity, entityId);
        if (changes.isEmpty()) {
            add(new Paragraph(getTranslation("audit.history.empty")));
        }
        timeline.addClassName("history-timeline");
        for (AuditChange change : changes) {
            AuditRecord first = change.first();
            var when = new Span(AuditLabels.time(first, locale));
            when.addClassName("history-time");
            var what = new Span(AuditLabels.summary(change, locale));
            what.addClassName("history-change");
            var who = new Span(AuditLabels.actor(first, locale));
            who.addClassName(first.viaPortal() || first.byThePortalItself() ? "history-actor" : "history-actor-outside");
            var item = new ListItem(when, what, who);
            if (change.reason() != null) {
                var reason = new Div(getTranslation("audit.reason", change.reason()));
                reason.addClassName("history-reason");
                item.add(reason);
            }
            var fields = new UnorderedList();
            fields.addClassName("history-fields");
            for (AuditRecord record : change.records()) {
                List<String> lines = AuditLabels.fieldLines(record, change.references(), locale);
                String heading = AuditLabels.heading(record, change.references(), locale);
                fields.add(new ListItem(heading + (lines.isEmpty() ? "" : " — " + String.join("; ", lines))));
            }
            item.add(fields);
            timeline.add(item);
        }
        add(timeline);
        getFooter().add(new Button(getTranslation("action.close"), click -> close()));
    }

    /** Opens the history of one entity row, e.g. {@code open(audit, "org_unit", "12", "Huyện Ia Grai")}. */
    public static HistoryDialog open(AuditService audit, String entity, String entityId, String title) {
        var dialog = new HistoryDialog(audit, entity, entityId, title);
        dialog.open();
        return dialog;
    }
}
