package io.commentflow.spamfilter.pipeline;

import io.commentflow.events.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code commentflow_comments_scored_total{verdict, phase}} and {@code commentflow_dead_letters_total{topic}}. They
 * count work done, so a batch that is rolled back and retried is counted again. {@code phase} names the phase that
 * decided ({@code rules}, {@code known-spammers}, {@code classifier}, {@code akismet}; {@code none} when no phase ran):
 * for SPAM and UNSURE the first phase that argued for the verdict, for HAM the last phase that judged the comment.
 */
@Component
class ScoringMetrics {

    private final MeterRegistry registry;
    /** The counters by verdict and phase, so counting a verdict does not look the meter up by name and tags. */
    private final Map<Verdict, Map<String, Counter>> scored = new EnumMap<>(Verdict.class);

    ScoringMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Verdict verdict : Verdict.values()) {
            scored.put(verdict, new ConcurrentHashMap<>());
        }
    }

    void scored(Verdict verdict, String phase) {
        scored.get(verdict).computeIfAbsent(phase, p -> registry.counter("commentflow.comments.scored",
                "verdict", verdict.name().toLowerCase(Locale.ROOT), "phase", p)).increment();
    }

    void deadLettered(String topic) {
        registry.counter("commentflow.dead.letters", "topic", topic).increment();
    }
}
