package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;

/**
 * A unit's group whose verdict at the check changed with its newest figure: what a notification to its editors says
 * ("Thanh toán trực tuyến: sẽ không đạt chỉ tiêu kiểm tra 10/05 theo số liệu 2024-05").
 *
 * @param newestPeriod the period of the figure that changed the verdict
 */
public record VerdictChange(long unitId, String unitCode, String unitName, String groupCode, LocalDate check,
                            String newestPeriod, Verdict before, Verdict now) {
}
