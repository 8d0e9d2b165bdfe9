package io.commentflow.posts.blog;

import io.commentflow.posts.comment.CommentNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Splits a post's threads into pages of top-level threads, each thread whole with its replies. Which page to
 * show: the one asked for ({@code ?cpage=N}), else the one holding the comment the reader came for (their pending
 * comment, the one they reply to), else the first.
 */
final class CommentPages {

    private CommentPages() {
    }

    /** {@code first}, {@code last}: whether this is the first or last page (the templates read components only). */
    record Page(int number, int count, List<CommentNode> threads, boolean first, boolean last) {

        Page(int number, int count, List<CommentNode> threads) {
            this(number, count, threads, number == 1, number == count);
        }
    }

    static Page of(List<CommentNode> threads, int perPage, String requested, UUID wanted) {
        return of(threads, perPage, requested(requested), wanted);
    }

    /** @param requested the page asked for, 0 if none */
    static Page of(List<CommentNode> threads, int perPage, int requested, UUID wanted) {
        int size = Math.max(1, perPage);
        int count = Math.max(1, (threads.size() + size - 1) / size);
        int number = requested;
        if (number < 1 && wanted != null) {
            for (int i = 0; i < threads.size(); i++) {
                if (contains(threads.get(i), wanted)) {
                    number = i / size + 1;
                    break;
                }
            }
        }
        number = Math.min(Math.max(1, number), count);
        int from = Math.min((number - 1) * size, threads.size());
        return new Page(number, count, threads.subList(from, Math.min(from + size, threads.size())));
    }

    static List<Integer> numbers(Page page) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= page.count(); i++) {
            numbers.add(i);
        }
        return numbers;
    }

    private static boolean contains(CommentNode node, UUID id) {
        return node.comment().id().equals(id) || node.children().stream().anyMatch(child -> contains(child, id));
    }

    /** The page number in {@code ?cpage=N}; 0 if there is none, or it is no page number. */
    static int requested(String requested) {
        if (requested == null || !requested.matches("[0-9]{1,6}")) {
            return 0;
        }
        return Integer.parseInt(requested);
    }
}
