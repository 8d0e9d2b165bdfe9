package io.commentflow.posts.post;

import java.time.Instant;
import java.util.UUID;

/** A post as lists show it, with the number of its approved comments. */
public record PostSummary(UUID id, String slug, String title, boolean commentsOpen, Instant createdAt,
                          long approvedComments) {
}
