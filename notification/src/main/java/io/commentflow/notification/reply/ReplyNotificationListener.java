package io.commentflow.notification.reply;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.MailDelivery;
import io.commentflow.notification.delivery.OutgoingEmail;
import io.commentflow.notification.messaging.UnprocessableRecordException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Thin adapter from reply-notification to email: decode, ask {@link ReplyFanOut} who gets what, deliver each
 * email. It throws on failure and never catches: the error handler retries, then dead-letters. Emails
 * already sent for a retried or redelivered notification are skipped by {@link MailDelivery}'s ledger.
 */
@Component
class ReplyNotificationListener {

    private static final Logger log = LoggerFactory.getLogger(ReplyNotificationListener.class);

    private final ReplyFanOut fanOut;
    private final MailDelivery delivery;

    ReplyNotificationListener(ReplyFanOut fanOut, MailDelivery delivery) {
        this.fanOut = fanOut;
        this.delivery = delivery;
    }

    @KafkaListener(id = "reply-notification-mailer", groupId = "${spring.kafka.consumer.group-id:notification}",
            topics = "#{T(io.commentflow.schemas.Topics).REPLY_NOTIFICATION.name()}")
    void on(ConsumerRecord<String, SpecificRecord> record) {
        if (!(record.value() instanceof ReplyNotification notification)) {
            throw new UnprocessableRecordException("expected a ReplyNotification at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + ", got "
                    + (record.value() == null ? "no value" : record.value().getClass().getSimpleName()));
        }
        List<OutgoingEmail> emails = fanOut.emailsFor(notification);
        log.info("Notification {} ({}) about comment {} at {}-{}@{}: {} email(s)", notification.getEventId(),
                notification.getKind(), notification.getCommentId(), record.topic(), record.partition(),
                record.offset(), emails.size());
        for (OutgoingEmail email : emails) {
            delivery.deliver(email);
        }
    }
}
