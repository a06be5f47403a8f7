package vn.serviceindex.portal.result.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * The period a result covers: a year ({@code 2024}), a quarter ({@code 2024-Q2}), a month ({@code 2024-05}) as the
 * national portal publishes, or a campaign checkpoint date ({@code 2024-05-20}). The text is the stored form.
 */
public record Period(Kind kind, String text, LocalDate start) {

    public enum Kind { YEAR, QUARTER, MONTH, CHECKPOINT }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    /** @throws UserError {@code result.error.period} for anything else, the offending text as argument */
    public static Period parse(String text) {
        String value = text.strip();
        Matcher m;
        if ((m = YEAR.matcher(value)).matches()) {
            return new Period(Kind.YEAR, value, LocalDate.of(Integer.parseInt(m.group(1)), 1, 1));
        }
        if ((m = QUARTER.matcher(value)).matches()) {
            int quarter = Integer.parseInt(m.group(2));
            return new Period(Kind.QUARTER, value, LocalDate.of(Integer.parseInt(m.group(1)), 3 * quarter - 2, 1));
        }
        if ((m = MONTH.matcher(value)).matches()) {
            return new Period(Kind.MONTH, value, YearMonth.parse(value).atDay(1));
        }
        if (value.length() == 10) {
            try {
                return new Period(Kind.CHECKPOINT, value, LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                // falls through to the refusal below
            }
        }
        throw new UserError("result.error.period", text);
    }

    @Override
    public String toString() {
        return text;
    }
}
