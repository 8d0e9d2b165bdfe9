package io.commentflow.intake.submission;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.SubmissionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The one path every frontend's comment takes: check it, then write it to the broker. */
@Service
class CommentSubmission {

    private static final Logger log = LoggerFactory.getLogger(CommentSubmission.class);

    private final CommentValidator validator;
    private final CommentPublisher publisher;
    private final IntakeMetrics metrics;
    private final Clock clock;

    CommentSubmission(CommentValidator validator, CommentPublisher publisher, IntakeMetrics metrics, Clock clock) {
        this.validator = validator;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @throws BrokerUnavailableException when the broker did not acknowledge the comment in time
     */
    SubmissionResult submit(CommentDraft draft, ClientSignals client, SubmissionSource source) {
        Validation validation = validator.validate(draft);
        if (validation instanceof Validation.Invalid invalid) {
            SubmissionResult.Rejected rejected = new SubmissionResult.Rejected(invalid.problems());
            metrics.rejected(source, IntakeMetrics.reasonFor(rejected));
            return rejected;
        }
        CommentSubmitted event = toEvent(((Validation.Valid) validation).comment(), client, source);
        try {
            publisher.publish(event);
        } catch (BrokerUnavailableException e) {
            metrics.rejected(source, IntakeMetrics.BROKER_UNAVAILABLE);
            log.warn("comment {} not accepted: {}", event.getCommentId(), e.getCause().toString());
            throw e;
        }
        metrics.accepted(source);
        log.info("accepted comment {} on post {} from {}", event.getCommentId(), event.getPostId(), source);
        return new SubmissionResult.Accepted(event.getCommentId());
    }

    private CommentSubmitted toEvent(ValidComment comment, ClientSignals client, SubmissionSource source) {
        // Avro keeps millisecond instants; truncating here makes the event equal to what consumers read back
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return CommentSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCommentId(UUID.randomUUID())
                .setPostId(comment.postId())
                .setParentId(comment.parentId())
                .setAuthor(CommentAuthor.newBuilder()
                        .setName(comment.authorName())
                        .setEmail(comment.authorEmail())
                        .setUrl(comment.authorUrl())
                        .setIp(client.ip())
                        .setUserAgent(client.userAgent())
                        .build())
                .setContent(comment.content())
                .setNotifyFollowups(comment.notifyFollowups())
                .setSubmittedAt(now)
                .setSource(source)
                .setReferrer(client.referrer())
                .build();
    }
}
