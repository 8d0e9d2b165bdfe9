package io.commentflow.posts.post;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A blog post. {@code body} is Markdown. {@code authorEmail} is for notifications only and never shown publicly.
 *
 * @param publishedAt            when it was first published (null while it never was); the comment window counts from it
 * @param closeCommentsAfterDays comments close this many days after publication; null: never
 */
public record Post(UUID id, String slug, String title, String body, String authorName, String authorEmail,
                   boolean commentsOpen, boolean published, Instant createdAt, Instant updatedAt,
                   Instant publishedAt, Integer closeCommentsAfterDays) {

    /** When the comment window ends, or null if it never does (no limit, or not published yet). */
    public Instant commentWindowEnd() {
        if (closeCommentsAfterDays == null || publishedAt == null) {
            return null;
        }
        return publishedAt.plus(Duration.ofDays(closeCommentsAfterDays));
    }

    public boolean commentWindowEnded(Instant now) {
        Instant end = commentWindowEnd();
        return end != null && !now.isBefore(end);
    }

    /** Open for comments as announced on post-catalog: switched on and the window (if any) not over. */
    public boolean commentsOpenAt(Instant now) {
        return commentsOpen && !commentWindowEnded(now);
    }

    /** Whether a new comment may be published right away: the post is public and open for comments. */
    public boolean acceptsComments(Instant now) {
        return published && commentsOpenAt(now);
    }
}
