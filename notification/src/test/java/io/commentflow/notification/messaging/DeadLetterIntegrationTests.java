package io.commentflow.notification.messaging;

import io.commentflow.events.PostChanged;
import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.testing.NotificationIntegrationTest;
import io.commentflow.notification.testing.Notifications;
import io.commentflow.schemas.kafka.EventDeserializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.mail.MailPreparationException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record this service cannot read goes to reply-notification-dlt, and the stream goes on; so does one it can never
 * process, after its retries. The other records of its poll are emailed once.
 */
class DeadLetterIntegrationTests extends NotificationIntegrationTest {

    @Test
    void sendsAnUnreadableRecordToTheDeadLetterTopicAndEmailsTheNextNotification() {
        String key = UUID.randomUUID().toString();
        byte[] poison = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
        Notifications.Builder next = Notifications.published();

        publishRaw(key, poison);
        publish(key, next.build());

        ConsumerRecord<String, byte[]> deadLetter = deadLetterWithKey(key);
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(REPLY_NOTIFICATION);
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN)).contains("DeserializationException");
        await().atMost(DELIVERY).until(() -> messagesTo(next.postAuthorEmail()).size() == 1);
    }

    @Test
    void sendsAnotherEventTypeToTheDeadLetterTopicAsItWasWritten() {
        String key = UUID.randomUUID().toString();
        PostChanged wrongTopic = PostChanged.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setPostId(UUID.randomUUID()).setSlug("hello").setTitle("Hello").setLink("https://blog.example/hello")
                .build();
        Notifications.Builder next = Notifications.published();

        publish(key, wrongTopic);
        publish(key, next.build());

        ConsumerRecord<String, byte[]> deadLetter = deadLetterWithKey(key);
        assertThat(new EventDeserializer().deserialize(REPLY_NOTIFICATION_DLT, deadLetter.value())).isEqualTo(wrongTopic);
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo(UnprocessableRecordException.class.getName());
        await().atMost(DELIVERY).until(() -> messagesTo(next.postAuthorEmail()).size() == 1);
    }

    @Test
    void deadLettersAnUnreadableRecordInTheMiddleOfAPollAndEmailsTheOthersOnce() {
        String key = UUID.randomUUID().toString();
        byte[] poison = "not avro either".getBytes(StandardCharsets.UTF_8);
        Notifications.Builder before = Notifications.published();
        Notifications.Builder after = Notifications.published();

        inOnePoll(() -> {
            publish(key, before.build());
            publishRaw(key, poison);
            publish(key, after.build());
        });

        assertThat(deadLetterWithKey(key).value()).isEqualTo(poison);
        await().atMost(DELIVERY).until(() -> messagesTo(after.postAuthorEmail()).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                messagesTo(before.postAuthorEmail()).size() == 1 && messagesTo(after.postAuthorEmail()).size() == 1);
    }

    @Test
    void deadLettersANotificationWhoseEmailCanNeverBeBuiltAtOnceAndEmailsTheOthersOfItsPollOnce() {
        // plausible enough to be a recipient, refused by the strict address parser: the email can never be built
        String key = UUID.randomUUID().toString();
        Notifications.Builder before = Notifications.published();
        Notifications.Builder unbuildable = Notifications.published();
        unbuildable.postAuthor("Alice Author", "alice@blog..example");
        Notifications.Builder after = Notifications.published();
        ReplyNotification unbuildableNotification = unbuildable.build();

        inOnePoll(() -> {
            publish(key, before.build());
            publish(key, unbuildableNotification);
            publish(key, after.build());
        });

        ConsumerRecord<String, byte[]> deadLetter = deadLetterWithKey(key);
        assertThat(new EventDeserializer().deserialize(REPLY_NOTIFICATION_DLT, deadLetter.value()))
                .isEqualTo(unbuildableNotification);
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo(MailPreparationException.class.getName());
        await().atMost(DELIVERY).until(() -> messagesTo(after.postAuthorEmail()).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                messagesTo(before.postAuthorEmail()).size() == 1 && messagesTo(after.postAuthorEmail()).size() == 1);
        assertThat(ledgerRow(unbuildableNotification.getEventId(), "alice@blog..example"))
                .hasValue(Map.of("status", "FAILED", "attempts", 1));
    }

    @Test
    void deadLettersANotificationTheDatabaseRefusesAfterItsRetriesAndEmailsTheOthersOfItsPollOnce() {
        // a title PostgreSQL cannot store (a NUL character): the poll's one transaction fails, then that notification
        // alone, again after each back-off; the one before it in the poll is emailed meanwhile
        String key = UUID.randomUUID().toString();
        Notifications.Builder before = Notifications.published();
        Notifications.Builder refused = Notifications.published().title("Broken \u0000 title");
        Notifications.Builder after = Notifications.published();
        ReplyNotification refusedNotification = refused.build();

        inOnePoll(() -> {
            publish(key, before.build());
            publish(key, refusedNotification);
            publish(key, after.build());
        });

        await().atMost(DELIVERY).until(() -> messagesTo(before.postAuthorEmail()).size() == 1);
        ConsumerRecord<String, byte[]> deadLetter = deadLetterWithKey(key, DELIVERY.multipliedBy(3));
        assertThat(new EventDeserializer().deserialize(REPLY_NOTIFICATION_DLT, deadLetter.value()))
                .isEqualTo(refusedNotification);
        await().atMost(DELIVERY).until(() -> messagesTo(after.postAuthorEmail()).size() == 1);
        assertThat(messagesTo(before.postAuthorEmail())).hasSize(1);
        assertThat(messagesTo(refused.postAuthorEmail())).isEmpty();
    }

    private ConsumerRecord<String, byte[]> deadLetterWithKey(String key) {
        return deadLetterWithKey(key, DELIVERY);
    }

    private ConsumerRecord<String, byte[]> deadLetterWithKey(String key, Duration timeout) {
        AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(
                KafkaTestUtils.consumerProps(broker, "dlt-reader-" + UUID.randomUUID(), false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(REPLY_NOTIFICATION_DLT));
            await().atMost(timeout).pollInSameThread().until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.set(record);
                    }
                }
                return found.get() != null;
            });
        }
        return found.get();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
