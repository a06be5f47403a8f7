package vn.serviceindex.portal.campaign.service;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Today" for the campaign: the day counter, the next milestone, which tasks are late. It is the portal's
 * {@link Clock} unless a day is pinned, either by {@code portal.campaign.today} (a demo or a training of a past
 * campaign) or by a test through {@link #pin}, which needs no new Spring context.
 */
@Component
public class CampaignCalendar {

    private final Clock clock;
    private final @Nullable LocalDate configured;
    private volatile @Nullable LocalDate pinned;

    CampaignCalendar(Clock clock, @Value("${portal.campaign.today:}") String today) {
        this.clock = clock;
        this.configured = today.isBlank() ? null : LocalDate.parse(today.strip());
        this.pinned = configured;
    }

    public LocalDate today() {
        LocalDate day = pinned;
        return day != null ? day : LocalDate.now(clock);
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
