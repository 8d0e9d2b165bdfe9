package io.commentflow.intake.submission;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.SubmissionSource;
import io.commentflow.intake.catalog.PostCatalog;
import io.commentflow.intake.state.StateUnavailableException;
import io.commentflow.intake.state.SubmissionState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The order of checks and what a comment that was not accepted leaves behind, without broker or HTTP. */
class CommentSubmissionTests {

    private static final UUID POST = UUID.randomUUID();
    private static final ClientSignals CLIENT = new ClientSignals("198.51.100.1", "UA", null, null, null);

    private final CommentPublisher publisher = mock(CommentPublisher.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private PostCatalog.Availability availability = PostCatalog.Availability.OPEN;

    private CommentSubmission submission(SubmissionState state, Duration floodInterval) {
        PostCatalog catalog = post -> new PostCatalog.PostLookup(availability, "http://localhost:8080/posts/p");
        return new CommentSubmission(new CommentValidator(CommentLimits.WORDPRESS), catalog, state,
                new IdempotentRequests(state, Duration.ofHours(24)),
                new SubmissionGuards(floodInterval, Duration.ofHours(24)),
                publisher, new IntakeMetrics(registry), Clock.systemUTC(), Duration.ofSeconds(5));
    }

    @Test
    void answersRetryLaterWhileTheCatalogIsLoadingAndWritesNothing() {
        availability = PostCatalog.Availability.LOADING;

        SubmissionResult result = submission(SubmissionState.inMemory(100), Duration.ofSeconds(15))
                .submit(draft("ada@example.org", "Hi"), CLIENT, SubmissionSource.JSON_API, null);

        assertThat(result).isEqualTo(new SubmissionResult.Refused(Refusal.CATALOG_LOADING, Duration.ofSeconds(5)));
        verify(publisher, never()).publish(any());
        assertThat(registry.counter("commentflow.comments.rejected", "source", "json_api", "reason", "catalog_loading")
                .count()).isEqualTo(1);
    }

    @Test
    void givesBackEveryClaimWhenTheBrokerDidNotAcknowledgeSoTheRetryIsAccepted() {
        CommentSubmission submission = submission(SubmissionState.inMemory(100), Duration.ofSeconds(15));
        doThrow(new BrokerUnavailableException("down", new RuntimeException())).doNothing()
                .when(publisher).publish(any(CommentSubmitted.class));

        assertThatThrownBy(() -> submission.submit(draft("ada@example.org", "Hi"), CLIENT, SubmissionSource.JSON_API, "k1"))
                .isInstanceOf(BrokerUnavailableException.class);
        SubmissionResult retry = submission.submit(draft("ada@example.org", "Hi"), CLIENT, SubmissionSource.JSON_API, "k1");

        assertThat(retry).isInstanceOfSatisfying(SubmissionResult.Accepted.class,
                accepted -> assertThat(accepted.replayed()).isFalse());
    }

    @Test
    void checksDuplicatesBeforeFloodLikeWordPress() {
        CommentSubmission submission = submission(SubmissionState.inMemory(100), Duration.ofSeconds(15));
        doNothing().when(publisher).publish(any());
        submission.submit(draft("ada@example.org", "Same"), CLIENT, SubmissionSource.JSON_API, null);

        SubmissionResult same = submission.submit(draft("ada@example.org", "Same"), CLIENT, SubmissionSource.JSON_API, null);
        SubmissionResult other = submission.submit(draft("ada@example.org", "Other"), CLIENT, SubmissionSource.JSON_API, null);

        assertThat(((SubmissionResult.Refused) same).refusal()).isEqualTo(Refusal.DUPLICATE);
        assertThat(((SubmissionResult.Refused) other).refusal()).isEqualTo(Refusal.FLOOD);
        assertThat(((SubmissionResult.Refused) other).retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void acceptsTheSamePersonAgainOnceTheFloodIntervalIsOver() {
        CommentSubmission submission = submission(SubmissionState.inMemory(100), Duration.ofMillis(300));
        doNothing().when(publisher).publish(any());
        submission.submit(draft("ada@example.org", "one"), CLIENT, SubmissionSource.FORM, null);

        assertThat(submission.submit(draft("ada@example.org", "two"), CLIENT, SubmissionSource.FORM, null))
                .isInstanceOf(SubmissionResult.Refused.class);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                submission.submit(draft("ada@example.org", "two"), CLIENT, SubmissionSource.FORM, null)
                        instanceof SubmissionResult.Accepted);
    }

    @Test
    void answersRetryLaterWhenTheStateStoreIsDown() {
        SubmissionState down = new SubmissionState() {
            @Override
            public Optional<Held> putIfAbsent(String key, String value, Duration ttl) {
                throw new StateUnavailableException("down", null);
            }

            @Override
            public void put(String key, String value, Duration ttl) {
                throw new StateUnavailableException("down", null);
            }

            @Override
            public void removeIfHolds(String key, String value) {
                throw new StateUnavailableException("down", null);
            }
        };

        SubmissionResult result = submission(down, Duration.ofSeconds(15))
                .submit(draft("ada@example.org", "Hi"), CLIENT, SubmissionSource.JSON_API, null);

        assertThat(result).isEqualTo(new SubmissionResult.Refused(Refusal.STATE_UNAVAILABLE, Duration.ofSeconds(5)));
        verify(publisher, never()).publish(any());
    }

    private static CommentDraft draft(String email, String content) {
        return new CommentDraft(POST.toString(), null, "Ada", email, null, content, false);
    }
}
