package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.MessageKey;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.GroupRule;
import vn.serviceindex.portal.campaign.domain.Phase;
import vn.serviceindex.portal.campaign.domain.PlanTarget;
import vn.serviceindex.portal.campaign.domain.PlanValidation;
import vn.serviceindex.portal.campaign.domain.TargetEntry;

/**
 * The targets as a table, group × phase: per group the baseline (last year's result), and per phase the rule's
 * proposal and the chosen value. A value that departs from the proposal needs a reason, shown beside it. Targets
 * that follow the rule follow it when phases are added or removed.
 */
class TargetTable extends Div {

    private final Campaign campaign;
    private final Map<GroupCode, Double> baselines;
    private final boolean editable;
    /** Per phase, in order, the cell of each group. */
    private final List<Map<GroupCode, Cell>> cells = new ArrayList<>();
    private List<Phase> phases = List.of();

    TargetTable(Campaign campaign, Map<GroupCode, Double> baselines, List<Phase> phases, List<PlanTarget> saved,
                boolean editable) {
        this.campaign = campaign;
        this.baselines = baselines;
        this.editable = editable;
        addClassName("target-table");
        for (int i = 0; i < phases.size(); i++) {
            Map<GroupCode, Cell> row = new EnumMap<>(GroupCode.class);
            for (GroupRule rule : campaign.rules()) {
                int phase = i;
                Optional<PlanTarget> target = saved.stream()
                        .filter(t -> t.phase() == phase && t.group() == rule.group()).findFirst();
                row.put(rule.group(), new Cell(rule.group(), target.orElse(null)));
            }
            cells.add(row);
        }
        update(phases);
    }

    /** The cell of one group in one phase (0-based). */
    Cell cell(GroupCode group, int phase) {
        return cells.get(phase).get(group);
    }

    void phaseAdded() {
        Map<GroupCode, Cell> row = new EnumMap<>(GroupCode.class);
        campaign.rules().forEach(rule -> row.put(rule.group(), new Cell(rule.group(), null)));
        cells.add(row);
    }

    void phaseRemoved(int index) {
        cells.remove(index);
    }

    /** Shows the phases as they are now: proposals are recomputed, targets that followed the rule follow it. */
    void update(List<Phase> current) {
        this.phases = List.copyOf(current);
        for (GroupRule rule : campaign.rules()) {
            List<Double> proposals = PlanValidation.proposals(campaign, rule.group(), baselines, phases.size())
                    .orElse(null);
            for (int i = 0; i < phases.size(); i++) {
                cells.get(i).get(rule.group()).propose(proposals == null ? null : proposals.get(i));
            }
        }
        render();
    }

    /** Marks every reason a departing target still lacks; true when there was one. */
    boolean markMissingReasons() {
        boolean missing = false;
        for (Map<GroupCode, Cell> row : cells) {
            for (Cell cell : row.values()) {
                if (cell.reason.isVisible() && cell.reason.getValue().isBlank()) {
                    cell.reason.setErrorMessage(getTranslation("plan.targets.reasonMissing"));
                    cell.reason.setInvalid(true);
                    missing = true;
                }
            }
        }
        return missing;
    }

