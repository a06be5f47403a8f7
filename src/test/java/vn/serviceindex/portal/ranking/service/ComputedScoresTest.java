package vn.serviceindex.portal.ranking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.ranking.domain.LeaderboardRow;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.result.domain.TypedResult;
import vn.serviceindex.portal.result.service.PortalImportService;
import vn.serviceindex.portal.result.service.ResultService;

/** Imports and typed results store a recomputed score beside the official one; leaderboards use it when alone. */
class ComputedScoresTest extends ServiceTest {

    @Autowired
    PortalImportService imports;
    @Autowired
    ResultService results;
    @Autowired
    LeaderboardService leaderboards;

    @Test
    void an_import_stores_the_recomputation_of_each_units_counts() throws IOException {
        actAs("tinh.giamsat");
        imports.commit(fixture("tdgq-gia-lai.json"), "tdgq-gia-lai.json", "2024-05", false);

        // 921 of 1000 on time: 20 × 92.1 % = 18.42, as the portal published; 408 of 500: 16.32.
        assertThat(jdbc.sql("""
                        select u.code, g.official_score::float8, g.computed_score::float8, g.computed_max::float8
                        from result_group g join org_unit u on u.id = g.unit_id
                        where g.group_code = 'TDGQ' order by u.code""")
                .query((rs, n) -> tuple(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4))).list())
                .contains(tuple("628", 16.32, 16.32, 20.0), tuple("H64.08", 18.42, 18.42, 20.0));
    }

    @Test
    void a_typed_rate_ranks_as_computed_until_the_portal_publishes() throws IOException {
        actAs("tinh.giamsat");
        imports.commit(fixture("tdgq-gia-lai.json"), "tdgq-gia-lai.json", "2024-05", false);
        actAs("iagrai.lanhdao");
        results.typeIn(unitId("628.03"), "2024-05", new TypedResult("TDGQ", 90.0, null));

        List<LeaderboardRow> communes = leaderboards.leaderboard(PeerGroup.COMMUNES_OF_DISTRICT, unitId("628"),
                "2024-05", "TDGQ");
        assertThat(communes.getFirst()).extracting(LeaderboardRow::unitName, LeaderboardRow::score,
                LeaderboardRow::official).containsExactly("Xã Ia Tô", 18.0, false);
        List<LeaderboardRow> districts = leaderboards.leaderboard(PeerGroup.DISTRICTS, unitId("64"), "2024-05", null);
        assertThat(districts.getFirst()).extracting(LeaderboardRow::unitCode, LeaderboardRow::score,
                LeaderboardRow::official).containsExactly("628", 16.32, true);
    }

    @Test
    void a_unit_that_received_no_dossiers_ranks_with_0_of_20_in_on_time_handling() throws IOException {
        // Ia Grai received nothing in the month; the portal published no score for it.
        String file = new String(fixture("tdgq-gia-lai.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"score\":16.32,\"ratio\":81.6", "\"score\":null,\"ratio\":null")
                .replace("\"totalReceived\":500,\"totalOnTime\":408,\"totalOverdue\":92",
                        "\"totalReceived\":0,\"totalOnTime\":0,\"totalOverdue\":0");
        actAs("tinh.giamsat");
        imports.commit(file.getBytes(java.nio.charset.StandardCharsets.UTF_8), "tdgq-gia-lai.json", "2024-05", false);

        assertThat(jdbc.sql("""
                        select g.official_score::float8, g.computed_score::float8, g.computed_max::float8
                        from result_group g join org_unit u on u.id = g.unit_id
                        where g.group_code = 'TDGQ' and u.code = '628'""")
                .query((rs, n) -> tuple(rs.getObject(1), rs.getDouble(2), rs.getDouble(3))).single())
                .isEqualTo(tuple(null, 0.0, 20.0));
        List<LeaderboardRow> districts = leaderboards.leaderboard(PeerGroup.DISTRICTS, unitId("64"), "2024-05", "TDGQ");
        assertThat(districts).filteredOn(row -> row.unitCode().equals("628")).singleElement()
                .extracting(LeaderboardRow::score, LeaderboardRow::official).containsExactly(0.0, false);
    }

    private static byte[] fixture(String name) throws IOException {
        try (var in = ComputedScoresTest.class.getResourceAsStream("/portal/" + name)) {
            return in.readAllBytes();
        }
    }
}
