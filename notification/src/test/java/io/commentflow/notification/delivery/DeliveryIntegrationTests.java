package io.commentflow.notification.delivery;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.testing.NotificationIntegrationTest;
import io.commentflow.notification.testing.Notifications;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each (notification, recipient) is emailed exactly once: not twice on redelivery, not lost while SMTP is down, not
 * held up by an SMTP connection the server dropped, not twice when the server refuses one email of a poll for a while.
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
    void sendsANotificationDeliveredTwiceInOnePollOnlyOnce() {
        Notifications.Builder given = Notifications.published();
        ReplyNotification notification = given.build();
        Notifications.Builder after = Notifications.published();
        String key = notification.getCommentId().toString();

        inOnePoll(() -> {
            publish(key, notification);
            publish(key, notification);
            publish(key, after.build());
        });

        await().atMost(DELIVERY).until(() -> messagesTo(after.postAuthorEmail()).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> messagesTo(given.postAuthorEmail()).size() == 1);
        assertThat(ledgerRow(notification.getEventId(), given.postAuthorEmail()))
                .hasValue(Map.of("status", "SENT", "attempts", 1));
    }

    @Test
    void deliversExactlyOnceWhenTheSmtpServerComesBackWithinTheBackOff() {
        deliversOnceAfterAnSmtpOutage(1, 2);
    }

    @Test
    void waitsForAnSmtpServerThatIsDownLongerThanTheRetryBudgetAndDeliversOnce() {
        // 12 failed attempts, 0.2 s doubling to 1 s apart: about twice the retry budget (5 s here), past which an email
        // that failed for another reason is dead-lettered and tried no more
        deliversOnceAfterAnSmtpOutage(12, 6);
    }

    /**
     * Stops the SMTP server, publishes a notification, waits until its email has failed {@code failures} times, starts
     * the server again: the email arrives once, after at least {@code attempts} attempts.
     */
    private void deliversOnceAfterAnSmtpOutage(int failures, int attempts) {
        Notifications.Builder given = Notifications.published();
        ReplyNotification notification = given.build();
        String author = given.postAuthorEmail();

        greenMail.stop();
        try {
            publish(notification);
            await().atMost(DELIVERY).until(() -> ledgerRow(notification.getEventId(), author)
                    .filter(row -> "FAILED".equals(row.get("status")) && (Integer) row.get("attempts") >= failures)
                    .isPresent());
        } finally {
            greenMail.start();
        }

        await().atMost(DELIVERY).until(() -> messagesTo(author).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> messagesTo(author).size() == 1);
        Map<String, Object> row = ledgerRow(notification.getEventId(), author).orElseThrow();
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat((Integer) row.get("attempts")).isGreaterThanOrEqualTo(attempts);
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

    @Test
    void sendsTheRestOfAPollOnceWhileTheServerRefusesOneRecipientAndThatOneOnceWhenItTakesIt() {
        String key = UUID.randomUUID().toString();
        List<Notifications.Builder> poll = Stream.generate(Notifications::published).limit(5).toList();
        List<ReplyNotification> notifications = poll.stream().map(Notifications.Builder::build).toList();
        // the third: on the kept-open connection and on the new one the pool tries next, "451 try again later"
        String refused = poll.get(2).postAuthorEmail();
        smtpRelay.refuseNext(refused, 2);

        inOnePoll(() -> notifications.forEach(notification -> publish(key, notification)));

        for (Notifications.Builder given : poll) {
            await().atMost(DELIVERY).until(() -> messagesTo(given.postAuthorEmail()).size() == 1);
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> poll.stream().allMatch(given -> messagesTo(given.postAuthorEmail()).size() == 1));
        Map<String, Object> retried = ledgerRow(notifications.get(2).getEventId(), refused).orElseThrow();
        assertThat(retried.get("status")).isEqualTo("SENT");
        assertThat((Integer) retried.get("attempts")).isGreaterThanOrEqualTo(2);
        // those before it went out before the failure, those after it once it went out: one attempt each, since the
        // poll gave back the claims it had not tried when it stopped
        for (int i : new int[] {0, 1, 3, 4}) {
            assertThat(ledgerRow(notifications.get(i).getEventId(), poll.get(i).postAuthorEmail()))
                    .hasValue(Map.of("status", "SENT", "attempts", 1));
        }
    }
}
