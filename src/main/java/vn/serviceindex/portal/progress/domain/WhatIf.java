package vn.serviceindex.portal.progress.domain;

import org.jspecify.annotations.Nullable;

/**
 * What reaching the phase target of one group would bring: "gains 2.40 points and moves you from 9th to 6th".
 *
 * @param period   the period whose rate and leaderboard the what-if starts from
 * @param rankNow  the unit's rank on its peers' leaderboard of that period; null when it is not ranked there
 * @param rankThen the rank it would take with the points gained, everyone else unchanged
 */
public record WhatIf(String groupCode, double points, String period, @Nullable Integer rankNow,
                     @Nullable Integer rankThen) {

    /** Whether the places are known and the unit would climb. */
    public boolean climbs() {
        return rankNow != null && rankThen != null && rankThen < rankNow;
    }
}
