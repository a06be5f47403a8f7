package vn.serviceindex.portal.badinput;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a message key produces, whatever its arguments, as a regular expression: the bundle's pattern with each
 * {@code {n}} standing for any text. A refusal shown on screen or answered by the API matches the pattern of the key
 * it was refused with, and no other key's by accident.
 */
final class MessagePatterns {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+(,[^}]*)?}");

    private MessagePatterns() {
    }

    static String of(String key, Locale locale) {
        String template = ResourceBundle.getBundle("messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        StringBuilder regex = new StringBuilder("(?s)");
        Matcher argument = ARGUMENT.matcher(template);
        int last = 0;
        while (argument.find()) {
            regex.append(Pattern.quote(template.substring(last, argument.start()).replace("''", "'"))).append(".*");
            last = argument.end();
        }
        return regex.append(Pattern.quote(template.substring(last).replace("''", "'"))).toString();
    }
}
