package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.audit.service.AuditService;
import vn.serviceindex.portal.audit.ui.HistoryDialog;
import vn.serviceindex.portal.base.events.PortalEvent;
import vn.serviceindex.portal.base.ui.OpenScreens;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.DateFields;
import vn.serviceindex.portal.base.ui.FieldErrors;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.Phase;
import vn.serviceindex.portal.campaign.domain.PlanAction;
import vn.serviceindex.portal.campaign.domain.PlanContent;
import vn.serviceindex.portal.campaign.domain.PlanDraft;
import vn.serviceindex.portal.campaign.domain.PlanStatus;
import vn.serviceindex.portal.campaign.domain.PlanSheet;
import vn.serviceindex.portal.campaign.domain.PlanTask;
import vn.serviceindex.portal.campaign.domain.PlanTransition;
import vn.serviceindex.portal.campaign.domain.PlanValidation;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.campaign.service.PlanService;

/**
 * A unit's plan in a campaign: the header, the phases, the targets (group × phase) and the tasks, its status and
 * the history of its transitions. Its editors write and submit it while it is a draft or returned; the province's
 * monitors approve, return or reopen it; everyone else who reads the unit sees it read-only. Nothing is stored
 * until "Save": a second editor's save of a plan changed meanwhile is refused, and what they typed stays on screen.
 */
