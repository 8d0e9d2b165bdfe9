package io.commentflow.posts.comment;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CommentThreadsTests {

    private final Instant start = Instant.parse("2009-01-20T10:00:00Z");
    private int minutes;

    @Test
    void nestsRepliesUnderTheirParentsOldestFirst() {
        PublicComment first = comment(null);
        PublicComment second = comment(null);
        PublicComment replyToFirst = comment(first);
        PublicComment replyToReply = comment(replyToFirst);
        PublicComment laterReplyToFirst = comment(first);

        List<CommentNode> threads = CommentThreads.build(List.of(first, second, replyToFirst, replyToReply, laterReplyToFirst), 5);

        assertThat(threads).extracting(CommentNode::comment).containsExactly(first, second);
        CommentNode firstNode = threads.get(0);
        assertThat(firstNode.depth()).isEqualTo(1);
        assertThat(firstNode.children()).extracting(CommentNode::comment).containsExactly(replyToFirst, laterReplyToFirst);
        assertThat(firstNode.children().get(0).depth()).isEqualTo(2);
        assertThat(firstNode.children().get(0).children()).extracting(CommentNode::comment).containsExactly(replyToReply);
        assertThat(firstNode.children().get(0).children().get(0).depth()).isEqualTo(3);
        assertThat(threads.get(1).children()).isEmpty();
    }

    @Test
    void showsRepliesBeyondTheMaximumDepthAtTheDeepestLevel() {
        List<PublicComment> chain = new ArrayList<>();
        PublicComment parent = null;
        for (int i = 0; i < 4; i++) {
            parent = comment(parent);
            chain.add(parent);
        }

        List<CommentNode> threads = CommentThreads.build(chain, 2);

        CommentNode top = threads.get(0);
        assertThat(top.children()).extracting(CommentNode::comment).containsExactly(chain.get(1), chain.get(2), chain.get(3));
        assertThat(top.children()).extracting(CommentNode::depth).containsOnly(2);
        assertThat(top.children()).allSatisfy(node -> assertThat(node.children()).isEmpty());
    }

    @Test
    void startsAThreadForAReplyWhoseParentIsNotPublished() {
        PublicComment orphan = new PublicComment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Orphan", null, "x", start);

        assertThat(CommentThreads.build(List.of(orphan), 5)).extracting(CommentNode::comment).containsExactly(orphan);
        assertThat(PublishedComments.count(CommentThreads.build(List.of(orphan), 5))).isEqualTo(1);
    }

    private PublicComment comment(PublicComment parent) {
        return new PublicComment(UUID.randomUUID(), UUID.randomUUID(), parent == null ? null : parent.id(), "Reader",
                null, "text", start.plusSeconds(60L * minutes++));
    }
}
