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
}
