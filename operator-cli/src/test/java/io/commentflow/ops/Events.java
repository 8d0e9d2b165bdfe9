package io.commentflow.ops;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.CommentScored;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.NotificationKind;
import io.commentflow.events.Person;
import io.commentflow.events.PostChanged;
import io.commentflow.events.PostRef;
import io.commentflow.events.ReplyNotification;
import io.commentflow.events.SubmissionSource;
import io.commentflow.events.Verdict;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Real commentflow events for the tests. */
final class Events {

    static final Instant SUBMITTED_AT = Instant.parse("2026-05-01T10:15:30.123Z");

    private Events() {
    }

    static CommentSubmitted commentSubmitted(UUID postId, UUID commentId) {
        return CommentSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(SUBMITTED_AT)
                .setCommentId(commentId)
                .setPostId(postId)
                .setParentId(null)
                .setAuthor(CommentAuthor.newBuilder().setName("Ada").setEmail("ada@example.org").build())
                .setContent("Nice post about " + postId)
                .setNotifyFollowups(true)
                .setSubmittedAt(SUBMITTED_AT)
                .setSource(SubmissionSource.FORM)
                .build();
    }

    static CommentScored commentScored(CommentSubmitted comment) {
        return CommentScored.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setComment(comment)
                .setVerdict(Verdict.HAM)
                .setScore(0.02)
                .setReasons(List.of("no links"))
                .setClassifierVersion("test-1")
                .setScoredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    static ReplyNotification replyNotification(UUID postId, UUID commentId) {
        Person author = Person.newBuilder().setName("Grace").setEmail(null).build();
        return ReplyNotification.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setKind(NotificationKind.COMMENT_PUBLISHED)
                .setCommentId(commentId)
                .setCommentLink("http://localhost:8080/posts/p#comment-" + commentId)
                .setExcerpt("Nice post")
                .setCommentAuthor(author)
                .setPost(PostRef.newBuilder().setPostId(postId).setTitle("A post").setLink("http://localhost:8080/posts/p")
                        .setAuthor(author).build())
                .setParent(null)
                .build();
    }

    static PostChanged postChanged(UUID postId, String title) {
        return PostChanged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setPostId(postId)
                .setSlug("a-post")
                .setTitle(title)
                .setLink("http://localhost:8080/posts/a-post")
                .build();
    }
}
