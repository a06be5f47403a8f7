package vn.serviceindex.portal.base.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.base.domain.JsonPaths;
import vn.serviceindex.portal.base.domain.TooLarge;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * Request bodies as the API reads them: never more than a limit (a larger body is refused by its declared length
 * before it is read, or after one byte past the limit), and JSON read strictly: a key given twice in one object is
 * refused (which of the two would count?), as is anything after the document.
 */
public final class JsonBodies {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodies() {
    }

    /**
     * The body's bytes.
     *
     * @throws TooLarge ({@code api.error.tooLarge}, 413) above {@code maxBytes}
     */
    public static byte[] read(HttpServletRequest request, long maxBytes) {
        return read(request, maxBytes, "api.error.tooLarge");
    }

    /** As {@link #read(HttpServletRequest, long)}, refusing a larger body with the caller's message. */
    public static byte[] read(HttpServletRequest request, long maxBytes, String tooLargeKey) {
        long megabytes = Math.max(1, maxBytes / (1024 * 1024));
        if (request.getContentLengthLong() > maxBytes) {
            throw new TooLarge(null, tooLargeKey, megabytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new TooLarge(null, tooLargeKey, megabytes);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body as a JSON tree.
     *
     * @throws UserError {@code api.error.duplicateKey} at the repeated key's path, {@code api.error.malformedJson}
     *                   at {@code $} for anything that is not one JSON document
     */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode tree = STRICT.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw UserError.at("$", "api.error.malformedJson");
            }
            return tree;
        } catch (JacksonException e) {
            String duplicate = JsonPaths.duplicateKey(e).orElse(null);
            if (duplicate != null) {
                throw UserError.at(duplicate, "api.error.duplicateKey", duplicate);
            }
            throw UserError.at("$", "api.error.malformedJson");
        }
    }
}
