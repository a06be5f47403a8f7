package vn.serviceindex.portal.unit.service;

import java.util.List;
import vn.serviceindex.portal.unit.domain.AccountOnClosedUnit;
import vn.serviceindex.portal.unit.domain.Restructuring;

/** A committed restructuring file: the restructurings recorded, the units opened and closed, the accounts to move. */
public record RestructuringOutcome(List<Restructuring> restructurings, int opened, int closed,
                                   List<AccountOnClosedUnit> accountsToMove) {

    public RestructuringOutcome {
        restructurings = List.copyOf(restructurings);
        accountsToMove = List.copyOf(accountsToMove);
    }
}
