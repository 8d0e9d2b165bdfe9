package io.commentflow.notification.digest;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.testing.MailParts;
import io.commentflow.notification.testing.NotificationIntegrationTest;
import io.commentflow.notification.testing.Notifications;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** More than five emails about one post to one address within the hour: the rest wait for one digest. */
class DigestIntegrationTests extends NotificationIntegrationTest {

    @Autowired
    DigestJob digests;

    @Test
    void foldsEverythingBeyondFiveEmailsAnHourIntoOneDigestSentOnce() throws Exception {
        Notifications.Builder post = Notifications.published().title("Busy thread");
        String author = post.postAuthorEmail();
        List<ReplyNotification> comments = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            comments.add(post.onSamePost().newReader("Reader " + i).excerpt("Comment number " + i).build());
        }

        comments.forEach(this::publish);

        // a poll folds in its database transaction, then sends its emails one by one: both must be done
        await().atMost(DELIVERY).until(() -> openEntries(author) == 3 && messagesTo(author).size() == 5);
        // a redelivered folded notification neither sends nor folds twice
        ReplyNotification folded = comments.stream().filter(c -> isFolded(c, author)).findFirst().orElseThrow();
        publish(folded);
        Notifications.Builder marker = Notifications.published();
        publish(folded.getCommentId().toString(), marker.build());
        await().atMost(DELIVERY).until(() -> messagesTo(marker.postAuthorEmail()).size() == 1);
        assertThat(openEntries(author)).isEqualTo(3);
        assertThat(messagesTo(author)).hasSize(5);

        // not due before the interval has passed
        assertThat(digests.runOnce()).isZero();
        assertThat(messagesTo(author)).hasSize(5);

        // an hour later
        jdbc.sql("update email_digest_entry set created_at = created_at - interval '61 minutes' where recipient = ?")
                .param(author).update();
        assertThat(digests.runOnce()).isEqualTo(1);
        assertThat(digests.runOnce()).isZero();

        assertThat(messagesTo(author)).hasSize(6);
        MimeMessage digest = messagesTo(author).get(5);
        assertThat(digest.getSubject()).isEqualTo("Digest: 3 more comments on “Busy thread”");
        assertThat(listUnsubscribe(digest)).startsWith(NOTIFICATION_URL + "/unsubscribe?a=");
        assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String text = MailParts.text(digest, "text/plain");
        long listed = comments.stream().filter(c -> text.contains(c.getExcerpt())).count();
        assertThat(listed).isEqualTo(3);
        assertThat(MailParts.text(digest, "text/html")).contains("Reader");
        assertThat(openEntries(author)).isZero();

        // still within the hour: the next one is folded again, not sent
        publish(post.onSamePost().newReader("Reader 9").build());
        await().atMost(DELIVERY).until(() -> openEntries(author) == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> messagesTo(author).size() == 6);
    }

    @Test
    void countsTheEmailsOfOnePollTowardsTheFiveAndFoldsANotificationDeliveredTwiceOnce() {
        Notifications.Builder post = Notifications.published().title("Busy poll");
        String author = post.postAuthorEmail();
        String key = UUID.randomUUID().toString();
        List<ReplyNotification> comments = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            comments.add(post.onSamePost().newReader("Reader " + i).excerpt("Comment number " + i).build());
        }

        inOnePoll(() -> {
            comments.forEach(comment -> publish(key, comment));
            publish(key, comments.get(7));
        });

        await().atMost(DELIVERY).until(() -> openEntries(author) == 3);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> messagesTo(author).size() == 5);
        assertThat(openEntries(author)).isEqualTo(3);
        assertThat(comments.subList(0, 5)).noneMatch(comment -> isFolded(comment, author));
        assertThat(comments.subList(5, 8)).allMatch(comment -> isFolded(comment, author));
    }

    @Test
    void dropsADigestForAReaderWhoUnsubscribedMeanwhile() {
        Notifications.Builder post = Notifications.published();
        String author = post.postAuthorEmail();
        for (int i = 1; i <= 6; i++) {
            publish(post.onSamePost().newReader("Reader " + i).build());
        }
        await().atMost(DELIVERY).until(() -> openEntries(author) == 1 && messagesTo(author).size() == 5);

        assertThat(postForm(listUnsubscribe(messagesTo(author).get(0)), "List-Unsubscribe=One-Click").statusCode())
                .isEqualTo(200);
        jdbc.sql("update email_digest_entry set created_at = created_at - interval '61 minutes' where recipient = ?")
                .param(author).update();

        digests.runOnce();
        assertThat(messagesTo(author)).hasSize(5);
        assertThat(jdbc.sql("select status from email_digest where recipient = ?").param(author).query(String.class).list())
                .containsExactly("DROPPED");
    }

    private int openEntries(String recipient) {
        return jdbc.sql("select count(*) from email_digest_entry where recipient = ? and digest_id is null")
                .param(recipient).query(Integer.class).single();
    }

    private boolean isFolded(ReplyNotification notification, String recipient) {
        return jdbc.sql("select count(*) from email_digest_entry where notification_id = ? and recipient = ?")
                .params(notification.getEventId(), recipient).query(Integer.class).single() > 0;
    }
}
