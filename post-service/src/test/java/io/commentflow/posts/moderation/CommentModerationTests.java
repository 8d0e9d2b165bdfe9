package io.commentflow.posts.moderation;

import io.commentflow.posts.comment.CommentStatus;
import io.commentflow.posts.moderation.CommentModeration.Action;
import io.commentflow.posts.moderation.CommentModeration.Announcement;
import io.commentflow.posts.moderation.CommentModeration.Change;
import io.commentflow.posts.moderation.CommentModeration.Refused;
import io.commentflow.posts.moderation.CommentModeration.Unchanged;
import org.junit.jupiter.api.Test;

import static io.commentflow.posts.comment.CommentStatus.APPROVED;
import static io.commentflow.posts.comment.CommentStatus.PENDING;
import static io.commentflow.posts.comment.CommentStatus.SPAM;
import static io.commentflow.posts.comment.CommentStatus.TRASH;
import static org.assertj.core.api.Assertions.assertThat;

class CommentModerationTests {

    @Test
    void approvingAPendingCommentPublishesItForTheFirstTime() {
        assertThat(CommentModeration.decide(PENDING, null, false, Action.APPROVE))
                .isEqualTo(new Change(PENDING, APPROVED, null, Announcement.APPROVE, true));
    }

    @Test
    void approvingAgainAfterAnEarlierPublicationDoesNotAnnounceThePublicationTwice() {
        Change change = (Change) CommentModeration.decide(SPAM, APPROVED, true, Action.APPROVE);
        assertThat(change.to()).isEqualTo(APPROVED);
        assertThat(change.firstPublication()).isFalse();
    }

    @Test
    void askingForTheStatusACommentHasChangesNothing() {
        assertThat(CommentModeration.decide(APPROVED, null, true, Action.APPROVE)).isEqualTo(new Unchanged(APPROVED));
        assertThat(CommentModeration.decide(SPAM, PENDING, false, Action.SPAM)).isEqualTo(new Unchanged(SPAM));
        assertThat(CommentModeration.decide(TRASH, PENDING, false, Action.TRASH)).isEqualTo(new Unchanged(TRASH));
    }

    @Test
    void spamAndTrashRememberWhereTheCommentCameFrom() {
        assertThat(CommentModeration.decide(APPROVED, null, true, Action.SPAM))
                .isEqualTo(new Change(APPROVED, SPAM, APPROVED, Announcement.SPAM, false));
        assertThat(CommentModeration.decide(PENDING, null, false, Action.TRASH))
                .isEqualTo(new Change(PENDING, TRASH, PENDING, Announcement.TRASH, false));
        // trashed spam goes back to spam; spam from the trash goes back where it was before the trash
        assertThat(((Change) CommentModeration.decide(SPAM, null, false, Action.TRASH)).remembered()).isEqualTo(SPAM);
        assertThat(((Change) CommentModeration.decide(TRASH, APPROVED, true, Action.SPAM)).remembered()).isEqualTo(APPROVED);
    }

    @Test
    void notSpamReturnsAnApprovedCommentToApprovedAndAnythingElseToTheQueue() {
        assertThat(CommentModeration.decide(SPAM, APPROVED, true, Action.NOT_SPAM))
                .isEqualTo(new Change(SPAM, APPROVED, null, Announcement.NOT_SPAM, false));
        assertThat(CommentModeration.decide(SPAM, null, false, Action.NOT_SPAM))
                .isEqualTo(new Change(SPAM, PENDING, null, Announcement.NOT_SPAM, false));
        assertThat(CommentModeration.decide(PENDING, null, false, Action.NOT_SPAM)).isInstanceOf(Refused.class);
    }

    @Test
    void restoreTakesATrashedCommentBackToItsStatusAndAnnouncesWhatItBecame() {
        assertThat(CommentModeration.decide(TRASH, APPROVED, true, Action.RESTORE))
                .isEqualTo(new Change(TRASH, APPROVED, null, Announcement.APPROVE, false));
        assertThat(CommentModeration.decide(TRASH, PENDING, false, Action.RESTORE))
                .isEqualTo(new Change(TRASH, PENDING, null, Announcement.NOT_SPAM, false));
        assertThat(CommentModeration.decide(TRASH, SPAM, false, Action.RESTORE))
                .isEqualTo(new Change(TRASH, SPAM, null, Announcement.SPAM, false));
        assertThat(CommentModeration.decide(TRASH, null, false, Action.RESTORE))
                .isEqualTo(new Change(TRASH, PENDING, null, Announcement.NOT_SPAM, false));
        // an imported comment trashed before it was ever announced is announced when restored to approved
        assertThat(((Change) CommentModeration.decide(TRASH, APPROVED, false, Action.RESTORE)).firstPublication()).isTrue();
        assertThat(CommentModeration.decide(PENDING, null, false, Action.RESTORE)).isInstanceOf(Refused.class);
    }

    @Test
    void everyStatusAndActionHasADecision() {
        for (CommentStatus status : CommentStatus.values()) {
            for (Action action : Action.values()) {
                assertThat(CommentModeration.decide(status, null, false, action)).isNotNull();
            }
        }
    }

    @Test
    void actionsHaveUrlFriendlyNames() {
        assertThat(Action.NOT_SPAM.slug()).isEqualTo("not-spam");
        assertThat(Action.parse("not-spam")).contains(Action.NOT_SPAM);
        assertThat(Action.parse("restore")).contains(Action.RESTORE);
        assertThat(Action.parse("delete")).isEmpty();
        assertThat(Action.parse("NOT_SPAM")).isEmpty();
    }
}
