package vn.serviceindex.portal.base.domain;

/** The account's roles and scopes do not cover what it asked for. Checked in services, never only in views. */
public class NotPermitted extends UserError {

    public NotPermitted(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    public static NotPermitted toRead() {
        return new NotPermitted("error.notPermitted.read");
    }

    public static NotPermitted toChange() {
        return new NotPermitted("error.notPermitted.change");
    }
}