    /** What the editor typed, for the service; a value that is not a number is refused here. */
    List<TargetEntry> entries() {
        List<TargetEntry> entries = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            for (Cell cell : cells.get(i).values()) {
                entries.add(cell.entry(i, phases.get(i).name()));
            }
        }
        return entries;
    }

    private void render() {
        removeAll();
        Locale locale = getLocale();
        getStyle().set("--phases", Integer.toString(phases.size()));
        add(header(getTranslation("plan.targets.group")),
                header(getTranslation("plan.targets.baseline", campaign.startDate().getYear() - 1)));
        for (Phase phase : phases) {
            var title = header(phase.name());
            title.add(new Div(CampaignLabels.period(phase.start(), phase.end(), locale)));
            add(title);
        }
        for (GroupRule rule : campaign.rules()) {
            var group = new Div(new Span(CampaignLabels.group(this, rule.group())));
            group.addClassName("target-group");
            var rateRule = new Span(rule.fixed()
                    ? getTranslation("plan.targets.ruleFixed", CampaignLabels.rate(rule.fixedTarget(), locale))
                    : getTranslation("plan.targets.ruleRule", CampaignLabels.rate(rule.rule().centralTarget(), locale),
                            Formats.decimal(rule.rule().increment(), locale),
                            new MessageKey("campaign.mode." + rule.rule().mode().name())));
            rateRule.addClassName("target-rule");
            group.add(rateRule);
            add(group);
            var baseline = new Div(CampaignLabels.rate(baselines.get(rule.group()), locale));
            baseline.addClassName("target-baseline");
            add(baseline);
            for (int i = 0; i < phases.size(); i++) {
                add(cells.get(i).get(rule.group()));
            }
        }
    }

    private Div header(String text) {
        var header = new Div(new Span(text));
        header.addClassName("target-header");
        return header;
    }

    /** One target: the chosen value, the rule's proposal under it, and the reason when it departs. */
    class Cell extends Div {

        final TextField value = new TextField();
        final TextField reason = new TextField();
        final Span proposal = new Span();
        final Span shown = new Span();
        final Span shownReason = new Span();
        private final GroupCode group;
        private @Nullable Double proposed;
        private @Nullable Double savedProposed;
        /** Whether the value is the rule's: it then moves with the proposal. */
        private boolean followsRule;

        Cell(GroupCode group, @Nullable PlanTarget saved) {
            this.group = group;
            addClassName("target-cell");
            this.savedProposed = saved == null ? null : saved.proposed();
            followsRule = saved == null || !saved.departsFromProposal();
            value.setAriaLabel(getTranslation("plan.targets.value"));
            value.setSuffixComponent(new Span("%"));
            value.addClassName("target-value");
            value.setValue(saved == null ? "" : Formats.decimal(saved.target(), getLocale()));
            // Eager, so the reason field appears while typing and the Tab key that leaves the value reaches it.
            value.setValueChangeMode(ValueChangeMode.EAGER);
            value.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    typed();
                }
            });
            reason.setPlaceholder(getTranslation("plan.targets.reason"));
            reason.setAriaLabel(getTranslation("plan.targets.reason"));
            reason.setMaxLength(PlanValidation.MAX_REASON);
            reason.addClassName("target-reason");
            reason.setValue(saved == null ? "" : saved.reason());
            reason.addValueChangeListener(change -> reason.setInvalid(false));
            proposal.addClassName("target-proposal");
            shown.addClassName("target-shown");
            shownReason.addClassName("target-shown-reason");
            if (editable) {
                add(value, proposal, reason);
            } else {
                add(shown, proposal, shownReason);
            }
        }

        void propose(@Nullable Double proposal) {
            // A read-only plan shows what was proposed when it was saved; an editor sees today's rule.
            this.proposed = editable ? proposal : savedProposed;
            if (editable && followsRule && proposal != null) {
                value.setValue(Formats.decimal(proposal, getLocale()));
            }
            refresh();
        }

        /** The editor typed a value: it follows the rule when it equals the proposal. */
        private void typed() {
            Double typed = Formats.parseDecimal(value.getValue()).orElse(null);
            followsRule = typed != null && proposed != null && PlanTarget.same(typed, proposed);
            refresh();
        }

        private void refresh() {
            Locale locale = getLocale();
            proposal.setText(proposed == null ? getTranslation("plan.targets.noProposal")
                    : getTranslation("plan.targets.proposal", CampaignLabels.rate(proposed, locale)));
            Double current = Formats.parseDecimal(value.getValue()).orElse(null);
            boolean departs = current != null && proposed != null && !PlanTarget.same(current, proposed);
            reason.setVisible(departs);
            reason.setRequiredIndicatorVisible(departs);
            shown.setText(CampaignLabels.rate(current, locale));
            shownReason.setText(departs && !reason.getValue().isBlank()
                    ? getTranslation("plan.targets.reasonShown", reason.getValue()) : "");
            shownReason.setVisible(departs && !reason.getValue().isBlank());
            if (departs) {
                addClassName("departs");
            } else {
                removeClassName("departs");
            }
        }

        TargetEntry entry(int phase, String phaseName) {
            String text = value.getValue().strip();
            Double parsed = Formats.parseDecimal(text).orElse(null);
            if (!text.isEmpty() && parsed == null) {
                throw new UserError("plan.error.targetNotANumber", new MessageKey(group.labelKey()), phaseName);
            }
            return new TargetEntry(phase, group, parsed, reason.isVisible() ? reason.getValue() : "");
        }
    }
}
