package io.commentflow.posts.comment;

import io.commentflow.events.CommentScored;
import io.commentflow.events.Verdict;
import io.commentflow.posts.system.PublishLatency;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code commentflow_comments_stored_total{status, verdict}} (status {@code duplicate} for a redelivered comment) and
 * the publish latency of comments the verdict published. The counters are looked up once, not per comment.
 */
@Component
class StoredCommentMetrics {

    private static final String DUPLICATE = "duplicate";

    private final MeterRegistry meters;
    private final PublishLatency publishLatency;
    private final Map<Verdict, Map<CommentStatus, Counter>> stored = new EnumMap<>(Verdict.class);
    private final Map<Verdict, Counter> duplicates = new EnumMap<>(Verdict.class);

    StoredCommentMetrics(MeterRegistry meters, PublishLatency publishLatency) {
        this.meters = meters;
        this.publishLatency = publishLatency;
        for (Verdict verdict : Verdict.values()) {
            stored.put(verdict, new EnumMap<>(CommentStatus.class));
        }
    }

    /** @param status what the comment was stored as, null if it had been stored before */
    void stored(CommentScored event, CommentStatus status) {
        counter(event.getVerdict(), status).increment();
        if (status == CommentStatus.APPROVED) {
            publishLatency.publishedAutomatically(event.getComment().getSubmittedAt());
        }
    }

    // shared by the listener's consumer threads when there are several (spring.kafka.listener.concurrency)
    private synchronized Counter counter(Verdict verdict, CommentStatus status) {
        if (status == null) {
            return duplicates.computeIfAbsent(verdict, v -> register(DUPLICATE, v));
        }
        return stored.get(verdict).computeIfAbsent(status, s -> register(s.value(), verdict));
    }

    private Counter register(String status, Verdict verdict) {
        return meters.counter("commentflow.comments.stored", "status", status, "verdict", verdict.name());
    }
}
