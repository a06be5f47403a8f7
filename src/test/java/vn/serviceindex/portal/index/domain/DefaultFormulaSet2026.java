package vn.serviceindex.portal.index.domain;

import static vn.serviceindex.portal.index.domain.EmptyDenominatorRule.FULL;
import static vn.serviceindex.portal.index.domain.EmptyDenominatorRule.ZERO;

import java.time.LocalDate;
import java.util.List;

/**
 * Test fixture: the 2026 default formula set, copied from the domain reference (SERVICE-INDEX.md §2). The
 * authoritative copy is the seed in {@code db/migration/V2__formula_sets.sql};
 * {@link DefaultFormulaSetSeedTest} keeps the two equal.
 */
final class DefaultFormulaSet2026 {

    static final FormulaSet SET = new FormulaSet("766-2026", LocalDate.of(2026, 1, 1),
            "Bộ chỉ số theo Quyết định 766/QĐ-TTg, cách tính của Cổng Dịch vụ công quốc gia năm 2026 (mặc định).",
            List.of(
                    new IndexGroup("CKMB", "Công khai, minh bạch", "Publicity and transparency", 18, List.of(
                            perMetric("PUBLISH_ON_TIME", "Công bố thủ tục hành chính đúng hạn",
                                    "Procedures published on time", 6, 100, ZERO),
                            perMetric("PUBLIC_UPDATE_ON_TIME", "Cập nhật, công khai thủ tục hành chính đúng hạn",
                                    "Procedures updated and published on time", 4, 100, ZERO),
                            perMetric("PUBLIC_CONTENT_FULL", "Công khai đầy đủ nội dung thủ tục hành chính",
                                    "Procedures published with full content", 2, 100, ZERO),
                            perMetric("DOSSIER_SYNC", "Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia",
                                    "Dossiers synchronised to the national portal", 6, 100, ZERO))),
                    new IndexGroup("TDGQ", "Tiến độ giải quyết", "On-time handling", 20, List.of(
                            new Metric("ON_TIME_HANDLING", "Hồ sơ giải quyết đúng hạn", "Dossiers handled on time", 20,
                                    List.of(Term.proportional(CountSum.of("totalOnTime"), CountSum.of("totalReceived"),
                                            20)),
                                    ZERO, false, null))),
                    new IndexGroup("CLGQ", "Dịch vụ công trực tuyến", "Online public services", 12, List.of(
                            new Metric("ONLINE_PROCEDURES", "Thủ tục hành chính cung cấp dịch vụ công trực tuyến",
                                    "Procedures offered online", 2,
                                    List.of(Term.fullAt(80, CountSum.of("partialCount", "fullCount"),
                                            CountSum.of("authorityCount"), 2)),
                                    ZERO, false, null),
                            new Metric("ONLINE_SERVICES_USED", "Dịch vụ công trực tuyến phát sinh hồ sơ trực tuyến",
                                    "Online services that received online dossiers", 4,
                                    List.of(Term.proportional(CountSum.of("onlineDossierCount"),
                                            CountSum.of("onlineServiceTotal"), 4)),
                                    ZERO, false, null),
                            new Metric("ONLINE_DOSSIER_SHARE", "Tỷ lệ hồ sơ trực tuyến", "Online share of dossiers", 6,
                                    List.of(Term.fullAt(50, CountSum.of("channelOnlineSum"),
                                            CountSum.of("channelTotalSum"), 6)),
                                    ZERO, false, null))),
                    new IndexGroup("TTTT", "Thanh toán trực tuyến", "Online payment", 10, List.of(
                            new Metric("ONLINE_PAYMENT", "Thanh toán trực tuyến", "Online payment", 10, List.of(
                                    new Term(CountSum.of("totalDossierOnlinePaymentSuccess"),
                                            CountSum.of("totalDossierFinancialObligation"), 6, 6, 100),
                                    new Term(CountSum.of("totalDossierOnlineFormalityPaymentSuccess"),
                                            CountSum.of("totalFeeFormality"), 2.5, 2, 100),
                                    new Term(CountSum.of("totalFeeDossierFormality"),
                                            CountSum.of("totalFeeFormality"), 2.5, 2.5, 100)),
                                    ZERO, true, null)),
                            // Online payment tracks term A, the dossiers with a fee paid online (V15_2).
                            new HeadlineTerm("ONLINE_PAYMENT", 1)),
                    new IndexGroup("MDHL", "Mức độ hài lòng", "Satisfaction", 18, List.of(
                            perMetric("PETITION_PROCESSING_ON_TIME", "Xử lý phản ánh, kiến nghị đúng hạn",
                                    "Petitions handled on time", 6, 100, FULL),
                            perMetric("PETITION_HANDLING_SATISFACTION", "Hài lòng về xử lý phản ánh, kiến nghị",
                                    "Satisfaction with petition handling", 6, 100, FULL),
                            perMetric("DOSSIER_RECEIVING_SATISFACTION", "Hài lòng về tiếp nhận, giải quyết hồ sơ",
                                    "Satisfaction with receiving and handling dossiers", 6, 90, ZERO),
                            Metric.trackedOnly("PETITION_CLASSIFICATION_TTHC",
                                    "Phân loại phản ánh, kiến nghị về thủ tục hành chính",
                                    "Petitions classified: administrative procedures"),
                            Metric.trackedOnly("PETITION_CLASSIFICATION_STAFF",
                                    "Phân loại phản ánh, kiến nghị về cán bộ, công chức",
                                    "Petitions classified: staff"))),
                    new IndexGroup("MDSH", "Mức độ số hóa", "Digitisation of dossiers and results", 22, List.of(
                            perMetric("ORIGINAL_RESULT_AVAILABLE", "Hồ sơ có kết quả giải quyết điện tử",
                                    "Dossiers with an electronic result", 6, 100, ZERO),
                            perMetric("SO_HOA_GIAY_TO_GIAI_QUYET", "Số hóa hồ sơ, giấy tờ giải quyết thủ tục hành chính",
                                    "Dossiers digitised", 4, 100, ZERO),
                            Metric.fixed("ELECTRONIC_CERTIFIED_COPY", "Chứng thực bản sao điện tử",
                                    "Electronic certified copies", 2, 2),
                            perMetric("REUSED_DIGITIZED_DATA", "Tái sử dụng dữ liệu đã số hóa",
                                    "Digitised data reused", 2, 80, ZERO),
                            perMetric("SYNCED_WITH_DVCQG_PERSONAL_STORAGE",
                                    "Đồng bộ kho dữ liệu cá nhân trên Cổng Dịch vụ công quốc gia",
                                    "Synchronised to the citizen's personal store", 4, 100, ZERO),
                            perMetric("CITIZEN_DATA_CONNECTED_DOSSIER", "Kết nối dữ liệu dân cư (hồ sơ)",
                                    "Citizen data connected (dossiers)", 2, 100, ZERO),
                            perMetric("CITIZEN_DATA_CONNECTED_FORMALITY", "Kết nối dữ liệu dân cư (thủ tục hành chính)",
                                    "Citizen data connected (procedures)", 2, 100, ZERO)))));

    private DefaultFormulaSet2026() {
    }

    static Metric metric(String code) {
        return SET.metric(code).orElseThrow();
    }

    static IndexGroup group(String code) {
        return SET.group(code).orElseThrow();
    }

    /** A metric of a per-metric group (portal shape 3): counts named {@code <CODE>.numerator/.denominator}. */
    private static Metric perMetric(String code, String nameVi, String nameEn, double max, double threshold,
                                    EmptyDenominatorRule whenEmpty) {
        Term term = Term.fullAt(threshold, CountSum.of(code + ".numerator"), CountSum.of(code + ".denominator"), max);
        return new Metric(code, nameVi, nameEn, max, List.of(term), whenEmpty, false, null);
    }
}
