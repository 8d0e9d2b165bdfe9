package io.commentflow.posts.moderation;

import io.commentflow.posts.comment.CommentStatus;

import java.time.Instant;
import java.util.UUID;

/** A comment's row as a moderation decision needs it, locked for the decision's transaction. */
record CommentRow(UUID id, UUID postId, UUID parentId, String authorName, String authorEmail, String authorUrl,
                  String authorIp, String userAgent, String content, CommentStatus status, CommentStatus previous,
                  boolean everPublished, boolean notifyFollowups, Instant submittedAt) {
}
