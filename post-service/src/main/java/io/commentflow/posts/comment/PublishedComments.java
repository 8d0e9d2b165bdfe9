package io.commentflow.posts.comment;

import com.github.benmanes.caffeine.cache.LoadingCache;
import io.commentflow.posts.system.PublicCacheProperties;
import io.commentflow.posts.system.PublicViews;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What readers may see of a post's comments: the approved ones, threaded. The published threads are cached per
 * {@link PublicViews#version(UUID) version} of the post, so a comment published or taken down shows on the next
 * request; a reader's own pending comment is never cached.
 */
@Service
public class PublishedComments {

    private final CommentRepository comments;
    private final PublicViews views;
    private final LoadingCache<Key, List<CommentNode>> threads;

    PublishedComments(CommentRepository comments, PublicViews views, PublicCacheProperties cache) {
        this.comments = comments;
        this.views = views;
        this.threads = cache.piece()
                // weighed in comments: some 50,000 comments of a few hundred characters, a few tens of MB
                .maximumWeight(50_000)
                .<Key, List<CommentNode>>weigher((key, threads) -> count(threads))
                .build(key -> CommentThreads.build(comments.visible(key.postId(), null), key.maxDepth()));
    }

    /** The published threads, from the cache while the post's comments have not changed. */
    public List<CommentNode> threads(UUID postId, int maxDepth) {
        return threads.get(new Key(postId, views.version(postId), maxDepth));
    }

    /**
     * The published threads, and in its place among them the pending comment {@code pendingId} (marked as
     * awaiting moderation) if it is on this post and still pending; null shows no pending comment.
     */
    public List<CommentNode> threads(UUID postId, int maxDepth, UUID pendingId) {
        if (pendingId == null) {
            return threads(postId, maxDepth);
        }
        return CommentThreads.build(comments.visible(postId, pendingId), maxDepth);
    }

    /** An approved comment of the post, e.g. the one a reader wants to reply to. */
    @Transactional(readOnly = true)
    public Optional<PublicComment> find(UUID postId, UUID commentId) {
        return comments.approved(postId, commentId);
    }

    /** Counts every published comment in the threads, replies included (not one awaiting moderation). */
    public static int count(List<CommentNode> threads) {
        return threads.stream().mapToInt(node -> (node.comment().awaitingModeration() ? 0 : 1) + count(node.children())).sum();
    }

    private record Key(UUID postId, long version, int maxDepth) {
    }
}
