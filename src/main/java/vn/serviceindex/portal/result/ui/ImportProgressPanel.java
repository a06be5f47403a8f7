package vn.serviceindex.portal.result.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.result.service.ImportJob;

/**
 * The import wizards' progress bar for an import running in the background: rows written of the rows to write,
 * and a button that cancels it before it commits. Follows the job by the UI's polling (every half second while a job
 * runs), so it needs no server push.
 */
class ImportProgressPanel extends HorizontalLayout {

    private static final Logger log = LoggerFactory.getLogger(ImportProgressPanel.class);
    static final int POLL_MILLIS = 500;

    final ProgressBar bar = new ProgressBar();
    final Span label = new Span();
    final Button cancel = new Button();
    private @Nullable ImportJob<?> job;
    private @Nullable Consumer<Object> onDone;
    private @Nullable Runnable onEnd;
    private @Nullable Registration polling;

    ImportProgressPanel() {
        setAlignItems(Alignment.CENTER);
        setWidthFull();
        bar.setWidth("20em");
        cancel.setText(getTranslation("result.import.background.cancel"));
        cancel.addClickListener(click -> {
            if (job != null) {
                job.cancel();
                cancel.setEnabled(false);
            }
        });
        add(bar, label, cancel);
        setVisible(false);
    }

    /**
     * Shows the job's progress until it ends; then {@code onDone} gets its outcome (a refusal or a cancellation is
     * shown here), and {@code onEnd} runs whatever the end.
     */
    @SuppressWarnings("unchecked")
    <T> void follow(ImportJob<T> running, Consumer<T> done, Runnable end) {
        job = running;
        onDone = outcome -> done.accept((T) outcome);
        onEnd = end;
        cancel.setEnabled(true);
        setVisible(true);
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setPollInterval(POLL_MILLIS);
            polling = ui.addPollListener(poll -> refresh());
        }
        refresh();
    }

    boolean running() {
        return job != null;
    }

    /** Shows where the job stands; once it has ended, reports it and stops polling. */
    void refresh() {
        ImportJob<?> current = job;
        if (current == null) {
            return;
        }
        int total = current.total();
        if (current.state() == ImportJob.State.READING || total == 0) {
            bar.setIndeterminate(true);
            label.setText(getTranslation("result.import.background.reading"));
        } else {
            bar.setIndeterminate(false);
            bar.setValue((double) current.done() / total);
            label.setText(getTranslation("result.import.background.progress",
                    Formats.decimal((double) current.done(), getLocale()), Formats.decimal((double) total, getLocale())));
        }
        if (!current.finished()) {
            return;
        }
        stop();
        switch (current.state()) {
            case DONE -> {
                if (onDone != null) {
                    onDone.accept(current.outcome());
                }
            }
            case CANCELLED -> Notifications.success("result.import.background.cancelled");
            default -> {
                RuntimeException failure = current.failure();
                if (failure instanceof UserError error) {
                    Notifications.error(error);
                } else {
                    log.error("A background import failed", failure);
                    Notifications.error(new UserError("error.unexpected"));
                }
            }
        }
        if (onEnd != null) {
            onEnd.run();
        }
    }

    private void stop() {
        job = null;
        setVisible(false);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setPollInterval(-1);
        }
    }
}
