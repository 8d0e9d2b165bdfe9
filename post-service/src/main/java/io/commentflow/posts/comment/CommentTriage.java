package io.commentflow.posts.comment;

import io.commentflow.events.Verdict;

/**
 * Decides where a scored comment goes. Ham is published unless it replies to a comment that is not (or not
 * yet) published here, or the post no longer accepts comments (closed, its comment window over, or taken off
 * the blog): then it is held for moderation, not lost. Unsure waits for the author to moderate; spam is kept
 * out of sight.
 */
final class CommentTriage {

    /** What this service knows about the comment a new one replies to. */
    enum Parent {
        /** Not a reply. */
        NONE,
        APPROVED,
        /** Known, but pending, spam or trash. */
        NOT_APPROVED,
        /** Never seen, or on another post. */
        UNKNOWN
    }

    private CommentTriage() {
    }

    static CommentStatus statusFor(Verdict verdict, Parent parent) {
        return statusFor(verdict, parent, true);
    }

    /** @param postAcceptsComments whether the post is public and open for comments now */
    static CommentStatus statusFor(Verdict verdict, Parent parent, boolean postAcceptsComments) {
        if (verdict == Verdict.SPAM) {
            return CommentStatus.SPAM;
        }
        if (verdict == Verdict.HAM && postAcceptsComments && (parent == Parent.NONE || parent == Parent.APPROVED)) {
            return CommentStatus.APPROVED;
        }
        return CommentStatus.PENDING;
    }
}
