package io.commentflow.intake.submission;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.SubmissionSource;
import io.commentflow.intake.catalog.PostCatalog;
import io.commentflow.intake.state.StateUnavailableException;
import io.commentflow.intake.state.SubmissionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one path every frontend's comment takes: check the fields (400), the post in the local catalog (503 while it
 * loads, 404, 403), the idempotency key (replay, 422, 409), duplicates (409) and flood (429), then write it to the
 * broker. Keys taken along the way are given back when the comment is not accepted after all.
 */
final class CommentSubmission {

    private static final Logger log = LoggerFactory.getLogger(CommentSubmission.class);
    private static final Duration IN_PROGRESS_RETRY = Duration.ofSeconds(1);

    private final CommentValidator validator;
    private final PostCatalog catalog;
    private final SubmissionState state;
    private final IdempotentRequests idempotency;
    private final SubmissionGuards guards;
    private final CommentPublisher publisher;
    private final IntakeMetrics metrics;
    private final Clock clock;
    private final Duration retryAfter;

    CommentSubmission(CommentValidator validator, PostCatalog catalog, SubmissionState state,
                      IdempotentRequests idempotency, SubmissionGuards guards, CommentPublisher publisher,
                      IntakeMetrics metrics, Clock clock, Duration retryAfter) {
        this.validator = validator;
        this.catalog = catalog;
        this.state = state;
        this.idempotency = idempotency;
        this.guards = guards;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    /**
     * @param idempotencyKey the client's key for this comment, or null
     * @throws BrokerUnavailableException when the broker did not acknowledge the comment in time
     */
    SubmissionResult submit(CommentDraft draft, ClientSignals client, SubmissionSource source, String idempotencyKey) {
        Validation validation = validator.validate(draft);
        Optional<FieldProblem> keyProblem = IdempotentRequests.problemWith(idempotencyKey);
        if (validation instanceof Validation.Invalid || keyProblem.isPresent()) {
            List<FieldProblem> problems = new java.util.ArrayList<>();
            if (validation instanceof Validation.Invalid invalid) {
                problems.addAll(invalid.problems());
            }
            keyProblem.ifPresent(problems::add);
            SubmissionResult.Rejected rejected = new SubmissionResult.Rejected(List.copyOf(problems));
            metrics.rejected(source, IntakeMetrics.reasonFor(rejected));
            return rejected;
        }
        ValidComment comment = ((Validation.Valid) validation).comment();
        PostCatalog.PostLookup post = catalog.lookup(comment.postId());
        Refusal postRefusal = switch (post.availability()) {
            case OPEN -> null;
            case LOADING -> Refusal.CATALOG_LOADING;
            case UNKNOWN -> Refusal.UNKNOWN_POST;
            case UNPUBLISHED -> Refusal.POST_UNPUBLISHED;
            case COMMENTS_CLOSED -> Refusal.COMMENTS_CLOSED;
        };
        if (postRefusal != null) {
            return refuse(source, new SubmissionResult.Refused(postRefusal,
                    postRefusal == Refusal.CATALOG_LOADING ? retryAfter : null));
        }
        Claims claims = new Claims(state);
        try {
            return admit(comment, client, source, idempotencyKey, post.link(), claims);
        } catch (StateUnavailableException e) {
            claims.releaseAll();
            log.warn("no comment accepted while the state store is unavailable: {}", e.getMessage());
            return refuse(source, new SubmissionResult.Refused(Refusal.STATE_UNAVAILABLE, retryAfter));
        }
    }

    private SubmissionResult admit(ValidComment comment, ClientSignals client, SubmissionSource source,
                                   String idempotencyKey, String postLink, Claims claims) {
        UUID commentId = UUID.randomUUID();
        // names the comment in every log line written while it is admitted (a field of the structured logs)
        try (MDC.MDCCloseable ignored = MDC.putCloseable("commentId", commentId.toString())) {
            return admit(commentId, comment, client, source, idempotencyKey, postLink, claims);
        }
    }

    private SubmissionResult admit(UUID commentId, ValidComment comment, ClientSignals client, SubmissionSource source,
                                   String idempotencyKey, String postLink, Claims claims) {
        String idempotencyState = null;
        if (idempotencyKey != null) {
            String scope = source == SubmissionSource.FORM ? "form" : "json";
            IdempotentRequests.Outcome outcome = idempotency.begin(scope, idempotencyKey, comment, commentId, claims);
            if (outcome instanceof IdempotentRequests.Outcome.Replay replay) {
                metrics.replayed(source);
                log.info("repeated request for comment {}: answered again, nothing written", replay.commentId());
                return new SubmissionResult.Accepted(replay.commentId(), true, postLink);
            }
            if (outcome instanceof IdempotentRequests.Outcome.Refused refused) {
                return refuse(source, new SubmissionResult.Refused(refused.refusal(),
                        refused.refusal() == Refusal.IDEMPOTENCY_IN_PROGRESS ? IN_PROGRESS_RETRY : null));
            }
            idempotencyState = ((IdempotentRequests.Outcome.Fresh) outcome).stateKey();
        }
        Optional<SubmissionResult.Refused> guarded = guards.check(comment, client.ip(), commentId, claims);
        if (guarded.isPresent()) {
            claims.releaseAll();
            return refuse(source, guarded.get());
        }
        CommentSubmitted event = toEvent(commentId, comment, client, source);
        try {
            publisher.publish(event);
        } catch (BrokerUnavailableException e) {
            claims.releaseAll();
            metrics.rejected(source, IntakeMetrics.BROKER_UNAVAILABLE);
            log.warn("comment {} not accepted: {}", commentId, String.valueOf(e.getCause()));
            throw e;
        }
        if (idempotencyState != null) {
            try {
                idempotency.complete(idempotencyState, comment, commentId);
            } catch (StateUnavailableException e) {
                // the comment is on the broker: answer so; the pending key expires and the duplicate check remains
                log.warn("comment {} accepted but its idempotency key could not be recorded: {}", commentId,
                        e.getMessage());
            }
        }
        metrics.accepted(source);
        log.info("accepted comment {} on post {} from {}", commentId, comment.postId(), source);
        return new SubmissionResult.Accepted(commentId, false, postLink);
    }

    private SubmissionResult.Refused refuse(SubmissionSource source, SubmissionResult.Refused refused) {
        metrics.rejected(source, refused.refusal().reason());
        return refused;
    }

    private CommentSubmitted toEvent(UUID commentId, ValidComment comment, ClientSignals client,
                                     SubmissionSource source) {
        // Avro keeps millisecond instants; truncating here makes the event equal to what consumers read back
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return CommentSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCommentId(commentId)
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
                .setHoneypot(client.honeypot())
                .setFormFillMillis(client.formFillMillis())
                .build();
    }
}
