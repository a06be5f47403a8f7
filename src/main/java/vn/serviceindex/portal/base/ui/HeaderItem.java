package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A feature's item in the header, beside the account's name (the notifications' bell). Features contribute them as
 * Spring beans, so that the shell does not depend on them; items come in the beans'
 * {@link org.springframework.core.annotation.Order}.
 */
public interface HeaderItem {

    /** The item for the logged-in account, built anew for each page load. */
    Component create();
}
