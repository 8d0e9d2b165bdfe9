package io.commentflow.posts.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code commentflow_outbox_backlog}: events committed but not yet acknowledged by Kafka. */
@Component
class OutboxMetrics {

    OutboxMetrics(JdbcClient jdbc, MeterRegistry meters) {
        Gauge.builder("commentflow.outbox.backlog",
                        () -> jdbc.sql("select count(*) from outbox where published_at is null").query(Long.class).single())
                .description("Outbox events waiting to be published to Kafka")
                .register(meters);
    }
}
