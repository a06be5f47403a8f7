package vn.serviceindex.portal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.security.domain.Role;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/**
 * Every text the portal shows exists in Vietnamese and in English. A missing key shows the user "!key!", so the
 * keys the code names are checked against both bundles: literal keys by scanning src/main/java, keys built at run
 * time by enumerating what they are built from (enums). The texts of database constraints are checked against the
 * schema itself in {@code ConstraintViolationsTest}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MessageBundlesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    /** The calls that take a message key as their first argument. */
    private static final Pattern KEY_CALL = Pattern.compile(
            "(?:getTranslation|new UserError|new NotPermitted|Notifications\\.success|new MessageKey)\\(\\s*\"([^\"]+)\"");
    /** Any other string literal that reads like a key of one of the bundles' namespaces. */
    private static final Pattern KEY_LIKE_LITERAL = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private static Map<String, String> vietnamese;
    private static Map<String, String> english;
    private static Map<String, String> sources;

    @BeforeAll
    static void load() throws IOException {
        vietnamese = bundle("messages_vi.properties");
        english = bundle("messages_en.properties");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = files.filter(f -> f.toString().endsWith(".java"))
                    .collect(Collectors.toMap(f -> SOURCES.relativize(f).toString(), MessageBundlesTest::read,
                            (a, b) -> a, TreeMap::new));
        }
        assertThat(sources).as("the main sources are found from the project directory").isNotEmpty();
    }

    @Test
    void both_languages_have_exactly_the_same_keys() {
        assertThat(english.keySet()).as("keys in English but not in Vietnamese")
                .isSubsetOf(vietnamese.keySet());
        assertThat(vietnamese.keySet()).as("keys in Vietnamese but not in English")
                .isSubsetOf(english.keySet());
    }

    @Test
    void no_text_is_blank() {
        assertThat(vietnamese).allSatisfy((key, text) -> assertThat(text).as(key).isNotBlank());
        assertThat(english).allSatisfy((key, text) -> assertThat(text).as(key).isNotBlank());
    }

    @Test
    void no_key_is_written_twice_in_a_bundle() throws IOException {
        for (String file : List.of("messages_vi.properties", "messages_en.properties")) {
            List<String> keys = rawLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.substring(0, l.indexOf('=')).strip()).toList();
            assertThat(keys).as(file).doesNotHaveDuplicates();
        }
    }

    @Test
    void every_key_the_code_names_by_its_call_exists_in_both_languages() {
        Set<String> keys = new TreeSet<>();
        sources.values().forEach(source -> matches(KEY_CALL, source).forEach(keys::add));
        keys.removeIf(key -> key.endsWith("."));

        assertThat(keys).as("the scan finds the translated calls").hasSizeGreaterThan(40);
        assertThat(keys).as("missing in Vietnamese").isSubsetOf(vietnamese.keySet());
        assertThat(keys).as("missing in English").isSubsetOf(english.keySet());
    }

    @Test
    void every_key_like_literal_in_the_code_exists_in_both_languages() {
        Set<String> namespaces = vietnamese.keySet().stream().map(k -> k.substring(0, k.indexOf('.')))
                .collect(Collectors.toSet());
        Map<String, String> literals = new TreeMap<>();
        sources.forEach((file, source) -> matches(KEY_LIKE_LITERAL, source).stream()
                .filter(literal -> namespaces.contains(literal.substring(0, literal.indexOf('.'))))
                .forEach(literal -> literals.put(literal, file)));

        assertThat(literals).as("menu titles, facts, places and labels are found too")
                .containsKeys("nav.workspace", "nav.adminUnits", "unit.field.portalId", "workspace.targets.empty",
                        "account.disabled", "account.field.homeUnit");
        assertThat(missingFrom(vietnamese, literals)).as("missing in Vietnamese (key → file)").isEmpty();
        assertThat(missingFrom(english, literals)).as("missing in English (key → file)").isEmpty();
    }

    @Test
    void every_unit_level_and_role_has_a_name_in_both_languages() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(UnitLevel.values()).forEach(level -> keys.add("unit.level." + level.name()));
        Arrays.stream(Role.values()).forEach(role -> keys.add("role." + role.name()));

        assertThat(keys).isSubsetOf(vietnamese.keySet()).isSubsetOf(english.keySet());
        assertThat(sources.values()).as("these are the prefixes the code builds keys from")
                .anyMatch(s -> s.contains("\"unit.level.\" + ")).anyMatch(s -> s.contains("\"role.\" + "));
    }

    @Test
    void both_languages_use_the_same_placeholders() {
        assertThat(vietnamese).allSatisfy((key, text) -> assertThat(placeholders(english.getOrDefault(key, "")))
                .as(key).isEqualTo(placeholders(text)));
    }

    @Test
    void every_text_is_a_message_pattern_with_its_apostrophes_doubled() {
        // PortalTranslations formats every text with MessageFormat, where a single ' starts a quoted part:
        // "the unit's code" would read "the units code", and "Portal''s" must be written for "Portal's".
        for (Map<String, String> bundle : List.of(vietnamese, english)) {
            assertThat(bundle).allSatisfy((key, text) -> {
                assertThat(text.replace("''", "")).as(key).doesNotContain("'");
                assertThat(new MessageFormat(text, Locale.ENGLISH).format(new Object[0])).as(key).doesNotContain("''");
            });
        }
    }

    private static Map<String, String> missingFrom(Map<String, String> bundle, Map<String, String> keyToFile) {
        Map<String, String> missing = new TreeMap<>(keyToFile);
        missing.keySet().removeAll(bundle.keySet());
        return missing;
    }

    private static Set<String> placeholders(String text) {
        return new TreeSet<>(matches(PLACEHOLDER, text));
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Map<String, String> bundle(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames().stream()
                .collect(Collectors.toMap(k -> k, properties::getProperty, (a, b) -> a, TreeMap::new));
    }

    private static List<String> rawLines(String name) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
