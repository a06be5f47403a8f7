package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;

/** A rate on a day: a point of a unit's path to its targets, as a chart draws it. */
public record DatedRate(LocalDate on, double rate) {
}
