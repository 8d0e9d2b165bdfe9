package io.commentflow.posts.comment;

import java.time.Instant;
import java.util.UUID;

/** A comment that is published without going through the pipeline (seed content, imports). */
public record ImportedComment(UUID id, UUID postId, UUID parentId, String authorName, String authorEmail,
                              String authorUrl, String content, Instant submittedAt) {
}
