package io.commentflow.spamfilter.pipeline;

import io.commentflow.schemas.Topic;
import io.commentflow.schemas.TopicDefinitions;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka behaviour of spam-filter; connection settings live in application.yml.
 *
 * <p>Consume, score and produce run in one Kafka transaction per poll (the container's transaction manager, set up by
 * Boot from {@code transaction-id-prefix}). In that setting a {@code DefaultErrorHandler} would commit offsets outside
 * the transaction and replay a batch inside it, so there is none: records that cannot be read are routed to the
 * dead-letter topic inside the transaction by the listener, and any other failure rolls the whole batch back to be
 * retried after a back-off, with nothing written twice.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /** The broker does not auto-create topics: whoever starts first declares them, identically. */
    @Bean
    KafkaAdmin.NewTopics commentflowTopics(@Value("${commentflow.topics.partitions:6}") int partitions,
                                           @Value("${commentflow.topics.replication-factor:1}") short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?> topic : List.of(Topics.COMMENT_SUBMITTED, Topics.COMMENT_SCORED, Topics.COMMENT_MODERATED)) {
            topics.addAll(TopicDefinitions.withDeadLetter(topic, partitions, replicationFactor));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * One transactional producer writes both verdicts (Avro events) and dead letters (the raw bytes that could not be
     * read), so both join the same transaction as the consumed offsets.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer valuesByType() {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(SpecificRecord.class, new EventSerializer());
        return factory -> setValueSerializer(factory, new DelegatingByTypeSerializer(byType, true));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setValueSerializer(DefaultKafkaProducerFactory<?, ?> factory, Serializer<Object> serializer) {
        ((DefaultKafkaProducerFactory) factory).setValueSerializer(serializer);
    }

    /** Dead letters go to {@code <topic>-dlt}, same partition, with the error in the record's headers. */
    @Bean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<Object, Object> kafkaTemplate) {
        return new DeadLetterPublishingRecoverer(kafkaTemplate, (record, exception) -> new TopicPartition(
                Topics.byName(record.topic()).map(Topic::deadLetterTopic).orElse(record.topic() + "-dlt"),
                record.partition()));
    }

    /** After a rollback the batch is sought back and retried; the back-off keeps a sick broker from being hammered. */
    @Bean
    AfterRollbackProcessor<Object, Object> afterRollbackProcessor() {
        ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
        backOff.setMaxInterval(10_000);
        return new DefaultAfterRollbackProcessor<>(backOff);
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
