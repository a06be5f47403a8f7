package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.campaign.domain.PlanAction;
import vn.serviceindex.portal.campaign.domain.PlanValidation;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.campaign.service.PlanService;

/** Approving (an optional comment), returning or reopening a plan (the unit must learn why). */
class CommentDialog extends Dialog {

    final TextArea comment = new TextArea();
    final Button confirm = new Button();
    private final PlanService plans;
    private final UnitPlan plan;
    private final PlanAction action;
    private final Runnable done;

    /** {@code done} runs once the move is stored (the page reads the plan anew). */
    CommentDialog(PlanService plans, UnitPlan plan, PlanAction action, Runnable done) {
        this.plans = plans;
        this.plan = plan;
        this.action = action;
        this.done = done;
        setHeaderTitle(getTranslation("plan.comment.title." + action.name()));
        comment.setLabel(getTranslation("plan.comment.label." + action.name()));
        comment.setMaxLength(PlanValidation.MAX_REASON);
        comment.setRequiredIndicatorVisible(action.needsComment());
        comment.setWidthFull();
        add(comment);
        confirm.setText(getTranslation(action.labelKey()));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> confirm());
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), this.confirm);
    }

    void confirm() {
        try {
            plans.act(plan.id(), plan.version(), action, comment.getValue());
            Notifications.success("plan.done." + action.name());
            close();
            done.run();
        } catch (UserError error) {
            Notifications.error(error);
        }
    }
}
