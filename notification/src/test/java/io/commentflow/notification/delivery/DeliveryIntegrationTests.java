package io.commentflow.notification.delivery;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.testing.NotificationIntegrationTest;
import io.commentflow.notification.testing.Notifications;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each (notification, recipient) is emailed exactly once: not twice on redelivery, not lost while SMTP is down, not
 * held up by an SMTP connection the server dropped.
 */
class DeliveryIntegrationTests extends NotificationIntegrationTest {

    @Test
    void sendsARedeliveredNotificationOnlyOnce() {
        Notifications.Builder given = Notifications.published();
        ReplyNotification notification = given.build();
        Notifications.Builder marker = Notifications.published();

        publish(notification);
        publish(notification);
        publish(notification.getCommentId().toString(), marker.build());

        // the marker follows both copies on their partition: once it is emailed, both copies were processed
        await().atMost(DELIVERY).until(() -> messagesTo(marker.postAuthorEmail()).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> messagesTo(given.postAuthorEmail()).size() == 1);
        assertThat(ledgerRow(notification.getEventId(), given.postAuthorEmail()))
                .hasValue(Map.of("status", "SENT", "attempts", 1));
    }

    @Test
    void deliversExactlyOnceWhenTheSmtpServerComesBackWithinTheBackOff() {
        Notifications.Builder given = Notifications.published();
        ReplyNotification notification = given.build();
        String author = given.postAuthorEmail();

        greenMail.stop();
        try {
            publish(notification);
            await().atMost(DELIVERY).until(() -> status(notification, author).filter("FAILED"::equals).isPresent());
        } finally {
            greenMail.start();
        }

        await().atMost(DELIVERY).until(() -> messagesTo(author).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> messagesTo(author).size() == 1);
        Map<String, Object> row = ledgerRow(notification.getEventId(), author).orElseThrow();
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat((Integer) row.get("attempts")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void sendsOnANewConnectionWhenTheServerDroppedTheKeptOpenOne() {
        // an email leaves its SMTP connection open for the next; the server restarts and drops it
        publishAndAwaitPostAuthor(Notifications.published());
        greenMail.stop();
        greenMail.start();
        Notifications.Builder given = Notifications.published();
        ReplyNotification notification = given.build();
        String author = given.postAuthorEmail();

        publish(notification);

        await().atMost(DELIVERY).until(() -> messagesTo(author).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> messagesTo(author).size() == 1);
        // on the first attempt: the dead connection was replaced at once, not after a retry's back-off
        assertThat(ledgerRow(notification.getEventId(), author)).hasValue(Map.of("status", "SENT", "attempts", 1));
    }

    private Optional<String> status(ReplyNotification notification, String recipient) {
        return ledgerRow(notification.getEventId(), recipient).map(row -> (String) row.get("status"));
    }
}
