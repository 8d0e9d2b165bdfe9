package io.commentflow.spamfilter.pipeline;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.spamfilter.scoring.CommentScoring;
import io.commentflow.spamfilter.scoring.Decision;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scores the comments of one poll, in order. The local phases take microseconds and run on the listener's thread;
 * when a phase waits on the network (Akismet, up to its timeout per comment) several comments are scored at once, so
 * one poll stays well inside the Kafka transaction's timeout.
 */
final class BatchScoring implements AutoCloseable {

    private final CommentScoring scoring;
    private final ExecutorService workers;

    /** @param parallelism comments scored at the same time; 1 scores on the caller's thread */
    BatchScoring(CommentScoring scoring, int parallelism) {
        this.scoring = scoring;
        AtomicInteger count = new AtomicInteger();
        this.workers = parallelism <= 1 ? null : Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "scoring-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    List<Decision> score(List<CommentSubmitted> comments) {
        if (workers == null || comments.size() < 2) {
            return comments.stream().map(scoring::score).toList();
        }
        List<CompletableFuture<Decision>> decisions = comments.stream()
                .map(comment -> CompletableFuture.supplyAsync(() -> scoring.score(comment), workers))
                .toList();
        try {
            return decisions.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            // as if scored here: the failure rolls the poll back
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
