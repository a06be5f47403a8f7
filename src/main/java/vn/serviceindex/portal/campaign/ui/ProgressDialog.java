package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.campaign.domain.PlanTask;
import vn.serviceindex.portal.campaign.domain.PlanValidation;
import vn.serviceindex.portal.campaign.domain.TaskStatus;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.campaign.service.PlanService;

/** Reports a task's progress on a submitted or approved plan: stored at once, the rest of the plan untouched. */
class ProgressDialog extends Dialog {

    final Select<TaskStatus> taskStatus = new Select<>();
    final TextArea note = new TextArea(getTranslation("plan.task.note"));
    final Button ok = new Button(getTranslation("action.save"));
    private final PlanService plans;
    private final UnitPlan plan;
    private final PlanTask task;
    private final Runnable stored;

    /** {@code stored} runs once the progress is stored (the page reads the plan anew). */
    ProgressDialog(PlanService plans, UnitPlan plan, PlanTask task, Runnable stored) {
        this.plans = plans;
        this.plan = plan;
        this.task = task;
        this.stored = stored;
        setHeaderTitle(getTranslation("plan.task.progressTitle", task.title()));
        taskStatus.setLabel(getTranslation("plan.task.status"));
        taskStatus.setItems(TaskStatus.values());
        taskStatus.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        taskStatus.setValue(task.status());
        note.setMaxLength(PlanValidation.MAX_NOTE);
        note.setValue(task.progressNote());
        add(new FormLayout(taskStatus, note));
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClickListener(click -> confirm());
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), ok);
    }

    void confirm() {
        if (task.id() == null) {
            return;
        }
        try {
            plans.reportProgress(plan.id(), plan.version(), task.id(), taskStatus.getValue(), note.getValue());
            Notifications.success("plan.progressSaved", task.title());
            close();
            stored.run();
        } catch (UserError error) {
            Notifications.error(error);
        }
    }
}
