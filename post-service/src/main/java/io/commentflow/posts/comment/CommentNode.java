package io.commentflow.posts.comment;

import java.util.List;

/** A published comment in its thread; {@code depth} 1 is a top-level comment. */
public record CommentNode(PublicComment comment, int depth, List<CommentNode> children) {
}
