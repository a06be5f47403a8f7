package vn.serviceindex.portal.ranking.service;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.service.FormulaSetService;
import vn.serviceindex.portal.ranking.domain.LeaderboardRow;
import vn.serviceindex.portal.ranking.domain.MonthRollUp;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.ranking.domain.PhaseTargetGaps;
import vn.serviceindex.portal.ranking.domain.PeriodKind;
import vn.serviceindex.portal.ranking.domain.RankedUnit;
import vn.serviceindex.portal.ranking.domain.Structure;
import vn.serviceindex.portal.result.domain.CombinedResult;
import vn.serviceindex.portal.result.service.CombinedResultService;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.ranking.domain.ScoreDistribution;
import vn.serviceindex.portal.ranking.domain.ScorePoint;
import vn.serviceindex.portal.ranking.domain.UnitScores;
import vn.serviceindex.portal.ranking.domain.UnitStanding;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.security.service.CurrentUser;

/**
 * Leaderboards of a peer group for a period. The index is published, so anyone who reads a unit of a province sees
 * how the province's units stand against each other; the details behind each unit stay with its own readers.
 */
@Service
@Transactional(readOnly = true)
public class LeaderboardService {

    private final LeaderboardRepository leaderboards;
    private final CurrentUser currentUser;
    private final FormulaSetService formulaSets;
    /**
     * Absent where no campaign feature is present. Its provider (progress) reads no leaderboard, so it is injected
     * like any bean: a dependency back on this service would stop the portal at start-up, not loop at run time.
     */
    private final Optional<PhaseTargetGaps> phaseTargetGaps;

