package vn.serviceindex.portal.ranking.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The period before another of the same kind, for the movement column: 2024-05 → 2024-04, 2024-Q1 → 2023-Q4. */
public final class Periods {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private Periods() {
    }

    /** The first day of a period: 2024 → 2024-01-01, 2024-Q2 → 2024-04-01, 2024-05 → 2024-05-01; a checkpoint itself. */
    public static LocalDate start(String period) {
        Matcher m;
        if ((m = YEAR.matcher(period)).matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
        }
        if ((m = QUARTER.matcher(period)).matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2, 1);
        }
        if (MONTH.matcher(period).matches()) {
            return YearMonth.parse(period).atDay(1);
        }
        return LocalDate.parse(period);
    }

    /** The last day of a period: 2024 → 2024-12-31, 2024-Q2 → 2024-06-30, 2024-05 → 2024-05-31; a checkpoint itself. */
    public static LocalDate end(String period) {
        if (YEAR.matcher(period).matches()) {
            return start(period).plusYears(1).minusDays(1);
        }
        if (QUARTER.matcher(period).matches()) {
            return start(period).plusMonths(3).minusDays(1);
        }
        if (MONTH.matcher(period).matches()) {
            return start(period).plusMonths(1).minusDays(1);
        }
        return LocalDate.parse(period);
    }

    /** Empty for a campaign checkpoint date: checkpoints have no fixed predecessor. */
    public static Optional<String> previous(String period) {
        Matcher m;
        if ((m = YEAR.matcher(period)).matches()) {
            return Optional.of(Integer.toString(Integer.parseInt(m.group(1)) - 1));
        }
        if ((m = QUARTER.matcher(period)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int quarter = Integer.parseInt(m.group(2));
            return Optional.of(quarter == 1 ? (year - 1) + "-Q4" : year + "-Q" + (quarter - 1));
        }
        if (MONTH.matcher(period).matches()) {
            return Optional.of(YearMonth.parse(period).minusMonths(1).toString());
        }
        return Optional.empty();
    }
}
