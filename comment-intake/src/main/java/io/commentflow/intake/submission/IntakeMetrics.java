package io.commentflow.intake.submission;

import io.commentflow.events.SubmissionSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** {@code commentflow_comments_accepted_total} and {@code commentflow_comments_rejected_total{reason}}. */
@Component
class IntakeMetrics {

    static final String MALFORMED = "malformed_request";
    static final String BROKER_UNAVAILABLE = "broker_unavailable";

    private final MeterRegistry registry;

    IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(SubmissionSource source) {
        registry.counter("commentflow.comments.accepted", "source", tag(source)).increment();
    }

    void rejected(SubmissionSource source, String reason) {
        registry.counter("commentflow.comments.rejected", "source", tag(source), "reason", reason).increment();
    }

    /** One reason per request, named after the first field refused, to keep the tag's values few. */
    static String reasonFor(SubmissionResult.Rejected rejected) {
        return "invalid_" + rejected.problems().get(0).field().jsonName();
    }

    private static String tag(SubmissionSource source) {
        return source.name().toLowerCase(Locale.ROOT);
    }
}
