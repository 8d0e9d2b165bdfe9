package io.commentflow.spamfilter.akismet;

import io.commentflow.events.CommentModerated;
import io.commentflow.events.ModerationAction;
import io.commentflow.spamfilter.learning.ModeratorDecisionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Reports moderators' corrections to Akismet, as its documentation asks: {@code submit-spam} when a moderator marks as
 * spam a comment Akismet had passed, {@code submit-ham} when a moderator releases (NOT_SPAM or APPROVE) a comment
 * Akismet had called spam. A decision that agrees with Akismet teaches it nothing and is not sent.
 *
 * <p>Only comments this instance had Akismet judge, and still remembers, are reported: the report carries the exact
 * fields of the original check, and since every instance reads all of {@code comment-moderated}, remembering is also
 * what makes exactly one of them report. Decisions replayed from the topic's history at start-up never get here
 * (see {@link ModeratorDecisionListener}). Reports are sent one at a time on a thread of their own, so a slow Akismet
 * never holds up learning.
 */
final class AkismetFeedback implements ModeratorDecisionListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AkismetFeedback.class);
    private static final int QUEUE = 1_000;

    private final AkismetClient client;
    private final RecentComments recent;
    private final ThreadPoolExecutor sender;

    AkismetFeedback(AkismetClient client, RecentComments recent) {
        this.client = client;
        this.recent = recent;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
            Thread thread = new Thread(runnable, "akismet-feedback");
            thread.setDaemon(true);
            return thread;
        }, (task, executor) -> log.warn("Akismet reports are {} behind; a moderator's correction is not reported",
                QUEUE));
    }

    @Override
    public void on(CommentModerated decision) {
        String commentId = decision.getCommentId().toString();
        ModerationAction action = decision.getAction();
        sender.execute(() -> report(commentId, action));
    }

    private void report(String commentId, ModerationAction action) {
        Optional<RecentComments.Checked> checked = recent.get(commentId);
        if (checked.isEmpty()) {
            log.debug("Moderator's {} on comment {} not reported to Akismet: not judged by Akismet here", action,
                    commentId);
            return;
        }
        boolean spam;
        if (action == ModerationAction.SPAM && !checked.get().spam()) {
            spam = true;
        } else if ((action == ModerationAction.NOT_SPAM || action == ModerationAction.APPROVE) && checked.get().spam()) {
            spam = false;
        } else {
            return; // Akismet already agrees, or the decision (TRASH) says nothing about spam
        }
        Optional<String> trouble = client.submit(spam, checked.get().fields());
        if (trouble.isEmpty()) {
            recent.corrected(commentId, spam);
            log.info("Reported comment {} to Akismet as {}", commentId, spam ? "missed spam" : "not spam");
        } else {
            log.warn("Reporting comment {} to Akismet as {} failed: {}", commentId, spam ? "spam" : "not spam",
                    trouble.get());
        }
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }
}
