package io.commentflow.intake.state;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Chooses where flood, duplicate and idempotency state lives: {@code commentflow.intake.state=memory|redis}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StateStoreProperties.class)
class StateConfig {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "commentflow.intake.state", havingValue = "redis")
    static class Redis {

        @Bean
        RedisSubmissionState submissionState(StringRedisTemplate redis, StateStoreProperties properties) {
            return new RedisSubmissionState(redis, properties.keyPrefix());
        }

        /** {@code submissionState}: DOWN while Redis does not answer, since no comment can be accepted then. */
        @Bean
        HealthIndicator submissionStateHealthIndicator(RedisSubmissionState state) {
            return () -> {
                try {
                    return Health.up().withDetail("store", "redis").withDetail("ping", state.ping()).build();
                } catch (StateUnavailableException e) {
                    return Health.down().withDetail("store", "redis").build();
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "commentflow.intake.state", havingValue = "memory", matchIfMissing = true)
    static class Memory {

        @Bean
        MemorySubmissionState submissionState(StateStoreProperties properties) {
            return new MemorySubmissionState(properties.memoryMaxEntries(), Ticker.systemTicker());
        }

        @Bean
        HealthIndicator submissionStateHealthIndicator() {
            return () -> Health.up().withDetail("store", "memory").build();
        }
    }
}
