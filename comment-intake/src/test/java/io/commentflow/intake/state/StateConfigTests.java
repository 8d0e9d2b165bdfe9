package io.commentflow.intake.state;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code commentflow.intake.state} picks the store; Redis comes from {@code spring.data.redis.*}. */
class StateConfigTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
            .withUserConfiguration(StateConfig.class);

    @Test
    void keepsStateInMemoryUnlessToldOtherwise() {
        context.run(app -> {
            assertThat(app).getBean(SubmissionState.class).isInstanceOf(MemorySubmissionState.class);
            assertThat(app.getBean("submissionStateHealthIndicator", HealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UP);
        });
    }

    @Test
    void usesRedisWhenConfiguredWithTheConfiguredPrefix() {
        String prefix = "commentflow-test:" + UUID.randomUUID() + ":";
        context.withPropertyValues("commentflow.intake.state=redis", "spring.data.redis.host=127.0.0.1",
                        "spring.data.redis.port=6379", "commentflow.intake.state-store.key-prefix=" + prefix)
                .run(app -> {
                    SubmissionState state = app.getBean(SubmissionState.class);
                    assertThat(state).isInstanceOf(RedisSubmissionState.class);
                    assertThat(state.putIfAbsent("k", "v", Duration.ofSeconds(5))).isEmpty();
                    org.springframework.data.redis.core.StringRedisTemplate redis =
                            app.getBean(org.springframework.data.redis.core.StringRedisTemplate.class);
                    assertThat(redis.opsForValue().get(prefix + "k")).isEqualTo("v");
                    redis.delete(prefix + "k");
                    assertThat(app.getBean("submissionStateHealthIndicator", HealthIndicator.class).health().getStatus())
                            .isEqualTo(Status.UP);
                });
    }

    @Test
    void reportsRedisDownWhenItDoesNotAnswer() {
        context.withPropertyValues("commentflow.intake.state=redis", "spring.data.redis.host=127.0.0.1",
                        "spring.data.redis.port=1", "spring.data.redis.timeout=1s", "spring.data.redis.connect-timeout=1s")
                .run(app -> assertThat(app.getBean("submissionStateHealthIndicator", HealthIndicator.class)
                        .health().getStatus()).isEqualTo(Status.DOWN));
    }
}
