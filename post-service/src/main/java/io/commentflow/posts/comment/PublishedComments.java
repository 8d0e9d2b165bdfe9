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
        return CommentThreads.build(comments.approved(postId), maxDepth);
    }

    /** An approved comment of the post, e.g. the one a reader wants to reply to. */
    @Transactional(readOnly = true)
    public Optional<PublicComment> find(UUID postId, UUID commentId) {
        return comments.approved(postId, commentId);
    }

    /** Counts every comment in the threads, replies included. */
    public static int count(List<CommentNode> threads) {
        return threads.stream().mapToInt(node -> 1 + count(node.children())).sum();
    }
}
