package io.commentflow.intake.system;

import io.commentflow.schemas.TopicDefinitions;
import io.commentflow.schemas.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

import java.time.Clock;
import java.util.stream.Stream;

/** Kafka behaviour of intake; connection and producer settings live in application.yml. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /**
     * The broker does not auto-create topics: whoever starts first declares them, identically. Intake writes
     * comment-submitted and reads post-catalog (compacted).
     */
    @Bean
    KafkaAdmin.NewTopics commentflowTopics(@Value("${commentflow.topics.partitions:6}") int partitions,
                                           @Value("${commentflow.topics.replication-factor:1}") short replicationFactor) {
        return new KafkaAdmin.NewTopics(Stream.of(Topics.COMMENT_SUBMITTED, Topics.POST_CATALOG)
                .flatMap(topic -> TopicDefinitions.withDeadLetter(topic, partitions, replicationFactor).stream())
                .toArray(NewTopic[]::new));
    }

    /** Replaces Boot's listener, which logs a failed record whole: ours hold email and IP addresses. */
    @Bean
    ProducerListener<Object, Object> kafkaProducerListener() {
        LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
        listener.setIncludeContents(false);
        return listener;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
