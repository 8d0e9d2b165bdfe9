package io.commentflow.intake.state;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What every {@link SubmissionState} does, run against the in-memory store and against Redis. */
abstract class SubmissionStateContract {

    abstract SubmissionState state();

    static String key() {
        return "contract:" + UUID.randomUUID();
    }

    @Test
    void theFirstPutWinsAndLaterOnesSeeItsValueAndTimeLeft() {
        String key = key();

        assertThat(state().putIfAbsent(key, "first", Duration.ofSeconds(15))).isEmpty();
        Optional<SubmissionState.Held> held = state().putIfAbsent(key, "second", Duration.ofSeconds(15));

        assertThat(held).hasValueSatisfying(h -> {
            assertThat(h.value()).isEqualTo("first");
            assertThat(h.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(15))
                    .isGreaterThan(Duration.ofSeconds(10));
        });
    }

    @Test
    void aKeyIsFreeAgainOnceItExpired() {
        String key = key();
        assertThat(state().putIfAbsent(key, "first", Duration.ofMillis(200))).isEmpty();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> state().putIfAbsent(key, "again", Duration.ofSeconds(5)).isEmpty());
        assertThat(state().putIfAbsent(key, "third", Duration.ofSeconds(5)))
                .hasValueSatisfying(h -> assertThat(h.value()).isEqualTo("again"));
    }

    @Test
    void putReplacesTheValueAndItsLifetime() {
        String key = key();
        state().putIfAbsent(key, "pending", Duration.ofMillis(300));

        state().put(key, "done", Duration.ofMinutes(5));

        assertThat(state().putIfAbsent(key, "other", Duration.ofSeconds(1))).hasValueSatisfying(h -> {
            assertThat(h.value()).isEqualTo("done");
            assertThat(h.remaining()).isGreaterThan(Duration.ofMinutes(4));
        });
    }

    @Test
    void removesAKeyOnlyForWhoeverHoldsIt() {
        String key = key();
        state().putIfAbsent(key, "mine", Duration.ofSeconds(15));

        state().removeIfHolds(key, "someone else's");
        assertThat(state().putIfAbsent(key, "x", Duration.ofSeconds(15))).isPresent();

        state().removeIfHolds(key, "mine");
        assertThat(state().putIfAbsent(key, "x", Duration.ofSeconds(15))).isEmpty();
        state().removeIfHolds(UUID.randomUUID().toString(), "absent keys are fine");
    }

    @Test
    void exactlyOneOfManyConcurrentPutsWins() throws Exception {
        assertThat(winnersOfARace(List.of(state()), 16)).isEqualTo(1);
    }

    /** {@code contenders} threads spread over the given stores race for one key; how many won. */
    static long winnersOfARace(List<SubmissionState> stores, int contenders) throws Exception {
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                SubmissionState store = stores.get(i % stores.size());
                String value = "contender-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return store.putIfAbsent(key, value, Duration.ofSeconds(15)).isEmpty();
                }));
            }
            start.countDown();
            long winners = 0;
            for (Future<Boolean> result : results) {
                if (result.get(10, TimeUnit.SECONDS)) {
                    winners++;
                }
            }
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }
}
