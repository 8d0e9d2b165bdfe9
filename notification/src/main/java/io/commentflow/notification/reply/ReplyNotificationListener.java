package io.commentflow.notification.reply;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.messaging.UnprocessableRecordException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Thin adapter from reply-notification to email, a poll at a time: checks every record is a notification it can
 * read, has {@link ReplyMailer} email the readable ones before the first that is not, and names the first record that
 * failed in a {@link BatchListenerFailedException}. The error handler then commits the records before it, retries or
 * dead-letters that one alone (as for a single record: an unreadable record and an email that can never be built go to
 * the dead-letter topic at once, an SMTP or database failure is retried with back-off first), and delivers the later
 * records again; those that were done find their emails in the ledger and send nothing twice.
 */
@Component
class ReplyNotificationListener {

    private static final LogAccessor log = new LogAccessor(ReplyNotificationListener.class);

    private final ReplyMailer mailer;

    ReplyNotificationListener(ReplyMailer mailer) {
        this.mailer = mailer;
    }

    @KafkaListener(id = "reply-notification-mailer", groupId = "${spring.kafka.consumer.group-id:notification}",
            topics = "#{T(io.commentflow.schemas.Topics).REPLY_NOTIFICATION.name()}", batch = "true")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        int readable = 0;
        RuntimeException unreadable = null;
        while (readable < records.size() && (unreadable = unreadable(records.get(readable))) == null) {
            readable++;
        }
        Optional<ReplyMailer.Failure> failure = mailer.mail(records.subList(0, readable));
        if (failure.isPresent()) {
            throw failed(records.get(failure.get().index()), failure.get().cause());
        }
        if (unreadable != null) {
            throw failed(records.get(readable), unreadable);
        }
    }

    /** Why the record cannot be processed however often it is tried, or null: its value is a notification. */
    private static RuntimeException unreadable(ConsumerRecord<String, SpecificRecord> record) {
        // ErrorHandlingDeserializer leaves a null value and the failure in a header: a batch listener checks for it
        RuntimeException notDeserialized = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
        if (notDeserialized != null) {
            return notDeserialized;
        }
        if (!(record.value() instanceof ReplyNotification)) {
            return new UnprocessableRecordException("expected a ReplyNotification at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + ", got "
                    + (record.value() == null ? "no value" : record.value().getClass().getSimpleName()));
        }
        return null;
    }

    private static BatchListenerFailedException failed(ConsumerRecord<?, ?> record, RuntimeException cause) {
        return new BatchListenerFailedException("Notification at " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " failed: " + cause.getClass().getSimpleName(), cause, record);
    }
}
