import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a province's year as a result sheet, as the benchmarks import it: the units of bench/PortalFile.java (the 22
 * demo departments H64.01 …, then the communes 64.B001 … a first portal file creates) × 6 groups × 12 months
 * (2023-06 … 2024-05), CSV with ';' and decimal commas and on-time counts for TDGQ, like ProvinceScaleBenchmark's.
 * A second file with another seed has other figures for the same rows.
 *
 * <p>{@code java bench/ProvinceSheet.java UNITS SEED OUT.csv}; with OUT.sql as a fourth argument it also writes the
 * same rows as plain SQL (the floor: what the portal's writes would be as hand-written set-based statements).
 */
public class ProvinceSheet {

    static final List<String> GROUPS = List.of("CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH");
    static final double[] MAX = {18, 20, 12, 10, 18, 22};
    static final List<String> MONTHS = List.of("2023-06", "2023-07", "2023-08", "2023-09", "2023-10", "2023-11",
            "2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05");

    public static void main(String[] args) throws IOException {
        int units = Integer.parseInt(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        StringBuilder csv = new StringBuilder("unit_code;unit_name;period;group;rate;score;totalOnTime;totalReceived\n");
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < units; i++) {
            String code = i < 22 ? String.format(Locale.ROOT, "H64.%02d", i + 1)
                    : String.format(Locale.ROOT, "64.B%03d", i - 22 + 1);
            for (String period : MONTHS) {
                for (int g = 0; g < GROUPS.size(); g++) {
                    String counts = ";";
                    String json = "{}";
                    double rate;
                    if (GROUPS.get(g).equals("TDGQ")) {
                        int received = 10 + random.nextInt(3000);
                        int onTime = (int) (received * (0.6 + 0.4 * random.nextDouble()));
                        rate = 100.0 * onTime / received;
                        counts = onTime + ";" + received;
                        json = "{\"totalOnTime\": " + onTime + ", \"totalReceived\": " + received + "}";
                    } else {
                        rate = 100 * random.nextDouble();
                    }
                    double score = Math.min(MAX[g], MAX[g] * Math.round(rate * 100) / 10000.0);
                    csv.append(code).append(';').append("Đơn vị ").append(code).append(';').append(period)
                            .append(';').append(GROUPS.get(g)).append(';').append(decimal(rate)).append(';')
                            .append(decimal(score)).append(';').append(counts).append('\n');
                    tsv.append(code).append('\t').append(period).append('\t').append(GROUPS.get(g)).append('\t')
                            .append(decimal(rate).replace(',', '.')).append('\t')
                            .append(decimal(score).replace(',', '.')).append('\t').append(MAX[g]).append('\t')
                            .append(json).append('\n');
                }
            }
        }
        Files.writeString(Path.of(args[2]), csv, StandardCharsets.UTF_8);
        if (args.length > 3) {
            Files.writeString(Path.of(args[3]), tsv, StandardCharsets.UTF_8);
        }
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", Math.floor(value * 100) / 100).replace('.', ',');
    }
}
