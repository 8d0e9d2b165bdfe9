package io.commentflow.spamfilter.pipeline;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.Verdict;
import io.commentflow.spamfilter.scoring.CommentScoring;
import io.commentflow.spamfilter.scoring.Decision;
import io.commentflow.spamfilter.scoring.Finding;
import io.commentflow.spamfilter.scoring.ScoringPhase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.commentflow.spamfilter.scoring.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchScoringTests {

    @Test
    void waitsOnASlowPhaseForSeveralCommentsAtOnceAndKeepsTheirOrder() {
        int batch = 4;
        CountDownLatch allWaiting = new CountDownLatch(batch);
        // each comment's check only finishes once every comment of the batch is being checked at the same time
        ScoringPhase remote = phase(comment -> {
            allWaiting.countDown();
            boolean together = await(allWaiting);
            return List.of(new Finding(together ? Verdict.HAM : Verdict.UNSURE, "remote: " + comment.getContent()));
        });
        List<CommentSubmitted> comments = IntStream.range(0, batch).mapToObj(i -> comment("comment " + i).build()).toList();

        try (BatchScoring scoring = new BatchScoring(new CommentScoring(List.of(remote), "v"), batch)) {
            List<Decision> decisions = scoring.score(comments);

            assertThat(decisions).extracting(Decision::verdict).containsOnly(Verdict.HAM);
            assertThat(decisions).extracting(d -> d.reasons().get(0))
                    .containsExactly("remote: comment 0", "remote: comment 1", "remote: comment 2", "remote: comment 3");
        }
    }

    @Test
    void aFailureWhileScoringFailsTheWholeBatchAsItWouldOnOneThread() {
        ScoringPhase broken = phase(comment -> {
            if (comment.getContent().equals("bad")) {
                throw new IllegalStateException("phase broke");
            }
            return List.of();
        });

        try (BatchScoring scoring = new BatchScoring(new CommentScoring(List.of(broken), "v"), 4)) {
            assertThatThrownBy(() -> scoring.score(List.of(comment("good").build(), comment("bad").build())))
                    .isInstanceOf(IllegalStateException.class).hasMessage("phase broke");
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ScoringPhase phase(java.util.function.Function<CommentSubmitted, List<Finding>> examine) {
        return new ScoringPhase() {
            @Override
            public String name() {
                return "remote";
            }

            @Override
            public List<Finding> examine(CommentSubmitted comment) {
                return examine.apply(comment);
            }
        };
    }
}
