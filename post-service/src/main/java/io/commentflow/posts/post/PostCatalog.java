package io.commentflow.posts.post;

import io.commentflow.events.PostChanged;
import io.commentflow.posts.outbox.Outbox;
import io.commentflow.posts.system.Links;
import io.commentflow.schemas.Topics;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The posts of the blog. Every change is announced as {@code PostChanged} on {@code post-catalog} through the
 * outbox, in the same transaction as the change.
 */
@Service
public class PostCatalog {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final PostRepository posts;
    private final Outbox outbox;
    private final Links links;
    private final Clock clock = Clock.systemUTC();

    PostCatalog(PostRepository posts, Outbox outbox, Links links) {
        this.posts = posts;
        this.outbox = outbox;
        this.links = links;
    }

    @Transactional
    public Post create(NewPost draft) {
        if (draft.slug() == null || draft.slug().length() > 200 || !SLUG.matcher(draft.slug()).matches()) {
            throw new IllegalArgumentException("a slug is lower-case letters, digits and single dashes: " + draft.slug());
        }
        if (posts.slugTaken(draft.slug())) {
            throw new IllegalArgumentException("slug already in use: " + draft.slug());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Post post = new Post(draft.id() == null ? UUID.randomUUID() : draft.id(), draft.slug(), draft.title(),
                draft.body(), draft.authorName(), draft.authorEmail(), draft.commentsOpen(), true, now, now);
        posts.insert(post);
        outbox.append(Topics.POST_CATALOG, post.id().toString(), changed(post, now));
        return post;
    }

    @Transactional(readOnly = true)
    public Optional<Post> find(UUID id) {
        return posts.findById(id);
    }

    /** A published post by its slug. */
    @Transactional(readOnly = true)
    public Optional<Post> findPublished(String slug) {
        return posts.findBySlug(slug).filter(Post::published);
    }

    @Transactional(readOnly = true)
    public List<PostSummary> published() {
        return posts.published();
    }

    @Transactional(readOnly = true)
    public long approvedComments(UUID postId) {
        return posts.approvedComments(postId);
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return posts.isEmpty();
    }

    private PostChanged changed(Post post, Instant now) {
        return PostChanged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setPostId(post.id())
                .setSlug(post.slug())
                .setTitle(post.title())
                .setLink(links.post(post.slug()))
                .setPublished(post.published())
                .setCommentsOpen(post.commentsOpen())
                .build();
    }
}
