package io.commentflow.posts.system;

import io.commentflow.schemas.Topic;
import io.commentflow.schemas.TopicDefinitions;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka behaviour in one place: the topics this service consumes and produces, how values are serialized,
 * and what happens to a record the listener cannot handle. Connection settings live in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);

    /** Topics post-service reads from or writes to, each with its dead-letter topic. */
    static final List<Topic<?>> TOPICS = List.of(
            Topics.COMMENT_SCORED, Topics.REPLY_NOTIFICATION, Topics.POST_CATALOG, Topics.COMMENT_MODERATED);

    @Bean
    KafkaAdmin.NewTopics commentflowTopics(@Value("${commentflow.topics.partitions:6}") int partitions,
                                           @Value("${commentflow.topics.replication-factor:1}") short replicationFactor) {
        NewTopic[] topics = TOPICS.stream()
                .flatMap(topic -> TopicDefinitions.withDeadLetter(topic, partitions, replicationFactor).stream())
                .toArray(NewTopic[]::new);
        return new KafkaAdmin.NewTopics(topics);
    }

    /**
     * One producer for everything this service sends: string keys; values that are already encoded (outbox
     * payloads, dead letters of records that could not be deserialized) go out as they are, events as Avro.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer commentflowSerializers() {
        return factory -> {
            @SuppressWarnings("unchecked")
            DefaultKafkaProducerFactory<String, Object> producerFactory = (DefaultKafkaProducerFactory<String, Object>) factory;
            Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
            byType.put(byte[].class, new ByteArraySerializer());
            byType.put(SpecificRecord.class, new EventSerializer());
            producerFactory.setKeySerializer(new StringSerializer());
            producerFactory.setValueSerializer(new DelegatingByTypeSerializer(byType, true));
        };
    }

    /**
     * Failed sends are reported by whoever sent: the outbox relay logs once and retries, the dead-letter
     * recoverer logs its own failures. Spring's default listener would add a stack trace per failed attempt.
     */
    @Bean
    ProducerListener<Object, Object> kafkaProducerListener() {
        return new ProducerListener<>() {
        };
    }

    /**
     * Failed records are retried with back-off for {@code commentflow.kafka.retry.max-elapsed-time}, then written to
     * {@code <topic>-dlt}; records that cannot be deserialized or name an unknown post are not retried. The stream goes
     * on either way. While the database cannot be reached a record is retried until it can: the failure is not the
     * record's, and dead-lettering would take every comment of a long outage off the page until someone replays them.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<String, Object> kafka, MeterRegistry meters,
                                          @Value("${commentflow.kafka.retry.max-elapsed-time:60s}") Duration maxElapsed) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(deadLetterTopicOf(record.topic()), record.partition()));
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            log.warn("Record {}-{}@{} (key {}) goes to {}: {}", record.topic(), record.partition(), record.offset(),
                    record.key(), deadLetterTopicOf(record.topic()), rootCause(exception).toString());
            deadLetters.accept(record, exception);
            meters.counter("commentflow.dead.letters", "topic", deadLetterTopicOf(record.topic())).increment();
        };
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(maxElapsed.toMillis());
        ExponentialBackOff untilTheDatabaseIsBack = new ExponentialBackOff(200, 2.0);
        untilTheDatabaseIsBack.setMaxInterval(5_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(NotRetryable.class);
        // a record's retries start over when its failure changes (Spring Kafka's default), so one that fails for
        // another reason once the database is back gets the bounded back-off
        handler.setBackOffFunction((record, exception) ->
                DatabaseUnavailable.causedBy(exception) ? untilTheDatabaseIsBack : null);
        // after a batch listener's failed record the handler re-seeks the rest of the poll by throwing, which the
        // container would log with a stack trace at ERROR even when the record was just dead-lettered; the listener
        // logs why a record is retried, the recoverer above why it is dead-lettered
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String deadLetterTopicOf(String topic) {
        return Topics.byName(topic).map(Topic::deadLetterTopic).orElse(topic + "-dlt");
    }
}
