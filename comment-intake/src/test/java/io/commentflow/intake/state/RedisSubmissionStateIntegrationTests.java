package io.commentflow.intake.state;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same contract against the machine's Redis (127.0.0.1:6379), keys under a prefix unique to this run; and two
 * stores with their own connections, as two intake instances would have, agreeing on who came first.
 */
class RedisSubmissionStateIntegrationTests extends SubmissionStateContract {

    private static final String PREFIX = "commentflow-test:" + UUID.randomUUID() + ":";

    private static LettuceConnectionFactory first;
    private static LettuceConnectionFactory second;
    private static RedisSubmissionState instanceA;
    private static RedisSubmissionState instanceB;

    @BeforeAll
    static void connect() {
        first = factory(6379);
        second = factory(6379);
        instanceA = new RedisSubmissionState(template(first), PREFIX);
        instanceB = new RedisSubmissionState(template(second), PREFIX);
    }

    @AfterAll
    static void cleanUp() {
        StringRedisTemplate redis = template(first);
        Set<String> keys = redis.keys(PREFIX + "*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
        first.destroy();
        second.destroy();
    }

    @Override
    SubmissionState state() {
        return instanceA;
    }

    @Test
    void twoInstancesSharingRedisSeeEachOthersKeys() {
        String key = key();

        assertThat(instanceA.putIfAbsent(key, "from A", Duration.ofSeconds(15))).isEmpty();

        assertThat(instanceB.putIfAbsent(key, "from B", Duration.ofSeconds(15)))
                .hasValueSatisfying(h -> assertThat(h.value()).isEqualTo("from A"));
        instanceB.removeIfHolds(key, "from A");
        assertThat(instanceA.putIfAbsent(key, "from A again", Duration.ofSeconds(15))).isEmpty();
    }

    @Test
    void exactlyOneWinsARaceBetweenTwoInstances() throws Exception {
        assertThat(winnersOfARace(List.of(instanceA, instanceB), 16)).isEqualTo(1);
    }

    @Test
    void keepsEveryKeyUnderItsPrefixWithAnExpiry() {
        String key = key();
        instanceA.putIfAbsent(key, "v", Duration.ofSeconds(30));

        Long ttl = template(first).getExpire(PREFIX + key);
        assertThat(ttl).isBetween(1L, 30L);
    }

    @Test
    void saysUnavailableInsteadOfHangingWhenRedisDoesNotAnswer() {
        LettuceConnectionFactory nowhere = factory(1);   // nothing listens on port 1
        try {
            RedisSubmissionState unreachable = new RedisSubmissionState(template(nowhere), PREFIX);
            long start = System.nanoTime();

            assertThatThrownBy(() -> unreachable.putIfAbsent(key(), "v", Duration.ofSeconds(1)))
                    .isInstanceOf(StateUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            nowhere.destroy();
        }
    }

    private static LettuceConnectionFactory factory(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
                org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofSeconds(1)).build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    private static StringRedisTemplate template(LettuceConnectionFactory factory) {
        return new StringRedisTemplate(factory);
    }
}
