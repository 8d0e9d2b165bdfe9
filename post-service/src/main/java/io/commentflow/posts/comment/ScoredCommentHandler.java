package io.commentflow.posts.comment;

import io.commentflow.events.CommentScored;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.NotificationKind;
import io.commentflow.posts.outbox.Outbox;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.system.NotRetryable;
import io.commentflow.posts.system.PublicViews;
import io.commentflow.schemas.Topics;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Stores a scored comment with the status its verdict earns and, in the same transaction, puts the
 * notification about it in the outbox. Idempotent by comment id: an event seen before changes nothing.
 */
@Service
class ScoredCommentHandler {

    private final PostCatalog posts;
    private final CommentRepository comments;
    private final ReplyNotifications notifications;
    private final Outbox outbox;
    private final Clock clock;
    private final PublicViews views;

    ScoredCommentHandler(PostCatalog posts, CommentRepository comments, ReplyNotifications notifications, Outbox outbox,
                         Clock clock, PublicViews views) {
        this.posts = posts;
        this.comments = comments;
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
        this.views = views;
    }

    /** @return the status the comment was stored with, or empty if it had been stored before */
    @Transactional
    Optional<CommentStatus> handle(CommentScored scored) {
        CommentSubmitted submitted = scored.getComment();
        Post post = posts.find(submitted.getPostId()).orElseThrow(() -> new NotRetryable(
                "comment " + submitted.getCommentId() + " is for unknown post " + submitted.getPostId()));
        KnownParent parent = submitted.getParentId() == null ? null : comments.parent(submitted.getParentId())
                .filter(p -> p.postId().equals(post.id()))
                .orElse(null);
        CommentStatus status = CommentTriage.statusFor(scored.getVerdict(), parentState(submitted, parent),
                post.acceptsComments(clock.instant()));
        IncomingComment comment = IncomingComment.from(scored, status);
        if (!comments.insertIfAbsent(comment)) {
            return Optional.empty();
        }
        switch (status) {
            case APPROVED -> {
                views.commentsChanged(post.id());
                notify(NotificationKind.COMMENT_PUBLISHED, comment, post, parent);
            }
            // held: only its author sees it (with intake's token), and that page is never cached
            case PENDING -> notify(NotificationKind.MODERATION_REQUESTED, comment, post, parent);
            default -> {
                // spam (and trash) is kept out of sight: nobody is told
            }
        }
        return Optional.of(status);
    }

    private void notify(NotificationKind kind, IncomingComment comment, Post post, KnownParent parent) {
        outbox.append(Topics.REPLY_NOTIFICATION, comment.id().toString(),
                notifications.of(kind, comment, post, parent, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    private static CommentTriage.Parent parentState(CommentSubmitted submitted, KnownParent parent) {
        if (submitted.getParentId() == null) {
            return CommentTriage.Parent.NONE;
        }
        if (parent == null) {
            return CommentTriage.Parent.UNKNOWN;
        }
        return parent.status() == CommentStatus.APPROVED ? CommentTriage.Parent.APPROVED : CommentTriage.Parent.NOT_APPROVED;
    }
}
