package vn.serviceindex.portal.base.domain;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;

/**
 * Where in a JSON document a value is, written as the portal's refusals name it: {@code units[0].counts.totalOnTime},
 * {@code data.children[3].totalOnTime}; {@code $} for the document itself.
 */
public final class JsonPaths {

    private JsonPaths() {
    }

    /**
     * The path of the key a strict parser (STRICT_DUPLICATE_DETECTION) found twice in one object; empty for any other
     * fault.
     */
    public static Optional<String> duplicateKey(JacksonException error) {
        if (error instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate Object property")
                && read.processor() instanceof JsonParser parser) {
            return Optional.of(of(parser.streamReadContext().pathAsPointer().toString()));
        }
        return Optional.empty();
    }

    /** A JSON pointer ({@code /units/0/counts/totalOnTime}) as a path ({@code units[0].counts.totalOnTime}). */
    public static String of(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }
}
