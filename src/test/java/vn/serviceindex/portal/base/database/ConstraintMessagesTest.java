package vn.serviceindex.portal.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text goes through {@link MessageFormat} ({@code PortalTranslations} formats them all), where a lone
 * apostrophe starts a quote and disappears: "The unit's level" would read "The units level". Such texts must write
 * it doubled (''). {@code MessageBundlesTest} checks the same for every text of both bundles.
 */
class ConstraintMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en"})
    void constraint_texts_survive_message_formatting_unchanged(String language) {
        Locale locale = Locale.of(language);
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

        assertThat(bundle.keySet().stream().filter(key -> key.startsWith("error.constraint.")))
                .isNotEmpty()
                .allSatisfy(key -> {
                    String pattern = bundle.getString(key);
                    if (!pattern.contains("{")) {
                        assertThat(new MessageFormat(pattern, locale).format(new Object[] {"detail"}))
                                .as(key).isEqualTo(pattern.replace("''", "'"));
                    }
                });
    }
}
