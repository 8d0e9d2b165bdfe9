package io.commentflow.posts.system;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The in-memory caches of what readers see (published posts, their threads, rendered post pages). Changes made by
 * this instance reach them at once (see {@link PublicViews}); {@code maxAge} bounds how late a change made elsewhere
 * (another instance, a hand-made database edit) shows up.
 *
 * @param maxAge    how old what a reader gets may be at most; 0 keeps nothing that could go out of date
 * @param pagesSize memory for rendered post pages (least used pages go first), and about as much again for rendered
 *                  comment threads
 */
@ConfigurationProperties("commentflow.blog.cache")
public record PublicCacheProperties(@DefaultValue("2s") Duration maxAge, @DefaultValue("32MB") DataSize pagesSize) {

    /**
     * A cache of one piece of what readers see. An entry lives half of {@code maxAge}, because a rendered page is
     * itself built from cached pieces (the post, its threads) and may be as old as they are. An entry in use is
     * reloaded in the background after a quarter of {@code maxAge}, so readers of a busy page never wait for it.
     */
    public Caffeine<Object, Object> piece() {
        Duration lifetime = maxAge.dividedBy(2);
        Caffeine<Object, Object> cache = Caffeine.newBuilder().expireAfterWrite(lifetime).executor(REFRESHES);
        return lifetime.isZero() ? cache : cache.refreshAfterWrite(lifetime.dividedBy(2));
    }

    /**
     * Where the pieces are reloaded. Caffeine's default, the common pool, has one thread on a two-core machine, and
     * then CompletableFuture (which Caffeine reloads through) starts a new thread for every reload instead: several a
     * second per page in use, each started on the reader's own request thread.
     */
    private static final Executor REFRESHES = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), refreshThreads());

    private static ThreadFactory refreshThreads() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("public-cache-refresh-");
        threads.setDaemon(true);
        return threads;
    }
}
