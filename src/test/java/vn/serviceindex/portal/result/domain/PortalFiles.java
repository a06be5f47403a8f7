package vn.serviceindex.portal.result.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import vn.serviceindex.portal.index.domain.CountSum;
import vn.serviceindex.portal.index.domain.EmptyDenominatorRule;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.HeadlineTerm;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.index.domain.Term;

/** Test fixtures: portal-shaped files under src/test/resources/portal and the groups of the 2026 set they need. */
public final class PortalFiles {

    public static final String TTTT = "portal/tttt-gia-lai.json";
    public static final String TDGQ = "portal/tdgq-gia-lai.json";
    public static final String CKMB = "portal/ckmb-gia-lai.json";
    public static final String MDHL_NEW_PROVINCE = "portal/mdhl-new-province.json";

    /** The groups of "766-2026" the fixtures use (CLGQ and MDSH left out: no fixture needs them). */
    public static final FormulaSet SET = new FormulaSet("766-2026", LocalDate.of(2026, 1, 1), "", List.of(
            new IndexGroup("CKMB", "Công khai, minh bạch", "Publicity and transparency", 18, List.of(
                    perMetric("PUBLISH_ON_TIME", 6, EmptyDenominatorRule.ZERO),
                    perMetric("PUBLIC_UPDATE_ON_TIME", 4, EmptyDenominatorRule.ZERO),
                    perMetric("PUBLIC_CONTENT_FULL", 2, EmptyDenominatorRule.ZERO),
                    perMetric("DOSSIER_SYNC", 6, EmptyDenominatorRule.ZERO))),
            new IndexGroup("TDGQ", "Tiến độ giải quyết", "On-time handling", 20, List.of(
                    new Metric("ON_TIME_HANDLING", "Đúng hạn", "On time", 20, List.of(Term.proportional(
                            CountSum.of("totalOnTime"), CountSum.of("totalReceived"), 20)),
                            EmptyDenominatorRule.ZERO, false, null))),
            new IndexGroup("TTTT", "Thanh toán trực tuyến", "Online payment", 10, List.of(
                    new Metric("ONLINE_PAYMENT", "Thanh toán trực tuyến", "Online payment", 10, List.of(
                            Term.proportional(CountSum.of("totalDossierOnlinePaymentSuccess"),
                                    CountSum.of("totalDossierFinancialObligation"), 6),
                            new Term(CountSum.of("totalDossierOnlineFormalityPaymentSuccess"),
                                    CountSum.of("totalFeeFormality"), 2.5, 2, 100),
                            new Term(CountSum.of("totalFeeDossierFormality"), CountSum.of("totalFeeFormality"),
                                    2.5, 2.5, 100)),
                            EmptyDenominatorRule.ZERO, true, null)),
                    new HeadlineTerm("ONLINE_PAYMENT", 1)),
            new IndexGroup("MDHL", "Mức độ hài lòng", "Satisfaction", 18, List.of(
                    perMetric("PETITION_PROCESSING_ON_TIME", 6, EmptyDenominatorRule.FULL),
                    perMetric("PETITION_HANDLING_SATISFACTION", 6, EmptyDenominatorRule.FULL),
                    perMetric("DOSSIER_RECEIVING_SATISFACTION", 6, EmptyDenominatorRule.ZERO),
                    Metric.trackedOnly("PETITION_CLASSIFICATION_TTHC", "Phân loại TTHC", "Classified TTHC"),
                    Metric.trackedOnly("PETITION_CLASSIFICATION_STAFF", "Phân loại cán bộ", "Classified staff")))));

    private PortalFiles() {
    }

    public static String text(String resource) {
        try (InputStream in = PortalFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String resource) {
        return text(resource).getBytes(StandardCharsets.UTF_8);
    }

    /** The file with one literal replaced, for the bad files: the replaced text must occur. */
    public static byte[] with(String resource, String literal, String replacement) {
        String text = text(resource);
        if (!text.contains(literal)) {
            throw new IllegalArgumentException(resource + " has no " + literal);
        }
        return text.replaceFirst(java.util.regex.Pattern.quote(literal),
                java.util.regex.Matcher.quoteReplacement(replacement)).getBytes(StandardCharsets.UTF_8);
    }

    private static Metric perMetric(String code, double max, EmptyDenominatorRule whenEmpty) {
        return new Metric(code, code, code, max, List.of(Term.proportional(CountSum.of(code + ".numerator"),
                CountSum.of(code + ".denominator"), max)), whenEmpty, false, null);
    }
}
