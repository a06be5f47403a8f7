package vn.serviceindex.portal.base.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The period a result covers: a year ({@code 2024}), a quarter ({@code 2024-Q2}), a month ({@code 2024-05}) as the
 * national portal publishes, or a campaign checkpoint date ({@code 2024-05-20}). The text is the stored form; the
 * database reads it with the functions of {@code V11__periods.sql}, which follow the same rules.
 *
 * <p>Periods are ordered by the day they start, and of two starting on the same day the finer one is the newer
 * figure (a checkpoint after a month, a month after a quarter, a quarter after a year): the order in which "the
 * newest result" is chosen everywhere.
 */
public record Period(Kind kind, String text, LocalDate start) implements Comparable<Period> {

    /** From the coarsest to the finest. */
    public enum Kind { YEAR, QUARTER, MONTH, CHECKPOINT }

    /** The field a period is typed into, on forms and in the API. */
    public static final String FIELD = "period";

    private static final Comparator<Period> ORDER = Comparator.comparing(Period::start).thenComparing(Period::kind);
    private static final Pattern SHAPE =
            Pattern.compile("([1-9]\\d{3})(?:-Q(\\d)|-(\\d{2})(?:-(\\d{2}))?)?");

    /**
     * Reads a period, blanks around it ignored.
     *
     * @throws UserError at {@link #FIELD}: {@code period.error.format} for anything of another shape (2024-Q5,
     *                   2024-13, Q2/2024), {@code period.error.noSuchDay} for a date the calendar does not have
     *                   (2024-02-30, 2024-05-99)
     */
    public static Period parse(@Nullable String text) {
        String value = text == null ? "" : text.strip();
        Matcher m = SHAPE.matcher(value);
        if (!m.matches()) {
            throw refused(text);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            int quarter = Integer.parseInt(m.group(2));
            if (quarter < 1 || quarter > 4) {
                throw refused(text);
            }
            return new Period(Kind.QUARTER, value, LocalDate.of(year, 3 * quarter - 2, 1));
        }
        if (m.group(3) == null) {
            return new Period(Kind.YEAR, value, LocalDate.of(year, 1, 1));
        }
        int month = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            throw refused(text);
        }
        if (m.group(4) == null) {
            return new Period(Kind.MONTH, value, LocalDate.of(year, month, 1));
        }
        int day = Integer.parseInt(m.group(4));
        if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            throw UserError.at(FIELD, "period.error.noSuchDay", value);
        }
        return new Period(Kind.CHECKPOINT, value, LocalDate.of(year, month, day));
    }

    /** The period, or empty for a text that is none. */
    public static Optional<Period> read(@Nullable String text) {
        try {
            return Optional.of(parse(text));
        } catch (UserError e) {
            return Optional.empty();
        }
    }

    public static Period month(YearMonth month) {
        return new Period(Kind.MONTH, month.toString(), month.atDay(1));
    }

    /** The period of the kind around the day: its year, its quarter, its month, or the day itself as a checkpoint. */
    public static Period around(Kind kind, LocalDate day) {
        return switch (kind) {
            case YEAR -> new Period(Kind.YEAR, Integer.toString(day.getYear()), day.withDayOfYear(1));
            case QUARTER -> {
                int quarter = (day.getMonthValue() - 1) / 3 + 1;
                yield new Period(Kind.QUARTER, day.getYear() + "-Q" + quarter,
                        LocalDate.of(day.getYear(), 3 * quarter - 2, 1));
            }
            case MONTH -> month(YearMonth.from(day));
            case CHECKPOINT -> new Period(Kind.CHECKPOINT, day.toString(), day);
        };
    }

    /** The last day of the period: 2024 → 2024-12-31, 2024-Q2 → 2024-06-30, 2024-05 → 2024-05-31. */
    public LocalDate end() {
        return switch (kind) {
            case YEAR -> start.plusYears(1).minusDays(1);
            case QUARTER -> start.plusMonths(3).minusDays(1);
            case MONTH -> start.plusMonths(1).minusDays(1);
            case CHECKPOINT -> start;
        };
    }

    /** The period before, of the same kind (2024-05 → 2024-04, 2024-Q1 → 2023-Q4); empty for a checkpoint. */
    public Optional<Period> previous() {
        return switch (kind) {
            case YEAR -> Optional.of(new Period(Kind.YEAR, Integer.toString(start.getYear() - 1),
                    start.minusYears(1)));
            case QUARTER -> {
                LocalDate before = start.minusMonths(3);
                yield Optional.of(new Period(Kind.QUARTER,
                        before.getYear() + "-Q" + ((before.getMonthValue() - 1) / 3 + 1), before));
            }
            case MONTH -> Optional.of(month(YearMonth.from(start).minusMonths(1)));
            // Checkpoints are campaign days: no fixed predecessor.
            case CHECKPOINT -> Optional.empty();
        };
    }

    /** Whether the period has started on or before the day: a month still to come has no figures yet. */
    public boolean hasBegunBy(LocalDate day) {
        return !start.isAfter(day);
    }

    /** The newest of the periods that have begun by the day, in the order of {@link #compareTo}. */
    public static Optional<Period> newestBegunBy(Collection<Period> periods, LocalDate day) {
        return periods.stream().filter(p -> p.hasBegunBy(day)).max(ORDER);
    }

    /**
     * "The current period", one rule for every screen: of the periods given (as stored text), the newest that has
     * begun by the day (a month still to come has no figures anyone could use); when none has begun, the newest.
     */
    public static Optional<String> current(Collection<String> periods, LocalDate day) {
        List<Period> read = periods.stream().map(Period::read).flatMap(Optional::stream).toList();
        return newestBegunBy(read, day).or(() -> read.stream().max(ORDER)).map(Period::text);
    }

    /** By the day it starts, the finer one later on the same day. */
    @Override
    public int compareTo(Period other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return text;
    }

    private static UserError refused(@Nullable String text) {
        // The text is echoed back to the user: never a control character, never a page of it.
        return UserError.at(FIELD, "period.error.format", Text.quoted(text == null ? "" : text, 40));
    }
}
