package io.commentflow.notification.messaging;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka behaviour of the service: the topics it declares, the error handler (exponential back-off, then the
 * dead-letter topic) and the producer that writes dead letters. Connection settings live in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics notificationTopics(@Value("${commentflow.topics.partitions:6}") int partitions,
                                            @Value("${commentflow.topics.replication-factor:1}") short replicationFactor) {
        return new KafkaAdmin.NewTopics(TopicDefinitions
                .withDeadLetter(Topics.REPLY_NOTIFICATION, partitions, replicationFactor)
                .toArray(NewTopic[]::new));
    }

    /**
     * The only records this service produces are dead letters: the raw bytes of a record that could not be
     * deserialized, or the decoded event that could not be processed (written back in its Avro encoding).
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer deadLetterValueSerializer() {
        return factory -> {
            Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
            byType.put(byte[].class, new ByteArraySerializer());
            byType.put(SpecificRecord.class, new EventSerializer());
            @SuppressWarnings("unchecked")
            DefaultKafkaProducerFactory<Object, Object> producerFactory = (DefaultKafkaProducerFactory<Object, Object>) factory;
            producerFactory.setValueSerializer(new DelegatingByTypeSerializer(byType, true));
        };
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, RetryProperties retry,
                                          MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                // a negative partition lets the producer pick one by key, whatever the DLT's partition count
                (record, exception) -> new TopicPartition(deadLetterTopicOf(record.topic()), -1));
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, exception) -> {
            deadLetters.accept(record, consumer, asForOneRecord(exception));
            meters.counter("commentflow.dead.letters", "topic", deadLetterTopicOf(record.topic())).increment();
        };

        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(retry.maxElapsedTime().toMillis());

        ExponentialBackOff untilItIsBack = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        untilItIsBack.setMaxInterval(retry.maxInterval().toMillis());

        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // while the SMTP server or the database cannot be reached, no notification can go out: wait for it rather
        // than dead-letter every email of the outage. A record's retries start over when its failure changes (Spring
        // Kafka's default), so one that fails for another reason once they are back gets the bounded back-off
        handler.setBackOffFunction((record, exception) ->
                DeliveryUnavailable.causedBy(exception) ? untilItIsBack : null);
        // deserialization and conversion failures are already not retried (DefaultErrorHandler's defaults)
        handler.addNotRetryableExceptions(UnprocessableRecordException.class,
                MailPreparationException.class, MailParseException.class);
        // commentflow_notifications_retried_total{topic}: every failed attempt at a record; it is tried again after the
        // back-off until max-elapsed-time (for ever while SMTP or the database is unreachable), then (or at once for a
        // not-retryable failure) dead-lettered
        handler.setRetryListeners((record, exception, deliveryAttempt) ->
                meters.counter("commentflow.notifications.retried", "topic", record.topic()).increment());
        return handler;
    }

    /**
     * The reply listener takes a poll at a time and names the record that failed in a
     * {@link BatchListenerFailedException}: without that wrapper, a dead letter's exception headers say what they said
     * when the listener took one record at a time (the listener's exception as the cause, or the deserialization
     * failure itself), which is what operators and their tools read.
     */
    private static Exception asForOneRecord(Exception exception) {
        Throwable thrown = exception;
        ListenerExecutionFailedException listener = null;
        if (thrown instanceof ListenerExecutionFailedException wrapper) {
            listener = wrapper;
            thrown = wrapper.getCause();
        }
        if (!(thrown instanceof BatchListenerFailedException batch) || !(batch.getCause() instanceof Exception failure)) {
            return exception;
        }
        if (failure instanceof DeserializationException || listener == null) {
            return failure;
        }
        return new ListenerExecutionFailedException(listener.getMessage(), listener.getGroupId(), failure);
    }

    private static String deadLetterTopicOf(String topic) {
        return Topics.byName(topic).map(Topic::deadLetterTopic).orElse(topic + "-dlt");
    }
}
