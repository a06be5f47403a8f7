package vn.serviceindex.portal.index.domain;

/** A formula set as the portal stores it: its identity and state, and its formulas. */
public record StoredFormulaSet(FormulaSetSummary summary, FormulaSet formulas) {

    public long id() {
        return summary.id();
    }

    public int version() {
        return summary.version();
    }

    public boolean active() {
        return summary.active();
    }

    public String name() {
        return summary.name();
    }
}
