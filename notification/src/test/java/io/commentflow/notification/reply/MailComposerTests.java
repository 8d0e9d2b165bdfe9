package io.commentflow.notification.reply;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.OutgoingEmail;
import io.commentflow.notification.links.LinkSigner;
import io.commentflow.notification.links.ModerationLinks;
import io.commentflow.notification.links.SubscriptionLinks;
import io.commentflow.notification.testing.Hmac;
import io.commentflow.notification.testing.Notifications;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MailComposerTests {

    private static final String MODERATION_SECRET = "moderation-secret-for-unit-tests";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final UUID ADDRESS_ID = UUID.fromString("7f1c8a52-0d3e-4c1b-9a64-2f3e5d6c7b8a");

    private final SubscriptionLinks links = new SubscriptionLinks("https://notify.example/",
            new LinkSigner("subscription-secret-for-unit-tests", "test"));
    private final MailComposer composer = new MailComposer(links, new ModerationLinks("https://blog.example",
            new LinkSigner(MODERATION_SECRET, "test"), Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void writesANewCommentEmailWithTitleNameExcerptAndLink() {
        ReplyNotification notification = Notifications.published()
                .title("Café ☕ notes").commenter("Zoë", "zoe@readers.example").excerpt("Lovely.\nMore, please.").build();

        OutgoingEmail email = composer.compose(notification, recipient(Recipient.Reason.NEW_COMMENT));

        assertThat(email.subject()).isEqualTo("New comment on “Café ☕ notes”");
        assertThat(email.text()).contains("Zoë", "Lovely.\nMore, please.", "Café ☕ notes", notification.getCommentLink(),
                "because you wrote “Café ☕ notes”");
        assertThat(email.html()).contains("Zoë", "Lovely.<br>\nMore, please.", "Café ☕ notes",
                "href=\"" + notification.getCommentLink() + "\"");
        assertThat(email.notificationId()).isEqualTo(notification.getEventId());
        assertThat(email.commentId()).isEqualTo(notification.getCommentId());
        assertThat(email.category()).isEqualTo("new-comment");
        assertThat(email.recipientAddress()).isEqualTo("alice@blog.example");
    }

    @Test
    void endsEveryEmailWithWaysToLeaveThePostEverythingOrManage() {
        ReplyNotification notification = Notifications.published().build();
        UUID postId = notification.getPost().getPostId();

        for (Recipient.Reason reason : Recipient.Reason.values()) {
            OutgoingEmail email = composer.compose(notification, recipient(reason));

            assertThat(email.unsubscribeUrl()).isEqualTo(links.unsubscribe(ADDRESS_ID, postId))
                    .startsWith("https://notify.example/unsubscribe?a=" + ADDRESS_ID + "&p=" + postId + "&sig=");
            assertThat(email.text()).contains("Stop emails about this post: " + links.unsubscribe(ADDRESS_ID, postId),
                    "Stop all emails from us: " + links.unsubscribeAll(ADDRESS_ID),
                    "See and change your subscriptions: https://notify.example/subscriptions");
            assertThat(email.html()).contains("Unsubscribe from this post", "Unsubscribe from everything",
                    "href=\"https://notify.example/subscriptions\"");
        }
    }

    @Test
    void writesANewReplyEmailToTheParentAuthorAndAFollowUpEmailToSubscribers() {
        ReplyNotification notification = Notifications.published().title("On queues").commenter("Bob", "bob@x.example").build();

        OutgoingEmail reply = composer.compose(notification, recipient(Recipient.Reason.NEW_REPLY));
        OutgoingEmail followUp = composer.compose(notification, recipient(Recipient.Reason.FOLLOW_UP));

        assertThat(reply.subject()).isEqualTo("New reply to your comment on “On queues”");
        assertThat(reply.text()).startsWith("Bob replied to your comment on “On queues”");
        assertThat(reply.category()).isEqualTo("new-reply");
        assertThat(followUp.subject()).isEqualTo("New comment on “On queues”");
        assertThat(followUp.text()).contains("because you subscribed to comments on “On queues”");
        assertThat(followUp.category()).isEqualTo("follow-up");
    }

    @Test
    void writesAPleaseModerateEmailWithLinksSignedByTheDocumentedFormula() {
        ReplyNotification notification = Notifications.moderationRequested().title("On queues").build();
        UUID commentId = notification.getCommentId();
        long expires = NOW.plus(Duration.ofDays(7)).getEpochSecond();

        OutgoingEmail email = composer.compose(notification, recipient(Recipient.Reason.PLEASE_MODERATE));

        assertThat(email.subject()).isEqualTo("Please moderate: “On queues”");
        assertThat(email.text()).contains("waiting for your approval", notification.getCommentLink());
        assertThat(email.html()).contains("href=\"" + notification.getCommentLink() + "\"");
        assertThat(email.category()).isEqualTo("please-moderate");
        for (String action : new String[]{"approve", "spam", "trash"}) {
            String link = "https://blog.example/moderate/" + commentId + "/" + action + "?expires=" + expires
                    + "&sig=" + Hmac.sha256Hex(MODERATION_SECRET, "moderate:" + commentId + ":" + action + ":" + expires);
            assertThat(email.text()).contains(link);
            assertThat(email.html()).contains("href=\"" + link.replace("&", "&amp;") + "\"");
        }
    }

    @Test
    void pointsToTheModerationQueueWhenNoModerationSecretIsConfigured() {
        MailComposer withoutSecret = new MailComposer(links, ModerationLinks.disabled("https://blog.example"));

        OutgoingEmail email = withoutSecret.compose(Notifications.moderationRequested().build(),
                recipient(Recipient.Reason.PLEASE_MODERATE));

        assertThat(email.text()).contains("Moderate it in the queue: https://blog.example/admin").doesNotContain("/moderate/");
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
        return new Recipient("alice@blog.example", "Alice", reason, ADDRESS_ID);
    }
}
