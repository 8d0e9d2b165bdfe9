package io.commentflow.posts.blog;

import io.commentflow.posts.comment.CommentNode;
import io.commentflow.posts.comment.PublicComment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CommentPagesTests {

    private final List<CommentNode> threads = new ArrayList<>();

    CommentPagesTests() {
        for (int i = 0; i < 7; i++) {
            CommentNode reply = new CommentNode(comment(), 2, List.of());
            threads.add(new CommentNode(comment(), 1, List.of(reply)));
        }
    }

    @Test
    void splitsTopLevelThreadsIntoPagesKeepingRepliesWithTheirThread() {
        CommentPages.Page second = CommentPages.of(threads, 3, "2", null);

        assertThat(second.number()).isEqualTo(2);
        assertThat(second.count()).isEqualTo(3);
        assertThat(second.threads()).containsExactlyElementsOf(threads.subList(3, 6));
        assertThat(CommentPages.of(threads, 3, "3", null).threads()).containsExactly(threads.get(6));
        assertThat(CommentPages.numbers(second)).containsExactly(1, 2, 3);
    }

    @Test
    void opensThePageHoldingTheWantedCommentUnlessAPageIsAskedFor() {
        UUID reply = threads.get(4).children().get(0).comment().id();

        assertThat(CommentPages.of(threads, 3, null, reply).number()).isEqualTo(2);
        assertThat(CommentPages.of(threads, 3, "1", reply).number()).isEqualTo(1);
        assertThat(CommentPages.of(threads, 3, null, UUID.randomUUID()).number()).isEqualTo(1);
    }

    @Test
    void keepsOddPageNumbersInRange() {
        assertThat(CommentPages.of(threads, 3, "99", null).number()).isEqualTo(3);
        assertThat(CommentPages.of(threads, 3, "0", null).number()).isEqualTo(1);
        assertThat(CommentPages.of(threads, 3, "-2", null).number()).isEqualTo(1);
        assertThat(CommentPages.of(threads, 3, "two", null).number()).isEqualTo(1);
        CommentPages.Page empty = CommentPages.of(List.of(), 50, null, null);
        assertThat(empty.count()).isEqualTo(1);
        assertThat(empty.threads()).isEmpty();
    }

    private static PublicComment comment() {
        return new PublicComment(UUID.randomUUID(), UUID.randomUUID(), null, "Name", null, "text", Instant.now());
    }
}
