package io.commentflow.posts.comment;

import io.commentflow.events.CommentScored;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads spam-filter's verdicts. Failures propagate to the container's error handler (retry, then dead letter). */
@Component
class CommentScoredListener {

    private static final Logger log = LoggerFactory.getLogger(CommentScoredListener.class);

    private final ScoredCommentHandler handler;
    private final MeterRegistry meters;

    CommentScoredListener(ScoredCommentHandler handler, MeterRegistry meters) {
        this.handler = handler;
        this.meters = meters;
    }

    @KafkaListener(id = "comment-scored", groupId = "post-service",
            topics = "#{T(io.commentflow.schemas.Topics).COMMENT_SCORED.name()}")
    void on(CommentScored event) {
        Optional<CommentStatus> stored = handler.handle(event);
        String outcome = stored.map(CommentStatus::value).orElse("duplicate");
        meters.counter("commentflow.comments.stored", "status", outcome, "verdict", event.getVerdict().name()).increment();
        if (stored.isPresent()) {
            log.info("Comment {} on post {} stored as {} (verdict {})", event.getComment().getCommentId(),
                    event.getComment().getPostId(), outcome, event.getVerdict());
        } else {
            log.info("Comment {} was stored before; redelivered event ignored", event.getComment().getCommentId());
        }
    }
}
