package vn.serviceindex.portal.audit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head of the sealed chain at one moment, signed with the audit key and kept outside the database (a file beside
 * the data, every export). A chain that no longer reaches it, or reaches it with another seal, lost its end.
 *
 * @param links   how many links the chain had (the head's sequence number)
 * @param records how many records those links sealed
 * @param mac     the head link's seal
 */
public record Checkpoint(long links, long records, String mac, Instant at, String signature) {

    private static final Pattern LINE = Pattern.compile(
            "audit-checkpoint v1 links=(\\d+) records=(\\d+) mac=([0-9a-f]{64}) at=(\\S+) signature=([0-9a-f]{64})");

    public static Checkpoint sign(AuditKey key, long links, long records, String mac, Instant at) {
        return new Checkpoint(links, records, mac, at, key.mac(text(links, records, mac, at)));
    }

    /** Whether the key signed exactly these values. */
    public boolean signedWith(AuditKey key) {
        return key.mac(text(links, records, mac, at)).equals(signature);
    }

    public String line() {
        return "audit-checkpoint v1 links=" + links + " records=" + records + " mac=" + mac + " at=" + at
                + " signature=" + signature;
    }

    /** A line written by {@link #line()}; empty for anything else. */
    public static Optional<Checkpoint> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Checkpoint(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3),
                    Instant.parse(m.group(4)), m.group(5)));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static String text(long links, long records, String mac, Instant at) {
        return SealText.of("checkpoint", List.of(links, records, mac, at));
    }
}
