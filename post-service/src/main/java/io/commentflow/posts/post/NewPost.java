package io.commentflow.posts.post;

import java.util.UUID;

/** What it takes to create a post; a null {@code id} gets a random one. */
public record NewPost(UUID id, String slug, String title, String body, String authorName, String authorEmail,
                      boolean commentsOpen) {
}
