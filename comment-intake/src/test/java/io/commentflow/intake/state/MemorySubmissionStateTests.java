package io.commentflow.intake.state;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MemorySubmissionStateTests extends SubmissionStateContract {

    private final MemorySubmissionState state = new MemorySubmissionState(10_000, Ticker.systemTicker());

    @Override
    SubmissionState state() {
        return state;
    }

    @Test
    void staysWithinItsBound() {
        MemorySubmissionState small = new MemorySubmissionState(100, Ticker.systemTicker());

        for (int i = 0; i < 10_000; i++) {
            small.putIfAbsent("k" + i, "v", Duration.ofMinutes(1));
        }

        // Caffeine evicts asynchronously; what matters is that memory does not grow with the traffic
        assertThat(small.putIfAbsent("k9999", "again", Duration.ofMinutes(1))).isPresent();
    }

    /**
     * A store full of day-long keys (the duplicate checks of a long stream of comments) must still hold the flood
     * guard's short-lived ones: they are what refuses the next comment from the same address.
     */
    @Test
    void holdsTheFloodGuardsKeysWhileFullOfDayLongOnes() {
        long[] now = {0};
        MemorySubmissionState full = new MemorySubmissionState(5_000, () -> now[0]);
        // 100 comments a second for 200 s, each from its own address: 20,000 duplicate keys for a day, and the flood
        // guard's keys of the last 15 s (3,000) alive at any time
        for (int i = 0; i < 20_000; i++) {
            now[0] += Duration.ofMillis(10).toNanos();
            full.putIfAbsent("dup:" + i, "c" + i, Duration.ofHours(24));
            full.putIfAbsent("flood:ip:" + i, "c" + i, Duration.ofSeconds(15));
            full.putIfAbsent("flood:email:" + i, "c" + i, Duration.ofSeconds(15));
        }
        full.cleanUp();

        int held = 0;
        for (int i = 19_900; i < 20_000; i++) {
            if (full.putIfAbsent("flood:ip:" + i, "again", Duration.ofSeconds(15)).isPresent()) {
                held++;
            }
        }
        assertThat(held).as("of the last 100 addresses, how many the flood guard still holds").isEqualTo(100);
    }

    @Test
    void anAnsweredIdempotencyKeyIsHeldFromBothTiers() {
        state.putIfAbsent("idem:k", "pending", Duration.ofSeconds(30));
        state.put("idem:k", "done", Duration.ofHours(24));

        assertThat(state.putIfAbsent("idem:k", "pending-again", Duration.ofSeconds(30)))
                .hasValueSatisfying(held -> assertThat(held.value()).isEqualTo("done"));
    }
}
