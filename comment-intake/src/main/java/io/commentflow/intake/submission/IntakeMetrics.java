package io.commentflow.intake.submission;

import io.commentflow.events.SubmissionSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * {@code commentflow_comments_accepted_total}, {@code commentflow_comments_replayed_total} (idempotent repeats,
 * nothing written) and {@code commentflow_comments_rejected_total{reason}}: every refusal is counted once.
 */
@Component
class IntakeMetrics {

    static final String MALFORMED = "malformed_request";
    static final String BODY_TOO_LARGE = "body_too_large";
    static final String BROKER_UNAVAILABLE = "broker_unavailable";

    private final MeterRegistry registry;

    IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(SubmissionSource source) {
        registry.counter("commentflow.comments.accepted", "source", tag(source)).increment();
    }

    void replayed(SubmissionSource source) {
        registry.counter("commentflow.comments.replayed", "source", tag(source)).increment();
    }

    void rejected(SubmissionSource source, String reason) {
        registry.counter("commentflow.comments.rejected", "source", tag(source), "reason", reason).increment();
    }

    /** One reason per request, named after the first field refused, to keep the tag's values few. */
    static String reasonFor(SubmissionResult.Rejected rejected) {
        return invalid(rejected.problems().get(0).field().jsonName());
    }

    /** {@code invalid_<field>}, e.g. {@code invalid_author_email}, {@code invalid_idempotency_key}. */
    static String invalid(String field) {
        return "invalid_" + field.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static String tag(SubmissionSource source) {
        return source.name().toLowerCase(Locale.ROOT);
    }
}
