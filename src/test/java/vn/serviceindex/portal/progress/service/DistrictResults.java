package vn.serviceindex.portal.progress.service;

import java.util.function.ToLongFunction;
import vn.serviceindex.portal.result.domain.TypedResult;
import vn.serviceindex.portal.result.service.ResultService;

/** Districts' May 2024 results that the what-if tests rank Huyện Ia Grai among. Call as an administrator. */
public final class DistrictResults {

    private DistrictResults() {
    }

    /**
     * Huyện Ia Grai in May 2024 with 16 points (on-time 80 %, payment 0 %), behind four districts (20; 18; 17;
     * 16,5): 5th. Its plan's phase 2 aims at 40 % payment and 100 % on time.
     */
    public static void iaGraiFifth(ResultService results, ToLongFunction<String> unitId) {
        results.typeIn(unitId.applyAsLong("622"), "2024-05", new TypedResult("TDGQ", 100, 20.0));
        results.typeIn(unitId.applyAsLong("623"), "2024-05", new TypedResult("TDGQ", 90, 18.0));
        results.typeIn(unitId.applyAsLong("624"), "2024-05", new TypedResult("TDGQ", 85, 17.0));
        results.typeIn(unitId.applyAsLong("625"), "2024-05", new TypedResult("TDGQ", 82.5, 16.5));
        results.typeIn(unitId.applyAsLong("628"), "2024-05", new TypedResult("TDGQ", 80, 16.0));
        results.typeIn(unitId.applyAsLong("628"), "2024-05", new TypedResult("TTTT", 0, 0.0));
    }
}
