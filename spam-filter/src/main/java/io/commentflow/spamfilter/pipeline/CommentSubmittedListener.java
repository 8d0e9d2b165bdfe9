package io.commentflow.spamfilter.pipeline;

import io.commentflow.events.CommentScored;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.schemas.Topics;
import io.commentflow.spamfilter.scoring.CommentScoring;
import io.commentflow.spamfilter.scoring.Decision;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Scores each comment of a poll and writes its verdict. Runs inside the container's Kafka transaction, so the verdicts,
 * any dead letters and the consumed offsets are committed together or not at all (STACK.md: a batch listener, since a
 * transaction per record is 300 times slower).
 */
@Component
class CommentSubmittedListener {

    private static final Logger log = LoggerFactory.getLogger(CommentSubmittedListener.class);

    private final CommentScoring scoring;
    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final DeadLetters deadLetters;
    private final ScoringMetrics metrics;
    private final Clock clock;

    CommentSubmittedListener(CommentScoring scoring, KafkaTemplate<String, SpecificRecord> kafka,
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
        for (ConsumerRecord<String, SpecificRecord> record : records) {
            if (record.value() instanceof CommentSubmitted comment) {
                CommentScored scored = scored(comment);
                kafka.send(Topics.COMMENT_SCORED.name(), comment.getPostId().toString(), scored);
                metrics.scored(scored.getVerdict());
                log.debug("comment {} scored {}", comment.getCommentId(), scored.getVerdict());
            } else {
                deadLetters.divert(record);
            }
        }
    }

    private CommentScored scored(CommentSubmitted comment) {
        Decision decision = scoring.score(comment);
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
