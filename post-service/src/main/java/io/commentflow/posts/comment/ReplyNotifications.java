package io.commentflow.posts.comment;

import io.commentflow.events.NotificationKind;
import io.commentflow.events.ParentComment;
import io.commentflow.events.Person;
import io.commentflow.events.PostRef;
import io.commentflow.events.ReplyNotification;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.system.Links;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Builds the {@code ReplyNotification} that tells notification about a published or held comment. */
@Component
public class ReplyNotifications {

    private final Links links;
    private final CommentRepository comments;

    ReplyNotifications(Links links, CommentRepository comments) {
        this.links = links;
        this.comments = comments;
    }

    ReplyNotification of(NotificationKind kind, IncomingComment comment, Post post, KnownParent parent, Instant now) {
        return of(kind, comment.id(), comment.authorName(), comment.authorEmail(), comment.content(),
                comment.notifyFollowups(), post, parent, now);
    }

    /**
     * {@code COMMENT_PUBLISHED} for a comment a moderator has just published; the parent (if the comment is a
     * reply) is looked up so its author can hear about the reply.
     */
    public ReplyNotification published(UUID commentId, UUID parentId, String authorName, String authorEmail,
                                       String content, boolean notifyFollowups, Post post, Instant now) {
        KnownParent parent = parentId == null ? null
                : comments.parent(parentId).filter(p -> p.postId().equals(post.id())).orElse(null);
        return of(NotificationKind.COMMENT_PUBLISHED, commentId, authorName, authorEmail, content, notifyFollowups,
                post, parent, now);
    }

    private ReplyNotification of(NotificationKind kind, UUID commentId, String authorName, String authorEmail,
                                 String content, boolean notifyFollowups, Post post, KnownParent parent, Instant now) {
        return ReplyNotification.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setKind(kind)
                .setCommentId(commentId)
                .setCommentLink(links.comment(post.slug(), commentId))
                .setExcerpt(Excerpt.of(content))
                .setCommentAuthor(new Person(authorName, authorEmail))
                .setPost(new PostRef(post.id(), post.title(), links.post(post.slug()),
                        new Person(post.authorName(), post.authorEmail())))
                .setParent(parent == null ? null : new ParentComment(parent.id(),
                        new Person(parent.authorName(), parent.authorEmail()), parent.notifyFollowups()))
                .setNotifyFollowups(notifyFollowups)
                .build();
    }
}
