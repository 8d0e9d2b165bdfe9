package io.commentflow.posts.system;

import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.UUID;

/** The public addresses of posts and comments, and where the reply form posts to. */
@Component
public class Links {

    private final String postService;
    private final String intake;

    Links(LinkProperties properties) {
        this.postService = withoutTrailingSlash(properties.postServiceUrl());
        this.intake = withoutTrailingSlash(properties.intakeUrl());
    }

    /** post-service's public base URL, without a trailing slash. */
    public String baseUrl() {
        return postService;
    }

    /** A post's page; slugs hold only lower-case letters, digits and dashes, so they need no encoding. */
    public String post(String slug) {
        return postService + "/posts/" + slug;
    }

    public String comment(String postSlug, UUID commentId) {
        return post(postSlug) + "#comment-" + commentId;
    }

    /** comment-intake's WordPress-compatible form endpoint. */
    public String commentForm() {
        return intake + "/wp-comments-post.php";
    }

    private static String withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
