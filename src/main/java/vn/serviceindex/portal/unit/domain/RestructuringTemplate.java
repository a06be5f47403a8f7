package vn.serviceindex.portal.unit.domain;

/**
 * The restructuring file's template: its header and example rows of the demo's Gia Lai (two communes of Huyện Đức
 * Cơ merged into a new commune directly under the province, one moving under the province with its code kept). The
 * same text as {@code docs/restructuring-example.csv}.
 */
public final class RestructuringTemplate {

    public static final String CSV = String.join(",", RestructuringRow.COLUMNS) + "\n"
            + "1664/NQ-UBTVQH15,2025-06-16,2025-07-01,64.101,Xã Đức Cơ,COMMUNE,64,631.01;631.02,,MERGE\n"
            + "1664/NQ-UBTVQH15,2025-06-16,2025-07-01,631.09,Xã Ia Pnôn,COMMUNE,64,631.09,,REPARENT\n";

    private RestructuringTemplate() {
    }
}
