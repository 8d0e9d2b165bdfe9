package io.commentflow.spamfilter.pipeline;

import io.commentflow.events.CommentSubmitted;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Sends a record that is not a readable {@link CommentSubmitted} to the dead-letter topic, so the stream goes on.
 * Called inside the listener's transaction: the dead letter is committed with the offsets, once.
 */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(DeadLetters.class);

    private final DeadLetterPublishingRecoverer recoverer;
    private final ScoringMetrics metrics;

    DeadLetters(DeadLetterPublishingRecoverer recoverer, ScoringMetrics metrics) {
        this.recoverer = recoverer;
        this.metrics = metrics;
    }

    /** The recoverer takes the original bytes from the ErrorHandlingDeserializer's header and fails loudly. */
    void divert(ConsumerRecord<?, ?> record) {
        Exception why = why(record);
        log.warn("record {}-{}@{} is not a readable CommentSubmitted, sent to the dead-letter topic: {}",
                record.topic(), record.partition(), record.offset(),
                why.getCause() == null ? why.getMessage() : why.getCause().getMessage());
        recoverer.accept(record, null, why);
        metrics.deadLettered(record.topic());
    }

    private static Exception why(ConsumerRecord<?, ?> record) {
        DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
        if (unreadable != null) {
            return unreadable;
        }
        String found = record.value() == null ? "no value" : record.value().getClass().getSimpleName();
        return new IllegalArgumentException("expected a CommentSubmitted but found " + found);
    }
}
