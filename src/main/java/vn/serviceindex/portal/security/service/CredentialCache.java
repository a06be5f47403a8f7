package vn.serviceindex.portal.security.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Remembers for a short while whether a name and password matched the account's stored hash, so that an HTTP Basic
 * client sending the same credentials with every request costs one bcrypt check per minute, not one per request
 * (50 parallel requests waited p50 3 s behind bcrypt). Wrong passwords are remembered too, so that repeating one
 * costs no more than a right one; a name without an account is checked against a dummy hash, as long as a real one.
 * The key is an HMAC of name and password under a key drawn at start, never the password; an entry only counts
 * while the account's stored hash is the one it was checked against, so a changed password takes effect on every
 * node at once, and {@link #evict} drops an account's entries on this node when its password, roles or state change.
 */
@Component
public class CredentialCache {

    private static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder passwordEncoder;
    private final long ttlNanos;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    private volatile @Nullable String dummyHash;

    private record Entry(String username, String storedHash, boolean matches, long expiresAt) {
    }

    CredentialCache(PasswordEncoder passwordEncoder,
                    @Value("${portal.login.credential-cache:60s}") Duration ttl) {
        this.passwordEncoder = passwordEncoder;
        this.ttlNanos = ttl.toNanos();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * @param storedHash the account's stored hash, null when no account has this name
     * @return whether the password is the account's (always false without an account)
     */
    boolean matches(String username, String password, @Nullable String storedHash) {
        String entryKey = keyOf(username, password);
        String hash = storedHash == null ? "" : storedHash;
        long now = System.nanoTime();
        Entry cached = entries.get(entryKey);
        if (cached != null && cached.storedHash().equals(hash) && now - cached.expiresAt() < 0) {
            return cached.matches();
        }
        // Parallel requests with the same credentials (a client's first burst) wait for one check, not one each.
        String flightKey = entryKey + '\u0000' + hash;
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(flightKey, mine);
        if (running != null) {
            return running.join();
        }
        try {
            boolean matches = check(username, password, storedHash, entryKey, hash, now);
            mine.complete(matches);
            return matches;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(flightKey, mine);
        }
    }

    private boolean check(String username, String password, @Nullable String storedHash, String entryKey,
                          String hash, long now) {
        boolean matches = passwordEncoder.matches(password, storedHash == null ? dummyHash() : storedHash)
                && storedHash != null;
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> now - entry.expiresAt() >= 0);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(entryKey, new Entry(username, hash, matches, now + ttlNanos));
        return matches;
    }

    /** Forgets every credential checked for this account name on this node. */
    public void evict(String username) {
        entries.values().removeIf(entry -> entry.username().equals(username));
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = passwordEncoder.encode("no account has this password " + System.nanoTime());
            dummyHash = hash;
        }
        return hash;
    }

    private String keyOf(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
