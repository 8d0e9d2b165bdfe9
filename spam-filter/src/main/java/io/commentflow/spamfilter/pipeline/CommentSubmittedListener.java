package io.commentflow.spamfilter.pipeline;

import io.commentflow.events.CommentScored;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.schemas.Topics;
import io.commentflow.spamfilter.scoring.Decision;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Scores each comment of a poll and writes its verdict. Runs inside the container's Kafka transaction, so the verdicts,
 * any dead letters and the consumed offsets are committed together or not at all (STACK.md: a batch listener, since a
 * transaction per record is 300 times slower). Called on each of the container's consumer threads
 * ({@code spring.kafka.listener.concurrency}), each with partitions and transactions of its own, so one scores while
 * another waits for its commit; verdicts keep the order of their comments within a partition.
 */
@Component
class CommentSubmittedListener {

    private static final Logger log = LoggerFactory.getLogger(CommentSubmittedListener.class);

    private final BatchScoring scoring;
    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final DeadLetters deadLetters;
    private final ScoringMetrics metrics;
    private final Clock clock;

    CommentSubmittedListener(BatchScoring scoring, KafkaTemplate<String, SpecificRecord> kafka,
                             DeadLetters deadLetters, ScoringMetrics metrics, Clock clock) {
        this.scoring = scoring;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
    }

    @KafkaListener(id = "spam-filter", topics = "#{T(io.commentflow.schemas.Topics).COMMENT_SUBMITTED.name()}",
            batch = "true")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        List<CommentSubmitted> comments = records.stream()
                .map(ConsumerRecord::value)
                .filter(CommentSubmitted.class::isInstance)
                .map(CommentSubmitted.class::cast)
                .toList();
        Iterator<Decision> decisions = scoring.score(comments).iterator();
        for (ConsumerRecord<String, SpecificRecord> record : records) {
            // fields of the structured logs for whatever is written while this record is handled
            MDC.put("topic", record.topic());
            MDC.put("partition", String.valueOf(record.partition()));
            MDC.put("offset", String.valueOf(record.offset()));
            try {
                if (record.value() instanceof CommentSubmitted comment) {
                    MDC.put("commentId", comment.getCommentId().toString());
                    Decision decision = decisions.next();
                    kafka.send(Topics.COMMENT_SCORED.name(), comment.getPostId().toString(), scored(comment, decision));
                    metrics.scored(decision.verdict(), decision.phase());
                    log.debug("comment {} scored {} by {}", comment.getCommentId(), decision.verdict(), decision.phase());
                } else {
                    deadLetters.divert(record);
                }
            } finally {
                MDC.remove("commentId");
                MDC.remove("topic");
                MDC.remove("partition");
                MDC.remove("offset");
            }
        }
    }

    private CommentScored scored(CommentSubmitted comment, Decision decision) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return CommentScored.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setComment(comment)
                .setVerdict(decision.verdict())
                .setScore(decision.score())
                .setReasons(decision.reasons())
                .setClassifierVersion(decision.classifierVersion())
                .setScoredAt(now)
                .build();
    }
}
