package io.commentflow.spamfilter.akismet;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code commentflow_akismet_checks_seconds{outcome}}: comment-check calls by outcome (spam, discard, ham, invalid,
 * unavailable, not_asked) and how long they took; {@code commentflow_akismet_circuit_open}: 1 while the circuit breaker
 * keeps Akismet out. A rise of {@code invalid} means a bad key or blog URL; of {@code unavailable}, Akismet is down or
 * slow and the local verdicts stand alone.
 */
final class AkismetMetrics {

    private final Map<AkismetClient.Outcome, Timer> checks = new EnumMap<>(AkismetClient.Outcome.class);

    AkismetMetrics(MeterRegistry meters, AkismetClient client) {
        for (AkismetClient.Outcome outcome : AkismetClient.Outcome.values()) {
            checks.put(outcome, Timer.builder("commentflow.akismet.checks")
                    .description("Akismet comment-check calls by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(meters));
        }
        Gauge.builder("commentflow.akismet.circuit.open", client,
                        c -> c.state() == CircuitBreaker.State.OPEN ? 1 : 0)
                .description("1 while the circuit breaker keeps Akismet out after repeated failures")
                .register(meters);
    }

    void checked(AkismetClient.Outcome outcome, Duration took) {
        checks.get(outcome).record(took);
    }
}
