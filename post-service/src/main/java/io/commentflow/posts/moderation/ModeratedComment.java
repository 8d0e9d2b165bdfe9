package io.commentflow.posts.moderation;

import io.commentflow.posts.comment.CommentStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A comment as moderators see it: everything spam-filter said about it, and the commenter's email (admins need
 * it; never shown publicly). The IP address and user agent stay in the database and the events.
 */
record ModeratedComment(UUID id, UUID postId, String postTitle, String postSlug, UUID parentId, String authorName,
                        String authorEmail, String authorUrl, String content, CommentStatus status, String verdict,
                        double score, List<String> reasons, Instant submittedAt) {
}
