package vn.serviceindex.portal.result.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text of the results feature exists in both languages. */
class ResultMessagesTest {

    private static Set<String> resultKeys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ResultMessagesTest.class.getClassLoader().getResourceAsStream(bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = new TreeSet<>();
        properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith("result.") || k.startsWith("error.constraint.result")
                        || k.equals("nav.imports"))
                .forEach(keys::add);
        return keys;
    }

    @Test
    void vietnamese_and_english_have_the_same_keys() throws IOException {
        Set<String> vietnamese = resultKeys("messages_vi.properties");
        assertThat(vietnamese).hasSizeGreaterThan(40);
        assertThat(resultKeys("messages_en.properties")).isEqualTo(vietnamese);
    }

    @Test
    void every_refusal_the_reader_can_raise_has_a_text() throws IOException {
        Set<String> keys = resultKeys("messages_en.properties");
        for (String key : new String[] {"empty", "tooLarge", "truncated", "notJson", "wrongShape", "portalNotOk",
                "unknownGroup", "mixedGroups", "missing", "badId", "notText", "tooLong", "level", "negative",
                "notNumber", "notFinite", "contradiction", "scoreAboveMax", "rateRange", "duplicateUnit",
                "rootNotProvince", "rootNotFound", "provinceCreateNotPermitted", "unitElsewhere", "levelMissing",
                "levelUnderProvince", "codeTaken", "portalIdConflict"}) {
            assertThat(keys).contains("result.import.error." + key);
        }
    }
}
