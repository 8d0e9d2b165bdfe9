package io.commentflow.posts.comment;

import java.time.Instant;
import java.util.UUID;

/**
 * A published comment as anyone may see it: no email, no IP address. {@code authorUrl} is null unless it is
 * an http(s) address, so it is safe to link. {@code awaitingModeration}: a pending comment shown only to its
 * author (who holds the token from intake).
 */
public record PublicComment(UUID id, UUID postId, UUID parentId, String authorName, String authorUrl, String content,
                            Instant submittedAt, boolean awaitingModeration) {

    public PublicComment(UUID id, UUID postId, UUID parentId, String authorName, String authorUrl, String content,
                         Instant submittedAt) {
        this(id, postId, parentId, authorName, authorUrl, content, submittedAt, false);
    }
}
