package io.commentflow.posts.comment;

import io.commentflow.events.CommentScored;
import io.commentflow.posts.system.NotRetryable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.log.LogAccessor;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads spam-filter's verdicts a poll at a time and stores each poll's comments in one database transaction (a
 * transaction per comment cost more CPU than serving the blog's pages).
 *
 * <p>A record that fails is reported to the container's error handler by {@link BatchListenerFailedException}, after
 * everything before it was stored: the handler commits those offsets, retries the failed record with back-off and
 * then dead-letters it, or dead-letters it at once when retrying cannot help (it could not be deserialized, or it
 * names an unknown post), and the stream goes on after it. When the batch's transaction fails, its comments are
 * stored one by one, each in a transaction of its own, so that only the record at fault is retried.
 */
@Component
class CommentScoredListener {

    private static final Logger log = LoggerFactory.getLogger(CommentScoredListener.class);
    private static final LogAccessor logAccessor = new LogAccessor(CommentScoredListener.class);

    private final ScoredCommentHandler handler;
    private final StoredCommentMetrics metrics;

    CommentScoredListener(ScoredCommentHandler handler, StoredCommentMetrics metrics) {
        this.handler = handler;
        this.metrics = metrics;
    }

    @KafkaListener(id = "comment-scored", groupId = "post-service", batch = "true",
            topics = "#{T(io.commentflow.schemas.Topics).COMMENT_SCORED.name()}")
    void on(List<ConsumerRecord<String, Object>> records) {
        int readable = 0;
        while (readable < records.size() && records.get(readable).value() instanceof CommentScored) {
            readable++;
        }
        int handled = store(records.subList(0, readable));
        if (handled < readable) {
            ConsumerRecord<String, Object> orphan = records.get(handled);
            throw failed(orphan, ScoredCommentHandler.unknownPost((CommentScored) orphan.value()));
        }
        if (readable < records.size()) {
            ConsumerRecord<String, Object> unreadable = records.get(readable);
            throw failed(unreadable, whyUnreadable(unreadable));
        }
    }

    /** Stores the records' comments; returns how many were handled (fewer if one names an unknown post). */
    private int store(List<ConsumerRecord<String, Object>> records) {
        if (records.isEmpty()) {
            return 0;
        }
        List<CommentScored> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, Object> record : records) {
            events.add((CommentScored) record.value());
        }
        List<ScoredCommentHandler.Outcome> outcomes;
        try {
            outcomes = handler.handleAll(events);
        } catch (RuntimeException e) {
            log.warn("Could not store {} scored comments in one transaction, storing them one by one: {}",
                    records.size(), NestedExceptionUtils.getMostSpecificCause(e).toString());
            return storeOneByOne(records);
        }
        Map<CommentStatus, Integer> counts = new EnumMap<>(CommentStatus.class);
        int duplicates = 0;
        // a line per comment only at DEBUG (at a thousand comments a second it costs), with its record's MDC
        boolean debug = log.isDebugEnabled();
        for (int i = 0; i < outcomes.size(); i++) {
            ScoredCommentHandler.Outcome outcome = outcomes.get(i);
            metrics.stored(outcome.event(), outcome.status());
            if (debug) {
                try (LogContext ignored = LogContext.of(records.get(i), outcome.event())) {
                    log.debug("Comment {} on post {} {} (verdict {})", outcome.event().getComment().getCommentId(),
                            outcome.event().getComment().getPostId(), describe(outcome.status()), outcome.event().getVerdict());
                }
            }
            if (outcome.stored()) {
                counts.merge(outcome.status(), 1, Integer::sum);
            } else {
                duplicates++;
            }
        }
        if (log.isInfoEnabled() && !outcomes.isEmpty()) {
            log.info("Scored comments stored: {} ({} approved, {} pending, {} spam, {} stored before), {} to {}",
                    outcomes.size(), counts.getOrDefault(CommentStatus.APPROVED, 0),
                    counts.getOrDefault(CommentStatus.PENDING, 0), counts.getOrDefault(CommentStatus.SPAM, 0), duplicates,
                    position(records.get(0)), position(records.get(outcomes.size() - 1)));
        }
        return outcomes.size();
    }

    /** Each comment in a transaction of its own; the first that fails ends the batch there. */
    private int storeOneByOne(List<ConsumerRecord<String, Object>> records) {
        for (ConsumerRecord<String, Object> record : records) {
            CommentScored event = (CommentScored) record.value();
            try (LogContext ignored = LogContext.of(record, event)) {
                storeOne(record, event);
            }
        }
        return records.size();
    }

    private void storeOne(ConsumerRecord<String, Object> record, CommentScored event) {
        CommentStatus status;
        try {
            status = handler.handle(event).orElse(null);
        } catch (NotRetryable e) {
            throw failed(record, e);
        } catch (DataAccessException e) {
            log.warn("Could not store comment {}, retrying with back-off: {}", event.getComment().getCommentId(),
                    NestedExceptionUtils.getMostSpecificCause(e).toString());
            throw failed(record, e);
        } catch (RuntimeException e) {
            log.warn("Could not store comment {}, retrying with back-off", event.getComment().getCommentId(), e);
            throw failed(record, e);
        }
        metrics.stored(event, status);
        log.info("Comment {} on post {} {} (verdict {})", event.getComment().getCommentId(), event.getComment().getPostId(),
                describe(status), event.getVerdict());
    }

    private static String describe(CommentStatus status) {
        return status == null ? "was stored before" : "stored as " + status.value();
    }

    private static BatchListenerFailedException failed(ConsumerRecord<String, Object> record, Exception cause) {
        return new BatchListenerFailedException(cause.getMessage(), cause, record);
    }

    /** The deserializer's exception (it is not retried), or why a value that was read is not a verdict. */
    private static Exception whyUnreadable(ConsumerRecord<String, Object> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
        if (failure != null) {
            return failure;
        }
        return new NotRetryable(record.value() == null ? "record has no value"
                : "a " + record.value().getClass().getSimpleName() + " is not a CommentScored");
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** The fields of the structured logs for every line written while one record is handled. */
    private record LogContext() implements AutoCloseable {

        static LogContext of(ConsumerRecord<?, ?> record, CommentScored event) {
            MDC.put("commentId", String.valueOf(event.getComment().getCommentId()));
            MDC.put("topic", record.topic());
            MDC.put("partition", String.valueOf(record.partition()));
            MDC.put("offset", String.valueOf(record.offset()));
            return new LogContext();
        }

        @Override
        public void close() {
            MDC.remove("commentId");
            MDC.remove("topic");
            MDC.remove("partition");
            MDC.remove("offset");
        }
    }
}
