package vn.serviceindex.portal.ranking.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.ranking.domain.Structure;
import vn.serviceindex.portal.ranking.domain.UnitScores;
import vn.serviceindex.portal.ranking.service.LeaderboardService;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/** {@code GET /api/v1/leaderboards} and {@code GET /api/v1/scores}. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class RankingController {

    /**
     * One row of a leaderboard as the API answers it.
     *
     * @param rolledUp     the period (a quarter or year the portal has not published) was scored from its months' counts
     * @param combinedFrom only on a leaderboard in today's structure, for a new unit whose figures are its
     *                     predecessors' combined (their names)
     */
    record Entry(int rank, String unitCode, String unitName, @Nullable Double score, boolean official,
                 boolean rolledUp, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> combinedFrom) {
    }

    private final LeaderboardService leaderboards;

    RankingController(LeaderboardService leaderboards) {
        this.leaderboards = leaderboards;
    }

    /**
     * An empty array: nobody in the peer group has a score in the period (not even rolled up from its months).
     *
     * @param root  a province's code; with level COMMUNE a district's code ranks that district's communes; without a
     *              root, PROVINCE, DISTRICT and COMMUNE rank nationally (the latter two for readers of everything)
     * @param level PROVINCE (nationally, root ignored), DEPARTMENT, DISTRICT or COMMUNE
     */
    @GetMapping("/leaderboards")
    List<Entry> leaderboard(@RequestParam(required = false) @Nullable String root, @RequestParam String level,
                            @RequestParam String period, @RequestParam(required = false) @Nullable String group,
                            @RequestParam(required = false) @Nullable String structure) {
        Structure chosen;
        if (structure == null || structure.equals("time")) {
            chosen = Structure.OF_ITS_TIME;
        } else if (structure.equals("today")) {
            chosen = Structure.TODAY;
        } else {
            throw UserError.at("structure", "ranking.error.structure", structure);
        }
        UnitLevel memberLevel;
        try {
            memberLevel = UnitLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw UserError.at("level", "ranking.error.level", level);
        }
        return leaderboards.leaderboard(memberLevel.name(), root == null ? null : root.strip(), period, group,
                        chosen)
                .stream()
                .map(row -> new Entry(row.rank(), row.unitCode(), row.unitName(), row.score(), row.official(),
                        row.rolledUp(), row.combined() ? row.combinedFrom() : null))
                .toList();
    }

    @GetMapping("/scores")
    List<UnitScores> scores(@RequestParam String root, @RequestParam String period) {
        return leaderboards.scores(root, period);
    }
}
