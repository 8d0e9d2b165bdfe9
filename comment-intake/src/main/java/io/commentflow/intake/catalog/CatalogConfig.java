package io.commentflow.intake.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The local view of {@code post-catalog}: the reader that fills it and the health it reports for readiness. */
@Configuration(proxyBeanMethods = false)
class CatalogConfig {

    @Bean
    PostCatalogView postCatalogView() {
        return new PostCatalogView();
    }

    @Bean
    PostCatalogReader postCatalogReader(KafkaProperties kafka, PostCatalogView view, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        // no group: every instance assigns itself every partition and reads from the beginning, committing nothing
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "comment-intake-post-catalog-" + UUID.randomUUID());
        // metadata calls give up quickly while the broker is away; the reader retries them
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        return new PostCatalogReader(config, view, registry);
    }

    /**
     * {@code postCatalog}: OUT_OF_SERVICE until the view has read the topic to where it ended at start-up, so a
     * balancer sends no comments that would all be answered 503. Part of the readiness group.
     */
    @Bean
    HealthIndicator postCatalogHealthIndicator(PostCatalogView view) {
        return () -> (view.caughtUp() ? Health.up() : Health.outOfService())
                .withDetail("posts", view.size())
                .build();
    }
}
