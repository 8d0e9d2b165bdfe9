package io.commentflow.notification.webhook;

import io.commentflow.events.ReplyNotification;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the reply listener asks of webhooks: record the deliveries a notification causes (sent by {@link WebhookJob}). */
@Component
public class Webhooks {

    private final WebhookProperties properties;
    private final WebhookOutbox outbox;
    private final WebhookPayloads payloads;

    Webhooks(WebhookProperties properties, WebhookOutbox outbox, JsonMapper json) {
        this.properties = properties;
        this.outbox = outbox;
        this.payloads = new WebhookPayloads(json);
    }

    /** Records the deliveries of a poll's notifications, in one round trip (in the caller's transaction if any). */
    public void enqueueAll(List<ReplyNotification> notifications) {
        if (properties.endpoints().isEmpty()) {
            return;
        }
        List<WebhookOutbox.NewDelivery> deliveries = new ArrayList<>();
        for (ReplyNotification notification : notifications) {
            Optional<WebhookProperties.Event> event = switch (notification.getKind()) {
                case COMMENT_PUBLISHED -> Optional.of(WebhookProperties.Event.PUBLISHED);
                case MODERATION_REQUESTED -> Optional.of(WebhookProperties.Event.HELD);
                case UNKNOWN -> Optional.empty();
            };
            if (event.isEmpty()) {
                continue;
            }
            for (WebhookProperties.Endpoint endpoint : properties.endpoints()) {
                if (endpoint.events().contains(event.get())) {
                    deliveries.add(new WebhookOutbox.NewDelivery(notification.getEventId(), endpoint.name(),
                            event.get().wireName(), payloads.body(endpoint.format(), event.get(), notification)));
                }
            }
        }
        outbox.enqueueAll(deliveries);
    }
}
