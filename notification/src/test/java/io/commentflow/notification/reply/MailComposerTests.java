package io.commentflow.notification.reply;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.OutgoingEmail;
import io.commentflow.notification.testing.Notifications;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailComposerTests {

    private final MailComposer composer = new MailComposer();

    @Test
    void writesANewCommentEmailWithTitleNameExcerptAndLink() {
        ReplyNotification notification = Notifications.published()
                .title("Café ☕ notes").commenter("Zoë", "zoe@readers.example").excerpt("Lovely.\nMore, please.").build();

        OutgoingEmail email = composer.compose(notification, recipient(Recipient.Reason.NEW_COMMENT));

        assertThat(email.subject()).isEqualTo("New comment on “Café ☕ notes”");
        assertThat(email.text()).contains("Zoë", "Lovely.\nMore, please.", "Café ☕ notes", notification.getCommentLink());
        assertThat(email.html()).contains("Zoë", "Lovely.<br>\nMore, please.", "Café ☕ notes",
                "href=\"" + notification.getCommentLink() + "\"");
        assertThat(email.notificationId()).isEqualTo(notification.getEventId());
        assertThat(email.commentId()).isEqualTo(notification.getCommentId());
        assertThat(email.category()).isEqualTo("new-comment");
        assertThat(email.recipientAddress()).isEqualTo("alice@blog.example");
    }

    @Test
    void writesAPleaseModerateEmailWithTheCommentLink() {
        ReplyNotification notification = Notifications.moderationRequested().title("On queues").build();

        OutgoingEmail email = composer.compose(notification, recipient(Recipient.Reason.PLEASE_MODERATE));

        assertThat(email.subject()).isEqualTo("Please moderate: “On queues”");
        assertThat(email.text()).contains("waiting for your approval", notification.getCommentLink());
        assertThat(email.html()).contains("href=\"" + notification.getCommentLink() + "\"");
        assertThat(email.category()).isEqualTo("please-moderate");
    }

    @Test
    void escapesEveryEventValueInTheHtmlPart() {
        ReplyNotification notification = Notifications.published()
                .title("<script>alert(1)</script>")
                .commenter("Eve \"<img src=x onerror=alert(2)>\"", "eve@readers.example")
                .excerpt("a < b & c > d").build();

        String html = composer.compose(notification, recipient(Recipient.Reason.NEW_COMMENT)).html();

        assertThat(html).doesNotContain("<script>", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;",
                "Eve &quot;&lt;img src=x onerror=alert(2)&gt;&quot;", "a &lt; b &amp; c &gt; d");
    }

    @Test
    void makesNamesAndTitlesSingleLine() {
        ReplyNotification notification = Notifications.published()
                .title("Hello\r\nBcc: victim@example.org").commenter("Mallory\nX-Evil: 1", "m@readers.example").build();

        OutgoingEmail email = composer.compose(notification, recipient(Recipient.Reason.NEW_COMMENT));

        assertThat(email.subject()).isEqualTo("New comment on “Hello Bcc: victim@example.org”").doesNotContain("\r", "\n");
        assertThat(email.text()).startsWith("Mallory X-Evil: 1 left a comment");
    }

    @Test
    void linksOnlyToHttpUrls() {
        ReplyNotification notification = Notifications.published().postLink("javascript:alert(1)").build();

        String html = composer.compose(notification, recipient(Recipient.Reason.NEW_COMMENT)).html();

        assertThat(html).doesNotContain("href=\"javascript");
    }

    private static Recipient recipient(Recipient.Reason reason) {
        return new Recipient("alice@blog.example", "Alice", reason);
    }
}
