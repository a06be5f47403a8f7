package vn.serviceindex.portal.base.domain;

import java.util.List;

/**
 * A refusal the user caused and can fix. It carries a message key and its arguments, never display text, so that
 * each screen shows it in the user's own language.
 */
public class UserError extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public UserError(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
