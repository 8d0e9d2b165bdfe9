package io.commentflow.posts.comment;

import io.commentflow.events.CommentScored;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.NotificationKind;
import io.commentflow.posts.outbox.Outbox;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.system.NotRetryable;
import io.commentflow.posts.system.PublicViews;
import io.commentflow.schemas.Topics;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores scored comments with the status their verdicts earn and, in the same transaction, puts the notifications
 * about them in the outbox. Idempotent by comment id: an event seen before changes nothing.
 *
 * <p>A batch is stored in one transaction with a handful of statements whatever its size (posts, parents, comments,
 * outbox), and comes out exactly as if its comments had been stored one after the other: a reply whose parent is
 * earlier in the same batch gets the status that parent was just given, and outbox rows follow the batch's order.
 */
@Service
class ScoredCommentHandler {

    private final PostCatalog posts;
    private final CommentRepository comments;
    private final ReplyNotifications notifications;
    private final Outbox outbox;
    private final Clock clock;
    private final PublicViews views;

    ScoredCommentHandler(PostCatalog posts, CommentRepository comments, ReplyNotifications notifications, Outbox outbox,
                         Clock clock, PublicViews views) {
        this.posts = posts;
        this.comments = comments;
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
        this.views = views;
    }

    /** What became of one scored comment: the status it was stored with, or null if it had been stored before. */
    record Outcome(CommentScored event, CommentStatus status) {

        boolean stored() {
            return status != null;
        }
    }

    /**
     * Stores a batch in one transaction, in its order. Stops before the first comment for a post that does not
     * exist: the outcomes are those of the comments before it (all of them if there is none).
     */
    @Transactional
    List<Outcome> handleAll(List<CommentScored> batch) {
        return store(batch);
    }

    /**
     * Stores one comment in a transaction of its own.
     *
     * @return the status the comment was stored with, or empty if it had been stored before
     * @throws NotRetryable if its post does not exist
     */
    @Transactional
    Optional<CommentStatus> handle(CommentScored scored) {
        List<Outcome> outcome = store(List.of(scored));
        if (outcome.isEmpty()) {
            throw unknownPost(scored);
        }
        return Optional.ofNullable(outcome.get(0).status());
    }

    static NotRetryable unknownPost(CommentScored scored) {
        CommentSubmitted submitted = scored.getComment();
        return new NotRetryable("comment " + submitted.getCommentId() + " is for unknown post " + submitted.getPostId());
    }

    private List<Outcome> store(List<CommentScored> batch) {
        Instant now = clock.instant();
        Set<UUID> postIds = new HashSet<>();
        for (CommentScored scored : batch) {
            postIds.add(scored.getComment().getPostId());
        }
        Map<UUID, Post> found = posts.findAll(postIds);
        int end = 0;
        while (end < batch.size() && found.containsKey(batch.get(end).getComment().getPostId())) {
            end++;
        }
        List<CommentScored> accepted = batch.subList(0, end);
        Map<UUID, KnownParent> storedBefore = comments.known(parentIds(accepted));
        // comments of this batch so far, as the replies after them would have found them stored
        Map<UUID, KnownParent> earlier = new HashMap<>();
        List<IncomingComment> incoming = new ArrayList<>(end);
        List<KnownParent> parents = new ArrayList<>(end);
        for (CommentScored scored : accepted) {
            CommentSubmitted submitted = scored.getComment();
            Post post = found.get(submitted.getPostId());
            KnownParent parent = parentOf(submitted, storedBefore, earlier);
            CommentStatus status = CommentTriage.statusFor(scored.getVerdict(), parentState(submitted, parent),
                    post.acceptsComments(now));
            IncomingComment comment = IncomingComment.from(scored, status);
            incoming.add(comment);
            parents.add(parent);
            earlier.putIfAbsent(comment.id(), new KnownParent(comment.id(), comment.postId(), status,
                    comment.authorName(), comment.authorEmail(), comment.notifyFollowups()));
        }
        boolean[] inserted = comments.insertAllIfAbsent(incoming);
        Instant occurredAt = now.truncatedTo(ChronoUnit.MILLIS);
        List<Outcome> outcomes = new ArrayList<>(end);
        List<Outbox.Event> events = new ArrayList<>(end);
        Set<UUID> changedPosts = new LinkedHashSet<>();
        for (int i = 0; i < end; i++) {
            if (!inserted[i]) {
                outcomes.add(new Outcome(accepted.get(i), null));
                continue;
            }
            IncomingComment comment = incoming.get(i);
            Post post = found.get(comment.postId());
            switch (comment.status()) {
                case APPROVED -> {
                    changedPosts.add(post.id());
                    events.add(notification(NotificationKind.COMMENT_PUBLISHED, comment, post, parents.get(i), occurredAt));
                }
                // held: only its author sees it (with intake's token), and that page is never cached
                case PENDING -> events.add(notification(NotificationKind.MODERATION_REQUESTED, comment, post,
                        parents.get(i), occurredAt));
                default -> {
                    // spam (and trash) is kept out of sight: nobody is told
                }
            }
            outcomes.add(new Outcome(accepted.get(i), comment.status()));
        }
        changedPosts.forEach(views::commentsChanged);
        outbox.appendAll(events);
        return outcomes;
    }

    private static Set<UUID> parentIds(List<CommentScored> batch) {
        Set<UUID> ids = new HashSet<>();
        for (CommentScored scored : batch) {
            if (scored.getComment().getParentId() != null) {
                ids.add(scored.getComment().getParentId());
            }
        }
        return ids;
    }

    /** The parent as a reply processed on its own would have found it: stored before, or earlier in the batch. */
    private static KnownParent parentOf(CommentSubmitted submitted, Map<UUID, KnownParent> storedBefore,
                                        Map<UUID, KnownParent> earlier) {
        UUID parentId = submitted.getParentId();
        if (parentId == null) {
            return null;
        }
        KnownParent parent = storedBefore.get(parentId);
        if (parent == null) {
            parent = earlier.get(parentId);
        }
        return parent != null && parent.postId().equals(submitted.getPostId()) ? parent : null;
    }

    private Outbox.Event notification(NotificationKind kind, IncomingComment comment, Post post, KnownParent parent,
                                      Instant now) {
        return Outbox.Event.of(Topics.REPLY_NOTIFICATION, comment.id().toString(),
                notifications.of(kind, comment, post, parent, now));
    }

    private static CommentTriage.Parent parentState(CommentSubmitted submitted, KnownParent parent) {
        if (submitted.getParentId() == null) {
            return CommentTriage.Parent.NONE;
        }
        if (parent == null) {
            return CommentTriage.Parent.UNKNOWN;
        }
        return parent.status() == CommentStatus.APPROVED ? CommentTriage.Parent.APPROVED : CommentTriage.Parent.NOT_APPROVED;
    }
}
