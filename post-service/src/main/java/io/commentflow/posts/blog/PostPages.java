package io.commentflow.posts.blog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.commentflow.posts.comment.CommentNode;
import io.commentflow.posts.comment.PublishedComments;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PublishedPosts;
import io.commentflow.posts.system.PublicCacheProperties;
import io.commentflow.posts.system.PublicViews;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Post pages as every reader gets them (no reply target, no pending comment of their own), rendered once per
 * {@link PublicViews#version(UUID) version} of the post and page of comments, and kept as bytes. A page in use is
 * rendered again in the background as it ages (see {@link PublicCacheProperties#piece()}). After a change the first
 * reader renders the new version and waits for it; readers arriving meanwhile get the rendering before the change, if
 * it is younger than {@code max-age}, instead of queueing behind the rendering (on a busy page, at a thousand readers a
 * second, a rendering slowed down by other work would otherwise hold up dozens of them).
 * <p>
 * Metrics: {@code cache_gets_total{cache="post_pages",result=hit|miss}} (and Caffeine's other cache meters),
 * {@code commentflow_post_page_renders_seconds} and {@code commentflow_post_page_previous_served_total} (readers given
 * the rendering before a change while the new one was rendered).
 */
@Component
class PostPages {

    private final PublishedPosts posts;
    private final PublishedComments comments;
    private final BlogViews views;
    private final ThreadFragments fragments;
    private final BlogProperties properties;
    private final PublicViews versions;
    private final ITemplateEngine templates;
    private final LoadingCache<Key, RenderedPage> pages;
    /** The latest rendering of each page of each post, whatever its version: what readers get during a rendering. */
    private final Cache<Slot, RenderedPage> latest;
    /** Renderings in progress, by the reader doing it. */
    private final ConcurrentMap<Key, CompletableFuture<RenderedPage>> rendering = new ConcurrentHashMap<>();
    private final Timer renders;
    private final Counter previousServed;

    PostPages(PublishedPosts posts, PublishedComments comments, BlogViews views, ThreadFragments fragments,
              BlogProperties properties, PublicViews versions, ITemplateEngine templates, PublicCacheProperties cache,
              MeterRegistry meters) {
        this.posts = posts;
        this.comments = comments;
        this.views = views;
        this.fragments = fragments;
        this.properties = properties;
        this.versions = versions;
        this.templates = templates;
        this.renders = Timer.builder("commentflow.post.page.renders")
                .description("Post pages rendered for every reader (after a change, or as they age)").register(meters);
        this.previousServed = Counter.builder("commentflow.post.page.previous.served")
                .description("Readers given a post page as it was before a change while the new one was rendered")
                .register(meters);
        this.pages = cache.piece()
                .maximumWeight(cache.pagesSize().toBytes())
                .<Key, RenderedPage>weigher((key, page) -> page.size())
                .recordStats()
                .build(this::render);
        CaffeineCacheMetrics.monitor(meters, pages, "post_pages");
        this.latest = Caffeine.newBuilder()
                .expireAfterWrite(cache.maxAge())
                .maximumWeight(cache.pagesSize().toBytes())
                .<Slot, RenderedPage>weigher((slot, page) -> page.size())
                .build();
    }

    /**
     * The page of comments {@code requestedPage} (0: the first) of the published post at {@code slug}, as of
     * {@code now} (its comments may just have closed); empty if there is no such post.
     */
    Optional<RenderedPage> page(String slug, int requestedPage, Instant now) {
        // versions are read before what they are versions of, so no entry is older than its key says
        long postsVersion = versions.postsVersion();
        Optional<Post> post = posts.bySlug(slug);
        if (post.isEmpty()) {
            return Optional.empty();
        }
        UUID id = post.get().id();
        Key key = new Key(id, postsVersion, versions.version(id), Math.max(1, requestedPage),
                post.get().acceptsComments(now));
        RenderedPage cached = pages.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        CompletableFuture<RenderedPage> mine = new CompletableFuture<>();
        CompletableFuture<RenderedPage> other = rendering.putIfAbsent(key, mine);
        if (other != null) {
            RenderedPage before = latest.getIfPresent(key.slot());
            if (before != null) {
                previousServed.increment();
                return Optional.of(before);
            }
            return Optional.ofNullable(awaitRendering(other));
        }
        try {
            RenderedPage page = pages.get(key);
            if (page != null) {
                latest.put(key.slot(), page);
            }
            mine.complete(page);
            return Optional.ofNullable(page);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(key, mine);
        }
    }

    private static RenderedPage awaitRendering(CompletableFuture<RenderedPage> rendering) {
        try {
            return rendering.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private RenderedPage render(Key key) {
        return renders.record(() -> renderNow(key));
    }

    private RenderedPage renderNow(Key key) {
        Post post = posts.byId(key.postId()).orElse(null);
        if (post == null) {
            return null;
        }
        List<CommentNode> threads = comments.threads(post.id(), properties.maxThreadDepth());
        CommentPages.Page page = CommentPages.of(threads, properties.threadsPerPage(), key.page(), null);
        RenderedPage.Markers markers = RenderedPage.Markers.random();
        Context context = new Context(Locale.ENGLISH, views.postPage(post, key.acceptsComments(), threads, page,
                fragments.html(page.threads()), null, markers.startedAt(), markers.nonce()));
        return RenderedPage.split(templates.process("post", context), markers);
    }

    private record Key(UUID postId, long postsVersion, long version, int page, boolean acceptsComments) {

        Slot slot() {
            return new Slot(postId, page, acceptsComments);
        }
    }

    private record Slot(UUID postId, int page, boolean acceptsComments) {
    }
}
