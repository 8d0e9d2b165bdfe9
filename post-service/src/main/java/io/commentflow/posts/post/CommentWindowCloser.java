package io.commentflow.posts.post;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-announces posts whose "close comments after N days" window has just ended, so comment-intake learns from
 * post-catalog that they are closed.
 */
@Component
class CommentWindowCloser {

    private static final Logger log = LoggerFactory.getLogger(CommentWindowCloser.class);
    private static final int BATCH = 100;

    private final PostCatalog catalog;

    CommentWindowCloser(PostCatalog catalog) {
        this.catalog = catalog;
    }

    @Scheduled(initialDelayString = "${commentflow.posts.comment-window-check-interval:1m}",
            fixedDelayString = "${commentflow.posts.comment-window-check-interval:1m}")
    int announceEndedWindows() {
        int total = 0;
        int announced;
        do {
            announced = catalog.announceEndedCommentWindows(BATCH);
            total += announced;
        } while (announced == BATCH);
        if (total > 0) {
            log.info("Comment windows ended for {} posts; announced them as closed", total);
        }
        return total;
    }
}
