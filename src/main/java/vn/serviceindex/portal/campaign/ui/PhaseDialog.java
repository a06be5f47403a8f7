package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.DateFields;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.Phase;
import vn.serviceindex.portal.campaign.domain.PlanValidation;

/**
 * Adds a phase or changes one; the phases' rules are checked at once, with the messages of the service, and a
 * date that breaks them is marked on its field. When the last phase already runs to the campaign's end, a new
 * phase is proposed as the second half of it, and the last phase is shortened to make room. Nothing is stored:
 * the checked phases go back to the plan page, which keeps them until "Save".
 */
class PhaseDialog extends Dialog {

    /** Receives the phases as checked, and whether a phase was added (rather than one changed). */
    interface Accepted {
        void accept(List<Phase> phases, boolean added);
    }

    final TextField name = new TextField(getTranslation("plan.phase.name"));
    final DatePicker start = DateFields.datePicker(getTranslation("plan.phase.start"));
    final DatePicker end = DateFields.datePicker(getTranslation("plan.phase.end"));
    final Paragraph splitNote = new Paragraph();
    final Button ok = new Button(getTranslation("plan.dialog.ok"));
    private final Campaign campaign;
    private final List<Phase> phases;
    private final @Nullable Phase editing;
    private final Accepted accepted;

    PhaseDialog(Campaign campaign, List<Phase> phases, @Nullable Phase editing, Accepted accepted) {
        this.campaign = campaign;
        this.phases = new ArrayList<>(phases);
        this.editing = editing;
        this.accepted = accepted;
        setHeaderTitle(getTranslation(editing == null ? "plan.phase.add" : "plan.phase.edit"));
        name.setMaxLength(PlanValidation.MAX_PHASE_NAME);
        splitNote.addClassName("phase-split-note");
        splitNote.setVisible(false);
        if (editing != null) {
            name.setValue(editing.name());
            start.setValue(editing.start());
            end.setValue(editing.end());
        } else {
            name.setValue(getTranslation("plan.phase.defaultName", phases.size() + 1));
            proposeDates();
            start.addValueChangeListener(change -> explainSplit());
        }
        add(new FormLayout(name, start, end), splitNote);
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClickListener(click -> confirm());
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), ok);
    }

    /** The day after the last phase to the campaign's end; with no day left, the second half of the last phase. */
    private void proposeDates() {
        LocalDate campaignEnd = campaign.endDate();
        Phase last = lastPhase().orElse(null);
        LocalDate after = last == null || last.end() == null ? null : last.end().plusDays(1);
        if (campaignEnd != null && last != null && last.start() != null && after != null
                && after.isAfter(campaignEnd.minusDays(1))) {
            long days = ChronoUnit.DAYS.between(last.start(), campaignEnd) + 1;
            start.setValue(last.start().plusDays(days / 2));
            end.setValue(campaignEnd);
            explainSplit();
            return;
        }
        start.setValue(after);
        end.setValue(campaignEnd);
    }

    private Optional<Phase> lastPhase() {
        return phases.stream().filter(p -> p.end() != null).max((a, b) -> a.end().compareTo(b.end()));
    }

    /** Whether the new phase starts inside the last one, which then ends the day before. */
    private Optional<Phase> splits() {
        LocalDate from = start.getValue();
        return lastPhase().filter(last -> editing == null && from != null && last.start() != null
                && from.isAfter(last.start()) && !from.isAfter(last.end()));
    }

    private void explainSplit() {
        var split = splits();
        splitNote.setVisible(split.isPresent());
        split.ifPresent(last -> splitNote.setText(getTranslation("plan.phase.splitNote", last.name(),
                Formats.date(start.getValue().minusDays(1), getLocale()))));
    }

    void confirm() {
        start.setInvalid(false);
        end.setInvalid(false);
        if (!datesFit()) {
            return;
        }
        var phase = new Phase(editing == null ? null : editing.id(), name.getValue(), start.getValue(),
                end.getValue());
        List<Phase> candidate = new ArrayList<>(phases);
        if (editing == null) {
            var split = splits();
            split.ifPresent(last -> candidate.set(phases.indexOf(last),
                    new Phase(last.id(), last.name(), last.start(), start.getValue().minusDays(1))));
            candidate.add(phase);
        } else {
            candidate.set(phases.indexOf(editing), phase);
        }
        List<Phase> checked;
        try {
            checked = PlanValidation.checkedPhases(candidate, campaign);
        } catch (UserError error) {
            Notifications.error(error);
            return;
        }
        accepted.accept(checked, editing == null);
        close();
    }

    /** Marks a missing date, or one outside the campaign, on its own field. */
    private boolean datesFit() {
        LocalDate from = start.getValue();
        LocalDate to = end.getValue();
        String period = CampaignLabels.period(campaign.startDate(), campaign.endDate(), getLocale());
        boolean fits = true;
        if (from == null || from.isBefore(campaign.startDate()) || from.isAfter(campaign.endDate())) {
            mark(start, from == null ? "plan.phase.error.dateMissing" : "plan.phase.error.outside", period);
            fits = false;
        }
        if (to == null || to.isBefore(campaign.startDate()) || to.isAfter(campaign.endDate())) {
            mark(end, to == null ? "plan.phase.error.dateMissing" : "plan.phase.error.outside", period);
            fits = false;
        } else if (from != null && !to.isAfter(from)) {
            mark(end, "plan.phase.error.endBeforeStart", period);
            fits = false;
        }
        return fits;
    }

    private void mark(DatePicker field, String key, String period) {
        field.setErrorMessage(getTranslation(key, period));
        field.setInvalid(true);
    }
}
