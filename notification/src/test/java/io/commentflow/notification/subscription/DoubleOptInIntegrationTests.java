package io.commentflow.notification.subscription;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.testing.MailParts;
import io.commentflow.notification.testing.NotificationIntegrationTest;
import io.commentflow.notification.testing.Notifications;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ticking "notify me" sends one confirmation email; follow-ups flow only after the signed confirm link's POST. */
class DoubleOptInIntegrationTests extends NotificationIntegrationTest {

    @Autowired
    ExpiredRequestPurge purge;

    @Test
    void sendsOneConfirmationEmailAndNoFollowUpsUntilTheReaderConfirms() throws Exception {
        Notifications.Builder post = Notifications.published().title("Café ☕ notes");
        Notifications.Builder carol = post.onSamePost().newReader("Carol").notifyFollowups(true);
        String reader = carol.commenterEmail();

        publishAndAwaitPostAuthor(carol);

        await().atMost(DELIVERY).until(() -> messagesTo(reader).size() == 1);
        MimeMessage confirmation = messagesTo(reader).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your subscription to comments on “Café ☕ notes”");
        assertThat(confirmation.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String confirmLink = linkIn(confirmation, NOTIFICATION_URL + "/subscriptions/confirm?s=");
        assertThat(MailParts.text(confirmation, "text/html")).contains("href=\"" + confirmLink.replace("&", "&amp;") + "\"");

        // not confirmed yet: a new comment reaches the post author only
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Dave"));
        assertThat(messagesTo(reader)).hasSize(1);

        // a GET (what a mail scanner does) shows a button and changes nothing
        HttpResponse<String> page = get(confirmLink);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\">", "Confirm my subscription", "Café ☕ notes");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(statusOf(post, reader)).hasValue("PENDING");
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Erin"));
        assertThat(messagesTo(reader)).hasSize(1);

        HttpResponse<String> confirmed = postForm(confirmLink, "");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Subscription confirmed");
        assertThat(statusOf(post, reader)).hasValue("CONFIRMED");
        assertThat(postForm(confirmLink, "").body()).contains("Subscription confirmed");

        // confirmed: follow-ups flow
        Notifications.Builder frank = post.onSamePost().newReader("Frank").excerpt("Frank's follow-up");
        publishAndAwaitPostAuthor(frank);
        await().atMost(DELIVERY).until(() -> messagesTo(reader).size() == 2);
        MimeMessage followUp = messagesTo(reader).get(1);
        assertThat(followUp.getSubject()).isEqualTo("New comment on “Café ☕ notes”");
        assertThat(MailParts.text(followUp, "text/plain")).contains("Frank's follow-up",
                "because you subscribed to comments on “Café ☕ notes”");
        assertThat(listUnsubscribe(followUp)).startsWith(NOTIFICATION_URL + "/unsubscribe?a=");
    }

    @Test
    void neverSendsASecondConfirmationToAnAddressThatDidNotConfirm() {
        Notifications.Builder post = Notifications.published();
        Notifications.Builder otherPost = Notifications.published();
        Notifications.Builder first = post.onSamePost().newReader("Grace").notifyFollowups(true);
        String reader = first.commenterEmail();
        ReplyNotification firstComment = first.build();

        publish(firstComment);
        publish(firstComment);
        // the post author's email goes out last: once it is there, both deliveries were processed
        await().atMost(DELIVERY).until(() -> messagesTo(post.postAuthorEmail()).size() == 1);
        await().atMost(DELIVERY).until(() -> messagesTo(reader).size() == 1);

        // the same address ticks the box again, on this post and on another one
        publishAndAwaitPostAuthor(post.onSamePost().commenter("Grace", reader).notifyFollowups(true));
        publishAndAwaitPostAuthor(otherPost.onSamePost().commenter("Grace", reader.toUpperCase()).notifyFollowups(true));

        assertThat(messagesTo(reader)).hasSize(1);
        assertThat(statusOf(otherPost, reader)).isEmpty();
    }

