package io.commentflow.schemas;

import io.commentflow.events.CommentModerated;
import io.commentflow.events.CommentScored;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.PostChanged;
import io.commentflow.events.ReplyNotification;

import java.util.List;
import java.util.Optional;

/** The catalogue of every commentflow topic; producers, consumers and tools name topics only through it. */
public final class Topics {

    public static final Topic<CommentSubmitted> COMMENT_SUBMITTED =
            new Topic<>("comment-submitted", "post id", CommentSubmitted.class, false);
    public static final Topic<CommentScored> COMMENT_SCORED =
            new Topic<>("comment-scored", "post id", CommentScored.class, false);
    public static final Topic<ReplyNotification> REPLY_NOTIFICATION =
            new Topic<>("reply-notification", "comment id", ReplyNotification.class, false);
    public static final Topic<CommentModerated> COMMENT_MODERATED =
            new Topic<>("comment-moderated", "post id", CommentModerated.class, false);
    public static final Topic<PostChanged> POST_CATALOG =
            new Topic<>("post-catalog", "post id", PostChanged.class, true);

    private static final List<Topic<?>> ALL =
            List.of(COMMENT_SUBMITTED, COMMENT_SCORED, REPLY_NOTIFICATION, COMMENT_MODERATED, POST_CATALOG);

    private Topics() {
    }

    public static List<Topic<?>> all() {
        return ALL;
    }

    /** Finds a topic by its name or by the name of its dead-letter topic. */
    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream()
                .filter(t -> t.name().equals(name) || t.deadLetterTopic().equals(name))
                .findFirst();
    }
}
