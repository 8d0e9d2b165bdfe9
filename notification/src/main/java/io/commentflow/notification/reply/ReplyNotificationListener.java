package io.commentflow.notification.reply;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.MailDelivery;
import io.commentflow.notification.messaging.UnprocessableRecordException;
import io.commentflow.notification.subscription.Audience;
import io.commentflow.notification.subscription.Subscriptions;
import io.commentflow.notification.webhook.Webhooks;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Thin adapter from reply-notification to email: decode, record a follow-up request and send its confirmation,
 * load the audience, ask {@link ReplyFanOut} who gets what, deliver each email (or fold it into a digest). The
 * site's webhooks are recorded first (an outbox row each; {@code WebhookJob} sends them). Every step is idempotent, so a retried or redelivered notification sends nothing twice
 * (the ledger in {@link MailDelivery}). It throws on failure: an SMTP failure at once (the error handler retries
 * with back-off, then dead-letters); an email that can never be built only after the others went out.
 */
@Component
class ReplyNotificationListener {

    private static final Logger log = LoggerFactory.getLogger(ReplyNotificationListener.class);

    private final ReplyFanOut fanOut;
    private final MailDelivery delivery;
    private final Subscriptions subscriptions;
    private final Webhooks webhooks;

    ReplyNotificationListener(ReplyFanOut fanOut, MailDelivery delivery, Subscriptions subscriptions, Webhooks webhooks) {
        this.fanOut = fanOut;
        this.delivery = delivery;
        this.subscriptions = subscriptions;
        this.webhooks = webhooks;
    }

    @KafkaListener(id = "reply-notification-mailer", groupId = "${spring.kafka.consumer.group-id:notification}",
            topics = "#{T(io.commentflow.schemas.Topics).REPLY_NOTIFICATION.name()}")
    void on(ConsumerRecord<String, SpecificRecord> record) {
        // fields of the structured logs for every line written while this record is handled (key = comment id)
        MDC.put("commentId", String.valueOf(record.key()));
        MDC.put("topic", record.topic());
        MDC.put("partition", String.valueOf(record.partition()));
        MDC.put("offset", String.valueOf(record.offset()));
        try {
            handle(record);
        } finally {
            MDC.remove("commentId");
            MDC.remove("topic");
            MDC.remove("partition");
            MDC.remove("offset");
        }
    }

    private void handle(ConsumerRecord<String, SpecificRecord> record) {
        if (!(record.value() instanceof ReplyNotification notification)) {
            throw new UnprocessableRecordException("expected a ReplyNotification at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + ", got "
                    + (record.value() == null ? "no value" : record.value().getClass().getSimpleName()));
        }
        webhooks.enqueue(notification);
        Audience audience = subscriptions.audienceFor(notification);
        List<ReplyFanOut.PlannedEmail> emails = fanOut.emailsFor(notification, audience);
        log.info("Notification {} ({}) about comment {} at {}-{}@{}: {} email(s), follow-up request: {}",
                notification.getEventId(), notification.getKind(), notification.getCommentId(), record.topic(),
                record.partition(), record.offset(), emails.size(), notification.getNotifyFollowups());

        RuntimeException permanent = null;
        try {
            subscriptions.followUpRequest(notification).ifPresent(delivery::deliver);
        } catch (MailPreparationException | MailParseException e) {
            permanent = e;
        }
        for (ReplyFanOut.PlannedEmail planned : emails) {
            try {
                delivery.deliverOrFold(planned.email(), planned.digestItem());
            } catch (MailPreparationException | MailParseException e) {
                permanent = keepFirst(permanent, e);
            }
        }
        if (permanent != null) {
            // after every other email went out: the notification goes to the dead-letter topic for an operator
            throw permanent;
        }
    }

    private static RuntimeException keepFirst(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
