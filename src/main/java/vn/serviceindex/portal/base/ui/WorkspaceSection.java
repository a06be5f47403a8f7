package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.Component;
import java.util.List;

/**
 * A feature's cards on a unit's workspace ("My unit"), e.g. the campaign's banner and the unit's plan. Features
 * contribute them as Spring beans, so that the workspace does not depend on every feature it shows; cards come in
 * the beans' {@link org.springframework.core.annotation.Order}.
 */
public interface WorkspaceSection {

    /** Cards for the unit, built anew for each visit; none when the feature has nothing to say about it. */
    List<Component> cardsFor(long unitId);
}
