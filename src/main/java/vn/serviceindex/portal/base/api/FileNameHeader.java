package vn.serviceindex.portal.base.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.Text;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * The {@code X-File-Name} header: the name of the file a request body carries, recorded with an import. HTTP
 * headers are ASCII, so a name with other letters ({@code tệp.json}) is sent percent-encoded as UTF-8, as
 * JavaScript's {@code encodeURIComponent} writes it ({@code t%E1%BB%87p.json}); the RFC 5987 form
 * {@code UTF-8''t%E1%BB%87p.json} is read too. A plain ASCII name can be sent as it is. Refused at the header: a
 * character outside printable ASCII, a broken percent-encoding or UTF-8, a control character in the decoded name,
 * or a name longer than {@value #MAX_NAME} characters.
 */
public final class FileNameHeader {

    public static final String NAME = "X-File-Name";
    /** portal_import.file_name holds 255 characters. */
    public static final int MAX_NAME = 255;

    private FileNameHeader() {
    }

    /** The decoded name; null when the header is absent or blank. */
    public static @Nullable String decode(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.regionMatches(true, 0, "UTF-8''", 0, 7)) {
            value = value.substring(7);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw UserError.at(NAME, "api.error.fileNameEncoding", NAME);
            }
            if (c == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                        || Character.digit(value.charAt(i + 2), 16) < 0) {
                    throw UserError.at(NAME, "api.error.fileNameEncoding", NAME);
                }
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        String name;
        try {
            name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString().strip();
        } catch (CharacterCodingException e) {
            throw UserError.at(NAME, "api.error.fileNameEncoding", NAME);
        }
        return name.isEmpty() ? null : Text.line(NAME, name, MAX_NAME);
    }
}
