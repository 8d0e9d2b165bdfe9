package io.commentflow.notification.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends due webhook deliveries every {@code commentflow.webhooks.poll-interval}. A failure is retried with
 * exponential back-off ({@link WebhookProperties#backOffAfter}) until {@code max-attempts}; a 4xx other than 408 and
 * 429 is not retried. A delivery for an endpoint no longer configured is given up.
 */
@Component
class WebhookJob {

    private static final Logger log = LoggerFactory.getLogger(WebhookJob.class);
    private static final int BATCH = 50;

    private final WebhookProperties properties;
    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final MeterRegistry meters;
    private final Map<String, WebhookProperties.Endpoint> endpoints;

    WebhookJob(WebhookProperties properties, WebhookOutbox outbox, WebhookSender sender, MeterRegistry meters) {
        this.properties = properties;
        this.outbox = outbox;
        this.sender = sender;
        this.meters = meters;
        this.endpoints = properties.endpoints().stream()
                .collect(Collectors.toMap(WebhookProperties.Endpoint::name, Function.identity()));
    }

    @Scheduled(initialDelayString = "${commentflow.webhooks.poll-interval:2s}",
            fixedDelayString = "${commentflow.webhooks.poll-interval:2s}")
    void scheduled() {
        if (!endpoints.isEmpty()) {
            runOnce();
        }
    }

    synchronized int runOnce() {
        // a lease longer than one attempt can take, so a slow endpoint is not posted to twice at once
        Duration lease = properties.connectTimeout().plus(properties.readTimeout()).multipliedBy(BATCH).plusMinutes(1);
        List<WebhookOutbox.Delivery> due = outbox.claimDue(BATCH, lease);
        int delivered = 0;
        for (WebhookOutbox.Delivery delivery : due) {
            WebhookProperties.Endpoint endpoint = endpoints.get(delivery.endpoint());
            if (endpoint == null) {
                outbox.markFailed(delivery.id(), null, "endpoint no longer configured", null);
                continue;
            }
            WebhookSender.Result result = sender.send(endpoint, delivery);
            int attempt = delivery.attempts() + 1;
            if (result.delivered()) {
                outbox.markSent(delivery.id(), result.status());
                meters.counter("commentflow.webhooks.sent", "endpoint", endpoint.name()).increment();
                delivered++;
                log.info("Webhook {} for notification {} delivered to {} (attempt {})", delivery.event(),
                        delivery.notificationId(), endpoint.name(), attempt);
            } else if (result.permanent() || attempt >= properties.maxAttempts()) {
                outbox.markFailed(delivery.id(), result.status(), result.error(), null);
                meters.counter("commentflow.webhooks.failed", "endpoint", endpoint.name()).increment();
                log.warn("Webhook {} for notification {} to {} given up after attempt {}: {}", delivery.event(),
                        delivery.notificationId(), endpoint.name(), attempt, result.error());
            } else {
                Duration retryIn = properties.backOffAfter(attempt);
                outbox.markFailed(delivery.id(), result.status(), result.error(), retryIn);
                meters.counter("commentflow.webhooks.retried", "endpoint", endpoint.name()).increment();
                log.info("Webhook {} for notification {} to {} failed (attempt {}: {}), retrying in {}", delivery.event(),
                        delivery.notificationId(), endpoint.name(), attempt, result.error(), retryIn);
            }
        }
        return delivered;
    }
}
