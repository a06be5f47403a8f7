package vn.serviceindex.portal.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that seals the change history (HMAC-SHA256). The portal holds it, the database never does: whoever can
 * only write SQL cannot make a sealed record, link or checkpoint that the check accepts.
 */
public final class AuditKey {

    /** Bytes of a generated key. */
    public static final int LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public AuditKey(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("an audit key needs at least 16 bytes, got " + secret.length);
        }
        this.key = new SecretKeySpec(Arrays.copyOf(secret, secret.length), ALGORITHM);
    }

    public static AuditKey generate() {
        return new AuditKey(randomBytes());
    }

    public static byte[] randomBytes() {
        byte[] secret = new byte[LENGTH];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The full HMAC of a text, as 64 hex digits. */
    public String mac(String text) {
        return HexFormat.of().formatHex(hmac(text));
    }

    /** A record's tag: the first 16 bytes of its HMAC (32 hex digits), enough against forgery and half the size. */
    public String tag(String text) {
        return HexFormat.of().formatHex(hmac(text), 0, 16);
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AuditKey[hidden]";
    }
}
