package io.commentflow.posts.post;

import com.github.benmanes.caffeine.cache.LoadingCache;
import io.commentflow.posts.system.PublicCacheProperties;
import io.commentflow.posts.system.PublicViews;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Published posts as readers reach them, by slug (the blog) and by id (the public API), cached: every page view
 * needs one, and posts change rarely. An entry is keyed by {@link PublicViews#postsVersion()}, so any post change
 * is seen by the next request. Unknown slugs and ids are not cached (nothing to keep for a mistyped address).
 */
@Component
public class PublishedPosts {

    private final PublicViews views;
    private final LoadingCache<BySlug, Post> bySlug;
    private final LoadingCache<ById, Post> byId;

    PublishedPosts(PostRepository posts, PublicViews views, PublicCacheProperties cache) {
        this.views = views;
        // the posts readers are reading now; a body is a few KB
        this.bySlug = cache.piece().maximumSize(200)
                .build(key -> posts.findBySlug(key.slug()).filter(Post::published).orElse(null));
        this.byId = cache.piece().maximumSize(200)
                .build(key -> posts.findById(key.id()).filter(Post::published).orElse(null));
    }

    public Optional<Post> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(new BySlug(slug, views.postsVersion())));
    }

    public Optional<Post> byId(UUID id) {
        return Optional.ofNullable(byId.get(new ById(id, views.postsVersion())));
    }

    private record BySlug(String slug, long version) {
    }

    private record ById(UUID id, long version) {
    }
}
