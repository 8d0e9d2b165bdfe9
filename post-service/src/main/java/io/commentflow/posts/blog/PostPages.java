package io.commentflow.posts.blog;

import com.github.benmanes.caffeine.cache.LoadingCache;
import io.commentflow.posts.comment.CommentNode;
import io.commentflow.posts.comment.PublishedComments;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PublishedPosts;
import io.commentflow.posts.system.PublicCacheProperties;
import io.commentflow.posts.system.PublicViews;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Post pages as every reader gets them (no reply target, no pending comment of their own), rendered once per
 * {@link PublicViews#version(UUID) version} of the post and page of comments, and kept as bytes. Concurrent requests
 * for a page that is being rendered wait for that one rendering; a page in use is rendered again in the background
 * as it ages (see {@link PublicCacheProperties#piece()}), so readers wait only after a change.
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

    PostPages(PublishedPosts posts, PublishedComments comments, BlogViews views, ThreadFragments fragments,
              BlogProperties properties, PublicViews versions, ITemplateEngine templates, PublicCacheProperties cache) {
        this.posts = posts;
        this.comments = comments;
        this.views = views;
        this.fragments = fragments;
        this.properties = properties;
        this.versions = versions;
        this.templates = templates;
        this.pages = cache.piece()
                .maximumWeight(cache.pagesSize().toBytes())
                .<Key, RenderedPage>weigher((key, page) -> page.size())
                .build(this::render);
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
        return Optional.ofNullable(pages.get(key));
    }

    private RenderedPage render(Key key) {
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
    }
}
