package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.Notifications;

/**
 * A campaign page that cannot show what was asked for says why: as a notification and in place of its content.
 * Public for the pages built on the campaign (progress against targets).
 */
public final class RefusalPage {

    private RefusalPage() {
    }

    public static void show(VerticalLayout content, UserError error) {
        Notifications.error(error);
        content.removeAll();
        content.add(new Paragraph(content.getTranslation(error.messageKey(), error.arguments())));
    }
}
