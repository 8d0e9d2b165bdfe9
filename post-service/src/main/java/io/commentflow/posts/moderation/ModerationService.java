package io.commentflow.posts.moderation;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.CommentModerated;
import io.commentflow.events.ModerationAction;
import io.commentflow.posts.comment.CommentStatus;
import io.commentflow.posts.comment.ReplyNotifications;
import io.commentflow.posts.outbox.Outbox;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.system.PublicViews;
import io.commentflow.posts.system.PublishLatency;
import io.commentflow.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies moderators' decisions. In the transaction of each status change it writes {@code CommentModerated}
 * (keyed by post id) to the outbox and, when a comment is published for the first time, the
 * {@code COMMENT_PUBLISHED} {@code ReplyNotification}, so notifications go out then.
 */
@Service
public class ModerationService {

    private static final Logger log = LoggerFactory.getLogger(ModerationService.class);

    private final ModerationRepository comments;
    private final PostCatalog posts;
    private final ReplyNotifications notifications;
    private final Outbox outbox;
    private final Clock clock;
    private final PublishLatency publishLatency;
    private final PublicViews views;

    ModerationService(ModerationRepository comments, PostCatalog posts, ReplyNotifications notifications, Outbox outbox,
                      Clock clock, PublishLatency publishLatency, PublicViews views) {
        this.comments = comments;
        this.posts = posts;
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
        this.publishLatency = publishLatency;
        this.views = views;
    }

    /** What became of one comment. */
    public enum Outcome { CHANGED, UNCHANGED, REFUSED, NOT_FOUND }

    /** @param status the comment's status after the decision (null if there is no such comment) */
    public record Result(UUID commentId, Outcome outcome, CommentStatus status, String reason) {
    }

    @Transactional
    public Result moderate(UUID commentId, CommentModeration.Action action, String moderator) {
        Optional<CommentRow> found = comments.lock(commentId);
        if (found.isEmpty()) {
            return new Result(commentId, Outcome.NOT_FOUND, null, "no such comment");
        }
        CommentRow comment = found.get();
        CommentModeration.Decision decision = CommentModeration.decide(comment.status(), comment.previous(),
                comment.everPublished(), action);
        if (decision instanceof CommentModeration.Unchanged unchanged) {
            return new Result(commentId, Outcome.UNCHANGED, unchanged.status(), null);
        }
        if (decision instanceof CommentModeration.Refused refused) {
            return new Result(commentId, Outcome.REFUSED, refused.status(), refused.reason());
        }
        CommentModeration.Change change = (CommentModeration.Change) decision;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        comments.changeStatus(commentId, change.to(), change.remembered(), now);
        if (change.from() == CommentStatus.APPROVED || change.to() == CommentStatus.APPROVED) {
            // published or taken down (only approved comments are on the public page and API)
            views.commentsChanged(comment.postId());
        }
        outbox.append(Topics.COMMENT_MODERATED, comment.postId().toString(), moderated(comment, change, moderator, now));
        if (change.firstPublication()) {
            Post post = posts.find(comment.postId()).orElseThrow();
            outbox.append(Topics.REPLY_NOTIFICATION, commentId.toString(), notifications.published(commentId,
                    comment.parentId(), comment.authorName(), comment.authorEmail(), comment.content(),
                    comment.notifyFollowups(), post, now));
            publishLatency.publishedByModerator(comment.submittedAt());
        }
        log.info("Comment {} on post {} moderated: {} -> {} ({})", commentId, comment.postId(), change.from().value(),
                change.to().value(), action.slug());
        return new Result(commentId, Outcome.CHANGED, change.to(), null);
    }

    /** The same action for several comments, in one transaction; refused ones are skipped and reported. */
    @Transactional
    public List<Result> moderateAll(List<UUID> commentIds, CommentModeration.Action action, String moderator) {
        List<Result> results = new ArrayList<>();
        // a fixed lock order, so two bulk actions over the same comments cannot deadlock
        commentIds.stream().distinct().sorted().forEach(id -> results.add(moderate(id, action, moderator)));
        return results;
    }

    @Transactional(readOnly = true)
    public Optional<ModeratedComment> find(UUID commentId) {
        return comments.find(commentId);
    }

    @Transactional(readOnly = true)
    List<ModeratedComment> list(CommentStatus status, int limit, long offset) {
        return comments.list(status, limit, offset);
    }

    @Transactional(readOnly = true)
    Map<CommentStatus, Long> counts() {
        return comments.counts();
    }

    /**
     * Deletes spam older than {@code before}, in batches; returns how many comments went. No reader sees a
     * difference (spam was never on a page or in the API, and a reply to it was shown as a thread of its own
     * already), so no cached page needs to change.
     */
    public int purgeSpam(Instant before) {
        int total = 0;
        int deleted;
        do {
            deleted = comments.deleteSpamOlderThan(before, 500);
            total += deleted;
        } while (deleted == 500);
        return total;
    }

    private static CommentModerated moderated(CommentRow comment, CommentModeration.Change change, String moderator,
                                              Instant now) {
        return CommentModerated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCommentId(comment.id())
                .setPostId(comment.postId())
                .setAction(ModerationAction.valueOf(change.announced().name()))
                .setContent(comment.content())
                .setAuthor(new CommentAuthor(comment.authorName(), comment.authorEmail(), comment.authorUrl(),
                        comment.authorIp(), comment.userAgent()))
                .setModerator(moderator)
                .setModeratedAt(now)
                .build();
    }
}
