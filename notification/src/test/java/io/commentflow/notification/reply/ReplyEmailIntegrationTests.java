package io.commentflow.notification.reply;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.testing.MailParts;
import io.commentflow.notification.testing.NotificationIntegrationTest;
import io.commentflow.notification.testing.Notifications;
import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the post author receives, as an SMTP server sees it. */
class ReplyEmailIntegrationTests extends NotificationIntegrationTest {

    @Test
    void emailsThePostAuthorAboutANewCommentInTextAndHtml() throws Exception {
        Notifications.Builder given = Notifications.published()
                .title("Café ☕ notes")
                .commenter("Zoë \"Z\" <Reader>", "zoe@readers.example")
                .excerpt("I <3 this & want more.");
        ReplyNotification notification = given.build();
        String author = given.postAuthorEmail();

        publish(notification);

        await().atMost(DELIVERY).until(() -> messagesTo(author).size() == 1);
        MimeMessage email = messagesTo(author).get(0);
        assertThat(email.getSubject()).isEqualTo("New comment on “Café ☕ notes”");
        assertThat(email.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(((InternetAddress) email.getFrom()[0]).getAddress()).isEqualTo("no-reply@commentflow.test");
        assertThat(recipients(email)).containsExactly(author);

        Part alternative = MailParts.find(email, "multipart/alternative").orElseThrow();
        Multipart parts = (Multipart) alternative.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();

        String text = MailParts.text(email, "text/plain");
        assertThat(text).contains("Zoë \"Z\" <Reader>", "I <3 this & want more.", "Café ☕ notes",
                notification.getCommentLink());
        String html = MailParts.text(email, "text/html");
        assertThat(html).contains("Zoë &quot;Z&quot; &lt;Reader&gt;", "I &lt;3 this &amp; want more.", "Café ☕ notes",
                "href=\"" + notification.getCommentLink() + "\"").doesNotContain("<Reader>");

        assertThat(email.getMessageID()).isEqualTo(
                "<" + notification.getEventId() + "." + sha256Hex(author.toLowerCase()).substring(0, 16) + "@commentflow>");
    }

    @Test
    void sendsNothingWhenThePostAuthorCommentsOnTheirOwnPost() {
        Notifications.Builder own = Notifications.published();
        own.commenter("Alice Author", own.postAuthorEmail().toUpperCase());
        ReplyNotification ownComment = own.build();
        Notifications.Builder next = Notifications.published().commentId(UUID.randomUUID());
        ReplyNotification laterOnTheSamePartition = next.build();

        publish(ownComment);
        publish(ownComment.getCommentId().toString(), laterOnTheSamePartition);

        // the later record is emailed, so the one before it on its partition has been processed
        await().atMost(DELIVERY).until(() -> messagesTo(next.postAuthorEmail()).size() == 1);
        assertThat(messagesTo(own.postAuthorEmail())).isEmpty();
        assertThat(ledgerRow(ownComment.getEventId(), own.postAuthorEmail())).isEmpty();
    }

    @Test
    void asksThePostAuthorToModerateAHeldComment() {
        Notifications.Builder given = Notifications.moderationRequested().title("Queues, again");
        ReplyNotification notification = given.build();

        publish(notification);

        await().atMost(DELIVERY).until(() -> messagesTo(given.postAuthorEmail()).size() == 1);
        MimeMessage email = messagesTo(given.postAuthorEmail()).get(0);
        assertThat(subjectOf(email)).isEqualTo("Please moderate: “Queues, again”");
        assertThat(MailParts.text(email, "text/plain")).contains("Bob Reader", notification.getCommentLink());
        assertThat(MailParts.text(email, "text/html")).contains("href=\"" + notification.getCommentLink() + "\"");
    }

    @Test
    void letsNoNameOrTitleInjectAHeaderOrARecipient() throws Exception {
        String injection = "\r\nBcc: victim@example.org\r\nX-Injected: yes";
        Notifications.Builder given = Notifications.published()
                .title("Hello" + injection)
                .commenter("Mallory" + injection, "mallory@readers.example");
        given.postAuthor("Alice" + injection, given.postAuthorEmail());
        ReplyNotification notification = given.build();

        publish(notification);

        await().atMost(DELIVERY).until(() -> messagesTo(given.postAuthorEmail()).size() == 1);
        MimeMessage email = messagesTo(given.postAuthorEmail()).get(0);
        // GreenMail stores one copy per SMTP recipient and creates a mailbox for every address it delivers to
        String messageId = email.getMessageID();
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> messageId.equals(messageIdOf(m))))
                .hasSize(1);
        assertThat(greenMail.getUserManager().getUserByEmail("victim@example.org")).isNull();
        assertThat(recipients(email)).containsExactly(given.postAuthorEmail());
        assertThat(email.getHeader("Bcc")).isNull();
        assertThat(email.getHeader("X-Injected")).isNull();
        List<Header> headers = Collections.list(email.getAllHeaders());
        assertThat(headers).extracting(Header::getName).doesNotContain("Bcc", "X-Injected");
        assertThat(email.getSubject()).isEqualTo("New comment on “Hello Bcc: victim@example.org X-Injected: yes”");
        assertThat(((InternetAddress) email.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Alice Bcc: victim@example.org X-Injected: yes");
    }

    private static String messageIdOf(MimeMessage email) {
        try {
            return email.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
