package io.commentflow.intake.catalog;

import io.commentflow.events.PostChanged;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest state of every post read from the compacted {@code post-catalog} topic, held in memory. Until the
 * reader has caught up with the end of the topic as it was at start-up, every lookup is {@link Availability#LOADING}
 * rather than a false {@link Availability#UNKNOWN} for a post the view simply has not read yet.
 */
public final class PostCatalogView implements PostCatalog {

    private record Post(boolean published, boolean commentsOpen, String link) {
    }

    private final Map<UUID, Post> posts = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;

    @Override
    public PostLookup lookup(UUID postId) {
        if (!caughtUp) {
            return new PostLookup(Availability.LOADING, null);
        }
        Post post = posts.get(postId);
        if (post == null) {
            return new PostLookup(Availability.UNKNOWN, null);
        }
        if (!post.published()) {
            return new PostLookup(Availability.UNPUBLISHED, post.link());
        }
        return new PostLookup(post.commentsOpen() ? Availability.OPEN : Availability.COMMENTS_CLOSED, post.link());
    }

    /** The post's latest state; the topic is keyed by post id, so later records replace earlier ones. */
    public void apply(PostChanged changed) {
        posts.put(changed.getPostId(), new Post(changed.getPublished(), changed.getCommentsOpen(), changed.getLink()));
    }

    /** A tombstone: the post is gone. */
    public void remove(UUID postId) {
        posts.remove(postId);
    }

    /** The view holds everything the topic held when the service started. */
    public void markCaughtUp() {
        caughtUp = true;
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public int size() {
        return posts.size();
    }
}
