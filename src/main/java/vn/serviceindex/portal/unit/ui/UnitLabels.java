package vn.serviceindex.portal.unit.ui;

import com.vaadin.flow.component.Component;
import vn.serviceindex.portal.unit.domain.OrgUnit;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/** How a unit is named on screen, in the user's language. */
final class UnitLabels {

    private UnitLabels() {
    }

    static String level(Component anyComponent, UnitLevel level) {
        return anyComponent.getTranslation("unit.level." + level.name());
    }

    static String withCode(OrgUnit unit) {
        return unit.name() + " (" + unit.code() + ")";
    }
}
