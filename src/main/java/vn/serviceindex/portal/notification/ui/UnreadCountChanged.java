package vn.serviceindex.portal.notification.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/** Fired on the UI when the page marked notifications read, so that the bell counts again. */
class UnreadCountChanged extends ComponentEvent<UI> {

    UnreadCountChanged(UI ui) {
        super(ui, false);
    }
}
