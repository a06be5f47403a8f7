package vn.serviceindex.portal.result.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.base.domain.UserError;

class GroupTypingTest {

    private static final GroupTyping NOTHING_STORED = new GroupTyping(null);

    @Test
    void a_rate_alone_or_with_a_score_is_a_result_to_store() {
        assertThat(NOTHING_STORED.read("TTTT", 41.5, null)).contains(new TypedResult("TTTT", 41.5, null));
        assertThat(NOTHING_STORED.read("TTTT", 41.5, 4.15)).contains(new TypedResult("TTTT", 41.5, 4.15));
    }

    @Test
    void two_blank_fields_store_nothing() {
        assertThat(NOTHING_STORED.read("TTTT", null, null)).isEmpty();
    }

    @Test
    void a_score_without_a_rate_is_refused_at_the_rate_since_targets_follow_the_rate() {
        assertThatThrownBy(() -> NOTHING_STORED.read("TTTT", null, 4.0))
                .isInstanceOfSatisfying(UserError.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("result.error.rateRequired");
                    assertThat(refused.field()).isEqualTo("rate");
                });
    }

    @Test
    void the_stored_score_of_a_result_the_portal_published_without_a_rate_stays_as_stored() {
        var typing = new GroupTyping(imported(null, 7.25));

        assertThat(typing.read("MDHL", null, 7.25)).isEmpty();
        assertThatThrownBy(() -> typing.read("MDHL", null, 7.5)).isInstanceOf(UserError.class);
    }

    @Test
    void the_portal_s_official_score_goes_stale_when_its_rate_is_typed_over_and_the_score_kept() {
        var typing = new GroupTyping(imported(60.0, 6.0));

        assertThat(typing.scoreGoesStale(65.0, true)).isTrue();
        assertThat(typing.scoreGoesStale(65.0, false)).as("score cleared").isFalse();
        assertThat(typing.scoreGoesStale(60.0, true)).as("rate unchanged").isFalse();
        assertThat(typing.scoreGoesStale(null, true)).as("rate blank").isFalse();
        assertThat(NOTHING_STORED.scoreGoesStale(65.0, true)).as("nothing from the portal").isFalse();
        assertThat(new GroupTyping(typed(60.0, 6.0)).scoreGoesStale(65.0, true)).as("typed by a clerk").isFalse();
    }

    private static GroupResult imported(@Nullable Double rate, @Nullable Double score) {
        return new GroupResult("MDHL", rate, score, 10.0, Map.of(), ResultSource.IMPORTED, "tinh.giamsat",
                "dvc-2024-05.json", Instant.parse("2024-06-01T02:00:00Z"));
    }

    private static GroupResult typed(@Nullable Double rate, @Nullable Double score) {
        return new GroupResult("MDHL", rate, score, 10.0, Map.of(), ResultSource.TYPED, "iagrai.lanhdao", null,
                Instant.parse("2024-06-01T02:00:00Z"));
    }
}
