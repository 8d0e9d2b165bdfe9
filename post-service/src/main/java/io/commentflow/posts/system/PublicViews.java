package io.commentflow.posts.system;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The version of what readers see of each post: its page and its public comments. Every change that alters them
 * (a comment published or taken down, a post created, edited, published, unpublished or closed) moves the version,
 * and the caches of what readers see key their entries by it, so the first request after a change reads and renders
 * anew (one request per key does the work; the others wait for it).
 * <p>
 * A change made in a transaction moves the version twice: when it is made, so that no entry built before it is
 * served again, and after the commit, so that an entry built while the change was still uncommitted (from what the
 * database showed before it) is not served either. Versions come from one counter, so a post's version never
 * returns to a value it had.
 * <p>
 * In this process only: another instance of post-service does not hear of these changes (nor this one of its). What
 * it has cached catches up when the entries expire: within {@code commentflow.blog.cache.max-age}.
 */
@Component
public class PublicViews {

    private final AtomicLong counter = new AtomicLong();
    private final Map<UUID, Long> commentVersions = new ConcurrentHashMap<>();
    private final AtomicLong postsVersion = new AtomicLong();

    /** The version of what readers see of this post: it moves with its comments and with any post change. */
    public long version(UUID postId) {
        return Math.max(postsVersion.get(), commentVersions.getOrDefault(postId, 0L));
    }

    /** The version of the published posts themselves (which slugs lead where, titles, bodies, open or closed). */
    public long postsVersion() {
        return postsVersion.get();
    }

    /** Comments of this post were published or taken down. */
    public void commentsChanged(UUID postId) {
        twice(() -> commentVersions.merge(postId, counter.incrementAndGet(), Math::max));
    }

    /**
     * A post was created or changed. Posts change rarely: every post's cached page is rebuilt, which also covers a
     * slug that moved from one post to another.
     */
    public void postsChanged() {
        twice(() -> postsVersion.accumulateAndGet(counter.incrementAndGet(), Math::max));
    }

    private static void twice(Runnable move) {
        move.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    move.run();
                }
            });
        }
    }
}
