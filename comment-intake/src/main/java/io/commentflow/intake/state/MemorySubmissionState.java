package io.commentflow.intake.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.Optional;

/** {@link SubmissionState} in this process only: right for a single instance, bounded in size. */
final class MemorySubmissionState implements SubmissionState {

    /** A value with the ticker time it expires at. */
    private record Entry(String value, long expiresAt) {
    }

    private final Cache<String, Entry> entries;
    private final Ticker ticker;

    MemorySubmissionState(long maximumEntries, Ticker ticker) {
        this.ticker = ticker;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumEntries)
                .ticker(ticker)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long currentTime) {
                        return Math.max(0, entry.expiresAt() - currentTime);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
                        return Math.max(0, entry.expiresAt() - currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    @Override
    public Optional<Held> putIfAbsent(String key, String value, Duration ttl) {
        long now = ticker.read();
        Entry[] held = new Entry[1];
        entries.asMap().compute(key, (k, old) -> {
            if (old != null && old.expiresAt() > now) {
                held[0] = old;
                return old;
            }
            return new Entry(value, now + ttl.toNanos());
        });
        return Optional.ofNullable(held[0])
                .map(e -> new Held(e.value(), Duration.ofNanos(e.expiresAt() - now)));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, ticker.read() + ttl.toNanos()));
    }

    @Override
    public void removeIfHolds(String key, String value) {
        entries.asMap().computeIfPresent(key, (k, old) -> old.value().equals(value) ? null : old);
    }
}
