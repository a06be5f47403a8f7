package vn.serviceindex.portal.result.service;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.database.ConstraintViolations;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.result.domain.GroupResult;
import vn.serviceindex.portal.result.domain.Period;
import vn.serviceindex.portal.result.domain.TypedResult;
import vn.serviceindex.portal.security.service.CurrentUser;
import vn.serviceindex.portal.unit.domain.OrgUnit;

/** Reading a unit's results and typing them in by hand, each call checked against the account's scope. */
@Service
@Transactional
public class ResultService {

    private final ResultRepository results;
    private final ImportUnits units;
    private final ResultFormulaSets formulaSets;
    private final ComputedScores computedScores;
    private final CurrentUser currentUser;

    ResultService(ResultRepository results, ImportUnits units, ResultFormulaSets formulaSets,
                  ComputedScores computedScores,
                  CurrentUser currentUser) {
        this.computedScores = computedScores;
        this.results = results;
        this.units = units;
        this.formulaSets = formulaSets;
        this.currentUser = currentUser;
    }

    /** The unit's group results for the period, under the formula set valid then, in the set's group order. */
    @Transactional(readOnly = true)
    public List<GroupResult> results(long unitId, String period) {
        OrgUnit unit = unit(unitId);
        if (!currentUser.scope().canRead(unit.path())) {
            throw NotPermitted.toRead();
        }
        Period parsed = Period.parse(period);
        return results.groups(unitId, parsed.text(), formulaSets.forDay(parsed.start()).id());
    }

    /**
     * Stores a group's result as typed in by the current account, replacing what was stored for the group and
     * period (the change history keeps the old values). Editors of the unit and administrators.
     */
    public GroupResult typeIn(long unitId, String period, TypedResult typed) {
        OrgUnit unit = unit(unitId);
        if (!currentUser.scope().canChange(unit.path())) {
            throw NotPermitted.toChange();
        }
        Period parsed = Period.parse(period);
        ResultFormulaSets.StoredSet set = formulaSets.forDay(parsed.start());
        IndexGroup group = set.set().group(typed.groupCode())
                .orElseThrow(() -> new UserError("result.error.unknownGroup", typed.groupCode(), set.set().name()));
        TypedResult checked = typed.checkedAgainst(group);
        long resultId = results.resultId(unitId, parsed.text(), set.id());
        ConstraintViolations.translate(() -> {
            results.storeTypedGroup(resultId, unitId, group.code(), checked.headlineRate(), checked.officialScore(),
                    group.maxPoints(), currentUser.require().accountId());
            return null;
        });
        computedScores.refresh(resultId);
        return results.groups(unitId, parsed.text(), set.id()).stream()
                .filter(g -> g.groupCode().equals(group.code())).findFirst().orElseThrow();
    }

    private OrgUnit unit(long unitId) {
        return units.byId(unitId).orElseThrow(() -> new UserError("unit.error.notFound"));
    }
}
