package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.CommentModerated;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.ModerationAction;
import io.commentflow.events.SubmissionSource;

import java.time.Instant;
import java.util.UUID;

/** Submitted comments for tests. */
public final class Comments {

    private Comments() {
    }

    public static CommentSubmitted.Builder comment(String content) {
        Instant now = Instant.parse("2024-05-01T10:15:30.123Z");
        return CommentSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCommentId(UUID.randomUUID())
                .setPostId(UUID.fromString("6f1c4a1e-8a8b-4b4e-9c57-0d6c1f0e2a11"))
                .setAuthor(CommentAuthor.newBuilder()
                        .setName("Ada Lovelace")
                        .setEmail("ada@example.org")
                        .setUrl("https://ada.example.org")
                        .setIp("203.0.113.7")
                        .setUserAgent("Mozilla/5.0")
                        .build())
                .setContent(content)
                .setNotifyFollowups(true)
                .setSubmittedAt(now)
                .setSource(SubmissionSource.FORM);
    }

    /** A moderator's decision on {@code comment}, as post-service writes it to comment-moderated. */
    public static CommentModerated moderation(CommentSubmitted comment, ModerationAction action) {
        return CommentModerated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(comment.getOccurredAt())
                .setCommentId(comment.getCommentId())
                .setPostId(comment.getPostId())
                .setAction(action)
                .setContent(comment.getContent())
                .setAuthor(comment.getAuthor())
                .setModerator("admin")
                .setModeratedAt(comment.getOccurredAt())
                .build();
    }
}
