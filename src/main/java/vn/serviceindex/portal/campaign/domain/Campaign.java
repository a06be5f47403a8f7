package vn.serviceindex.portal.campaign.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A province's campaign: its legal reference, its period, its milestone checks and, per group, how targets are set.
 * The units it covers are listed apart (they can be many).
 */
public record Campaign(long id, long provinceId, String name, String referenceNumber, LocalDate referenceDate,
                       LocalDate startDate, LocalDate endDate, boolean wholeProvince, List<Milestone> milestones,
                       List<GroupRule> rules, int version) {

    public Campaign {
        milestones = milestones.stream().sorted(Comparator.comparing(Milestone::date)).toList();
        rules = rules.stream().sorted(Comparator.comparing(GroupRule::group)).toList();
    }

    /** Days from the first to the last, both counted: 22-03-2024 → 30-06-2024 is 101 days. */
    public int totalDays() {
        return (int) ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    public Optional<GroupRule> rule(GroupCode group) {
        return rules.stream().filter(r -> r.group() == group).findFirst();
    }

    public List<GroupCode> groups() {
        return rules.stream().map(GroupRule::group).toList();
    }

    public CampaignProgress progressOn(LocalDate today) {
        return CampaignProgress.of(this, today);
    }

    /**
     * The campaign a unit's screens show among those concerning it: one running today, else the next to start,
     * else the last that started.
     */
    public static Optional<Campaign> current(List<Campaign> concerning, LocalDate today) {
        Comparator<Campaign> latestFirst = Comparator.comparing(Campaign::startDate).thenComparing(Campaign::id)
                .reversed();
        List<Campaign> ordered = concerning.stream().sorted(latestFirst).toList();
        return ordered.stream().filter(c -> c.contains(today)).findFirst()
                .or(() -> ordered.stream().filter(c -> c.startDate().isAfter(today))
                        .min(Comparator.comparing(Campaign::startDate)))
                .or(() -> ordered.stream().findFirst());
    }
}
