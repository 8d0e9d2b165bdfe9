package io.commentflow.spamfilter.akismet;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import java.util.Map;

/** Akismet's beans, only when {@code commentflow.akismet.key} is set: without a key the filter is purely local. */
@Configuration(proxyBeanMethods = false)
@Conditional(AkismetConfig.KeyConfigured.class)
class AkismetConfig {

    @Bean
    AkismetClient akismetClient(AkismetProperties properties) {
        AkismetClient client = new AkismetClient(properties);
        client.verifyKey();
        return client;
    }

    @Bean
    RecentComments recentAkismetChecks(AkismetProperties properties) {
        return new RecentComments(properties.rememberComments());
    }

    @Bean
    AkismetPhase akismetPhase(AkismetClient client, RecentComments recent, AkismetProperties properties,
                              MeterRegistry meters) {
        return new AkismetPhase(client, new AkismetFields(properties), recent, properties.concurrency(),
                new AkismetMetrics(meters, client));
    }

    @Bean
    AkismetFeedback akismetFeedback(AkismetClient client, RecentComments recent) {
        return new AkismetFeedback(client, recent);
    }

    /**
     * Every comment of a poll may wait on Akismet inside the poll's Kafka transaction (60 s): with Akismet, polls hold at
     * most {@code commentflow.akismet.max-poll-records}, however large {@code spring.kafka.consumer.max-poll-records}.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer pollsSizedForAkismet(AkismetProperties properties) {
        return factory -> {
            Object configured = factory.getConfigurationProperties().get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
            if (configured == null || Integer.parseInt(configured.toString()) > properties.maxPollRecords()) {
                factory.updateConfigs(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords()));
            }
        };
    }

    /** An empty key (an unset {@code COMMENTFLOW_AKISMET_KEY}) means no Akismet, not a broken one. */
    static class KeyConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("commentflow.akismet.key"));
        }
    }
}
