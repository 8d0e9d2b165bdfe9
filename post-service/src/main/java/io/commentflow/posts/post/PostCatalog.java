package io.commentflow.posts.post;

import io.commentflow.events.PostChanged;
import io.commentflow.posts.outbox.Outbox;
import io.commentflow.posts.system.Links;
import io.commentflow.posts.system.PublicViews;
import io.commentflow.schemas.Topics;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The posts of the blog. Every change is announced as {@code PostChanged} on {@code post-catalog} through the
 * outbox, in the same transaction as the change; {@code commentsOpen} there is false once comments are switched
 * off or the post's comment window has ended.
 */
@Service
public class PostCatalog {

    private final PostRepository posts;
    private final Outbox outbox;
    private final Links links;
    private final Clock clock;
    private final PublicViews views;

    PostCatalog(PostRepository posts, Outbox outbox, Links links, Clock clock, PublicViews views) {
        this.posts = posts;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
        this.views = views;
    }

    /** @throws InvalidPost naming each field that is wrong, the slug too when another post has it */
    @Transactional
    public Post create(NewPost draft) {
        UUID id = draft.id() == null ? UUID.randomUUID() : draft.id();
        PostEdit fields = new PostEdit(draft.slug(), draft.title(), draft.body(), draft.authorName(), draft.authorEmail(),
                draft.commentsOpen(), draft.closeCommentsAfterDays());
        validate(id, fields);
        Instant now = now();
        Post post = new Post(id, draft.slug(), draft.title(), draft.body(), draft.authorName(), draft.authorEmail(),
                draft.commentsOpen(), draft.published(), now, now, draft.published() ? now : null,
                draft.closeCommentsAfterDays());
        posts.insert(post, post.commentWindowEnded(now));
        announce(post, now);
        return post;
    }

    /** Changes a post's fields; empty if there is no such post. @throws InvalidPost */
    @Transactional
    public Optional<Post> update(UUID id, PostEdit edit) {
        return posts.lock(id).map(current -> {
            validate(id, edit);
            Instant now = now();
            Post changed = new Post(id, edit.slug(), edit.title(), edit.body(), edit.authorName(), edit.authorEmail(),
                    edit.commentsOpen(), current.published(), current.createdAt(), later(now, current.updatedAt()),
                    current.publishedAt(), edit.closeCommentsAfterDays());
            return save(changed, now);
        });
    }

    /** Makes a post public; the first publication starts its comment window. */
    @Transactional
    public Optional<Post> publish(UUID id) {
        return setPublished(id, true);
    }

    /** Takes a post off the blog (its page and API answer 404); comments stay. */
    @Transactional
    public Optional<Post> unpublish(UUID id) {
        return setPublished(id, false);
    }

    /**
     * Announces {@code commentsOpen = false} for every post whose comment window has ended since its last
     * announcement. Safe to run on several instances at once.
     *
     * @return how many posts were announced
     */
    @Transactional
    public int announceEndedCommentWindows(int limit) {
        Instant now = now();
        List<Post> ended = posts.lockEndedCommentWindows(now, limit);
        for (Post post : ended) {
            posts.markCommentWindowClosed(post.id());
            announce(post, now);
        }
        return ended.size();
    }

    @Transactional(readOnly = true)
    public Optional<Post> find(UUID id) {
        return posts.findById(id);
    }

    /** The posts of these ids that exist, by id (one query for a whole batch of comments). */
    @Transactional(readOnly = true)
    public Map<UUID, Post> findAll(Collection<UUID> ids) {
        Map<UUID, Post> found = new HashMap<>();
        for (Post post : posts.findAllById(ids)) {
            found.put(post.id(), post);
        }
        return found;
    }

    @Transactional(readOnly = true)
    public List<PostSummary> published() {
        return posts.published();
    }

    /** Every post, drafts included, newest first (for the admin area). */
    @Transactional(readOnly = true)
    public List<Post> all() {
        return posts.all();
    }

    @Transactional(readOnly = true)
    public long approvedComments(UUID postId) {
        return posts.approvedComments(postId);
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return posts.isEmpty();
    }

    private Optional<Post> setPublished(UUID id, boolean published) {
        return posts.lock(id).map(current -> {
            if (current.published() == published) {
                return current;
            }
            Instant now = now();
            Post changed = new Post(id, current.slug(), current.title(), current.body(), current.authorName(),
                    current.authorEmail(), current.commentsOpen(), published, current.createdAt(),
                    later(now, current.updatedAt()), current.publishedAt() == null && published ? now : current.publishedAt(),
                    current.closeCommentsAfterDays());
            return save(changed, now);
        });
    }

    private Post save(Post post, Instant now) {
        posts.update(post, post.commentWindowEnded(now));
        announce(post, now);
        return post;
    }

    private void validate(UUID id, PostEdit fields) {
        Map<String, String> errors = new LinkedHashMap<>(PostRules.check(fields));
        if (!errors.containsKey("slug") && posts.slugTaken(fields.slug(), id)) {
            errors.put("slug", "another post has the slug " + fields.slug());
        }
        if (!errors.isEmpty()) {
            throw new InvalidPost(errors);
        }
    }

    /** Every change readers may see of a post is announced: its cached page is rebuilt too. */
    private void announce(Post post, Instant now) {
        views.postsChanged();
        outbox.append(Topics.POST_CATALOG, post.id().toString(), PostChanged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setPostId(post.id())
                .setSlug(post.slug())
                .setTitle(post.title())
                .setLink(links.post(post.slug()))
                .setPublished(post.published())
                .setCommentsOpen(post.commentsOpenAt(now))
                .build());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** An update time after the previous one, so versions always move forward. */
    private static Instant later(Instant now, Instant previous) {
        return now.isAfter(previous) ? now : previous.plusMillis(1);
    }
}
