package io.commentflow.spamfilter.pipeline;

import io.commentflow.events.Verdict;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * {@code commentflow_comments_scored_total{verdict}} and {@code commentflow_dead_letters_total{topic}}. They count
 * work done, so a batch that is rolled back and retried is counted again.
 */
@Component
class ScoringMetrics {

    private final MeterRegistry registry;

    ScoringMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void scored(Verdict verdict) {
        registry.counter("commentflow.comments.scored", "verdict", verdict.name().toLowerCase(Locale.ROOT)).increment();
    }

    void deadLettered(String topic) {
        registry.counter("commentflow.dead.letters", "topic", topic).increment();
    }
}
