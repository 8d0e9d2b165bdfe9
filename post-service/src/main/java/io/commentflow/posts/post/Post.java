package io.commentflow.posts.post;

import java.time.Instant;
import java.util.UUID;

/** A blog post. {@code authorEmail} is for notifications only and never shown publicly. */
public record Post(UUID id, String slug, String title, String body, String authorName, String authorEmail,
                   boolean commentsOpen, boolean published, Instant createdAt, Instant updatedAt) {
}
