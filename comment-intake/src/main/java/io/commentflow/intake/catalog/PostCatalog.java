package io.commentflow.intake.catalog;

import java.util.UUID;

/** Which posts exist and take comments, as {@code post-catalog} says; answered locally, without calling post-service. */
public interface PostCatalog {

    PostLookup lookup(UUID postId);

    /** What the catalog knows of one post. {@code link} is the post's public URL, when it is known. */
    record PostLookup(Availability availability, String link) {
    }

    enum Availability {
        /** The post is published and takes comments. */
        OPEN,
        /** The post exists but its comments are closed. */
        COMMENTS_CLOSED,
        /** The post exists but is not published (a draft, or withdrawn). */
        UNPUBLISHED,
        /** The catalog has read the whole topic and never saw this post. */
        UNKNOWN,
        /** The catalog is still reading the topic from its beginning: nobody can tell yet. */
        LOADING
    }
}