    @Test
    void expiresAnUnconfirmedRequestAndDoesNotAskAgain() {
        Notifications.Builder post = Notifications.published();
        Notifications.Builder heidi = post.onSamePost().newReader("Heidi").notifyFollowups(true);
        String reader = heidi.commenterEmail();
        publishAndAwaitPostAuthor(heidi);
        await().atMost(DELIVERY).until(() -> messagesTo(reader).size() == 1);
        String confirmLink = linkIn(messagesTo(reader).get(0), NOTIFICATION_URL + "/subscriptions/confirm?s=");

        // seven days later (the configured lifetime has passed)
        jdbc.sql("""
                        update post_subscription set expires_at = now() - interval '1 minute', requested_at = now() - interval '7 days'
                         where post_id = ? and address_id = (select id from subscriber_address where email = ?)
                        """).params(post.postId(), reader).update();

        HttpResponse<String> tooLate = postForm(confirmLink, "");
        assertThat(tooLate.statusCode()).isEqualTo(410);
        assertThat(tooLate.body()).contains("expired");
        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);
        assertThat(statusOf(post, reader)).isEmpty();
        assertThat(postForm(confirmLink, "").statusCode()).isEqualTo(410);

        // no follow-ups, and ticking the box again brings no second confirmation
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Ivan"));
        publishAndAwaitPostAuthor(post.onSamePost().commenter("Heidi", reader).notifyFollowups(true));
        assertThat(messagesTo(reader)).hasSize(1);
    }

    @Test
    void rejectsATamperedConfirmLink() {
        Notifications.Builder post = Notifications.published();
        Notifications.Builder judy = post.onSamePost().newReader("Judy").notifyFollowups(true);
        publish(judy.build());
        await().atMost(DELIVERY).until(() -> messagesTo(judy.commenterEmail()).size() == 1);
        String confirmLink = linkIn(messagesTo(judy.commenterEmail()).get(0), NOTIFICATION_URL + "/subscriptions/confirm?s=");
        String laterExpiry = confirmLink.replaceFirst("expires=(\\d+)", "expires=9$1");
        String flippedSignature = confirmLink.substring(0, confirmLink.length() - 1)
                + (confirmLink.endsWith("0") ? "1" : "0");

        assertThat(postForm(laterExpiry, "").statusCode()).isEqualTo(403);
        assertThat(postForm(flippedSignature, "").statusCode()).isEqualTo(403);
        assertThat(get(flippedSignature).statusCode()).isEqualTo(403);
        assertThat(statusOf(post, judy.commenterEmail())).hasValue("PENDING");
    }

    @Test
    void letsAnAddressThatConfirmedBeforeAskAgainForAPostItLeft() {
        Notifications.Builder post = Notifications.published();
        String reader = "kate-" + UUID.randomUUID() + "@readers.example";
        subscribeAndConfirm(post, "Kate", reader);
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Liam"));
        await().atMost(DELIVERY).until(() -> messagesTo(reader).size() == 2);
        assertThat(postForm(listUnsubscribe(messagesTo(reader).get(1)), "List-Unsubscribe=One-Click").statusCode())
                .isEqualTo(200);
        assertThat(statusOf(post, reader)).hasValue("UNSUBSCRIBED");

        // she ticks the box again: a verified address gets a new confirmation, and nothing flows until she confirms
        subscribeAndConfirm(post, "Kate", reader);
        assertThat(messagesTo(reader)).hasSize(3);
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Mo"));
        await().atMost(DELIVERY).until(() -> messagesTo(reader).size() == 4);
    }

    private Optional<String> statusOf(Notifications.Builder post, String email) {
        return jdbc.sql("""
                        select s.status from post_subscription s join subscriber_address a on a.id = s.address_id
                         where s.post_id = ? and a.email = ?
                        """).params(post.postId(), email.toLowerCase()).query(String.class).optional();
    }
}
