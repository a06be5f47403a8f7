package vn.serviceindex.portal.index.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.serviceindex.portal.index.domain.DefaultFormulaSet2026.SET;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The seed in {@code V2__formula_sets.sql} is the authoritative default set; the tests score with the Java fixture.
 * This reads the seed's rows (one per line, as the migration writes them) back into a {@link FormulaSet} so that
 * the two cannot drift apart.
 */
class DefaultFormulaSetSeedTest {

    private static final String MIGRATION = "db/migration/V2__formula_sets.sql";
    /** The groups' headline terms, added to the seeded sets later. */
    private static final String HEADLINES = "db/migration/V15_2__group_headlines.sql";
    private static final Pattern HEADLINE_ROW = Pattern.compile(
            "set headline_metric = '(\\w+)',\\s*headline_term\\s*=\\s*(\\d+)\\s*where g\\.code = '(\\w+)'");
    private static final String TEXT = "'((?:[^']|'')*)'";
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";

    private static final Pattern SET_ROW = Pattern.compile(
            "INSERT INTO formula_set .*?VALUES \\(" + TEXT + ", DATE '([\\d-]+)',\\s*" + TEXT, Pattern.DOTALL);
    private static final Pattern GROUP_ROW = Pattern.compile(
            "^\\s*\\('(\\w+)', " + TEXT + ", " + TEXT + ", " + NUMBER + ", (\\d+)\\),?$", Pattern.MULTILINE);
    private static final Pattern METRIC_ROW = Pattern.compile(
            "^\\s*\\('(\\w+)', '(\\w+)', " + TEXT + ", " + TEXT + ", " + NUMBER + ", '(\\w+)', (true|false), "
                    + "(?:NULL(?:::numeric)?|" + NUMBER + "), (\\d+)\\),?$", Pattern.MULTILINE);
    private static final Pattern TERM_ROW = Pattern.compile(
            "^\\s*\\('(\\w+)', ARRAY\\[([^]]*)], ARRAY\\[([^]]*)], " + NUMBER + ", " + NUMBER + ", " + NUMBER
                    + ", (\\d+)\\),?$", Pattern.MULTILINE);

    @Test
    void the_java_fixture_is_the_default_set_the_migration_seeds() throws IOException {
        assertThat(seededSet()).isEqualTo(SET);
    }

    @Test
    void the_seeded_default_set_is_valid() throws IOException {
        assertThat(FormulaValidation.validate(seededSet())).isEmpty();
    }

    @Test
    void the_seed_marks_online_payment_to_round_its_rate_first_and_digitisation_not() throws IOException {
        FormulaSet seeded = seededSet();

        assertThat(seeded.group("TTTT").orElseThrow().metrics()).allMatch(Metric::roundRateFirst);
        assertThat(seeded.group("MDSH").orElseThrow().metrics()).noneMatch(Metric::roundRateFirst);
    }

    private static FormulaSet seededSet() throws IOException {
        String sql = migration();

        Matcher set = SET_ROW.matcher(sql);
        assertThat(set.find()).as("the formula_set row").isTrue();

        Map<String, List<Term>> terms = new LinkedHashMap<>();
        Matcher term = TERM_ROW.matcher(sql);
        while (term.find()) {
            terms.computeIfAbsent(term.group(1), code -> new ArrayList<>()).add(new Term(
                    new CountSum(fields(term.group(2))), new CountSum(fields(term.group(3))),
                    Double.parseDouble(term.group(4)), Double.parseDouble(term.group(5)),
                    Double.parseDouble(term.group(6))));
        }

        Map<String, List<Metric>> metrics = new LinkedHashMap<>();
        Matcher metric = METRIC_ROW.matcher(sql);
        while (metric.find()) {
            String code = metric.group(2);
            metrics.computeIfAbsent(metric.group(1), group -> new ArrayList<>()).add(new Metric(code,
                    unquote(metric.group(3)), unquote(metric.group(4)), Double.parseDouble(metric.group(5)),
                    terms.getOrDefault(code, List.of()), EmptyDenominatorRule.valueOf(metric.group(6)),
                    Boolean.parseBoolean(metric.group(7)),
                    metric.group(8) == null ? null : Double.parseDouble(metric.group(8))));
        }

        List<IndexGroup> groups = new ArrayList<>();
        Matcher group = GROUP_ROW.matcher(sql);
        while (group.find()) {
            groups.add(new IndexGroup(group.group(1), unquote(group.group(2)), unquote(group.group(3)),
                    Double.parseDouble(group.group(4)), metrics.getOrDefault(group.group(1), List.of())));
        }
        Matcher headline = HEADLINE_ROW.matcher(migration(HEADLINES));
        while (headline.find()) {
            HeadlineTerm named = new HeadlineTerm(headline.group(1), Integer.parseInt(headline.group(2)));
            groups.replaceAll(g -> g.code().equals(headline.group(3)) ? g.withHeadline(named) : g);
        }
        return new FormulaSet(unquote(set.group(1)), LocalDate.parse(set.group(2)), unquote(set.group(3)), groups);
    }

    private static List<String> fields(String arrayItems) {
        return Arrays.stream(arrayItems.split(",")).map(String::strip).map(item -> unquote(item.replaceAll("^'|'$", "")))
                .toList();
    }

    private static String unquote(String sqlText) {
        return sqlText.replace("''", "'");
    }

    private static String migration() throws IOException {
        return migration(MIGRATION);
    }

    private static String migration(String path) throws IOException {
        try (InputStream in = DefaultFormulaSetSeedTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
