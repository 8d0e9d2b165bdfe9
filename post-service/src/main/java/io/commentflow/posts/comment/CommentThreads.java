package io.commentflow.posts.comment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Arranges published comments into threads, oldest first at every level. Replies nest under their parent up
 * to {@code maxDepth}; deeper replies are shown at the deepest level, after the comment they descend from. A
 * reply whose parent is not among the published comments starts a thread of its own.
 */
final class CommentThreads {

    private final Map<UUID, List<PublicComment>> repliesByParent = new LinkedHashMap<>();
    private final Set<UUID> placed = new HashSet<>();
    private final int maxDepth;

    private CommentThreads(int maxDepth) {
        this.maxDepth = Math.max(1, maxDepth);
    }

    /** @param oldestFirst the published comments of one post, in the order they were submitted */
    static List<CommentNode> build(List<PublicComment> oldestFirst, int maxDepth) {
        CommentThreads threads = new CommentThreads(maxDepth);
        Set<UUID> published = new HashSet<>();
        oldestFirst.forEach(c -> published.add(c.id()));
        List<PublicComment> roots = new ArrayList<>();
        for (PublicComment comment : oldestFirst) {
            if (comment.parentId() == null || !published.contains(comment.parentId()) || comment.parentId().equals(comment.id())) {
                roots.add(comment);
            } else {
                threads.repliesByParent.computeIfAbsent(comment.parentId(), k -> new ArrayList<>()).add(comment);
            }
        }
        return threads.level(roots, 1);
    }

    private List<CommentNode> level(List<PublicComment> comments, int depth) {
        List<CommentNode> nodes = new ArrayList<>();
        for (PublicComment comment : comments) {
            if (!placed.add(comment.id())) {
                continue;
            }
            if (depth < maxDepth) {
                nodes.add(new CommentNode(comment, depth, level(replies(comment), depth + 1)));
            } else {
                nodes.add(new CommentNode(comment, depth, List.of()));
                nodes.addAll(level(replies(comment), depth));
            }
        }
        return List.copyOf(nodes);
    }

    private List<PublicComment> replies(PublicComment comment) {
        return repliesByParent.getOrDefault(comment.id(), List.of());
    }
}