@Route("campaigns/:campaignId([0-9]+)/plans/:unitId([0-9]+)")
// Every role, but not none: an account without a role reads nothing.
@RolesAllowed({"UNIT_EDITOR", "UNIT_VIEWER", "PROVINCE_MONITOR", "AUDITOR", "ADMIN"})
public class PlanView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PlanService plans;

    final H2 title = new H2();
    final Div banner = new Div();
    final Span status = new Span();
    final Paragraph statusNote = new Paragraph();
    final TextField number = new TextField();
    final DatePicker planDate = DateFields.datePicker("");
    final TextField planTitle = new TextField();
    final TextArea summary = new TextArea();
    final Grid<Phase> phaseGrid = new Grid<>();
    final Button addPhase = new Button();
    final Button editPhase = new Button();
    final Button removePhase = new Button();
    final Div targetSlot = new Div();
    @Nullable TargetTable targets;
    final Grid<PlanTask> taskGrid = new Grid<>();
    final Button addTask = new Button();
    final Button editTask = new Button();
    final Button removeTask = new Button();
    final Button reportProgress = new Button();
    final Grid<PlanTransition> history = new Grid<>();
    final Button save = new Button();
    final Button submit = new Button();
    final Button withdraw = new Button();
    final Button approve = new Button();
    final Button returnPlan = new Button();
    final Button reopen = new Button();
    final Button reload = new Button();
    /** Every change to the plan, its phases, targets, tasks and transitions, from the audit trail. */
    final Button changeHistory = new Button();
    final VerticalLayout content = new VerticalLayout();
    /** Refusals the service names a header field for are shown beside it. */
    private final FieldErrors fieldErrors = new FieldErrors();
    @Nullable Dialog openDialog;

    private long campaignId;
    private long unitId;
    private @Nullable PlanSheet sheet;
    private List<Phase> phases = new ArrayList<>();
    private List<PlanTask> tasks = new ArrayList<>();

    /**
     * "Saved or moved elsewhere": the plan on screen is no longer the stored one. Shown at once, before the reader
     * types over it; saving would be refused anyway (the version check), but they learn it before their typing.
     */
    final Div staleNotice = new Div();
    final Span staleText = new Span();

    PlanView(PlanService plans, AuditService audit, OpenScreens openScreens) {
        this.plans = plans;
        openScreens.watch(this, this::outdates, event -> showStale((PortalEvent.PlanChanged) event));
        Button reloadStale = new Button(getTranslation("live.plan.reload"), click -> load());
        reloadStale.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        staleNotice.add(staleText, reloadStale);
        staleNotice.addClassName("new-data-banner");
        staleNotice.getElement().setAttribute("role", "alert");
        staleNotice.setVisible(false);
        addClassName("plan-view");
        Locale locale = getLocale();

        number.setLabel(getTranslation("plan.field.number"));
        number.setHelperText(getTranslation("plan.field.number.help"));
        number.setMaxLength(PlanValidation.MAX_NUMBER);
        planDate.setLabel(getTranslation("plan.field.date"));
        planTitle.setLabel(getTranslation("plan.field.title"));
        planTitle.setMaxLength(PlanValidation.MAX_TITLE);
        planTitle.setRequiredIndicatorVisible(true);
        summary.setLabel(getTranslation("plan.field.summary"));
        summary.setMaxLength(PlanValidation.MAX_SUMMARY);
        fieldErrors.field("number", number).field("planDate", planDate).field("title", planTitle)
                .field("summary", summary);

        phaseGrid.addColumn(Phase::name).setHeader(getTranslation("plan.phase.name")).setFlexGrow(2);
        phaseGrid.addColumn(p -> Formats.date(p.start(), locale))
                .setHeader(getTranslation("plan.phase.start"));
        phaseGrid.addColumn(p -> Formats.date(p.end(), locale))
                .setHeader(getTranslation("plan.phase.end"));
        phaseGrid.addColumn(p -> p.start() == null || p.end() == null ? ""
                        : Long.toString(ChronoUnit.DAYS.between(p.start(), p.end()) + 1))
                .setHeader(getTranslation("plan.phase.days"));
        phaseGrid.setAllRowsVisible(true);
        phaseGrid.addClassName("plan-phases");
        phaseGrid.addSelectionListener(selection -> updateRowButtons());
        addPhase.setText(getTranslation("plan.phase.add"));
        addPhase.addClickListener(click -> openPhaseDialog(null));
        editPhase.setText(getTranslation("plan.phase.edit"));
        editPhase.addClickListener(click -> selectedPhase().ifPresent(this::openPhaseDialog));
        removePhase.setText(getTranslation("plan.phase.remove"));
        removePhase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        removePhase.addClickListener(click -> selectedPhase().ifPresent(this::removePhase));

        taskGrid.addColumn(PlanTask::title).setHeader(getTranslation("plan.task.title")).setFlexGrow(3);
        taskGrid.addColumn(PlanTask::responsible).setHeader(getTranslation("plan.task.responsible")).setFlexGrow(2);
        taskGrid.addColumn(t -> Formats.date(t.dueDate(), locale))
                .setHeader(getTranslation("plan.task.dueDate"));
        taskGrid.addColumn(t -> getTranslation(t.stateOn(today()).labelKey()))
                .setHeader(getTranslation("plan.task.state"))
                .setPartNameGenerator(t -> "task-" + t.stateOn(today()).name().toLowerCase(Locale.ROOT));
        taskGrid.addColumn(PlanTask::progressNote).setHeader(getTranslation("plan.task.note")).setFlexGrow(2);
        taskGrid.setAllRowsVisible(true);
        taskGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        taskGrid.addSelectionListener(selection -> updateRowButtons());
        addTask.setText(getTranslation("plan.task.add"));
        addTask.addClickListener(click -> openTaskDialog(null));
        editTask.setText(getTranslation("plan.task.edit"));
        editTask.addClickListener(click -> selectedTask().ifPresent(this::openTaskDialog));
        removeTask.setText(getTranslation("plan.task.remove"));
        removeTask.addThemeVariants(ButtonVariant.LUMO_ERROR);
        removeTask.addClickListener(click -> selectedTask().ifPresent(this::removeTask));
        reportProgress.setText(getTranslation("plan.task.reportProgress"));
        reportProgress.addClickListener(click -> selectedTask().ifPresent(this::openProgressDialog));

        history.addColumn(t -> CampaignLabels.moment(t.at(), locale)).setHeader(getTranslation("plan.history.at"));
        history.addColumn(PlanTransition::actorName).setHeader(getTranslation("plan.history.actor"));
        history.addColumn(t -> getTranslation(t.action().labelKey())).setHeader(getTranslation("plan.history.action"));
        history.addColumn(t -> CampaignLabels.status(this, t.to())).setHeader(getTranslation("plan.history.status"));
        history.addColumn(PlanTransition::comment).setHeader(getTranslation("plan.history.comment")).setFlexGrow(3);
        history.setAllRowsVisible(true);
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        submit.setText(getTranslation("plan.action.SUBMIT"));
        submit.addClickListener(click -> submit());
        withdraw.setText(getTranslation("plan.action.WITHDRAW"));
        withdraw.addClickListener(click -> act(PlanAction.WITHDRAW, ""));
        approve.setText(getTranslation("plan.action.APPROVE"));
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        approve.addClickListener(click -> openCommentDialog(PlanAction.APPROVE));
        returnPlan.setText(getTranslation("plan.action.RETURN"));
        returnPlan.addClickListener(click -> openCommentDialog(PlanAction.RETURN));
        reopen.setText(getTranslation("plan.action.REOPEN"));
        reopen.addClickListener(click -> openCommentDialog(PlanAction.REOPEN));
        reload.setText(getTranslation("plan.reload"));
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reload.addClickListener(click -> load());
        changeHistory.setText(getTranslation("audit.action.history"));
        changeHistory.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        changeHistory.addClickListener(click -> {
            if (sheet != null && sheet.plan() != null) {
                HistoryDialog.open(audit, "unit_plan", Long.toString(sheet.plan().id()), title.getText());
            }
        });

        content.setPadding(false);
        add(staleNotice, content);
    }

    /** Whether the event is a newer version of the plan on screen (or a first plan of this unit, none shown yet). */
    private boolean outdates(PortalEvent event) {
        if (!(event instanceof PortalEvent.PlanChanged changed)) {
            return false;
        }
        PlanSheet current = sheet;
        UnitPlan plan = current == null ? null : current.plan();
        return plan != null ? changed.planId() == plan.id() && changed.version() > plan.version()
                : current != null && changed.unitId() == unitId;
    }

    private void showStale(PortalEvent.PlanChanged changed) {
        if (!outdates(changed)) {
            return; // this reader's own save, already on screen
        }
        staleText.setText(getTranslation("live.plan.changed", changed.version(),
                CampaignLabels.status(this, PlanStatus.valueOf(changed.status()))));
        staleNotice.setVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getRouteParameters();
        Optional<Long> campaign = parameters.getLong("campaignId");
        Optional<Long> unit = parameters.getLong("unitId");
        if (campaign.isEmpty() || unit.isEmpty()) {
            showRefusal(new UserError("plan.error.notFound"));
            return;
        }
        campaignId = campaign.get();
        unitId = unit.get();
        load();
    }

    /** Reads the plan anew; what was typed and not saved is dropped. */
    void load() {
        try {
            show(plans.sheet(campaignId, unitId));
        } catch (UserError error) {
            Notifications.error(error);
            showRefusal(error);
        }
    }

    private void show(PlanSheet loaded) {
        sheet = loaded;
        staleNotice.setVisible(false);
        closeDialog();
        Campaign campaign = loaded.campaign();
        UnitPlan plan = loaded.plan();
        boolean editable = loaded.editable();
        title.setText(getTranslation("plan.title", loaded.unit().name()));
        banner.removeAll();
        banner.add(new CampaignBanner(campaign, loaded.progress(), loaded.todayPinned()));
        content.removeAll();
        content.add(title, banner);

        status.setText(CampaignLabels.status(this, plan == null ? null : plan.status()));
        status.getElement().setAttribute("class", "plan-status plan-status-"
                + (plan == null ? "none" : plan.status().name().toLowerCase(Locale.ROOT)));
        statusNote.setText(statusNote(loaded));
        content.add(new HorizontalLayout(new Span(getTranslation("plan.field.status")), status), statusNote);
        if (plan == null && !editable) {
            return;
        }

        var draft = plan != null ? plan.content().toDraft() : newDraft(loaded);
        number.setValue(draft.number());
        planDate.setValue(draft.planDate());
        planTitle.setValue(draft.title());
        summary.setValue(draft.summary());
        // The example helps whoever types the number, not whoever reads it.
        number.setHelperText(editable ? getTranslation("plan.field.number.help") : null);
        for (var field : List.of(number, planTitle)) {
            field.setReadOnly(!editable);
        }
        planDate.setReadOnly(!editable);
        summary.setReadOnly(!editable);
        var header = new FormLayout(number, planDate, planTitle, summary);
        header.setColspan(planTitle, 2);
        header.setColspan(summary, 2);

        phases = new ArrayList<>(draft.phases());
        tasks = new ArrayList<>(draft.tasks());
        phaseGrid.setItems(phases);
        taskGrid.setItems(tasks);
        targets = new TargetTable(campaign, loaded.baselines(), phases,
                plan != null ? plan.content().targets() : List.of(), editable);
        targetSlot.removeAll();
        targetSlot.add(targets);
        targetSlot.setWidthFull();
        targetSlot.getStyle().set("min-width", "0");

        content.add(new H3(getTranslation("plan.section.header")), header,
                new H3(getTranslation("plan.section.phases")), new HorizontalLayout(addPhase, editPhase, removePhase),
                phaseGrid,
                new H3(getTranslation("plan.section.targets")), targetSlot,
                new H3(getTranslation("plan.section.tasks")),
                new HorizontalLayout(addTask, editTask, removeTask, reportProgress), taskGrid);

        Set<PlanAction> offered = loaded.offeredActions();
        save.setVisible(editable);
        submit.setVisible(offered.contains(PlanAction.SUBMIT));
        withdraw.setVisible(offered.contains(PlanAction.WITHDRAW));
        approve.setVisible(offered.contains(PlanAction.APPROVE));
        returnPlan.setVisible(offered.contains(PlanAction.RETURN));
        reopen.setVisible(offered.contains(PlanAction.REOPEN));
        for (Button button : List.of(addPhase, editPhase, removePhase, addTask, editTask, removeTask)) {
            button.setVisible(editable);
        }
        reportProgress.setVisible(loaded.mayReportProgress());
        updateRowButtons();
        changeHistory.setVisible(plan != null);
        var actions = new HorizontalLayout(save, submit, withdraw, approve, returnPlan, reopen, reload,
                changeHistory);
        actions.addClassName("plan-actions");
        content.add(actions);
        if (!loaded.history().isEmpty()) {
            history.setItems(loaded.history());
            content.add(new H3(getTranslation("plan.section.history")), history);
        }
    }

    /** A plan not yet saved: one phase over the whole campaign, the rule's targets, the campaign in the title. */
    private PlanDraft newDraft(PlanSheet loaded) {
        Campaign campaign = loaded.campaign();
        return new PlanDraft("", null, getTranslation("plan.defaultTitle", campaign.name()), "",
                List.of(new Phase(null, getTranslation("plan.phase.defaultName", 1), campaign.startDate(),
                        campaign.endDate())), List.of(), List.of());
    }

    private String statusNote(PlanSheet loaded) {
        UnitPlan plan = loaded.plan();
        if (plan == null) {
            return getTranslation(loaded.mayEdit() ? "plan.note.new" : "plan.note.none");
        }
        PlanTransition last = loaded.history().isEmpty() ? null : loaded.history().getLast();
        return switch (plan.status()) {
            case DRAFT -> last != null && last.action() == PlanAction.REOPEN
                    ? getTranslation("plan.note.reopened", last.actorName(), last.comment())
                    : getTranslation("plan.note.draft");
            // The advice to withdraw is for the unit's editors; the province reads only where the plan stands.
            case SUBMITTED -> getTranslation(loaded.mayEdit() ? "plan.note.submitted" : "plan.note.submittedToProvince");
            case APPROVED -> getTranslation("plan.note.approved", last == null ? "" : last.actorName(),
                    last == null ? "" : CampaignLabels.moment(last.at(), getLocale()));
            case RETURNED -> getTranslation("plan.note.returned", last == null ? "" : last.actorName(),
                    last == null ? "" : last.comment());
        };
    }

    private void showRefusal(UserError error) {
        sheet = null;
        content.removeAll();
        content.add(new Paragraph(getTranslation(error.messageKey(), error.arguments())));
    }

    private LocalDate today() {
        return sheet == null ? LocalDate.now() : sheet.progress().today();
    }

    private Optional<Phase> selectedPhase() {
        return phaseGrid.getSelectedItems().stream().findFirst();
    }

    private Optional<PlanTask> selectedTask() {
        return taskGrid.getSelectedItems().stream().findFirst();
    }

    private void updateRowButtons() {
        editPhase.setEnabled(selectedPhase().isPresent());
        removePhase.setEnabled(selectedPhase().isPresent());
        editTask.setEnabled(selectedTask().isPresent());
        removeTask.setEnabled(selectedTask().isPresent());
        reportProgress.setEnabled(selectedTask().isPresent());
    }

    /** The plan as typed, for the service. */
    PlanDraft draft() {
        if (targets == null) {
            throw new UserError("plan.error.notFound");
        }
        return new PlanDraft(number.getValue(), planDate.getValue(), planTitle.getValue(), summary.getValue(),
                phases, targets.entries(), tasks);
    }

    /** Saves everything typed; true when it was stored. */
    boolean save() {
        return save(true);
    }

    private boolean save(boolean sayso) {
        PlanSheet current = sheet;
        if (current == null) {
            return false;
        }
        fieldErrors.clear();
        try {
            UnitPlan plan = current.plan();
            plans.save(campaignId, unitId, plan == null ? null : plan.version(), draft());
            if (sayso) {
                Notifications.success("plan.saved");
            }
            load();
            return true;
        } catch (UserError error) {
            // What the editor typed stays on screen: nothing of theirs is lost, even when the plan changed meanwhile.
            if (targets != null && "plan.error.reasonRequired".equals(error.messageKey())) {
                targets.markMissingReasons();
            }
            fieldErrors.show(error);
            return false;
        }
    }

    /**
     * Saves what was typed, then submits it to the province. A missing number or date is marked on its field
     * before anything is stored, so the editor never reads "saved" beside the refusal.
     */
    private void submit() {
        fieldErrors.clear();
        try {
            PlanValidation.requireIssued(new PlanContent(
                    number.getValue().strip(), planDate.getValue(), "", "", List.of(), List.of(), List.of()));
        } catch (UserError missing) {
            fieldErrors.show(missing);
            Notifications.error(missing);
            return;
        }
        if (save(false)) {
            act(PlanAction.SUBMIT, "");
        }
    }

    void act(PlanAction action, String comment) {
        PlanSheet current = sheet;
        if (current == null || current.plan() == null) {
            return;
        }
        try {
            UnitPlan plan = current.plan();
            plans.act(plan.id(), plan.version(), action, comment);
            Notifications.success("plan.done." + action.name());
            load();
        } catch (UserError error) {
            Notifications.error(error);
        }
    }

    private void removePhase(Phase phase) {
        int index = phases.indexOf(phase);
        phases.remove(index);
        if (targets != null) {
            targets.phaseRemoved(index);
            targets.update(phases);
        }
        phaseGrid.setItems(phases);
        updateRowButtons();
    }

    private void removeTask(PlanTask task) {
        tasks.remove(task);
        taskGrid.setItems(tasks);
        updateRowButtons();
    }

    private void openPhaseDialog(@Nullable Phase editing) {
        if (sheet != null && targets != null) {
            show(new PhaseDialog(sheet.campaign(), phases, editing, this::phasesChanged));
        }
    }

    /** The phases as the dialog checked them; the targets gain or lose a column with them. */
    private void phasesChanged(List<Phase> checked, boolean added) {
        if (targets == null) {
            return;
        }
        phases = new ArrayList<>(checked);
        if (added) {
            targets.phaseAdded();
        }
        targets.update(phases);
        phaseGrid.setItems(phases);
        updateRowButtons();
    }

    private void openTaskDialog(@Nullable PlanTask editing) {
        show(new TaskDialog(tasks, editing, checked -> {
            tasks = new ArrayList<>(checked);
            taskGrid.setItems(tasks);
            updateRowButtons();
        }));
    }

    private void openProgressDialog(PlanTask task) {
        if (sheet != null && sheet.plan() != null) {
            show(new ProgressDialog(plans, sheet.plan(), task, this::load));
        }
    }

    private void openCommentDialog(PlanAction action) {
        if (sheet != null && sheet.plan() != null) {
            show(new CommentDialog(plans, sheet.plan(), action, this::load));
        }
    }

    private void show(Dialog dialog) {
        closeDialog();
        openDialog = dialog;
        dialog.open();
    }

    private void closeDialog() {
        if (openDialog != null) {
            openDialog.close();
            openDialog = null;
        }
    }

    @Override
    public String getPageTitle() {
        return sheet == null ? getTranslation("plan.pageTitle") : getTranslation("plan.title", sheet.unit().name());
    }
}
