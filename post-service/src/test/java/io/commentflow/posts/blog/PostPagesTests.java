package io.commentflow.posts.blog;

import io.commentflow.posts.comment.CommentNode;
import io.commentflow.posts.comment.PublishedComments;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PublishedPosts;
import io.commentflow.posts.system.PublicCacheProperties;
import io.commentflow.posts.system.PublicViews;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.IContext;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What readers get while a post page is rendered after a change: the first one waits for the new page, the others get
 * the page as it was (the collaborators are stand-ins: the rendering is held up at will).
 */
class PostPagesTests {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final Post post = new Post(UUID.randomUUID(), "held-up", "Held up", "Body", "Author", "author@example.org",
            true, true, NOW, NOW, NOW, null);
    private final PublicViews versions = new PublicViews();
    private final PublishedComments comments = mock(PublishedComments.class);
    private final AtomicInteger renderings = new AtomicInteger();
    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final MeterRegistry meters = new SimpleMeterRegistry();

    private volatile CountDownLatch renderingStarted = new CountDownLatch(0);
    private volatile CountDownLatch finishRendering = new CountDownLatch(0);

    @AfterEach
    void stopReaders() {
        finishRendering.countDown();
        readers.shutdownNow();
    }

    @Test
    void readersArrivingDuringARenderingAfterAChangeGetThePageBeforeIt() throws Exception {
        PostPages pages = pages(Duration.ofMinutes(10)); // no entry ages (and is rendered again) during the test
        assertThat(html(pages.page(post.slug(), 1, NOW))).contains("rendering 1");

        versions.commentsChanged(post.id());
        holdNextRendering();
        Future<Optional<RenderedPage>> first = readers.submit(() -> pages.page(post.slug(), 1, NOW));
        assertThat(renderingStarted.await(10, TimeUnit.SECONDS)).isTrue();

        // while the first reader waits for the new page, the next one is not held up by it
        CompletableFuture<Optional<RenderedPage>> second = CompletableFuture.supplyAsync(
                () -> pages.page(post.slug(), 1, NOW), readers);
        assertThat(html(second.get(10, TimeUnit.SECONDS))).contains("rendering 1");
        assertThat(first).isNotDone();

        finishRendering.countDown();
        assertThat(html(first.get(10, TimeUnit.SECONDS))).contains("rendering 2");
        assertThat(html(pages.page(post.slug(), 1, NOW))).contains("rendering 2");
        assertThat(renderings).hasValue(2);
        // what an operator sees: two renderings, one reader given the page before the change, one served from the
        // cache (the last)
        assertThat(meters.get("commentflow.post.page.renders").timer().count()).isEqualTo(2);
        assertThat(meters.get("commentflow.post.page.previous.served").counter().count()).isEqualTo(1);
        assertThat(meters.get("cache.gets").tag("cache", "post_pages").tag("result", "hit").functionCounter().count())
                .isEqualTo(1);
    }

    @Test
    void withoutARecentPageReadersWaitForTheRendering() throws Exception {
        // max-age 0: nothing that could be out of date is kept, so there is no page before the change to hand out
        PostPages pages = pages(Duration.ZERO);
        assertThat(html(pages.page(post.slug(), 1, NOW))).contains("rendering 1");

        versions.commentsChanged(post.id());
        holdNextRendering();
        Future<Optional<RenderedPage>> first = readers.submit(() -> pages.page(post.slug(), 1, NOW));
        assertThat(renderingStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Optional<RenderedPage>> second = readers.submit(() -> pages.page(post.slug(), 1, NOW));

        // the second reader gets no answer while the rendering is held up
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
        finishRendering.countDown();
        assertThat(html(second.get(10, TimeUnit.SECONDS))).contains("rendering 2");
        assertThat(html(first.get(10, TimeUnit.SECONDS))).contains("rendering 2");
    }

    private void holdNextRendering() {
        renderingStarted = new CountDownLatch(1);
        finishRendering = new CountDownLatch(1);
    }

    private PostPages pages(Duration maxAge) {
        PublishedPosts posts = mock(PublishedPosts.class);
        when(posts.bySlug(post.slug())).thenReturn(Optional.of(post));
        when(posts.byId(post.id())).thenReturn(Optional.of(post));
        when(comments.threads(eq(post.id()), anyInt())).thenAnswer(call -> {
            renderingStarted.countDown();
            assertThat(finishRendering.await(10, TimeUnit.SECONDS)).isTrue();
            return List.<CommentNode>of();
        });
        BlogViews views = mock(BlogViews.class);
        when(views.postPage(any(), anyBoolean(), anyList(), any(), anyList(), any(), any(), anyString()))
                .thenAnswer(call -> Map.of("formStartedAt", call.getArgument(6), "commentNonce", call.getArgument(7)));
        ThreadFragments fragments = mock(ThreadFragments.class);
        when(fragments.html(anyList())).thenReturn(List.of());
        ITemplateEngine templates = mock(ITemplateEngine.class);
        when(templates.process(eq("post"), any(IContext.class))).thenAnswer(call -> {
            IContext context = call.getArgument(1);
            return "<p>rendering " + renderings.incrementAndGet() + "</p><form>" + context.getVariable("formStartedAt")
                    + " " + context.getVariable("commentNonce") + "</form>";
        });
        return new PostPages(posts, comments, views, fragments, new BlogProperties(5, ZoneId.of("UTC"), 50), versions,
                templates, new PublicCacheProperties(maxAge, DataSize.ofMegabytes(1)), meters);
    }

    private static String html(Optional<RenderedPage> page) {
        return new String(page.orElseThrow().beforeStartedAt());
    }
}
