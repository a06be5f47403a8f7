import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a national portal evaluation response of the demo province (UBND tỉnh Gia Lai, code 64) with many units, as
 * the benchmarks import it: the 22 demo departments by their codes (level PROVINCE), then new communes (level
 * COMMUNE, codes 64.B001 …). Portal ids are fixed per unit, so a second file with another seed updates the same
 * units. Counts never contradict each other and scores follow the domain reference's formulas.
 *
 * <p>Run with the JDK's source launcher: {@code java bench/PortalFile.java tttt|ckmb UNITS SEED OUT.json}
 * (tttt: shape 1, online payment; ckmb: shape 3, transparency per metric, without codes).
 */
public class PortalFile {

    static final int DEPARTMENTS = 22;

    public static void main(String[] args) throws IOException {
        if (args.length != 4 || !(args[0].equals("tttt") || args[0].equals("ckmb"))) {
            System.err.println("usage: java bench/PortalFile.java tttt|ckmb UNITS SEED OUT.json");
            System.exit(2);
        }
        int units = Integer.parseInt(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        String json = args[0].equals("tttt") ? tttt(units, random) : ckmb(units, random);
        Files.writeString(Path.of(args[3]), json, StandardCharsets.UTF_8);
    }

    static String portalId(int n) {
        return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", n);
    }

    static boolean isDepartment(int i) {
        return i < DEPARTMENTS;
    }

    static String code(int i) {
        return isDepartment(i) ? String.format(Locale.ROOT, "H64.%02d", i + 1)
                : String.format(Locale.ROOT, "64.B%03d", i - DEPARTMENTS + 1);
    }

    static String name(int i) {
        return isDepartment(i) ? "Sở số " + (i + 1) + " - Tỉnh Gia Lai" : "Xã Thử nghiệm " + (i - DEPARTMENTS + 1);
    }

    /** Two decimals half-up on the exact binary value, as the portal rounds. */
    static double round(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    static String num(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    // --- shape 1: parent and children, TTTT

    static String tttt(int units, Random random) {
        StringBuilder out = new StringBuilder("{\"code\":\"OK\",\"message\":null,\"data\":{\n\"parent\":");
        long[] sums = new long[5];
        StringBuilder children = new StringBuilder();
        for (int i = 0; i < units; i++) {
            long obligation = 20 + random.nextInt(2000);
            long paid = (long) (obligation * random.nextDouble());
            long formalities = 1 + random.nextInt(40);
            long formalitiesPaid = (long) (formalities * random.nextDouble());
            long feeDossier = (long) (formalities * random.nextDouble());
            long[] counts = {paid, obligation, formalitiesPaid, feeDossier, formalities};
            for (int c = 0; c < 5; c++) {
                sums[c] += counts[c];
            }
            String level = isDepartment(i) ? "PROVINCE" : "COMMUNE";
            children.append(i == 0 ? "" : ",\n").append("{\"departmentId\":\"").append(portalId(1000 + i))
                    .append("\",\"departmentName\":\"").append(name(i)).append("\",\"departmentCode\":\"")
                    .append(code(i)).append("\",\"level\":\"").append(level).append("\",")
                    .append(ttttFields(counts)).append(",\"scoreDelta\":null}");
        }
        out.append("{\"departmentId\":\"").append(portalId(64))
                .append("\",\"departmentName\":\"UBND tỉnh Gia Lai\",\"departmentCode\":\"64\",")
                .append(ttttFields(sums)).append("},\n\"children\":[\n").append(children).append("]}}\n");
        return out.toString();
    }

    /** Score fields and counts: A = paid / obligation, B = formalities paid / formalities, C = fee dossiers / formalities. */
    static String ttttFields(long[] c) {
        double a = c[1] == 0 ? 0 : (double) c[0] / c[1];
        double b = c[4] == 0 ? 0 : (double) c[2] / c[4];
        double cc = c[4] == 0 ? 0 : (double) c[3] / c[4];
        double score = Math.min(10, round(Math.min(6, 6 * a)) + round(Math.min(2, 2.5 * b))
                + round(Math.min(2.5, 2.5 * cc)));
        score = round(score);
        return "\"totalMaxScore\":10,\"totalScore\":" + num(score) + ",\"ratio\":" + num(round(score * 10))
                + ",\"totalDossierOnlinePaymentSuccess\":" + c[0] + ",\"totalDossierFinancialObligation\":" + c[1]
                + ",\"totalDossierOnlineFormalityPaymentSuccess\":" + c[2] + ",\"totalFeeDossierFormality\":" + c[3]
                + ",\"totalFeeDossierFormalityDistinct\":" + c[4] + ",\"totalFeeFormality\":" + c[4];
    }

    // --- shape 3: overview and evaluation, CKMB per metric, no codes

    static final String[] CKMB_METRICS = {"PUBLISH_ON_TIME", "PUBLIC_UPDATE_ON_TIME", "PUBLIC_CONTENT_FULL",
            "DOSSIER_SYNC"};
    static final int[] CKMB_MAX = {6, 4, 2, 6};

    static String ckmb(int units, Random random) {
        StringBuilder evaluation = new StringBuilder();
        for (int i = 0; i < units; i++) {
            boolean department = isDepartment(i);
            evaluation.append(i == 0 ? "" : ",\n").append("{\"stt\":").append(i + 1).append(",\"departmentId\":\"")
                    .append(portalId(1000 + i)).append("\",\"departmentName\":\"").append(name(i))
                    .append("\",\"departmentType\":\"")
                    .append(department ? "PROVINCIAL_DEPARTMENT" : "COMMUNE_PEOPLE_COMMITTEE")
                    .append("\",\"departmentLevel\":\"").append(department ? "PROVINCE" : "COMMUNE")
                    .append("\",\"agencyLevel\":\"").append(department ? "level_2" : "level_3").append("\",")
                    .append(ckmbFields(random)).append(",\"scoreDelta\":null}");
        }
        return "{\"code\":\"OK\",\"message\":null,\"data\":{\n\"overview\":{\"departmentId\":\"" + portalId(64)
                + "\",\"departmentName\":\"UBND tỉnh Gia Lai\",\"departmentType\":\"PROVINCE\","
                + "\"departmentLevel\":\"PROVINCE\"," + ckmbFields(random) + "},\n\"evaluation\":[\n" + evaluation
                + "],\n\"pagination\":{\"total\":" + units + ",\"currentPage\":1,\"pageSize\":" + units
                + ",\"totalPages\":1},\"monthlyChart\":[]}}\n";
    }

    static String ckmbFields(Random random) {
        StringBuilder metrics = new StringBuilder();
        double total = 0;
        for (int m = 0; m < CKMB_METRICS.length; m++) {
            long denominator = 1 + random.nextInt(m == 3 ? 5000 : 150);
            long numerator = (long) (denominator * (0.3 + 0.7 * random.nextDouble()));
            double ratio = round(100.0 * numerator / denominator);
            double score = round(CKMB_MAX[m] * (double) numerator / denominator);
            total += score;
            metrics.append(m == 0 ? "" : ",").append("{\"code\":\"").append(CKMB_METRICS[m])
                    .append("\",\"numerator\":").append(numerator).append(",\"denominator\":").append(denominator)
                    .append(",\"ratio\":").append(num(ratio)).append(",\"score\":").append(num(score))
                    .append(",\"maxScore\":").append(CKMB_MAX[m]).append('}');
        }
        total = round(total);
        return "\"totalScore\":" + num(total) + ",\"totalMaxScore\":18,\"ratio\":" + num(round(100 * total / 18))
                + ",\"metrics\":[" + metrics + "]";
    }
}
