package io.commentflow.posts.post;

import java.util.UUID;

/**
 * What it takes to create a post; a null {@code id} gets a random one. {@code body} is Markdown.
 *
 * @param closeCommentsAfterDays null: comments stay open as long as {@code commentsOpen} says
 */
public record NewPost(UUID id, String slug, String title, String body, String authorName, String authorEmail,
                      boolean commentsOpen, boolean published, Integer closeCommentsAfterDays) {

    /** A post published at once, without a comment window. */
    public NewPost(UUID id, String slug, String title, String body, String authorName, String authorEmail,
                   boolean commentsOpen) {
        this(id, slug, title, body, authorName, authorEmail, commentsOpen, true, null);
    }
}
