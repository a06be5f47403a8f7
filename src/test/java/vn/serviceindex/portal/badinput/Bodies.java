package vn.serviceindex.portal.badinput;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;
import vn.serviceindex.portal.result.domain.PortalFiles;

/**
 * The content a corpus case sends: {@code body} as written; {@code bodyResource} (a test file) with each
 * {@code replace} pair applied once, the literal required to occur; {@code bodyFill}, that many bytes of blanks;
 * {@code bodyUnits}, a score request with that many units.
 */
final class Bodies {

    private Bodies() {
    }

    static byte[] of(JsonNode spec) {
        if (spec.hasNonNull("body")) {
            return spec.get("body").asString().getBytes(StandardCharsets.UTF_8);
        }
        if (spec.hasNonNull("bodyResource")) {
            String text = PortalFiles.text(spec.get("bodyResource").asString());
            JsonNode replacements = spec.get("replace");
            if (replacements != null) {
                for (JsonNode pair : replacements) {
                    String literal = pair.get(0).asString();
                    if (!text.contains(literal)) {
                        throw new IllegalArgumentException(spec.path("case").asString() + ": no " + literal);
                    }
                    text = text.replace(literal, pair.get(1).asString());
                }
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (spec.hasNonNull("bodyFill")) {
            byte[] blanks = new byte[spec.get("bodyFill").asInt()];
            Arrays.fill(blanks, (byte) ' ');
            return blanks;
        }
        if (spec.hasNonNull("bodyUnits")) {
            StringBuilder body = new StringBuilder("{\"units\":[");
            for (int i = 0; i < spec.get("bodyUnits").asInt(); i++) {
                body.append(i == 0 ? "" : ",").append("{\"code\":\"u").append(i)
                        .append("\",\"counts\":{\"totalOnTime\":1,\"totalReceived\":2}}");
            }
            return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }
}
