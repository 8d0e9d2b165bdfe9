package io.commentflow.posts.comment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What readers may see of a post's comments: the approved ones, threaded. */
@Service
public class PublishedComments {

    private final CommentRepository comments;

    PublishedComments(CommentRepository comments) {
        this.comments = comments;
    }

    @Transactional(readOnly = true)
    public List<CommentNode> threads(UUID postId, int maxDepth) {
        return threads(postId, maxDepth, null);
    }

    /**
     * The published threads, and in its place among them the pending comment {@code pendingId} (marked as
     * awaiting moderation) if it is on this post and still pending; null shows no pending comment.
     */
    @Transactional(readOnly = true)
    public List<CommentNode> threads(UUID postId, int maxDepth, UUID pendingId) {
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
}
