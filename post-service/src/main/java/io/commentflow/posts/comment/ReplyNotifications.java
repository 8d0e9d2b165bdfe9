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
class ReplyNotifications {

    private final Links links;

    ReplyNotifications(Links links) {
        this.links = links;
    }

    ReplyNotification of(NotificationKind kind, IncomingComment comment, Post post, KnownParent parent, Instant now) {
        return ReplyNotification.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setKind(kind)
                .setCommentId(comment.id())
                .setCommentLink(links.comment(post.slug(), comment.id()))
                .setExcerpt(Excerpt.of(comment.content()))
                .setCommentAuthor(new Person(comment.authorName(), comment.authorEmail()))
                .setPost(new PostRef(post.id(), post.title(), links.post(post.slug()),
                        new Person(post.authorName(), post.authorEmail())))
                .setParent(parent == null ? null : new ParentComment(parent.id(),
                        new Person(parent.authorName(), parent.authorEmail()), parent.notifyFollowups()))
                .setNotifyFollowups(comment.notifyFollowups())
                .build();
    }
}
