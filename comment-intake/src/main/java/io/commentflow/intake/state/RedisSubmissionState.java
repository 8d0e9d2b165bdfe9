package io.commentflow.intake.state;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link SubmissionState} in Redis, shared by every intake instance. Each operation is one atomic command or
 * script: {@code SET NX PX} decides who got a key first, so two instances never both accept the same thing.
 */
final class RedisSubmissionState implements SubmissionState {

    /** SET NX PX; when the key was taken, its value and remaining milliseconds, in the same atomic step. */
    private static final RedisScript<List> PUT_IF_ABSENT = RedisScript.of("""
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return {}
            end
            return {redis.call('GET', KEYS[1]), tostring(redis.call('PTTL', KEYS[1]))}
            """, List.class);

    private static final RedisScript<Long> REMOVE_IF_HOLDS = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisSubmissionState(StringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.prefix = keyPrefix;
    }

    @Override
    public Optional<Held> putIfAbsent(String key, String value, Duration ttl) {
        List<?> held = call(() -> redis.execute(PUT_IF_ABSENT, List.of(prefix + key), value,
                String.valueOf(Math.max(1, ttl.toMillis()))));
        if (held == null || held.size() < 2) {
            return Optional.empty();
        }
        long remaining = Long.parseLong(String.valueOf(held.get(1)));
        return Optional.of(new Held(held.get(0) == null ? "" : String.valueOf(held.get(0)),
                Duration.ofMillis(Math.max(0, remaining))));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        call(() -> {
            redis.opsForValue().set(prefix + key, value, ttl);
            return null;
        });
    }

    @Override
    public void removeIfHolds(String key, String value) {
        call(() -> redis.execute(REMOVE_IF_HOLDS, List.of(prefix + key), value));
    }

    /** Is Redis answering? For the health indicator. */
    String ping() {
        return call(() -> redis.execute(connection -> connection.ping(), true));
    }

    private static <T> T call(java.util.function.Supplier<T> command) {
        try {
            return command.get();
        } catch (DataAccessException e) {
            throw new StateUnavailableException("Redis did not answer: " + e.getMostSpecificCause(), e);
        }
    }
}
