package vn.serviceindex.portal.campaign.domain;

/**
 * The index groups whose headline rates a campaign sets targets for, in the portal's order. The codes are the
 * national portal's (and the formula sets'); the database refuses any other.
 */
public enum GroupCode {
    /** Công khai, minh bạch: publicity and transparency. */
    CKMB,
    /** Tiến độ giải quyết: on-time handling. */
    TDGQ,
    /** Dịch vụ công trực tuyến: online public services. */
    CLGQ,
    /** Thanh toán trực tuyến: online payment. */
    TTTT,
    /** Mức độ hài lòng: satisfaction. */
    MDHL,
    /** Mức độ số hóa: digitisation of dossiers and results. */
    MDSH;

    /** The message key of the group's name. */
    public String labelKey() {
        return "campaign.group." + name();
    }
}
