package vn.serviceindex.portal.unit.domain;

/** How a predecessor became its successor in a restructuring. */
public enum LineageKind {
    /** Several units into one. */
    MERGE,
    /** One unit into several, each successor with its share where known. */
    SPLIT,
    /** One into one: a new name or code, same parent. */
    RENAME,
    /** One into one under another parent (a commune of an abolished district moving under the province). */
    REPARENT
}
