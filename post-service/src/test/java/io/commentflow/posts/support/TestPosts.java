package io.commentflow.posts.support;

import io.commentflow.posts.post.NewPost;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;

import java.util.UUID;

/** Posts created for one test each, so tests never see each other's comments. */
public final class TestPosts {

    public static final String AUTHOR_EMAIL = "author.private@blog.example";

    private TestPosts() {
    }

    public static Post create(PostCatalog catalog, String title) {
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "")
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        return catalog.create(new NewPost(null, slug, title, "First paragraph.\n\nSecond paragraph.",
                "Penny Author", AUTHOR_EMAIL, true));
    }
}
