package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;

/**
 * One figure of a group's headline rate, and the day it counts at in a trend.
 *
 * @param period the period the figure was published for ({@code 2023}, {@code 2024-04}, {@code 2024-05-20})
 * @param on     the day the figure runs to: see {@link #countsOn}
 * @param rate   the headline rate, in %
 */
public record Observation(String period, LocalDate on, double rate) {

    /**
     * The day a period's figure counts at: the last day of the period once it has ended (a month's rate is the share
     * of the whole month's dossiers, complete on its last day), and today while the period still runs (the portal's
     * figure then covers the days up to today). A checkpoint is its own day.
     */
    public static LocalDate countsOn(LocalDate periodEnd, LocalDate today) {
        return periodEnd.isAfter(today) ? today : periodEnd;
    }
}
