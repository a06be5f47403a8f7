package vn.serviceindex.portal.unit.domain;

import java.util.List;

/**
 * One row of a restructuring file as written, each cell's text stripped: which new unit a resolution opens and
 * which old units it replaces. Checked as a whole by {@link RestructuringPlanner}.
 *
 * @param row      the row's number in the sheet (the header is row 1)
 * @param oldCodes the old units' codes, as the cell lists them (separated by {@code ;}, {@code ,} or spaces)
 */
public record RestructuringRow(int row, String resolutionNumber, String resolutionDate, String effectiveDate,
                               String newCode, String newName, String level, String newParentCode,
                               List<String> oldCodes, String share, String kind) {

    public static final String RESOLUTION_NUMBER = "resolution_number";
    public static final String RESOLUTION_DATE = "resolution_date";
    public static final String EFFECTIVE_DATE = "effective_date";
    public static final String NEW_CODE = "new_code";
    public static final String NEW_NAME = "new_name";
    public static final String LEVEL = "level";
    public static final String NEW_PARENT_CODE = "new_parent_code";
    public static final String OLD_CODES = "old_codes";
    public static final String SHARE = "share";
    public static final String KIND = "kind";

    /** Every column, in the template's order. */
    public static final List<String> COLUMNS = List.of(RESOLUTION_NUMBER, RESOLUTION_DATE, EFFECTIVE_DATE, NEW_CODE,
            NEW_NAME, LEVEL, NEW_PARENT_CODE, OLD_CODES, SHARE, KIND);
    /** The columns a file must have; share and kind may be left out. */
    public static final List<String> REQUIRED = List.of(RESOLUTION_NUMBER, RESOLUTION_DATE, EFFECTIVE_DATE, NEW_CODE,
            NEW_NAME, LEVEL, NEW_PARENT_CODE, OLD_CODES);

    public RestructuringRow {
        oldCodes = List.copyOf(oldCodes);
    }

    /** The cell of a column, by its header name. */
    public String cell(String column) {
        return switch (column) {
            case RESOLUTION_NUMBER -> resolutionNumber;
            case RESOLUTION_DATE -> resolutionDate;
            case EFFECTIVE_DATE -> effectiveDate;
            case NEW_CODE -> newCode;
            case NEW_NAME -> newName;
            case LEVEL -> level;
            case NEW_PARENT_CODE -> newParentCode;
            case OLD_CODES -> String.join("; ", oldCodes);
            case SHARE -> share;
            case KIND -> kind;
            default -> throw new IllegalArgumentException(column);
        };
    }
}
