package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.DateFields;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.campaign.domain.PlanTask;
import vn.serviceindex.portal.campaign.domain.PlanValidation;
import vn.serviceindex.portal.campaign.domain.TaskStatus;

/**
 * Adds a task or changes one, while the plan is editable. Nothing is stored: the checked tasks go back to the
 * plan page, which keeps them until "Save".
 */
class TaskDialog extends Dialog {

    final TextField taskTitle = new TextField(getTranslation("plan.task.title"));
    final TextField responsible = new TextField(getTranslation("plan.task.responsible"));
    final DatePicker dueDate = DateFields.datePicker(getTranslation("plan.task.dueDate"));
    final Select<TaskStatus> taskStatus = new Select<>();
    final TextArea note = new TextArea(getTranslation("plan.task.note"));
    final Button ok = new Button(getTranslation("plan.dialog.ok"));
    private final List<PlanTask> tasks;
    private final @Nullable PlanTask editing;
    private final Consumer<List<PlanTask>> accepted;

    TaskDialog(List<PlanTask> tasks, @Nullable PlanTask editing, Consumer<List<PlanTask>> accepted) {
        this.tasks = new ArrayList<>(tasks);
        this.editing = editing;
        this.accepted = accepted;
        setHeaderTitle(getTranslation(editing == null ? "plan.task.add" : "plan.task.edit"));
        taskTitle.setMaxLength(PlanValidation.MAX_TASK_TITLE);
        responsible.setMaxLength(PlanValidation.MAX_RESPONSIBLE);
        note.setMaxLength(PlanValidation.MAX_NOTE);
        taskStatus.setLabel(getTranslation("plan.task.status"));
        taskStatus.setItems(TaskStatus.values());
        taskStatus.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        taskStatus.setValue(editing == null ? TaskStatus.NOT_STARTED : editing.status());
        if (editing != null) {
            taskTitle.setValue(editing.title());
            responsible.setValue(editing.responsible());
            dueDate.setValue(editing.dueDate());
            note.setValue(editing.progressNote());
        }
        var form = new FormLayout(taskTitle, responsible, dueDate, taskStatus, note);
        form.setColspan(taskTitle, 2);
        form.setColspan(note, 2);
        add(form);
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClickListener(click -> confirm());
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), ok);
    }

    void confirm() {
        var task = new PlanTask(editing == null ? null : editing.id(), taskTitle.getValue(),
                responsible.getValue(), dueDate.getValue(), taskStatus.getValue(), note.getValue());
        List<PlanTask> candidate = new ArrayList<>(tasks);
        if (editing == null) {
            candidate.add(task);
        } else {
            candidate.set(tasks.indexOf(editing), task);
        }
        try {
            candidate = PlanValidation.checkedTasks(candidate);
        } catch (UserError error) {
            Notifications.error(error);
            return;
        }
        accepted.accept(candidate);
        close();
    }
}
