package vn.serviceindex.portal.security.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password hash is checked once per name and password for a while, not on every HTTP Basic request; a wrong
 * password costs no more than a right one, and a name without an account costs a real check too.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CredentialCacheTest {

    /** The portal's encoder, counting the hash checks it makes. */
    private final CountingEncoder encoder = new CountingEncoder();
    private final String hash = encoder.encode("Demo@2024");

    @Test
    void the_same_right_password_is_checked_against_the_hash_once() {
        var cache = new CredentialCache(encoder, Duration.ofSeconds(60));

        for (int i = 0; i < 50; i++) {
            assertThat(cache.matches("admin", "Demo@2024", hash)).isTrue();
        }
        assertThat(encoder.checks).containsExactly(hash);
    }

    @Test
    void fifty_parallel_requests_with_the_same_credentials_wait_for_one_check() throws Exception {
        var cache = new CredentialCache(encoder, Duration.ofSeconds(60));
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(50)) {
            var answers = java.util.stream.IntStream.range(0, 50).mapToObj(i -> pool.submit(() -> {
                start.await();
                return cache.matches("admin", "Demo@2024", hash);
            })).toList();
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        }
        assertThat(encoder.checks).hasSize(1);
    }

    @Test
    void a_repeated_wrong_password_costs_no_more_than_a_right_one() {
        var cache = new CredentialCache(encoder, Duration.ofSeconds(60));

        for (int i = 0; i < 50; i++) {
            assertThat(cache.matches("admin", "Demo@2025", hash)).isFalse();
        }
        assertThat(encoder.checks).hasSize(1);
    }

    @Test
    void a_name_without_an_account_is_checked_against_a_dummy_hash_as_long_as_a_real_one() {
        var cache = new CredentialCache(encoder, Duration.ofSeconds(60));

        assertThat(cache.matches("khong.co", "Demo@2024", null)).isFalse();

        assertThat(encoder.checks).hasSize(1);
        assertThat(encoder.checks.getFirst()).startsWith("{bcrypt}").isNotEqualTo(hash);
    }

    @Test
    void a_changed_password_counts_at_once_even_from_another_node() {
        var cache = new CredentialCache(encoder, Duration.ofSeconds(60));
        assertThat(cache.matches("admin", "Demo@2024", hash)).isTrue();

        // Another node changed the password: this node only sees the new hash in the database.
        String newHash = encoder.encode("MatKhauMoi2025");
        assertThat(cache.matches("admin", "Demo@2024", newHash)).isFalse();
        assertThat(cache.matches("admin", "MatKhauMoi2025", newHash)).isTrue();
    }

    @Test
    void an_evicted_account_is_checked_again() {
        var cache = new CredentialCache(encoder, Duration.ofSeconds(60));
        cache.matches("admin", "Demo@2024", hash);
        cache.matches("kiemtoan", "Demo@2024", hash);

        cache.evict("admin");
        cache.matches("admin", "Demo@2024", hash);
        cache.matches("kiemtoan", "Demo@2024", hash);

        assertThat(encoder.checks).hasSize(3);
    }

    @Test
    void an_entry_lasts_only_its_time() throws InterruptedException {
        var cache = new CredentialCache(encoder, Duration.ofMillis(1));
        cache.matches("admin", "Demo@2024", hash);
        Thread.sleep(5);

        cache.matches("admin", "Demo@2024", hash);

        assertThat(encoder.checks).hasSize(2);
    }

    private static final class CountingEncoder implements PasswordEncoder {

        private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final List<String> checks = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public String encode(CharSequence rawPassword) {
            return real.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.add(encodedPassword);
            return real.matches(rawPassword, encodedPassword);
        }
    }
}
