package io.commentflow.intake.state;

import java.time.Duration;
import java.util.Optional;

/**
 * The short-lived facts intake decides with: who commented a moment ago (flood), which comments were already
 * submitted (duplicates) and which idempotency keys were used. In Redis when configured, so several instances behind
 * a balancer agree; in memory otherwise. Keys expire by themselves.
 */
public interface SubmissionState {

    /**
     * Atomically sets {@code key} to {@code value} for {@code ttl} unless it holds an unexpired value.
     *
     * @return empty when this call set the key; otherwise what the key holds and how long it still will
     * @throws StateUnavailableException when the store cannot be reached
     */
    Optional<Held> putIfAbsent(String key, String value, Duration ttl);

    /** Sets {@code key} to {@code value} for {@code ttl}, whatever it held. */
    void put(String key, String value, Duration ttl);

    /** Removes {@code key} if it still holds {@code value}: a claim taken back by whoever made it. */
    void removeIfHolds(String key, String value);

    /** A store in this process only, bounded to {@code maximumEntries}: right for a single instance and for tests. */
    static SubmissionState inMemory(long maximumEntries) {
        return new MemorySubmissionState(maximumEntries, com.github.benmanes.caffeine.cache.Ticker.systemTicker());
    }

    /** A key's current value and the time it has left. */
    record Held(String value, Duration remaining) {
    }
}
