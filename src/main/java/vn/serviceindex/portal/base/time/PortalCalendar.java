package vn.serviceindex.portal.base.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The portal's calendar, the one place that says what day and time it is: "today" for the campaign (the day counter,
 * the next milestone, which tasks are late, the current period) and the moment a record is typed, imported or
 * approved. It is the portal's {@link Clock} in Vietnam's time zone unless a day is pinned, either by
 * {@code portal.campaign.today} (a demo or a training of a past campaign) or by a test through {@link #pin}, which
 * needs no new Spring context. On a pinned day records carry that day with the clock's time of day, so that a demo
 * shows a result typed "today" on the day its campaign shows.
 */
@Component
public class PortalCalendar {

    /** Vietnam's time zone, in which the portal's days begin and its times are shown. */
    /** Vietnam's time zone, as annotations need it (a scheduled job's zone). */
    public static final String ZONE_ID = "Asia/Ho_Chi_Minh";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private final Clock clock;
    private final @Nullable LocalDate configured;
    private volatile @Nullable LocalDate pinned;

    PortalCalendar(Clock clock, @Value("${portal.campaign.today:}") String today) {
        this.clock = clock;
        this.configured = today.isBlank() ? null : LocalDate.parse(today.strip());
        this.pinned = configured;
    }

    public LocalDate today() {
        LocalDate day = pinned;
        return day != null ? day : LocalDate.now(clock.withZone(ZONE));
    }

    /** The moment to record a change at: the clock's, on the pinned day when a day is pinned. */
    public Instant now() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZONE));
        LocalDate day = pinned;
        return day == null ? now.toInstant() : now.with(day).toInstant();
    }

    /** Whether today is a pinned day rather than the clock's, so that screens can say so. */
    public boolean isPinned() {
        return pinned != null;
    }

    /** Pins today to a day until the returned handle is closed, which restores the configured day (or the clock). */
    public Pin pin(LocalDate day) {
        pinned = day;
        return () -> pinned = configured;
    }

    /** Undoes {@link #pin}; closing never fails. */
    public interface Pin extends AutoCloseable {
        @Override
        void close();
    }
}
