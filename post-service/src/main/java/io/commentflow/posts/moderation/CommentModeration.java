package io.commentflow.posts.moderation;

import io.commentflow.posts.comment.CommentStatus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The moderation state machine, WordPress's statuses: approved, pending, spam, trash. Plain Java: it decides,
 * the {@link ModerationService} stores the decision and announces it.
 *
 * <ul>
 *   <li>APPROVE publishes a comment from any other status.</li>
 *   <li>SPAM and TRASH move a comment there and remember where it came from.</li>
 *   <li>NOT_SPAM takes a comment out of spam, back to approved if it was approved before, else to pending
 *       (WordPress's "Not Spam").</li>
 *   <li>RESTORE takes a comment out of the trash, back to the status it had.</li>
 * </ul>
 * Asking for the status a comment already has changes nothing (a second click, a link used twice); NOT_SPAM
 * outside spam and RESTORE outside the trash are refused.
 */
public final class CommentModeration {

    /** What a moderator can ask for. */
    public enum Action {
        APPROVE, SPAM, NOT_SPAM, TRASH, RESTORE;

        /** The form of the action in URLs and forms: {@code approve}, {@code not-spam}, … */
        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Action> parse(String slug) {
            return Arrays.stream(values()).filter(a -> a.slug().equals(slug)).findFirst();
        }
    }

    /** What a change is announced as on comment-moderated (the events know no "restore"). */
    public enum Announcement {
        APPROVE, SPAM, NOT_SPAM, TRASH
    }

    /** The outcome of asking for an action. */
    public sealed interface Decision permits Change, Unchanged, Refused {
    }

    /**
     * The comment moves from {@code from} to {@code to}.
     *
     * @param remembered       the status to go back to later (set when moving into spam or trash, else null)
     * @param firstPublication the comment is published for the first time: its readers are notified now
     */
    public record Change(CommentStatus from, CommentStatus to, CommentStatus remembered, Announcement announced,
                         boolean firstPublication) implements Decision {
    }

    /** The comment already has the status asked for. */
    public record Unchanged(CommentStatus status) implements Decision {
    }

    /** The action does not apply to a comment with this status. */
    public record Refused(CommentStatus status, String reason) implements Decision {
    }

    private CommentModeration() {
    }

    /**
     * @param current       the comment's status
     * @param previous      the status it had before it went to spam or trash (null if unknown)
     * @param everPublished whether it has been approved before (its publication was announced then)
     */
    public static Decision decide(CommentStatus current, CommentStatus previous, boolean everPublished, Action action) {
        return switch (action) {
            case APPROVE -> current == CommentStatus.APPROVED ? new Unchanged(current)
                    : change(current, CommentStatus.APPROVED, null, Announcement.APPROVE, everPublished);
            case SPAM -> current == CommentStatus.SPAM ? new Unchanged(current)
                    : change(current, CommentStatus.SPAM, cameFrom(current, previous), Announcement.SPAM, everPublished);
            case TRASH -> current == CommentStatus.TRASH ? new Unchanged(current)
                    : change(current, CommentStatus.TRASH, cameFrom(current, previous), Announcement.TRASH, everPublished);
            case NOT_SPAM -> current != CommentStatus.SPAM
                    ? new Refused(current, "only a comment in spam can be marked as not spam")
                    : change(current, previous == CommentStatus.APPROVED ? CommentStatus.APPROVED : CommentStatus.PENDING,
                            null, Announcement.NOT_SPAM, everPublished);
            case RESTORE -> current != CommentStatus.TRASH
                    ? new Refused(current, "only a comment in the trash can be restored")
                    : restore(previous == null || previous == CommentStatus.TRASH ? CommentStatus.PENDING : previous,
                            everPublished);
        };
    }

    private static Decision restore(CommentStatus to, boolean everPublished) {
        Announcement announced = switch (to) {
            case APPROVED -> Announcement.APPROVE;
            case SPAM -> Announcement.SPAM;
            // back in the queue: the moderator judged it neither trash nor spam
            default -> Announcement.NOT_SPAM;
        };
        // a restored spam comment keeps no way back: it came from the trash, which it has left
        return change(CommentStatus.TRASH, to, null, announced, everPublished);
    }

    /**
     * Where a comment moving into spam or trash will go back to: where it is now (spam, for trashed spam, as in
     * WordPress), or for a comment moved from the trash to spam, where it was before the trash.
     */
    private static CommentStatus cameFrom(CommentStatus current, CommentStatus previous) {
        return current == CommentStatus.TRASH ? previous : current;
    }

    private static Change change(CommentStatus from, CommentStatus to, CommentStatus remembered,
                                 Announcement announced, boolean everPublished) {
        return new Change(from, to, remembered, announced, to == CommentStatus.APPROVED && !everPublished);
    }
}
