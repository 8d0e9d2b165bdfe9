package io.commentflow.posts.comment;

import io.commentflow.events.CommentScored;
import io.commentflow.posts.system.PublishLatency;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads spam-filter's verdicts. Failures propagate to the container's error handler (retry, then dead letter). */
@Component
class CommentScoredListener {

    private static final Logger log = LoggerFactory.getLogger(CommentScoredListener.class);

    private final ScoredCommentHandler handler;
    private final MeterRegistry meters;
    private final PublishLatency publishLatency;

    CommentScoredListener(ScoredCommentHandler handler, MeterRegistry meters, PublishLatency publishLatency) {
        this.handler = handler;
        this.meters = meters;
        this.publishLatency = publishLatency;
    }

    @KafkaListener(id = "comment-scored", groupId = "post-service",
            topics = "#{T(io.commentflow.schemas.Topics).COMMENT_SCORED.name()}")
    void on(CommentScored event, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
            @Header(KafkaHeaders.RECEIVED_PARTITION) int partition, @Header(KafkaHeaders.OFFSET) long offset) {
        // fields of the structured logs for every line written while this record is handled
        MDC.put("commentId", String.valueOf(event.getComment().getCommentId()));
        MDC.put("topic", topic);
        MDC.put("partition", String.valueOf(partition));
        MDC.put("offset", String.valueOf(offset));
        try {
            handle(event);
        } finally {
            MDC.remove("commentId");
            MDC.remove("topic");
            MDC.remove("partition");
            MDC.remove("offset");
        }
    }

    private void handle(CommentScored event) {
        Optional<CommentStatus> stored = handler.handle(event);
        String outcome = stored.map(CommentStatus::value).orElse("duplicate");
        meters.counter("commentflow.comments.stored", "status", outcome, "verdict", event.getVerdict().name()).increment();
        if (stored.isPresent() && stored.get() == CommentStatus.APPROVED) {
            publishLatency.publishedAutomatically(event.getComment().getSubmittedAt());
        }
        if (stored.isPresent()) {
            log.info("Comment {} on post {} stored as {} (verdict {})", event.getComment().getCommentId(),
                    event.getComment().getPostId(), outcome, event.getVerdict());
        } else {
            log.info("Comment {} was stored before; redelivered event ignored", event.getComment().getCommentId());
        }
    }
}
