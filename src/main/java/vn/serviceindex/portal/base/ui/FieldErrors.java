package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * The screens' one mapping of a refusal ({@link UserError}): beside the form field it names, in the user's language,
 * else as a notification. A form registers its fields under the names its service refuses them by
 * ({@code errors.field("name", name)}) and calls {@link #show} with whatever the service refused.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FieldErrors field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    /** Takes every error off the fields, before the form is checked again. */
    public void clear() {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    /** Shows the refusal beside its field when the form has that field, else as a notification. */
    public void show(UserError error) {
        HasValidation field = error.field() == null ? null : fields.get(error.field());
        if (field == null) {
            Notifications.error(error);
            return;
        }
        field.setErrorMessage(UI.getCurrent().getTranslation(error.messageKey(), error.arguments()));
        field.setInvalid(true);
    }
}
