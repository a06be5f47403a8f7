package vn.serviceindex.portal.ranking.service;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.ranking.domain.LeaderboardRow;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.ranking.domain.PhaseTargetGaps;
import vn.serviceindex.portal.ranking.domain.PeriodKind;
import vn.serviceindex.portal.ranking.domain.RankedUnit;
import vn.serviceindex.portal.ranking.domain.ScoreDistribution;
import vn.serviceindex.portal.ranking.domain.ScorePoint;
import vn.serviceindex.portal.ranking.domain.UnitScores;
import vn.serviceindex.portal.ranking.domain.UnitStanding;
import vn.serviceindex.portal.security.service.CurrentUser;

/**
 * Leaderboards of a peer group for a period. The index is published, so anyone who reads a unit of a province sees
 * how the province's units stand against each other; the details behind each unit stay with its own readers.
 */
@Service
@Transactional(readOnly = true)
public class LeaderboardService {

    public static final List<String> GROUPS = List.of("CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH");

    private final LeaderboardRepository leaderboards;
    private final CurrentUser currentUser;
    /** Looked up when asked: its provider reads leaderboards itself, and may be absent. */
    private final ObjectProvider<PhaseTargetGaps> phaseTargetGaps;

    private final SystemWork systemWork;

    LeaderboardService(LeaderboardRepository leaderboards, CurrentUser currentUser,
                       ObjectProvider<PhaseTargetGaps> phaseTargetGaps, SystemWork systemWork) {
        this.leaderboards = leaderboards;
        this.currentUser = currentUser;
        this.phaseTargetGaps = phaseTargetGaps;
        this.systemWork = systemWork;
    }

    /**
     * Leaderboards are published: every reader of a province sees the scores of all its units, and provinces rank
     * nationally, beyond the database's walls between units. The checks here (the reader reads the root, see
     * {@link #readableRoot}) stand in for them, so the reads run as named system work.
     */
    private <T> T published(java.util.function.Supplier<T> work) {
        return systemWork.run("published leaderboards", work);
    }

    /**
     * @param rootId the province (for {@link PeerGroup#COMMUNES_OF_DISTRICT} the district); ignored for provinces
     * @param group  a group code to rank by, or null for the total
     */
    public List<LeaderboardRow> leaderboard(PeerGroup peers, @Nullable Long rootId, String period,
                                            @Nullable String group) {
        return published(() -> {
            Period checked = Period.parse(period);
            if (group != null && !GROUPS.contains(group)) {
                throw UserError.at("group", "ranking.error.group", group);
            }
            String rootPath = null;
            Long districtId = null;
            if (peers != PeerGroup.PROVINCES) {
                if (rootId == null) {
                    throw UserError.at("root", "ranking.error.rootRequired");
                }
                RankedUnit root = readableRoot(rootId);
                String expected = peers == PeerGroup.COMMUNES_OF_DISTRICT ? "DISTRICT" : "PROVINCE";
                if (!root.level().equals(expected)) {
                    throw UserError.at("root", "ranking.error.rootLevel", root.name());
                }
                rootPath = root.path();
                districtId = peers == PeerGroup.COMMUNES_OF_DISTRICT ? root.id() : null;
            }
            List<LeaderboardRow> rows = leaderboards.leaderboard(peers.memberLevel(), rootPath, districtId, checked,
                    checked.previous().orElse(null), group);
            // Ties keep a stable order by name, in Vietnamese alphabetical order (Đ after D, Ư after U).
            Collator vietnamese = Collator.getInstance(Locale.of("vi", "VN"));
            return rows.stream().sorted(Comparator.comparingInt(LeaderboardRow::rank)
                    .thenComparing(LeaderboardRow::unitName, vietnamese)).toList();
        });
    }

    /**
     * Per unit id of the rows, the points it would gain at its current phase targets (see {@link PhaseTargetGaps});
     * empty where no campaign feature is present.
     *
     * @param group the group the leaderboard ranks by, or null for the total
     */
    public Map<Long, Double> phaseTargetGaps(List<LeaderboardRow> rows, String period, @Nullable String group) {
        PhaseTargetGaps gaps = phaseTargetGaps.getIfAvailable();
        if (gaps == null || rows.isEmpty()) {
            return Map.of();
        }
        return gaps.gaps(Period.parse(period).text(), group, rows.stream().map(LeaderboardRow::unitId).toList());
    }

