package io.commentflow.notification.testing;

import io.commentflow.events.NotificationKind;
import io.commentflow.events.ParentComment;
import io.commentflow.events.Person;
import io.commentflow.events.PostRef;
import io.commentflow.events.ReplyNotification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Test data: ReplyNotification events with sensible defaults and a unique post author address each. */
public final class Notifications {

    private Notifications() {
    }

    public static Builder published() {
        return new Builder(NotificationKind.COMMENT_PUBLISHED);
    }

    public static Builder moderationRequested() {
        return new Builder(NotificationKind.MODERATION_REQUESTED);
    }

    public static final class Builder {
        private final NotificationKind kind;
        private final UUID eventId = UUID.randomUUID();
        private UUID commentId = UUID.randomUUID();
        private UUID postId = UUID.randomUUID();
        private String title = "Notes on event sourcing";
        private String postLink = "https://blog.example/posts/notes-on-event-sourcing";
        private String postAuthorName = "Alice Author";
        private String postAuthorEmail = "alice-" + UUID.randomUUID() + "@blog.example";
        private String commenterName = "Bob Reader";
        private String commenterEmail = "bob@readers.example";
        private String excerpt = "Thanks, this finally made the outbox pattern click for me.";
        private ParentComment parent;
        private boolean notifyFollowups;

        private Builder(NotificationKind kind) {
            this.kind = kind;
        }

        public Builder commentId(UUID commentId) {
            this.commentId = commentId;
            return this;
        }

        /** Another comment (new comment and event id) on the same post: same id, title, link and author. */
        public Builder onSamePost() {
            return onSamePost(NotificationKind.COMMENT_PUBLISHED);
        }

        public Builder onSamePost(NotificationKind kind) {
            Builder other = new Builder(kind);
            other.postId = postId;
            other.title = title;
            other.postLink = postLink;
            other.postAuthorName = postAuthorName;
            other.postAuthorEmail = postAuthorEmail;
            return other;
        }

        public Builder postId(UUID postId) {
            this.postId = postId;
            return this;
        }

        public Builder notifyFollowups(boolean notifyFollowups) {
            this.notifyFollowups = notifyFollowups;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder postLink(String postLink) {
            this.postLink = postLink;
            return this;
        }

        public Builder postAuthor(String name, String email) {
            this.postAuthorName = name;
            this.postAuthorEmail = email;
            return this;
        }

        public Builder commenter(String name, String email) {
            this.commenterName = name;
            this.commenterEmail = email;
            return this;
        }

        public Builder excerpt(String excerpt) {
            this.excerpt = excerpt;
            return this;
        }

        /** A reader with an address no other test uses. */
        public Builder newReader(String name) {
            return commenter(name, name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@readers.example");
        }

        public Builder parent(String name, String email, boolean notifyFollowups) {
            this.parent = ParentComment.newBuilder()
                    .setCommentId(UUID.randomUUID())
                    .setAuthor(Person.newBuilder().setName(name).setEmail(email).build())
                    .setNotifyFollowups(notifyFollowups)
                    .build();
            return this;
        }

        public String postAuthorEmail() {
            return postAuthorEmail;
        }

        public String commenterEmail() {
            return commenterEmail;
        }

        public UUID postId() {
            return postId;
        }

        public UUID commentId() {
            return commentId;
        }

        public ReplyNotification build() {
            return ReplyNotification.newBuilder()
                    .setEventId(eventId)
                    .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                    .setKind(kind)
                    .setCommentId(commentId)
                    .setCommentLink(postLink + "#comment-" + commentId)
                    .setExcerpt(excerpt)
                    .setCommentAuthor(Person.newBuilder().setName(commenterName).setEmail(commenterEmail).build())
                    .setPost(PostRef.newBuilder()
                            .setPostId(postId)
                            .setTitle(title)
                            .setLink(postLink)
                            .setAuthor(Person.newBuilder().setName(postAuthorName).setEmail(postAuthorEmail).build())
                            .build())
                    .setParent(parent)
                    .setNotifyFollowups(notifyFollowups)
                    .build();
        }
    }
}
