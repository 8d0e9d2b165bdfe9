package io.commentflow.notification.reply;

import io.commentflow.events.NotificationKind;
import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.subscription.Audience;
import io.commentflow.notification.testing.Notifications;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RecipientPolicyTests {

    private static final String ALICE = "alice@blog.example";
    private static final String BOB = "bob@readers.example";
    private static final String CAROL = "carol@readers.example";
    private static final String DAVE = "dave@readers.example";

    private final RecipientPolicy policy = new RecipientPolicy();

    @Test
    void tellsThePostAuthorAboutAPublishedComment() {
        ReplyNotification notification = Notifications.published()
                .postAuthor("Alice", ALICE).commenter("Bob", BOB).build();

        assertThat(policy.recipientsOf(notification, audience(List.of(), Set.of())))
                .containsExactly(new Recipient(ALICE, "Alice", Recipient.Reason.NEW_COMMENT, id(ALICE)));
    }

    @Test
    void tellsNobodyWhenThePostAuthorCommentsOnTheirOwnPostWhateverTheCase() {
        ReplyNotification notification = Notifications.published()
                .postAuthor("Alice", "Alice@Blog.Example").commenter("Alice", " alice@blog.EXAMPLE ").build();

        assertThat(policy.recipientsOf(notification, audience(List.of(), Set.of()))).isEmpty();
    }

    @Test
    void asksThePostAuthorToModerateAHeldComment() {
        ReplyNotification notification = Notifications.moderationRequested().postAuthor("Alice", ALICE).build();

        assertThat(policy.recipientsOf(notification, audience(List.of(CAROL), Set.of())))
                .containsExactly(new Recipient(ALICE, "Alice", Recipient.Reason.PLEASE_MODERATE, id(ALICE)));
    }

    @Test
    void asksForModerationEvenWhenTheHeldCommentClaimsThePostAuthorsAddress() {
        ReplyNotification notification = Notifications.moderationRequested()
                .postAuthor("Alice", ALICE).commenter("Not Alice", ALICE).build();

        assertThat(policy.recipientsOf(notification, audience(List.of(), Set.of()))).extracting(Recipient::reason)
                .containsExactly(Recipient.Reason.PLEASE_MODERATE);
    }

    @Test
    void tellsNoSubscriberOrParentAuthorAboutAHeldComment() {
        ReplyNotification notification = Notifications.moderationRequested()
                .postAuthor("Alice", ALICE).parent("Carol", CAROL, true).build();

        assertThat(policy.recipientsOf(notification, audience(List.of(CAROL, DAVE), Set.of())))
                .extracting(Recipient::address).containsExactly(ALICE);
    }

    @Test
    void tellsEveryConfirmedSubscriberAboutAPublishedCommentAndThePostAuthorLast() {
        ReplyNotification notification = Notifications.published()
                .postAuthor("Alice", ALICE).commenter("Bob", BOB).build();

        assertThat(policy.recipientsOf(notification, audience(List.of(CAROL, DAVE), Set.of())))
                .extracting(Recipient::address, Recipient::reason)
                .containsExactly(tuple(CAROL, Recipient.Reason.FOLLOW_UP), tuple(DAVE, Recipient.Reason.FOLLOW_UP),
                        tuple(ALICE, Recipient.Reason.NEW_COMMENT));
    }

    @Test
    void tellsTheParentAuthorAboutAReplyWhenTheyOptedInAndConfirmed() {
        ReplyNotification notification = Notifications.published()
                .postAuthor("Alice", ALICE).commenter("Bob", BOB).parent("Carol", CAROL, true).build();

        assertThat(policy.recipientsOf(notification, audience(List.of(CAROL), Set.of())))
                .extracting(Recipient::address, Recipient::name, Recipient::reason)
                .containsExactly(tuple(CAROL, "Carol", Recipient.Reason.NEW_REPLY),
                        tuple(ALICE, "Alice", Recipient.Reason.NEW_COMMENT));
    }

    @Test
    void doesNotTellTheParentAuthorWhoOptedInButNeverConfirmed() {
        ReplyNotification notification = Notifications.published()
                .postAuthor("Alice", ALICE).commenter("Bob", BOB).parent("Carol", CAROL, true).build();

        assertThat(policy.recipientsOf(notification, audience(List.of(), Set.of())))
                .extracting(Recipient::address).containsExactly(ALICE);
    }

    @Test
    void tellsAConfirmedSubscriberWhoDidNotOptInOnTheParentCommentOnlyAsASubscriber() {
        ReplyNotification notification = Notifications.published()
                .postAuthor("Alice", ALICE).commenter("Bob", BOB).parent("Carol", CAROL, false).build();

        assertThat(policy.recipientsOf(notification, audience(List.of(CAROL), Set.of())))
                .extracting(Recipient::address, Recipient::reason)
                .containsExactly(tuple(CAROL, Recipient.Reason.FOLLOW_UP), tuple(ALICE, Recipient.Reason.NEW_COMMENT));
    }

    @Test
    void writesToEachAddressOnceWithTheMostSpecificReason() {
        // Alice wrote the post, the parent comment, and subscribes: one email, "New reply to your comment"
        ReplyNotification replyToTheAuthor = Notifications.published()
                .postAuthor("Alice", ALICE).commenter("Bob", BOB).parent("Alice", "ALICE@blog.example", true).build();
        assertThat(policy.recipientsOf(replyToTheAuthor, audience(List.of(ALICE, CAROL), Set.of())))
                .extracting(Recipient::address, Recipient::reason)
                .containsExactly(tuple(ALICE, Recipient.Reason.NEW_REPLY), tuple(CAROL, Recipient.Reason.FOLLOW_UP));

        // Alice wrote the post and subscribes: one email, as the post author
        ReplyNotification comment = Notifications.published().postAuthor("Alice", ALICE).commenter("Bob", BOB).build();
        assertThat(policy.recipientsOf(comment, audience(List.of(ALICE), Set.of())))
                .extracting(Recipient::address, Recipient::reason)
                .containsExactly(tuple(ALICE, Recipient.Reason.NEW_COMMENT));
    }

    @Test
    void neverTellsTheCommentsOwnAuthorWhateverTheirOtherRoles() {
        ReplyNotification notification = Notifications.published()
                .postAuthor("Alice", ALICE).commenter("Carol", " Carol@Readers.Example")
                .parent("Carol", CAROL, true).build();

        assertThat(policy.recipientsOf(notification, audience(List.of(CAROL, DAVE), Set.of())))
                .extracting(Recipient::address).containsExactly(DAVE, ALICE);
    }

    @Test
    void leavesOutAnAuthorWhoUnsubscribedFromThePostOrFromEverything() {
        ReplyNotification comment = Notifications.published().postAuthor("Alice", ALICE).commenter("Bob", BOB).build();
        ReplyNotification held = Notifications.moderationRequested().postAuthor("Alice", ALICE).build();

        assertThat(policy.recipientsOf(comment, audience(List.of(CAROL), Set.of(ALICE))))
                .extracting(Recipient::address).containsExactly(CAROL);
        assertThat(policy.recipientsOf(held, audience(List.of(), Set.of(ALICE)))).isEmpty();
    }

    @Test
    void tellsNobodyAboutAKindItDoesNotKnow() {
        ReplyNotification notification = Notifications.published().build();
        notification.setKind(NotificationKind.UNKNOWN);

        assertThat(policy.recipientsOf(notification, audience(List.of(CAROL), Set.of()))).isEmpty();
    }

    @Test
    void skipsAPostAuthorWithoutAUsableAddressButStillTellsSubscribers() {
        assertThat(policy.recipientsOf(Notifications.published().postAuthor("Alice", null).build(),
                audience(List.of(), Set.of()))).isEmpty();
        assertThat(policy.recipientsOf(Notifications.published().postAuthor("Alice", "  ").build(),
                audience(List.of(), Set.of()))).isEmpty();
        assertThat(policy.recipientsOf(Notifications.published()
                        .postAuthor("Alice", ALICE + "\r\nBcc: victim@example.org").build(), audience(List.of(CAROL), Set.of())))
                .extracting(Recipient::address).containsExactly(CAROL);
    }

    /** What the database would say: every address has an id; these subscribers confirmed; these are muted. */
    private static Audience audience(List<String> confirmedSubscribers, Set<String> muted) {
        Map<String, UUID> ids = new HashMap<>();
        for (String address : List.of(ALICE, BOB, CAROL, DAVE)) {
            ids.put(address, id(address));
        }
        return new Audience(ids, confirmedSubscribers, muted);
    }

    private static UUID id(String address) {
        return UUID.nameUUIDFromBytes(address.getBytes());
    }
}
