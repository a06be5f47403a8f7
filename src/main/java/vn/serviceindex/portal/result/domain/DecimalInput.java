package vn.serviceindex.portal.result.domain;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * A number as a clerk types it into a result: "13,2" and "13.2" alike (Vietnamese write a decimal comma, phones
 * often offer only a point), with spaces around it and, for a rate, a trailing "%". Everything else is refused with
 * a message the form shows next to the field. Results are stored with two decimals, so a third is refused rather
 * than silently rounded; that also refuses "1.234", which a Vietnamese reader takes for one thousand two hundred.
 */
public final class DecimalInput {

    /** One optional sign, digits, at most one separator; "13," and ",5" are accepted as 13 and 0.5. */
    private static final Pattern NUMBER = Pattern.compile("([+-]?)(\\d*)(?:[.,](\\d*))?");
    /** Digits with several separators, as in "1.234,5": thousands separators, or a slip. */
    private static final Pattern SEVERAL_SEPARATORS = Pattern.compile("[+-]?\\d*([.,]\\d*){2,}");

    private DecimalInput() {
    }

    /**
     * @return the number, or null when the text is blank
     * @throws UserError {@code result.error.notANumber}, {@code result.error.twoSeparators} or
     *                   {@code result.error.tooManyDecimals}, the text as typed as argument
     */
    public static @Nullable Double read(String text) {
        String value = stripped(text);
        if (value.isEmpty()) {
            return null;
        }
        Matcher number = NUMBER.matcher(value);
        if (!number.matches() || number.group(2).isEmpty() && (number.group(3) == null || number.group(3).isEmpty())) {
            if (SEVERAL_SEPARATORS.matcher(value).matches()) {
                throw new UserError("result.error.twoSeparators", value);
            }
            throw new UserError("result.error.notANumber", value);
        }
        String fraction = number.group(3) == null ? "" : number.group(3);
        if (fraction.length() > 2) {
            throw new UserError("result.error.tooManyDecimals", value);
        }
        String integer = number.group(2).isEmpty() ? "0" : number.group(2);
        String normalized = number.group(1) + integer + (fraction.isEmpty() ? "" : "." + fraction);
        return new BigDecimal(normalized).doubleValue();
    }

    /** A headline rate in %: 0 to 100, a trailing "%" allowed. */
    public static @Nullable Double rate(String text) {
        String value = stripped(text);
        if (value.equals("%")) {
            throw new UserError("result.error.notANumber", value);
        }
        Double rate = read(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
        if (rate != null && (rate < 0 || rate > 100)) {
            throw new UserError("result.error.rateRange", rate);
        }
        return rate;
    }

    /** A group score: 0 to the group's max. */
    public static @Nullable Double score(String text, double max) {
        Double score = read(text);
        if (score != null && (score < 0 || score > max)) {
            throw new UserError("result.error.scoreRange", score, max);
        }
        return score;
    }

    /** Without the spaces around it, no-break spaces included (copied from a document or a vi-VN number). */
    private static String stripped(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }

    /** The portal's published total: 0 to 100 points. */
    public static @Nullable Double total(String text) {
        Double total = read(text);
        if (total != null && (total < 0 || total > 100)) {
            throw new UserError("result.error.totalRange", total);
        }
        return total;
    }
}
