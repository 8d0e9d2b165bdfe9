package io.commentflow.intake.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.Optional;

/**
 * {@link SubmissionState} in this process only: right for a single instance, bounded in size.
 * <p>
 * Keys live in two tiers by how long they last, each bounded on its own: short-lived ones (the flood guard's, an
 * idempotency key while its request is in progress) and day-long ones (duplicate checks, answered idempotency keys).
 * A full store drops what Caffeine judges least useful, and to its admission policy a key just written is no more
 * useful than an old one, so in one shared bound a flood of comments would push out the flood guard's own keys, the
 * ones that refuse the next comment from the same address. Apart, the day-long keys make room among themselves, and
 * the short-lived tier only fills at a rate no instance reaches (its keys expire within minutes).
 */
final class MemorySubmissionState implements SubmissionState {

    /** Keys set for longer than this go to the day-long tier. */
    static final Duration SHORT_LIVED = Duration.ofMinutes(10);

    /** A value with the ticker time it expires at. */
    private record Entry(String value, long expiresAt) {
    }

    private final Cache<String, Entry> shortLived;
    private final Cache<String, Entry> dayLong;
    private final Ticker ticker;

    /** @param maximumEntries bound of each tier (about 300 bytes of heap an entry) */
    MemorySubmissionState(long maximumEntries, Ticker ticker) {
        this.ticker = ticker;
        this.shortLived = tier(maximumEntries, ticker);
        this.dayLong = tier(maximumEntries, ticker);
    }

    private static Cache<String, Entry> tier(long maximumEntries, Ticker ticker) {
        return Caffeine.newBuilder()
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
        Cache<String, Entry> tier = tierFor(ttl);
        // a key can be in both tiers: an idempotency key is claimed short-lived, then answered for a day
        Entry elsewhere = (tier == shortLived ? dayLong : shortLived).getIfPresent(key);
        if (elsewhere != null && elsewhere.expiresAt() > now) {
            return Optional.of(held(elsewhere, now));
        }
        Entry[] held = new Entry[1];
        tier.asMap().compute(key, (k, old) -> {
            if (old != null && old.expiresAt() > now) {
                held[0] = old;
                return old;
            }
            return new Entry(value, now + ttl.toNanos());
        });
        return Optional.ofNullable(held[0]).map(e -> held(e, now));
    }

    /**
     * Leaves the key in the other tier until it expires there: an idempotency key's in-progress claim keeps answering
     * "in progress" until its answer is visible here, so no repeat slips in between.
     */
    @Override
    public void put(String key, String value, Duration ttl) {
        tierFor(ttl).put(key, new Entry(value, ticker.read() + ttl.toNanos()));
    }

    @Override
    public void removeIfHolds(String key, String value) {
        shortLived.asMap().computeIfPresent(key, (k, old) -> old.value().equals(value) ? null : old);
        dayLong.asMap().computeIfPresent(key, (k, old) -> old.value().equals(value) ? null : old);
    }

    /** Performs pending evictions now (for tests; Caffeine otherwise does it along the way). */
    void cleanUp() {
        shortLived.cleanUp();
        dayLong.cleanUp();
    }

    private Cache<String, Entry> tierFor(Duration ttl) {
        return ttl.compareTo(SHORT_LIVED) <= 0 ? shortLived : dayLong;
    }

    private static Held held(Entry entry, long now) {
        return new Held(entry.value(), Duration.ofNanos(entry.expiresAt() - now));
    }
}
