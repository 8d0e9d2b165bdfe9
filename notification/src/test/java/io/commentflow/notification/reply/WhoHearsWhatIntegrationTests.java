package io.commentflow.notification.reply;

import io.commentflow.events.NotificationKind;
import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.testing.Hmac;
import io.commentflow.notification.testing.MailParts;
import io.commentflow.notification.testing.NotificationIntegrationTest;
import io.commentflow.notification.testing.Notifications;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Who gets which email about a comment, end to end through the broker, the database and SMTP. */
class WhoHearsWhatIntegrationTests extends NotificationIntegrationTest {

    @Test
    void emailsTheParentAuthorWhoOptedInAndConfirmedOneNewReplyEmail() throws Exception {
        Notifications.Builder post = Notifications.published().title("On queues");
        String carol = "carol-" + UUID.randomUUID() + "@readers.example";
        subscribeAndConfirm(post, "Carol", carol);

        Notifications.Builder reply = post.onSamePost().newReader("Bob").excerpt("Agreed, Carol!")
                .parent("Carol", carol, true);
        publishAndAwaitPostAuthor(reply);

        await().atMost(DELIVERY).until(() -> messagesTo(carol).size() == 2);
        MimeMessage email = messagesTo(carol).get(1);
        assertThat(email.getSubject()).isEqualTo("New reply to your comment on “On queues”");
        assertThat(MailParts.text(email, "text/plain")).contains("Bob replied to your comment", "Agreed, Carol!");
        assertThat(subjectOf(messagesTo(reply.postAuthorEmail()).get(1))).isEqualTo("New comment on “On queues”");

        // one more comment proves nothing else was on its way to Carol for the reply
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Dave"));
        await().atMost(DELIVERY).until(() -> messagesTo(carol).size() == 3);
        assertThat(messagesTo(carol).stream().map(NotificationIntegrationTest::subjectOf))
                .containsExactly("Confirm your subscription to comments on “On queues”",
                        "New reply to your comment on “On queues”", "New comment on “On queues”");
    }

    @Test
    void doesNotEmailAParentAuthorWhoOptedInButNeverConfirmed() {
        Notifications.Builder post = Notifications.published();
        Notifications.Builder erin = post.onSamePost().newReader("Erin").notifyFollowups(true);
        publishAndAwaitPostAuthor(erin);
        await().atMost(DELIVERY).until(() -> messagesTo(erin.commenterEmail()).size() == 1);

        publishAndAwaitPostAuthor(post.onSamePost().newReader("Bob").parent("Erin", erin.commenterEmail(), true));

        assertThat(messagesTo(erin.commenterEmail())).extracting(NotificationIntegrationTest::subjectOf)
                .allMatch(subject -> subject.startsWith("Confirm your subscription"));
    }

    @Test
    void sendsOneEmailPerAddressWhateverReasonsApplyAndNoneToTheCommentsAuthor() {
        // the post author also subscribes to their own post and wrote the parent comment
        Notifications.Builder post = Notifications.published().title("Dedup");
        String author = post.postAuthorEmail();
        subscribeAndConfirm(post, "Alice Author", author);
        String frank = "frank-" + UUID.randomUUID() + "@readers.example";
        subscribeAndConfirm(post, "Frank", frank);
        int authorBefore = messagesTo(author).size();
        int frankBefore = messagesTo(frank).size();

        // Frank replies to the author's comment: the author gets one email, the most specific; Frank none
        Notifications.Builder reply = post.onSamePost().commenter("Frank", frank.toUpperCase()).parent("Alice", author, true);
        publish(reply.build());
        await().atMost(DELIVERY).until(() -> messagesTo(author).size() == authorBefore + 1);

        // a marker comment on the same partition: once the author has its email, the reply was fully processed
        Notifications.Builder marker = post.onSamePost().newReader("Grace");
        publish(reply.commentId().toString(), marker.build());
        await().atMost(DELIVERY).until(() -> messagesTo(author).size() == authorBefore + 2);
        assertThat(messagesTo(author).subList(authorBefore, authorBefore + 2))
                .extracting(NotificationIntegrationTest::subjectOf)
                .containsExactly("New reply to your comment on “Dedup”", "New comment on “Dedup”");
        await().atMost(DELIVERY).until(() -> messagesTo(frank).size() == frankBefore + 1);
        assertThat(subjectOf(messagesTo(frank).get(frankBefore))).isEqualTo("New comment on “Dedup”");
        assertThat(MailParts.text(messagesTo(frank).get(frankBefore), "text/plain")).contains("Grace");
    }

    @Test
    void asksThePostAuthorToModerateWithLinksSignedByTheDocumentedFormulaAndTellsNoSubscriber() throws Exception {
        Notifications.Builder post = Notifications.published().title("Held");
        String heidi = "heidi-" + UUID.randomUUID() + "@readers.example";
        subscribeAndConfirm(post, "Heidi", heidi);
        int authorBefore = messagesTo(post.postAuthorEmail()).size();

        Notifications.Builder held = post.onSamePost(NotificationKind.MODERATION_REQUESTED).newReader("Mallory")
                .parent("Heidi", heidi, true);
        ReplyNotification notification = held.build();
        publish(notification);

        await().atMost(DELIVERY).until(() -> messagesTo(post.postAuthorEmail()).size() == authorBefore + 1);
        MimeMessage email = messagesTo(post.postAuthorEmail()).get(authorBefore);
        assertThat(email.getSubject()).isEqualTo("Please moderate: “Held”");
        assertThat(listUnsubscribe(email)).startsWith(NOTIFICATION_URL + "/unsubscribe?");
        String text = MailParts.text(email, "text/plain");
        long inSevenDays = Instant.now().plus(Duration.ofDays(7)).getEpochSecond();
        for (String action : new String[]{"approve", "spam", "trash"}) {
            String prefix = POST_SERVICE_URL + "/moderate/" + notification.getCommentId() + "/" + action + "?expires=";
            Matcher link = Pattern.compile(Pattern.quote(prefix) + "(\\d+)&sig=([0-9a-f]{64})").matcher(text);
            assertThat(link.find()).as(action + " link in%n%s", text).isTrue();
            long expires = Long.parseLong(link.group(1));
            assertThat(expires).isCloseTo(inSevenDays, within(120L));
            assertThat(link.group(2)).isEqualTo(Hmac.sha256Hex(MODERATION_SECRET,
                    "moderate:" + notification.getCommentId() + ":" + action + ":" + expires));
        }

        // Heidi hears nothing about the held reply: the next published comment is the next thing she gets
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Ivan").excerpt("Ivan's comment"));
        await().atMost(DELIVERY).until(() -> messagesTo(heidi).size() == 2);
        assertThat(MailParts.text(messagesTo(heidi).get(1), "text/plain")).contains("Ivan's comment");
    }
}
