package vn.serviceindex.portal.badinput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The corpus of bad inputs, as data under {@code src/test/resources/bad-input/}: one JSON file per surface (the HTTP
 * API, the file imports, the forms), each case a request or an input and what the portal must answer: the status
 * (API), the message key and the field at fault. One parameterized test per surface drives its file.
 */
final class Corpus {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Corpus() {
    }

    /** The cases of one file, each named by its {@code case} text for the test report. */
    static Stream<Arguments> cases(String file) {
        JsonNode all;
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream("bad-input/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus bad-input/" + file);
            }
            all = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode node : all) {
            cases.add(Arguments.argumentSet(node.path("case").asString(), node));
        }
        return cases.stream();
    }

    /** A text of the case, or the fallback when absent or null. */
    static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asString();
    }

    static Map<String, String> strings(JsonNode node, String field) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        JsonNode object = node.get(field);
        if (object != null && object.isObject()) {
            object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
        }
        return values;
    }
}
