package vn.serviceindex.portal.unit.service;

import java.util.List;
import vn.serviceindex.portal.unit.domain.AccountOnClosedUnit;
import vn.serviceindex.portal.unit.domain.RestructuringPlan;

/**
 * What a restructuring file would do, before anything is written: its plan (or its problems) and the accounts whose
 * roles or home units sit on the units it closes.
 */
public record RestructuringPreview(String fileName, RestructuringPlan plan, List<AccountOnClosedUnit> accountsToMove) {

    public RestructuringPreview {
        accountsToMove = List.copyOf(accountsToMove);
    }
}
