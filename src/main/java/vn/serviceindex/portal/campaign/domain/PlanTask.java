package vn.serviceindex.portal.campaign.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Who does what by when: "Thanh toán bằng mã QR tại Bộ phận Một cửa", Văn phòng Sở, by 15-04-2024.
 *
 * @param id      null until saved
 * @param dueDate may be missing while the editor types
 */
public record PlanTask(@Nullable Long id, String title, String responsible, @Nullable LocalDate dueDate,
                       TaskStatus status, String progressNote) {

    public TaskState stateOn(LocalDate today) {
        return dueDate == null ? TaskState.valueOf(status.name()) : status.shownOn(dueDate, today);
    }

    public boolean lateOn(LocalDate today) {
        return stateOn(today) == TaskState.LATE;
    }
}
