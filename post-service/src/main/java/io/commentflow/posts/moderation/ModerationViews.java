package io.commentflow.posts.moderation;

import io.commentflow.posts.comment.CommentStatus;
import io.commentflow.posts.moderation.CommentModeration.Action;
import io.commentflow.posts.post.Paragraphs;
import io.commentflow.posts.system.Links;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the moderation pages show; the templates escape every value. */
@Component
class ModerationViews {

    private static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Links links;

    ModerationViews(Links links) {
        this.links = links;
    }

    Row row(ModeratedComment c) {
        return new Row(c.id().toString(), c.postTitle(), links.post(c.postSlug()),
                c.status() == CommentStatus.APPROVED ? links.comment(c.postSlug(), c.id()) : null,
                c.parentId() == null ? null : c.parentId().toString(), c.authorName(), c.authorEmail(), c.authorUrl(),
                Paragraphs.of(c.content()), DATES.format(c.submittedAt()), c.verdict(),
                String.format(Locale.ROOT, "%.2f", c.score()), String.join(", ", c.reasons()));
    }

    List<Tab> tabs(Map<CommentStatus, Long> counts) {
        return Arrays.stream(new CommentStatus[]{CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.SPAM, CommentStatus.TRASH})
                .map(s -> new Tab(s.value(), title(s), counts.getOrDefault(s, 0L)))
                .toList();
    }

    static ActionView action(Action action) {
        return new ActionView(action.slug(), label(action));
    }

    static String label(Action action) {
        return switch (action) {
            case APPROVE -> "Approve";
            case SPAM -> "Spam";
            case NOT_SPAM -> "Not spam";
            case TRASH -> "Trash";
            case RESTORE -> "Restore";
        };
    }

    static String title(CommentStatus status) {
        return switch (status) {
            case PENDING -> "Pending";
            case APPROVED -> "Approved";
            case SPAM -> "Spam";
            case TRASH -> "Trash";
        };
    }

    record Row(String id, String postTitle, String postLink, String commentLink, String parentId, String authorName,
               String authorEmail, String authorUrl, List<List<String>> paragraphs, String date, String verdict,
               String score, String reasons) {
    }

    record Tab(String status, String title, long count) {
    }

    record ActionView(String slug, String label) {
    }
}
