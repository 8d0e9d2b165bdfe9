package io.commentflow.posts.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code commentflow_comments_publish_latency_seconds{path}}: from the reader's submission (the event's
 * submittedAt) to the comment's first publication, as a histogram. {@code path="automatic"} when spam-filter's
 * verdict published it, {@code path="moderated"} when a moderator approved it (minutes to days, kept apart so
 * they do not hide the pipeline's own latency).
 */
@Component
public class PublishLatency {

    private final Timer automatic;
    private final Timer moderated;
    private final Clock clock;

    PublishLatency(MeterRegistry registry, Clock clock) {
        this.automatic = timer(registry, "automatic");
        this.moderated = timer(registry, "moderated");
        this.clock = clock;
    }

    private static Timer timer(MeterRegistry registry, String path) {
        return Timer.builder("commentflow.comments.publish.latency")
                .description("Time from a comment's submission to its first publication")
                .tag("path", path)
                .publishPercentileHistogram()
                .register(registry);
    }

    /** A comment published by its verdict, without a moderator. */
    public void publishedAutomatically(Instant submittedAt) {
        record(automatic, submittedAt);
    }

    /** A comment published for the first time by a moderator's approval. */
    public void publishedByModerator(Instant submittedAt) {
        record(moderated, submittedAt);
    }

    private void record(Timer timer, Instant submittedAt) {
        if (submittedAt != null) {
            Duration latency = Duration.between(submittedAt, clock.instant());
            // the clocks of two machines: never a negative duration
            timer.record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }
}
