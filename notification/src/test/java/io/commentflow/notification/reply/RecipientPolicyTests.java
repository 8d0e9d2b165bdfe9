package io.commentflow.notification.reply;

import io.commentflow.events.NotificationKind;
import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.testing.Notifications;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientPolicyTests {

    private final RecipientPolicy policy = new RecipientPolicy();

    @Test
    void tellsThePostAuthorAboutAPublishedComment() {
        ReplyNotification notification = Notifications.published()
                .postAuthor("Alice", "alice@blog.example").commenter("Bob", "bob@readers.example").build();

        assertThat(policy.recipientsOf(notification))
                .containsExactly(new Recipient("alice@blog.example", "Alice", Recipient.Reason.NEW_COMMENT));
    }

    @Test
    void tellsNobodyWhenThePostAuthorCommentsOnTheirOwnPostWhateverTheCase() {
        ReplyNotification notification = Notifications.published()
                .postAuthor("Alice", "Alice@Blog.Example").commenter("Alice", " alice@blog.EXAMPLE ").build();

        assertThat(policy.recipientsOf(notification)).isEmpty();
    }

    @Test
    void asksThePostAuthorToModerateAHeldComment() {
        ReplyNotification notification = Notifications.moderationRequested()
                .postAuthor("Alice", "alice@blog.example").build();

        assertThat(policy.recipientsOf(notification))
                .containsExactly(new Recipient("alice@blog.example", "Alice", Recipient.Reason.PLEASE_MODERATE));
    }

    @Test
    void asksForModerationEvenWhenTheHeldCommentClaimsThePostAuthorsAddress() {
        ReplyNotification notification = Notifications.moderationRequested()
                .postAuthor("Alice", "alice@blog.example").commenter("Not Alice", "alice@blog.example").build();

        assertThat(policy.recipientsOf(notification)).extracting(Recipient::reason)
                .containsExactly(Recipient.Reason.PLEASE_MODERATE);
    }

    @Test
    void doesNotWriteToTheParentCommentsAuthorBeforeDoubleOptInExists() {
        ReplyNotification notification = Notifications.published()
                .postAuthor("Alice", "alice@blog.example")
                .parent("Carol", "carol@readers.example", true).build();

        assertThat(policy.recipientsOf(notification)).extracting(Recipient::address)
                .containsExactly("alice@blog.example");
    }

    @Test
    void tellsNobodyAboutAKindItDoesNotKnow() {
        ReplyNotification notification = Notifications.published().build();
        notification.setKind(NotificationKind.UNKNOWN);

        assertThat(policy.recipientsOf(notification)).isEmpty();
    }

    @Test
    void tellsNobodyWhenThePostAuthorHasNoUsableAddress() {
        assertThat(policy.recipientsOf(Notifications.published().postAuthor("Alice", null).build())).isEmpty();
        assertThat(policy.recipientsOf(Notifications.published().postAuthor("Alice", "  ").build())).isEmpty();
        assertThat(policy.recipientsOf(Notifications.published()
                .postAuthor("Alice", "alice@blog.example\r\nBcc: victim@example.org").build())).isEmpty();
    }
}