    /** The portal's calendar (the campaign's pinned day in a demo): what "the current period" is measured by. */
    private final PortalCalendar calendar;
    private final SystemWork systemWork;
    private final CombinedResultService combinedResults;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    LeaderboardService(LeaderboardRepository leaderboards, CurrentUser currentUser, FormulaSetService formulaSets,
                       Optional<PhaseTargetGaps> phaseTargetGaps, PortalCalendar calendar, SystemWork systemWork,
                       CombinedResultService combinedResults) {
        this.combinedResults = combinedResults;
        this.leaderboards = leaderboards;
        this.currentUser = currentUser;
        this.formulaSets = formulaSets;
        this.phaseTargetGaps = phaseTargetGaps;
        this.calendar = calendar;
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

    /** The peer group a reader compares first: that of its own unit, with its root (province or district). */
    public record ReaderPeers(PeerGroup group, @Nullable Long rootId) {
    }

    /**
     * The reader's own peer group: a department editor's departments, a commune editor's communes of its district.
     * Empty for an account without a unit, or whose unit is a province (it compares its districts first).
     * Published: the peer group's root (the unit's parent) may lie beyond the reader's walls.
     */
    public Optional<ReaderPeers> readersPeers() {
        Optional<Long> home = currentUser.get().map(user -> user.homeUnitId());
        return published(() -> home.flatMap(leaderboards::unit)
                .filter(unit -> !unit.level().equals("PROVINCE"))
                .map(this::peersOf).map(peers -> new ReaderPeers(peers.group(), peers.rootId())));
    }

    /** The current period among these: the newest that has begun by today, else the newest. */
    public Optional<String> currentPeriod(List<String> periods) {
        return Period.current(periods, calendar.today());
    }

    /**
     * The peer group's members ranked in the period. A quarter or year nobody in the peer group has results for (the
     * portal has not published it) is rolled up from its months' counts and its rows are marked so; a leaderboard
     * where nobody has a score is empty rather than every unit sharing 1st place.
     *
     * @param rootId the province (for {@link PeerGroup#COMMUNES_OF_DISTRICT} the district); ignored for the national
     *               peer groups
     * @param group  a group code to rank by, or null for the total
     * @throws NotPermitted for {@link PeerGroup#NATIONAL_DISTRICTS} and {@link PeerGroup#NATIONAL_COMMUNES} unless the
     *                      reader reads everything: they rank the units of every province by name, the details of
     *                      which a province's own readers do not otherwise see
     */
    public List<LeaderboardRow> leaderboard(PeerGroup peers, @Nullable Long rootId, String period,
                                            @Nullable String group) {
        return leaderboard(peers, rootId, period, group, Structure.OF_ITS_TIME);
    }

    /**
     * @param structure {@link Structure#TODAY} ranks today's units, a unit opened by a restructuring after the period
     *                  with its predecessors' figures combined (labelled with them); {@link Structure#OF_ITS_TIME} the
     *                  units of the period with their own figures
     */
    public List<LeaderboardRow> leaderboard(PeerGroup peers, @Nullable Long rootId, String period,
                                            @Nullable String group, Structure structure) {
        requireRole();
        if ((peers == PeerGroup.NATIONAL_DISTRICTS || peers == PeerGroup.NATIONAL_COMMUNES) && !readsNation()) {
            throw NotPermitted.toRead();
        }
        return published(() -> {
            RankedUnit root = peers.national() ? null : readableRoot(requireRoot(rootId));
            return ranked(peers, root, period, group, structure);
        });
    }

    /**
     * A leaderboard as the API names it: the members' level and the code of the root (a province, or a district for
     * its communes; none for provinces, and none for district-level units or communes nationally). One lookup of the
     * root, none for the reader's scope beyond its roles.
     */
    public List<LeaderboardRow> leaderboard(String memberLevel, @Nullable String rootCode, String period,
                                            @Nullable String group) {
        return leaderboard(memberLevel, rootCode, period, group, Structure.OF_ITS_TIME);
    }

    /** As {@link #leaderboard(String, String, String, String)}, in the structure of the period's time or today's. */
    public List<LeaderboardRow> leaderboard(String memberLevel, @Nullable String rootCode, String period,
                                            @Nullable String group, Structure structure) {
        requireRole();
        boolean national = rootCode == null || rootCode.isBlank();
        // A province's reader without a root is asked for one, as before the national boards: it reads no other.
        if (national && !memberLevel.equals("PROVINCE") && !readsNation()) {
            throw UserError.at("root", "ranking.error.rootRequired");
        }
        return published(() -> {
            if (national) {
                PeerGroup peers = switch (memberLevel) {
                    case "PROVINCE" -> PeerGroup.PROVINCES;
                    case "DISTRICT" -> PeerGroup.NATIONAL_DISTRICTS;
                    case "COMMUNE" -> PeerGroup.NATIONAL_COMMUNES;
                    default -> throw UserError.at("root", "ranking.error.rootRequired");
                };
                return ranked(peers, null, period, group, structure);
            }
            if (memberLevel.equals("PROVINCE")) {
                return ranked(PeerGroup.PROVINCES, null, period, group, structure);
            }
            RankedUnit root = readable(leaderboards.openUnitByCode(rootCode)
                    .orElseThrow(() -> UserError.at("root", "ranking.error.unknownUnit", rootCode)));
            PeerGroup peers = switch (memberLevel) {
                case "DEPARTMENT" -> PeerGroup.DEPARTMENTS;
                case "DISTRICT" -> PeerGroup.DISTRICTS;
                // A district as root ranks its own communes; a province ranks all of its communes.
                default -> root.level().equals("DISTRICT") ? PeerGroup.COMMUNES_OF_DISTRICT : PeerGroup.COMMUNES;
            };
            return ranked(peers, root, period, group, structure);
        });
    }

    /** Whether the reader may open the national leaderboards of district-level units and communes. */
    public boolean readsNation() {
        return currentUser.scope().readsEverything();
    }

    private static long requireRoot(@Nullable Long rootId) {
        if (rootId == null) {
            throw UserError.at("root", "ranking.error.rootRequired");
        }
        return rootId;
    }

    private List<LeaderboardRow> ranked(PeerGroup peers, @Nullable RankedUnit root, String period,
                                        @Nullable String group, Structure structure) {
        Period checked = Period.parse(period);
        List<IndexGroup> groups = group != null || MonthRollUp.applies(checked) ? groups(checked) : List.of();
        if (group != null && groups.stream().noneMatch(g -> g.code().equals(group))) {
            throw UserError.at("group", "ranking.error.group", group);
        }
        String rootPath = null;
        Long districtId = null;
        if (!peers.national()) {
            String expected = peers == PeerGroup.COMMUNES_OF_DISTRICT ? "DISTRICT" : "PROVINCE";
            if (root == null || !root.level().equals(expected)) {
                throw UserError.at("root", "ranking.error.rootLevel", root == null ? "" : root.name());
            }
            rootPath = root.path();
            districtId = peers == PeerGroup.COMMUNES_OF_DISTRICT ? root.id() : null;
        }
        List<LeaderboardRow> rows = structure == Structure.TODAY
                ? inTodaysStructure(peers.memberLevel(), rootPath, districtId, checked, group)
                : leaderboards.leaderboard(peers.memberLevel(), rootPath, districtId, checked,
                        checked.previous().orElse(null), group);
        if (nobodyScored(rows) && MonthRollUp.applies(checked)) {
            rows = rolledUp(rows, checked, groups, group);
        }
        if (nobodyScored(rows)) {
            return List.of();
        }
        // Ties keep a stable order by name, in Vietnamese alphabetical order (Đ after D, Ư after U).
        Collator vietnamese = Collator.getInstance(Locale.of("vi", "VN"));
        return rows.stream().sorted(Comparator.comparingInt(LeaderboardRow::rank)
                .thenComparing(LeaderboardRow::unitName, vietnamese)).toList();
    }

    private static boolean nobodyScored(List<LeaderboardRow> rows) {
        return rows.stream().allMatch(row -> row.score() == null);
    }

    /**
     * The members scored from the summed counts of the period's months with the period's formula set: a group only
     * where every month has its counts, the total over the groups so scored.
     */
    private List<LeaderboardRow> rolledUp(List<LeaderboardRow> members, Period period, List<IndexGroup> groups,
                                          @Nullable String rankBy) {
        List<String> months = MonthRollUp.monthsOf(period);
        Map<Long, Map<String, List<Map<String, Double>>>> byUnit = new HashMap<>();
        for (var month : leaderboards.monthCounts(members.stream().map(LeaderboardRow::unitId).toList(), months)) {
            byUnit.computeIfAbsent(month.unitId(), id -> new HashMap<>())
                    .computeIfAbsent(month.groupCode(), code -> new ArrayList<>()).add(month.counts());
        }
        List<LeaderboardRow> scored = new ArrayList<>();
        for (LeaderboardRow member : members) {
            var counts = byUnit.getOrDefault(member.unitId(), Map.of());
            Map<String, Double> groupScores = new LinkedHashMap<>();
            for (IndexGroup group : groups) {
                Double score = MonthRollUp.groupScore(group, counts.getOrDefault(group.code(), List.of()),
                        months.size());
                if (score != null) {
                    groupScores.put(group.code(), score);
                }
            }
            Double score = rankBy != null ? groupScores.get(rankBy) : MonthRollUp.total(groupScores);
            scored.add(new LeaderboardRow(0, member.unitId(), member.unitCode(), member.unitName(), score, false,
                    groupScores, null, true));
        }
        return MonthRollUp.ranked(scored);
    }

    private List<LeaderboardRow> inTodaysStructure(String memberLevel, @Nullable String rootPath,
                                                   @Nullable Long districtId, Period period, @Nullable String group) {
        Map<Long, CombinedResult> combined = combinedResults.withoutOwnResult(
                leaderboards.openMembers(memberLevel, rootPath, districtId), period);
        List<Map<String, Object>> scores = new ArrayList<>();
        combined.forEach((unitId, result) -> result.groups().stream().filter(g -> g.score() != null)
                .forEach(g -> scores.add(Map.of("unit", unitId, "group", g.groupCode(), "score", g.score()))));
        return leaderboards.leaderboardToday(memberLevel, rootPath, districtId, period, group,
                        JSON.writeValueAsString(scores)).stream()
                .map(row -> combined.containsKey(row.unitId())
                        ? new LeaderboardRow(row.rank(), row.unitId(), row.unitCode(), row.unitName(), row.score(),
                                row.official(), row.groups(), row.previousRank(),
                                combined.get(row.unitId()).predecessors())
                        : row)
                .toList();
    }

    /** The groups a leaderboard of the period ranks by and shows, in order: those of the set that scores it. */
    public List<IndexGroup> groups(String period) {
        return groups(Period.parse(period));
    }

    /** The groups of the set that scores today's periods: the columns of leaderboards and dashboards. */
    public List<IndexGroup> groupsToday() {
        return formulaSets.groupsOn(formulaSets.today());
    }

    private List<IndexGroup> groups(Period period) {
        return formulaSets.groupsOn(period.start());
    }

    /**
     * Per unit id of the rows, the points it would gain at its current phase targets (see {@link PhaseTargetGaps});
     * empty where no campaign feature is present.
     *
     * @param group the group the leaderboard ranks by, or null for the total
     */
    public Map<Long, Double> phaseTargetGaps(List<LeaderboardRow> rows, String period, @Nullable String group) {
        PhaseTargetGaps gaps = phaseTargetGaps.orElse(null);
        if (gaps == null || rows.isEmpty()) {
            return Map.of();
        }
        return gaps.gaps(Period.parse(period).text(), group, rows.stream().map(LeaderboardRow::unitId).toList());
    }

    /**
     * The unit's place among its peers in its current period with a score (the newest begun by today): departments and districts among those of
     * their province, a commune among the communes of its district (or of its province where districts are gone),
     * a province among provinces. Empty when the unit has no scored result yet.
     */
    public Optional<UnitStanding> standing(long unitId) {
        return published(() -> {
            RankedUnit unit = readableRoot(unitId);
            Optional<String> period = currentPeriod(leaderboards.scoredPeriods(unitId));
            if (period.isEmpty()) {
                return Optional.empty();
            }
            Peers peers = peersOf(unit);
            List<LeaderboardRow> rows = leaderboard(peers.group(), peers.rootId(), period.get(), null);
            return rows.stream().filter(row -> row.unitId() == unitId).findFirst()
                    .map(row -> new UnitStanding(period.get(), peers.group(), row, rows.size()));
        });
    }

    /** {@link #scores(long, String)} of an open unit by its code, as the API names it: one lookup of the root. */
    public List<UnitScores> scores(String rootCode, String period) {
        requireRole();
        return published(() -> leaderboards.scores(readable(leaderboards.openUnitByCode(rootCode)
                        .orElseThrow(() -> UserError.at("root", "ranking.error.unknownUnit", rootCode))).path(),
                Period.parse(period).text()));
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
        requireRole();
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
            List<ScorePoint> own = leaderboards.trend(unitId, peers.group().memberLevel(), rootPath, districtId, kind);
            // A unit opened by a restructuring: its past before it, combined from its predecessors and placed among
            // today's units, before its own points.
            List<ScorePoint> points = new ArrayList<>();
            for (CombinedResult past : combinedResults.publishedHistory(unitId)) {
                if (!past.period().kind().name().equals(kind.name()) || past.total() == null
                        || own.stream().anyMatch(p -> p.period().equals(past.period().text()))) {
                    continue;
                }
                List<LeaderboardRow> board = inTodaysStructure(peers.group().memberLevel(), rootPath, districtId,
                        past.period(), null);
                board.stream().filter(row -> row.unitId() == unitId && row.score() != null).findFirst()
                        .ifPresent(row -> points.add(new ScorePoint(past.period().text(), row.score(), false,
                                row.rank(), (int) board.stream().filter(r -> r.score() != null).count(),
                                past.predecessors())));
            }
            points.addAll(own);
            return points;
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

    /** Published or not, nothing is read by an account without a role. */
    private void requireRole() {
        if (!currentUser.scope().hasAnyRole()) {
            throw new NotPermitted("error.noRole");
        }
    }

    /**
     * The reader must read a unit in the root's province: the root itself, a unit under it, or a unit the root lies
     * under. Decided from the reader's roles alone (every read root is a unit, lying in the province its path
     * begins with), so that a request costs the root's lookup and no query of the scope.
     */
    private RankedUnit readableRoot(long id) {
        return readable(leaderboards.unit(id)
                .orElseThrow(() -> UserError.at("root", "ranking.error.unknownUnit", id)));
    }

    private RankedUnit readable(RankedUnit root) {
        var scope = currentUser.scope();
        String province = LeaderboardRepository.provinceOf(root.path());
        boolean reads = scope.readsEverything() || scope.readRoots().stream()
                .anyMatch(readRoot -> readRoot.path().equals("/") || readRoot.path().startsWith(province));
        if (!reads) {
            throw NotPermitted.toRead();
        }
        return root;
    }
}
