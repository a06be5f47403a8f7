package vn.serviceindex.portal.security.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoginThrottlePolicyTest {

    /** The portal's default for an account name. */
    private final LoginThrottlePolicy account = new LoginThrottlePolicy(3, 10, Duration.ofSeconds(60),
            Duration.ofMinutes(15));

    @Test
    void three_failures_are_free_then_each_doubles_the_wait_up_to_a_minute_and_the_tenth_locks() {
        assertThat(IntStream.rangeClosed(1, 11).mapToObj(account::blockAfter).toList()).containsExactly(
                Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32),
                Duration.ofMinutes(15), Duration.ofMinutes(15));
        assertThat(account.locksAt(9)).isFalse();
        assertThat(account.locksAt(10)).isTrue();
    }

    @Test
    void the_wait_never_exceeds_its_maximum_before_the_lock() {
        var address = new LoginThrottlePolicy(20, 50, Duration.ofSeconds(60), Duration.ofMinutes(15));

        assertThat(address.blockAfter(26)).isEqualTo(Duration.ofSeconds(32));
        assertThat(address.blockAfter(27)).isEqualTo(Duration.ofSeconds(60));
        assertThat(address.blockAfter(49)).isEqualTo(Duration.ofSeconds(60));
        assertThat(address.blockAfter(50)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_lock_must_come_after_the_free_failures() {
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 5, Duration.ofSeconds(60), Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