    /**
     * The unit's place among its peers in its newest period with a score: departments and districts among those of
     * their province, a commune among the communes of its district (or of its province where districts are gone),
     * a province among provinces. Empty when the unit has no scored result yet.
     */
    public Optional<UnitStanding> standing(long unitId) {
        return published(() -> {
            RankedUnit unit = readableRoot(unitId);
            Optional<String> period = leaderboards.newestPeriod(unitId);
            if (period.isEmpty()) {
                return Optional.empty();
            }
            Peers peers = peersOf(unit);
            List<LeaderboardRow> rows = leaderboard(peers.group(), peers.rootId(), period.get(), null);
            return rows.stream().filter(row -> row.unitId() == unitId).findFirst()
                    .map(row -> new UnitStanding(period.get(), peers.group(), row, rows.size()));
        });
    }

    /** Each unit under (and including) the root with its official and computed scores in the period. */
    public List<UnitScores> scores(long rootId, String period) {
        return published(() -> {
            return leaderboards.scores(readableRoot(rootId).path(), Period.parse(period).text());
        });
    }

    /** The provinces whose leaderboards the reader may see. */
    public List<RankedUnit> provinces() {
        return published(() -> {
            return leaderboards.provinces(currentUser.scope());
        });
    }

    public List<RankedUnit> districts(long provinceId) {
        return published(() -> {
            return leaderboards.districts(readableRoot(provinceId).path());
        });
    }

    public List<String> periods(long rootId) {
        return published(() -> {
            return leaderboards.periods(readableRoot(rootId).path());
        });
    }

    public boolean isDistrict(long unitId) {
        return published(() -> {
            return "DISTRICT".equals(readableRoot(unitId).level());
        });
    }

    /** An open unit by its code, as the API names roots. */
    public long unitIdByCode(String code) {
        return published(() -> {
            return leaderboards.openUnitByCode(code).map(RankedUnit::id)
                    .orElseThrow(() -> UserError.at("root", "ranking.error.unknownUnit", code));
        });
    }

    /**
     * How the totals of the province's departments, district-level units and communes spread in the period, each peer
     * group on its own.
     */
    public List<ScoreDistribution> distribution(long provinceId, String period) {
        return published(() -> {
            RankedUnit province = readableRoot(provinceId);
            if (!province.level().equals("PROVINCE")) {
                throw UserError.at("root", "ranking.error.rootLevel", province.name());
            }
            return leaderboards.distribution(province.path(), Period.parse(period));
        });
    }

    /** The unit's total and place among the peers of its leaderboard in every period of the kind, oldest first. */
    public List<ScorePoint> trend(long unitId, PeriodKind kind) {
        return published(() -> {
            RankedUnit unit = readableRoot(unitId);
            Peers peers = peersOf(unit);
            String rootPath = peers.rootId() == null ? null : leaderboards.unit(peers.rootId()).map(RankedUnit::path)
                    .orElseThrow();
            Long districtId = peers.group() == PeerGroup.COMMUNES_OF_DISTRICT ? peers.rootId() : null;
            return leaderboards.trend(unitId, peers.group().memberLevel(), rootPath, districtId, kind);
        });
    }

    /** A unit's peer group and the root it is ranked under (null for provinces, which rank nationally). */
    private record Peers(PeerGroup group, @Nullable Long rootId) {
    }

    /**
     * Departments and districts rank among those of their province, a commune among the communes of its district (or
     * of its province where districts are gone), a province among provinces.
     */
    private Peers peersOf(RankedUnit unit) {
        RankedUnit parent = leaderboards.parentOf(unit.id()).orElse(null);
        PeerGroup peers = switch (unit.level()) {
            case "PROVINCE" -> PeerGroup.PROVINCES;
            case "DEPARTMENT" -> PeerGroup.DEPARTMENTS;
            case "DISTRICT" -> PeerGroup.DISTRICTS;
            default -> parent != null && parent.level().equals("DISTRICT") ? PeerGroup.COMMUNES_OF_DISTRICT
                    : PeerGroup.COMMUNES;
        };
        // Every unit but a province has a parent, and the parent is the root of its peer group.
        return new Peers(peers, peers == PeerGroup.PROVINCES || parent == null ? null : parent.id());
    }

    /** The reader must read the root itself, or a unit under it, or a unit the root lies under. */
    private RankedUnit readableRoot(long id) {
        RankedUnit root = leaderboards.unit(id)
                .orElseThrow(() -> UserError.at("root", "ranking.error.unknownUnit", id));
        boolean reads = leaderboards.provinces(currentUser.scope()).stream()
                .anyMatch(province -> root.path().startsWith(province.path()));
        if (!reads) {
            throw NotPermitted.toRead();
        }
        return root;
    }
}
